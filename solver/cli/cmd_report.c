/* wijkplan report: one self-contained HTML page for a comparison. */
#include <stdio.h>
#include <wijkplan/report.h>

#include "cli/args.h"
#include "cli/commands.h"

int wp_cmd_report(int argc, char **argv)
{
    const char *output = NULL, *scenario = NULL, *kpi = NULL, *lang = NULL;
    bool md = false;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "REPORT.html", "write the page here (-o)", true},
        {"scenario", WP_OPT_STRING, &scenario, "FILE",
         "the scenario (default: the comparison's scenario_file)", false},
        {"kpi", WP_OPT_STRING, &kpi, "NAME",
         "a district KPI to map first (e.g. unserved_hours, pairs_kept, cost_eur)", false},
        {"lang", WP_OPT_STRING, &lang, "nl|en", "the language of the report (default nl)", false},
        {"markdown", WP_OPT_FLAG, &md, NULL, "write the key figures as a markdown table instead",
         false},
        {0},
    };
    const wp_command_spec spec = {
        "report",
        "COMPARISON.json -o REPORT.html [options]",
        "Writes one HTML file, readable offline and with no scripts, in Dutch (or --lang en):\n"
        "per variant what changes for clients, helpers and the budget in plain words, the key\n"
        "figures, charts, maps per district with labels, and per-district tables with a CSV.",
        1,
        1,
        opts};
    const char *pos[1];
    int n;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &n, &rc)) return rc;
    wp_error err;
    wp_error_init(&err);
    wp_status s = md ? wp_report_markdown(pos[0], output, &err)
                     : wp_report_html(pos[0], scenario, kpi, lang, output, &err);
    rc = s == WP_OK ? 0 : wp_cli_fail("report", &err);
    if (s == WP_OK) fprintf(stderr, "wijkplan report: wrote %s\n", output);
    wp_error_clear(&err);
    return rc;
}
