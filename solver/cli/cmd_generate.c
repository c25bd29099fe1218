/* wijkplan generate: a municipality scenario from CBS district data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/error.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "generate.h"
#include "nextweek.h"
#include "util/alloc.h"

static bool share_ok(double s)
{
    return s >= 0 && s <= 1;
}

static int generate_next_week(const char *in, wp_next_week_options *nw, long long seed,
                              const char *output)
{
    if (!share_ok(nw->absent_share) || !share_ok(nw->leave_share) || !share_ok(nw->arrive_share) ||
        !share_ok(nw->hours_share) || seed < 0) {
        fprintf(stderr,
                "wijkplan generate: shares lie between 0 and 1, the seed is not negative\n");
        return 2;
    }
    nw->seed = (unsigned long long)seed;
    wp_error err;
    wp_error_init(&err);
    wp_status s = wp_next_week(in, nw, output, &err);
    int rc = s == WP_OK ? 0 : wp_cli_fail("generate", &err);
    if (s == WP_OK) fprintf(stderr, "wijkplan generate: wrote %s\n", output);
    wp_error_clear(&err);
    return rc;
}

int wp_cmd_generate(int argc, char **argv)
{
    wp_gen_options o;
    wp_gen_options_default(&o);
    const char *output = NULL, *name = NULL, *geo = NULL;
    long long clients = 0, helpers = 0, providers = o.providers, large = o.large_providers;
    long long seed = 1;
    double per_1000 = o.per_1000, large_share = o.large_share, pair_share = o.pair_share;
    double capacity = o.capacity_factor;
    bool all = false;
    wp_str_list municipalities = {0}, groups = {0};
    const char *next_week = NULL;
    wp_next_week_options nw;
    wp_next_week_options_default(&nw);
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "SCENARIO.json", "write the scenario here (-o)", true},
        {"municipality", WP_OPT_LIST, &municipalities, "NAME|CODE",
         "a municipality by name (Groningen) or CBS code (GM0014); repeatable", false},
        {"all", WP_OPT_FLAG, &all, NULL, "the whole country", false},
        {"clients", WP_OPT_LONG, &clients, "N", "clients (default: --per-1000 x inhabitants)",
         false},
        {"per-1000", WP_OPT_DOUBLE, &per_1000, "X", "clients per 1,000 inhabitants (default 31)",
         false},
        {"helpers", WP_OPT_LONG, &helpers, "N", "helpers (default: one per 10 clients)", false},
        {"capacity", WP_OPT_DOUBLE, &capacity, "F", "helper contract hours / care hours (1.35)",
         false},
        {"providers", WP_OPT_LONG, &providers, "N", "providers (default 16)", false},
        {"large-providers", WP_OPT_LONG, &large, "K", "of which large (default 4)", false},
        {"large-share", WP_OPT_DOUBLE, &large_share, "S", "market share of the large ones (0.8)",
         false},
        {"pair-share", WP_OPT_DOUBLE, &pair_share, "S", "clients with a fixed helper now (0.85)",
         false},
        {"group", WP_OPT_LIST, &groups, "NAME=WK..,WK..",
         "make district NAME of these wijken (repeatable; default: one district per wijk)", false},
        {"next-week", WP_OPT_STRING, &next_week, "SCENARIO.json",
         "instead: next week of SCENARIO as a planner meets it (absences, clients who leave or "
         "arrive, other hours)",
         false},
        {"roster", WP_OPT_STRING, &nw.roster, "ROSTER.json",
         "--next-week: this week's roster (absences fall on helpers with routes)", false},
        {"absent-share", WP_OPT_DOUBLE, &nw.absent_share, "S",
         "--next-week: working helpers absent 1-3 days (0.05)", false},
        {"leave-share", WP_OPT_DOUBLE, &nw.leave_share, "S",
         "--next-week: clients who leave (0.02)", false},
        {"arrive-share", WP_OPT_DOUBLE, &nw.arrive_share, "S",
         "--next-week: new clients, as a share of clients (0.02)", false},
        {"hours-share", WP_OPT_DOUBLE, &nw.hours_share, "S",
         "--next-week: clients whose hours change (0.03)", false},
        {"seed", WP_OPT_LONG, &seed, "N", "random seed (default 1)", false},
        {"name", WP_OPT_STRING, &name, "TEXT", "scenario name", false},
        {"geo", WP_OPT_STRING, &geo, "FILE",
         "CBS wijken GeoJSON (default: scenarios/geo/wijken_2024.geojson)", false},
        {0},
    };
    const wp_command_spec spec = {
        "generate",
        "--municipality NAME [options] -o SCENARIO.json",
        "Generates a realistic household-support scenario from real CBS district data: clients\n"
        "placed in districts by inhabitants aged 65+, helpers where people live, providers with\n"
        "market shares, fixed pairs from an open-house history. Same options and seed, same file.\n"
        "With --next-week SCENARIO: the same scenario a week later, for `wijkplan repair`.",
        0,
        0,
        opts};
    int n;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, NULL, &n, &rc)) return rc;
    if (next_week) return generate_next_week(next_week, &nw, seed, output);
    for (int i = 0; i < municipalities.n; i++) o.select[o.n_select++] = municipalities.items[i];
    char *group_names[WP_GEN_MAX_GROUPS] = {0};
    for (int i = 0; i < groups.n && i < WP_GEN_MAX_GROUPS; i++) {
        const char *eq = strchr(groups.items[i], '=');
        if (!eq || eq == groups.items[i] || !eq[1]) {
            fprintf(stderr, "wijkplan generate: --group takes NAME=WK..,WK.., not \"%s\"\n",
                    groups.items[i]);
            rc = 2;
            break;
        }
        size_t len = (size_t)(eq - groups.items[i]);
        group_names[i] = wp_malloc(len + 1);
        memcpy(group_names[i], groups.items[i], len);
        group_names[i][len] = '\0';
        o.groups[o.n_groups++] = (wp_gen_group){group_names[i], eq + 1};
    }
    if (rc == 0) {
        const char *env = getenv("WIJKPLAN_GEO");
        o.geo_path = geo ? geo : (env && *env ? env : WP_DEFAULT_GEO);
        o.all = all;
        o.clients = (int)clients;
        o.helpers = (int)helpers;
        o.providers = (int)providers;
        o.large_providers = (int)large;
        o.per_1000 = per_1000;
        o.large_share = large_share;
        o.pair_share = pair_share;
        o.capacity_factor = capacity;
        o.seed = (unsigned long long)seed;
        o.name = name;
        if (clients < 0 || helpers < 0 || seed < 0 || clients > 10000000) {
            fprintf(stderr, "wijkplan generate: counts and seed must not be negative\n");
            rc = 2;
        } else {
            wp_error err;
            wp_error_init(&err);
            wp_status s = wp_generate(&o, output, &err);
            rc = s == WP_OK ? 0 : wp_cli_fail("generate", &err);
            if (s == WP_OK) fprintf(stderr, "wijkplan generate: wrote %s\n", output);
            wp_error_clear(&err);
        }
    }
    for (int i = 0; i < WP_GEN_MAX_GROUPS; i++) wp_free(group_names[i]);
    return rc;
}
