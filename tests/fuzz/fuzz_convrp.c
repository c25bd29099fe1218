/* A ConVRP instance (TSPLIB-like text). */
#include <wijkplan/import.h>
#include <wijkplan/wijkplan.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wp_convrp_options o = {0, -1};
    wp_error err;
    wp_error_init(&err);
    wp_import_convrp(fz_file(data, size, "convrp.vrp"), &o, fz_out("scenario.json"), &err);
    wp_error_clear(&err);
    return 0;
}
