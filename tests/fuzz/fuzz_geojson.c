/* A districts file (GeoJSON FeatureCollection), read through a fixed scenario that names it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_load_scenario_naming(data, size, "districts.geojson", "\"districts\": \"%s\"");
    return 0;
}
