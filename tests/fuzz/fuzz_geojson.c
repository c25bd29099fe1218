/* A districts file (GeoJSON FeatureCollection), read through a fixed scenario that names it. */
#include <stdio.h>
#include <stdlib.h>
#include <wijkplan/wijkplan.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fz_file(data, size, "districts.geojson");
    char text[1024];
    snprintf(text, sizeof text,
             "{\"format\": \"wijkplan-scenario/1\", \"name\": \"f\", \"providers\": [{\"id\": "
             "\"P1\"}], \"helpers\": [{\"id\": \"H1\", \"provider\": \"P1\", \"home\": [6.566, "
             "53.219], \"hours_per_week\": 24}], \"clients\": [{\"id\": \"C1\", \"location\": "
             "[6.571, 53.214], \"hours_per_week\": 2}], \"districts\": \"%s\"}",
             path);
    wp_scenario *s = NULL;
    wp_error err;
    wp_error_init(&err);
    wp_scenario_load_string(text, "fuzz.json", ".", &s, &err);
    wp_scenario_free(s);
    wp_error_clear(&err);
    return 0;
}
