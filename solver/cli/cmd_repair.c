/* wijkplan repair: next week's roster from this week's, changing as little as possible. */
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <wijkplan/wijkplan.h>

#include "cli/args.h"
#include "cli/commands.h"

/* Reads PREVIOUS, then SCENARIO, and makes the first the second's previous plan; 0 or the exit
 * status. The roster is read first so that its JSON tree is gone before the scenario's is
 * built: the repair then needs no more memory than a solve. */
static int load_both(const char *scenario, const char *previous, wp_scenario **sc)
{
    wp_error err;
    wp_error_init(&err);
    wp_roster *prev = NULL;
    *sc = NULL;
    wp_status s = wp_roster_read_previous(previous, &prev, &err);
#ifdef __GLIBC__
    malloc_trim(0); /* the roster's JSON tree is gone: give its pages back before the scenario */
#endif
    if (s == WP_OK) s = wp_scenario_load(scenario, sc, &err);
    if (s == WP_OK) {
        s = wp_scenario_set_previous(*sc, prev, previous, &err);
#ifdef __GLIBC__
        malloc_trim(0);
#endif
    } else {
        wp_roster_free(prev);
    }
    int rc = s == WP_OK ? 0 : wp_cli_fail("repair", &err);
    if (rc) {
        wp_scenario_free(*sc);
        *sc = NULL;
    }
    wp_error_clear(&err);
    return rc;
}

int wp_cmd_repair(int argc, char **argv)
{
    const char *output = NULL, *csv = NULL, *changes = NULL, *waiting = NULL, *dialect = NULL;
    wp_cli_search search = WP_CLI_SEARCH_DEFAULTS;
    bool memory = false;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "ROSTER.json", "write the repaired roster here (-o)",
         true},
        {"changes", WP_OPT_STRING, &changes, "CHANGES.csv",
         "also write the changed visits, one row each, for the planner's calls", false},
        {"csv", WP_OPT_STRING, &csv, "FILE.csv", "also write the planner's CSV (one row per visit)",
         false},
        {"waiting-list-csv", WP_OPT_STRING, &waiting, "FILE.csv",
         "also write the waiting list, most vulnerable first", false},
        {"csv-dialect", WP_OPT_STRING, &dialect, "rfc4180|excel-nl",
         "how CSV files are written (excel-nl: ; and decimal commas, as Dutch Excel)", false},
        WP_CLI_SEARCH_OPTS(search),
        {"memory", WP_OPT_FLAG, &memory, NULL, "show resident memory in progress lines", false},
        {0},
    };
    const wp_command_spec spec = {
        "repair",
        "SCENARIO PREVIOUS_ROSTER -o ROSTER.json [options]",
        "Plans the week SCENARIO describes (its absences, clients and hours are the truth)\n"
        "starting from PREVIOUS_ROSTER, any wijkplan-roster/1, and changes as few visits as\n"
        "the objective's change weights ask: a visit keeps its helper, day and start (within\n"
        "30 minutes) where it can; an absent helper's visits go to a substitute for that day or\n"
        "to another day of the same helper. The roster lists every change (\"changes\"), and\n"
        "--changes writes them as CSV, sorted by client. Clients who left and helpers who are\n"
        "gone are simply not planned; new clients are inserted.",
        2,
        2,
        opts};
    const char *pos[2];
    int npos;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &npos, &rc)) return rc;
    wp_solve_options o;
    if ((rc = wp_cli_search_apply(&search, "repair", &o))) return rc;
    o.report_memory = memory;
    wp_cli_outputs outs = {output, csv, changes, waiting, WP_CSV_RFC4180, search.quiet};
    if (!wp_cli_dialect("repair", dialect, &outs.dialect)) return 2;
    wp_scenario *sc;
    if ((rc = load_both(pos[0], pos[1], &sc))) return rc;
    rc = wp_cli_plan("repair", sc, &o, &outs);
    wp_scenario_free(sc);
    return rc;
}
