/* A Solomon / Gehring-Homberger VRPTW text file. */
#include <wijkplan/import.h>
#include <wijkplan/wijkplan.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wp_solomon_options o = {0, 0};
    wp_error err;
    wp_error_init(&err);
    wp_import_solomon(fz_file(data, size, "solomon.txt"), &o, fz_out("scenario.json"), &err);
    wp_error_clear(&err);
    return 0;
}
