/* wijkplan report: one self-contained HTML page for a comparison. */
#include <stdio.h>
#include <wijkplan/report.h>

#include "cli/args.h"
#include "cli/commands.h"

int wp_cmd_report(int argc, char **argv)
{
    const char *output = NULL, *scenario = NULL, *kpi = "travel_share";
    bool md = false;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "REPORT.html", "write the page here (-o)", true},
        {"scenario", WP_OPT_STRING, &scenario, "FILE",
         "the scenario (default: the comparison's scenario_file)", false},
        {"kpi", WP_OPT_STRING, &kpi, "NAME",
         "district KPI the maps show (default travel_share; e.g. unserved_hours, pairs_kept)",
         false},
        {"markdown", WP_OPT_FLAG, &md, NULL, "write the key figures as a markdown table instead",
         false},
        {0},
    };
    const wp_command_spec spec = {
        "report",
        "COMPARISON.json -o REPORT.html [options]",
        "Writes one HTML file, readable offline and with no scripts: the key figures of every\n"
        "variant, bar charts, maps of the districts coloured by a KPI, and the per-district "
        "tables.",
        1,
        1,
        opts};
    const char *pos[1];
    int n;
    int rc = wp_args_parse(&spec, argc, argv, pos, &n);
    if (rc) return rc == WP_ARGS_HELP ? 0 : rc;
    wp_error err;
    wp_error_init(&err);
    wp_status s = md ? wp_report_markdown(pos[0], output, &err)
                     : wp_report_html(pos[0], scenario, kpi, output, &err);
    rc = s == WP_OK ? 0 : wp_cli_fail("report", &err);
    if (s == WP_OK) fprintf(stderr, "wijkplan report: wrote %s\n", output);
    wp_error_clear(&err);
    return rc;
}
