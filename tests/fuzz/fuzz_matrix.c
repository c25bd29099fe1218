/* A travel matrix file, read through a fixed two-location scenario that names it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_load_scenario_naming(data, size, "matrix.json", "\"travel\": {\"matrix\": \"%s\"}");
    return 0;
}
