/* wijkplan import: spreadsheets (csv) and benchmark instances (solomon, convrp) to scenarios. */
#include <stdio.h>
#include <string.h>
#include <wijkplan/import.h>

#include "cli/args.h"
#include "cli/commands.h"

static int finish(const char *what, wp_status s, wp_error *err, const char *out)
{
    int rc = s == WP_OK ? 0 : wp_cli_fail(what, err);
    if (s == WP_OK) fprintf(stderr, "wijkplan %s: wrote %s\n", what, out);
    wp_error_clear(err);
    return rc;
}

static int import_solomon(int argc, char **argv)
{
    const char *output = NULL;
    double vehicle_cost = 0;
    long long fleet = 0;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "SCENARIO.json", "write the scenario here (-o)", true},
        {"vehicle-cost", WP_OPT_DOUBLE, &vehicle_cost, "W",
         "objective weight per vehicle used (large = vehicles first, the hierarchical objective)",
         false},
        {"fleet", WP_OPT_LONG, &fleet, "K", "number of vehicles (default: the file's)", false},
        {0},
    };
    const wp_command_spec spec = {
        "import solomon",
        "FILE -o SCENARIO.json [options]",
        "Reads a Solomon or Gehring-Homberger VRPTW instance as published (CR LF or LF, spaces\n"
        "or tabs): planar coordinates, helpers v1..vK at the depot with the vehicle capacity,\n"
        "customer N becomes client \"N\" with one visit on mon (window [ready, due], duration =\n"
        "service time, load = demand). Travel time equals Euclidean distance.",
        1,
        1,
        opts};
    const char *pos[1];
    int n;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &n, &rc)) return rc;
    if (vehicle_cost < 0 || fleet < 0) {
        fprintf(stderr,
                "wijkplan import solomon: --vehicle-cost and --fleet must not be negative\n");
        return 2;
    }
    wp_solomon_options o = {vehicle_cost, (int)fleet};
    wp_error err;
    wp_error_init(&err);
    return finish(spec.name, wp_import_solomon(pos[0], &o, output, &err), &err, output);
}

static int import_convrp(int argc, char **argv)
{
    const char *output = NULL;
    long long fleet = 0;
    double consistency = -1;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "SCENARIO.json", "write the scenario here (-o)", true},
        {"fleet", WP_OPT_LONG, &fleet, "K", "helpers (default: busiest day at 90% fill, plus 2)",
         false},
        {"consistency", WP_OPT_DOUBLE, &consistency, "L",
         "arrival_consistency_min for every client (default: none)", false},
        {0},
    };
    const wp_command_spec spec = {
        "import convrp",
        "FILE -o SCENARIO.json [options]",
        "Reads a ConVRP instance of Groer, Golden and Wasil (2009) or its extensions: one client\n"
        "per customer with a visit on each day it has demand, all served by one helper (the pair\n"
        "rule), the file's capacity and route duration limit; customer N becomes client \"N\".",
        1,
        1,
        opts};
    const char *pos[1];
    int n;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &n, &rc)) return rc;
    if (fleet < 0) {
        fprintf(stderr, "wijkplan import convrp: --fleet must not be negative\n");
        return 2;
    }
    wp_convrp_options o = {(int)fleet, consistency};
    wp_error err;
    wp_error_init(&err);
    return finish(spec.name, wp_import_convrp(pos[0], &o, output, &err), &err, output);
}

static int import_csv(int argc, char **argv)
{
    wp_csv_options o = {0};
    const char *output = NULL;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "SCENARIO.json", "write the scenario here (-o)", true},
        {"clients", WP_OPT_STRING, &o.clients, "FILE", "clients CSV", true},
        {"helpers", WP_OPT_STRING, &o.helpers, "FILE", "helpers CSV", true},
        {"providers", WP_OPT_STRING, &o.providers, "FILE", "providers CSV", true},
        {"districts", WP_OPT_STRING, &o.districts, "FILE.geojson", "districts FeatureCollection",
         false},
        {"district-id-property", WP_OPT_STRING, &o.district_id_property, "NAME",
         "feature property holding the district id (default: the feature id)", false},
        {"crs", WP_OPT_STRING, &o.crs, "CRS",
         "CRS of x/y columns, e.g. EPSG:28992 (default lon/lat)", false},
        {"name", WP_OPT_STRING, &o.name, "TEXT", "scenario name", false},
        {0},
    };
    const wp_command_spec spec = {
        "import csv",
        "--clients F --helpers F --providers F -o SCENARIO.json [options]",
        "Reads a planner's spreadsheet export (SPEC \"Spreadsheet input\"): one row per client,\n"
        "helper and provider, columns in any order, comma or semicolon separated (decimal commas\n"
        "with semicolons), UTF-8 with or without byte-order mark. An empty cell means the default.",
        0,
        0,
        opts};
    int n;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, NULL, &n, &rc)) return rc;
    wp_error err;
    wp_error_init(&err);
    return finish(spec.name, wp_import_csv(&o, output, &err), &err, output);
}

int wp_cmd_import(int argc, char **argv)
{
    const char *kind = argc > 0 ? argv[0] : "";
    if (strcmp(kind, "solomon") == 0) return import_solomon(argc - 1, argv + 1);
    if (strcmp(kind, "convrp") == 0) return import_convrp(argc - 1, argv + 1);
    if (strcmp(kind, "csv") == 0) return import_csv(argc - 1, argv + 1);
    FILE *out = (strcmp(kind, "--help") == 0 || strcmp(kind, "-h") == 0) ? stdout : stderr;
    fprintf(out,
            "usage: wijkplan import csv|solomon|convrp ... (see wijkplan import <kind> --help)\n");
    return out == stdout ? 0 : 2;
}
