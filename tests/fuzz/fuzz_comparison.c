/* A comparison (JSON), as the report reads it: markdown, and HTML without a scenario. */
#include <wijkplan/report.h>
#include <wijkplan/wijkplan.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fz_file(data, size, "comparison.json");
    wp_error err;
    wp_error_init(&err);
    wp_report_markdown(path, fz_out("report.md"), &err);
    wp_report_html(path, NULL, NULL, NULL, fz_out("report.html"), &err);
    wp_error_clear(&err);
    return 0;
}
