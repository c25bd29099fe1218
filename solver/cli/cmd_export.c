/* wijkplan export geojson: districts, clients, helpers and routes for GIS tools. */
#define _DEFAULT_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/report.h>
#include <wijkplan/wijkplan.h>

#include "cli/args.h"
#include "cli/commands.h"

static int export_subset(int argc, char **argv)
{
    const char *output = NULL, *districts = NULL;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "OUT.json", "write the scenario here (-o)", true},
        {"districts", WP_OPT_STRING, &districts, "ID,ID,..", "the districts to keep", true},
        {0},
    };
    const wp_command_spec spec = {
        "export subset",
        "SCENARIO --districts ID,.. -o OUT.json",
        "Writes a scenario of some districts only: their clients, the helpers who live there or "
        "are\n"
        "the fixed pair of one of those clients, and the districts. For planning a district alone.",
        1,
        1,
        opts};
    const char *pos[1];
    int n;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &n, &rc)) return rc;

    char **items;
    int k = wp_cli_split_list(districts, &items);
    wp_error err;
    wp_error_init(&err);
    wp_status s = wp_scenario_subset(pos[0], (const char *const *)items, k, output, &err);
    rc = s == WP_OK ? 0 : wp_cli_fail("export", &err);
    if (s == WP_OK) fprintf(stderr, "wijkplan export: wrote %s\n", output);
    wp_error_clear(&err);
    wp_cli_free_list(items, k);
    return rc;
}

/* The exports that write one file per helper (iCal, printable weeks): their options differ in
 * whether the week is required and a language is offered; the rest is one command. */
typedef struct per_helper_export {
    const char *name, *usage, *summary, *output_help, *week_help, *done;
    bool week_required, has_lang;
    wp_status (*run)(const wp_scenario *s, const wp_roster *r, const char *roster_path,
                     const char *week, const char *lang, const char *dir, wp_error *err);
} per_helper_export;

static wp_status run_ical(const wp_scenario *s, const wp_roster *r, const char *roster_path,
                          const char *week, const char *lang, const char *dir, wp_error *err)
{
    (void)lang; /* calendars carry no words */
    return wp_export_ical(s, r, roster_path, week, dir, err);
}

static const per_helper_export ical = {
    "export ical",
    "SCENARIO ROSTER --week 2026-W49 -o DIR",
    "Writes each helper's week as an RFC 5545 calendar (phones, Outlook, Google): one event\n"
    "per visit in Europe/Amsterdam time, the client's id as its title and its coordinates as\n"
    "its location; no travel events, no names or health data.",
    "write DIR/<helper id>.ics (-o)",
    "the ISO week the roster is for, e.g. 2026-W49",
    "the agendas",
    true,
    false,
    run_ical};

static const per_helper_export agenda = {
    "export agenda",
    "SCENARIO ROSTER -o DIR [--week 2026-W49] [--lang nl|en]",
    "Writes each helper's week as a printable HTML page (one A4 sheet): per day the route in\n"
    "order with HH:MM arrival, start and end, the travel of every leg, the day's hours and a\n"
    "small map; the week's hours against the contract. Ids only, no names or health data.",
    "write DIR/<helper id>.html and DIR/index.html (-o)",
    "the ISO week the roster is for, to show dates",
    "the helpers' weeks",
    false,
    true,
    wp_export_agenda};

static int export_per_helper(const per_helper_export *k, int argc, char **argv)
{
    const char *output = NULL, *week = NULL, *lang = NULL;
    wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "DIR", k->output_help, true},
        {"week", WP_OPT_STRING, &week, "YYYY-Www", k->week_help, k->week_required},
        {"lang", WP_OPT_STRING, &lang, "nl|en", "the language of the pages (default nl)", false},
        {0},
    };
    if (!k->has_lang) opts[2] = (wp_opt){0};
    const wp_command_spec spec = {k->name, k->usage, k->summary, 2, 2, opts};
    const char *pos[2];
    int n;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &n, &rc)) return rc;
    wp_scenario *sc;
    wp_roster *r;
    if ((rc = wp_cli_load("export", pos[0], pos[1], &sc, &r))) return rc;
    wp_error err;
    wp_error_init(&err);
    wp_status s = k->run(sc, r, pos[1], week, lang, output, &err);
    rc = s == WP_OK ? 0 : wp_cli_fail("export", &err);
    if (s == WP_OK) fprintf(stderr, "wijkplan export: wrote %s to %s\n", k->done, output);
    wp_roster_free(r);
    wp_scenario_free(sc);
    wp_error_clear(&err);
    return rc;
}

int wp_cmd_export(int argc, char **argv)
{
    const char *kind = argc > 0 ? argv[0] : "";
    if (strcmp(kind, "subset") == 0) return export_subset(argc - 1, argv + 1);
    if (strcmp(kind, "ical") == 0) return export_per_helper(&ical, argc - 1, argv + 1);
    if (strcmp(kind, "agenda") == 0) return export_per_helper(&agenda, argc - 1, argv + 1);
    if (strcmp(kind, "geojson") != 0) {
        FILE *out = (strcmp(kind, "--help") == 0 || strcmp(kind, "-h") == 0) ? stdout : stderr;
        fprintf(out, "usage: wijkplan export geojson SCENARIO [ROSTER] -o OUT.geojson\n"
                     "       wijkplan export subset SCENARIO --districts ID,.. -o OUT.json\n"
                     "       wijkplan export ical SCENARIO ROSTER --week 2026-W49 -o DIR\n"
                     "       wijkplan export agenda SCENARIO ROSTER -o DIR [--week 2026-W49]\n");
        return out == stdout ? 0 : 2;
    }
    const char *output = NULL, *comparison = NULL;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "OUT.geojson", "write the FeatureCollection here (-o)",
         true},
        {"comparison", WP_OPT_STRING, &comparison, "COMPARISON.json",
         "give districts every variant's KPIs (instead of a roster)", false},
        {0},
    };
    const wp_command_spec spec = {
        "export geojson",
        "SCENARIO [ROSTER] -o OUT.geojson",
        "Writes the districts, clients (ids only) and helpers' homes as GeoJSON in longitude and\n"
        "latitude, and with a roster each route as a line and each client's helper. Opens in QGIS.",
        1,
        2,
        opts};
    const char *pos[2];
    int n;
    int rc;
    if (!wp_cli_prologue(&spec, argc - 1, argv + 1, pos, &n, &rc)) return rc;
    if (comparison && n > 1) {
        fprintf(stderr, "wijkplan export: give a ROSTER or --comparison, not both\n");
        return 2;
    }
    wp_scenario *sc;
    wp_roster *r;
    rc = wp_cli_load("export", pos[0], n > 1 ? pos[1] : NULL, &sc, &r);
    if (rc) return rc;
    wp_error err;
    wp_error_init(&err);
    wp_status s = comparison ? wp_export_geojson_comparison(sc, comparison, output, &err)
                             : wp_export_geojson(sc, r, output, &err);
    rc = s == WP_OK ? 0 : wp_cli_fail("export", &err);
    if (s == WP_OK) fprintf(stderr, "wijkplan export: wrote %s\n", output);
    wp_roster_free(r);
    wp_scenario_free(sc);
    wp_error_clear(&err);
    return rc;
}
