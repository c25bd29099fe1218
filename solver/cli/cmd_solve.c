/* wijkplan solve: scenario in, roster (JSON, optionally CSV) out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/wijkplan.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "util/fileio.h"

int wp_cmd_solve(int argc, char **argv)
{
    const char *output = NULL, *csv = NULL, *waiting = NULL, *dialect = NULL;
    wp_cli_search search = WP_CLI_SEARCH_DEFAULTS;
    bool memory = false, construction = false;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "ROSTER.json", "write the roster here (-o)", true},
        {"csv", WP_OPT_STRING, &csv, "FILE.csv", "also write the planner's CSV (one row per visit)",
         false},
        {"waiting-list-csv", WP_OPT_STRING, &waiting, "FILE.csv",
         "also write the waiting list, most vulnerable first", false},
        {"csv-dialect", WP_OPT_STRING, &dialect, "rfc4180|excel-nl",
         "how CSV files are written (excel-nl: ; and decimal commas, as Dutch Excel)", false},
        WP_CLI_SEARCH_OPTS(search),
        {"construction-only", WP_OPT_FLAG, &construction, NULL, "stop at the first valid roster",
         false},
        {"memory", WP_OPT_FLAG, &memory, NULL, "show resident memory in progress lines", false},
        {0},
    };
    const wp_command_spec spec = {
        "solve",
        "SCENARIO -o ROSTER.json [options]",
        "Plans a weekly roster: which helper serves which client, on which days, when and in\n"
        "which order, keeping fixed pairs and every helper's hours, days, windows and visits\n"
        "per day. What cannot be served is listed in the roster's \"unassigned\" with a reason.\n"
        "Same scenario, seed and threads give the same roster unless the time limit cut the\n"
        "search short (the roster's solver.stopped_by says which) or --time-based is given.",
        1,
        1,
        opts};
    const char *pos[1];
    int npos;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &npos, &rc)) return rc;
    wp_solve_options o;
    if ((rc = wp_cli_search_apply(&search, "solve", &o))) return rc;
    o.report_memory = memory;
    o.construction_only = construction;
    bool quiet = search.quiet;
    wp_error err;
    wp_error_init(&err);
    wp_scenario *sc;
    if (wp_scenario_load(pos[0], &sc, &err) != WP_OK) {
        rc = wp_cli_fail("solve", &err);
        wp_error_clear(&err);
        return rc;
    }
    wp_cli_outputs outs = {output, csv, NULL, waiting, WP_CSV_RFC4180, quiet};
    if (!wp_cli_dialect("solve", dialect, &outs.dialect)) {
        wp_scenario_free(sc);
        wp_error_clear(&err);
        return 2;
    }
    rc = wp_cli_plan("solve", sc, &o, &outs);
    wp_scenario_free(sc);
    wp_error_clear(&err);
    return rc;
}

/* A repair's changes in one line, for the planner. */
static void print_changes(const wp_kpi *k)
{
    int changed = k->visits_changed_time + k->visits_changed_day + k->visits_changed_helper +
                  k->visits_substitute + k->visits_dropped;
    fprintf(stderr,
            "wijkplan repair: %d visit%s changed for %d client%s: %d substitute%s, %d other day, "
            "%d other time; %d other helper; %d unassigned (%d of %d visits unchanged)\n",
            changed, changed == 1 ? "" : "s", k->clients_contacted,
            k->clients_contacted == 1 ? "" : "s", k->visits_substitute,
            k->visits_substitute == 1 ? "" : "s", k->visits_changed_day, k->visits_changed_time,
            k->visits_changed_helper, k->visits_dropped, k->visits_unchanged,
            k->visits_with_previous);
}

/* A helper with no window on any day they are not absent can never work: almost always a
 * typing slip (an empty availability cell or object), so the planner hears about it. */
static void warn_idle_helpers(const char *command, const wp_scenario *sc)
{
    const char *ids[5];
    int idle = wp_scenario_idle_helpers(sc, ids, 5);
    for (int i = 0; i < idle && i < 5; i++)
        fprintf(stderr,
                "wijkplan %s: warning: helper %s has no availability on a day they are present: "
                "they can never work\n",
                command, ids[i]);
    if (idle > 5)
        fprintf(stderr, "wijkplan %s: warning: %d more helpers can never work\n", command,
                idle - 5);
}

int wp_cli_plan(const char *command, const wp_scenario *sc, const wp_solve_options *o,
                const wp_cli_outputs *out)
{
    wp_error err;
    wp_error_init(&err);
    const char *paths[] = {out->json, out->csv, out->changes, out->waiting};
    for (int i = 0; i < 4; i++)
        if (paths[i]) wp_file_check_output(paths[i], &err);
    if (wp_error_status(&err) != WP_OK) { /* before the search, not after it */
        int rc = wp_cli_fail(command, &err);
        wp_error_clear(&err);
        return rc;
    }
    warn_idle_helpers(command, sc);
    wp_roster *r = NULL;
    const char *output = out->json, *csv = out->csv, *changes = out->changes;
    const char *waiting = out->waiting;
    wp_status s = wp_solve(sc, o, &r, &err);
    if (s == WP_OK) s = wp_roster_write_json(r, output, &err);
    /* all or nothing: main() commits the outputs only when the command succeeds */
    if (s == WP_OK && csv) s = wp_roster_write_csv_as(r, csv, out->dialect, &err);
    if (s == WP_OK && changes) s = wp_roster_write_changes_csv_as(r, changes, out->dialect, &err);
    if (s == WP_OK && waiting)
        s = wp_scenario_write_waiting_list(sc, r, waiting, out->dialect, &err);
    if (s == WP_OK && !out->quiet) {
        fprintf(stderr,
                "wijkplan %s: %d of %d visits planned, %zu routes, travel %.1f h, objective "
                "%.1f -> %s\n",
                command, r->kpi.visits_served, r->kpi.visits, r->n_routes, r->kpi.travel_hours,
                r->kpi.objective, output);
        if (r->kpi.repair) print_changes(&r->kpi);
    }
    int rc = s == WP_OK ? 0 : wp_cli_fail(command, &err);
    wp_roster_free(r);
    wp_error_clear(&err);
    return rc;
}
