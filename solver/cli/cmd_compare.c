/* wijkplan compare: contracting variants side by side. */
#include <stdio.h>
#include <string.h>
#include <wijkplan/wijkplan.h>
#include <wijkplan/compare.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "util/fileio.h"

int wp_cmd_compare(int argc, char **argv)
{
    const char *output = NULL, *variants = "open_house,per_district:1,per_district:3";
    const char *transfer = "no";
    long long max_districts = 0;
    wp_cli_search search = WP_CLI_SEARCH_DEFAULTS;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "COMPARISON.json", "write the comparison here (-o)",
         true},
        {"variants", WP_OPT_STRING, &variants, "LIST",
         "comma-separated open_house, per_district:k[:m] (m: most districts one provider may win;\n"
         "                               default open_house,per_district:1,per_district:3)",
         false},
        {"staff-transfer", WP_OPT_STRING, &transfer, "no|yes|both",
         "staff transfer in per_district variants (both: each with and without)", false},
        {"max-districts-per-provider", WP_OPT_LONG, &max_districts, "N",
         "award limit for variants without their own :m (default none)", false},
        WP_CLI_SEARCH_OPTS(search),
        {0},
    };
    const wp_command_spec spec = {
        "compare",
        "SCENARIO -o COMPARISON.json [options]",
        "Solves the scenario under each contracting variant (open house, k providers per "
        "district,\n"
        "with or without staff transfer; awards optimised unless the scenario gives them) and "
        "writes\n"
        "wijkplan-comparison/1 with KPIs per district and in total, plus one roster per variant\n"
        "beside it (roster-<variant>.json). Time limit, iterations and seed apply per variant;\n"
        "threads are shared out over variants solved side by side. Check a roster with\n"
        "  wijkplan validate SCENARIO roster-per_district-1.json --variant per_district:1 "
        "[--staff-transfer yes]",
        1,
        1,
        opts};
    const char *pos[1];
    int npos;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &npos, &rc)) return rc;
    wp_compare_options o = {variants, 0, (int)max_districts, {0}, pos[0]};
    if ((rc = wp_cli_search_apply(&search, "compare", &o.solve))) return rc;
    int choice = strcmp(transfer, "yes") == 0    ? WP_TRANSFER_YES
                 : strcmp(transfer, "both") == 0 ? WP_TRANSFER_BOTH
                 : strcmp(transfer, "no") == 0   ? WP_TRANSFER_NO
                                                 : -1;
    if (choice < 0 || max_districts < 0) {
        fprintf(stderr, "wijkplan compare: --staff-transfer takes no, yes or both; "
                        "--max-districts-per-provider must not be negative\n");
        return 2;
    }
    o.staff_transfer = choice;
    wp_error err;
    wp_error_init(&err);
    wp_scenario *sc;
    if (wp_file_check_output(output, &err) != WP_OK ||
        wp_scenario_load(pos[0], &sc, &err) != WP_OK) { /* a missing directory: before solving */
        rc = wp_cli_fail("compare", &err);
        wp_error_clear(&err);
        return rc;
    }
    wp_status s = wp_compare(sc, &o, output, &err);
    rc = s == WP_OK ? 0 : wp_cli_fail("compare", &err);
    if (s == WP_OK && !search.quiet) fprintf(stderr, "wijkplan compare: wrote %s\n", output);
    wp_scenario_free(sc);
    wp_error_clear(&err);
    return rc;
}
