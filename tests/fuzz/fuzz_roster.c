/* A roster (JSON), read and, when it reads, validated against a fixed small scenario, its KPIs
 * computed and its agendas and CSV written: hostile rosters reach every reader of rosters. */
#include <stdlib.h>
#include <wijkplan/report.h>
#include <wijkplan/wijkplan.h>

#include "fuzz.h"

static const char scenario[] =
    "{\"format\": \"wijkplan-scenario/1\", \"name\": \"pins\", \"providers\": [{\"id\": \"P1\"}], "
    "\"helpers\": [{\"id\": \"H1\", \"provider\": \"P1\", \"home\": [6.566, 53.219], "
    "\"hours_per_week\": 24}, {\"id\": \"H2\", \"provider\": \"P1\", \"home\": [6.566, 53.219], "
    "\"hours_per_week\": 24}], \"clients\": [{\"id\": \"C1\", \"location\": [6.571, 53.214], "
    "\"hours_per_week\": 2, \"helper\": \"H1\"}, {\"id\": \"C2\", \"location\": [6.561, 53.224], "
    "\"visits\": [{\"duration_min\": 60}, {\"duration_min\": 30, \"day\": \"fri\"}]}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static wp_scenario *s;
    wp_error err;
    wp_error_init(&err);
    if (!s && wp_scenario_load_string(scenario, "fuzz.json", ".", &s, &err) != WP_OK) abort();
    const char *path = fz_file(data, size, "roster.json");
    wp_roster *r = NULL;
    if (wp_roster_read_json(path, &r, &err) == WP_OK &&
        wp_scenario_check_roster(s, r, path, &err) == WP_OK) {
        wp_validate_options vo;
        wp_validate_options_default(&vo);
        wp_validation v = {0};
        wp_validate(s, r, &vo, &v, &err);
        wp_validation_free(&v);
        wp_roster_write_csv_as(r, fz_out("roster.csv"), WP_CSV_EXCEL_NL, &err);
        wp_export_agenda(s, r, path, "2026-W49", NULL, fz_out("agenda"), &err);
        wp_export_ical(s, r, path, "2026-W49", fz_out("ical"), &err);
        wp_export_geojson(s, r, fz_out("roster.geojson"), &err);
    }
    wp_roster_free(r);
    wp_error_clear(&err);
    return 0;
}
