/* wijkplan recommend: at intake, who could take this client, and when. */
#include <stdio.h>
#include <stdlib.h>
#include <wijkplan/recommend.h>
#include <wijkplan/wijkplan.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "util/clock.h"
#include "util/daytime.h"

/* A client file when the argument names a readable file, else an id. */
static bool is_file(const char *arg)
{
    FILE *f = fopen(arg, "rb");
    if (!f) return false;
    fclose(f);
    return true;
}

static void print_options(const wp_recommendations *r)
{
    if (!r->n_options) {
        printf("no helper can take client %s: %s\n", r->client, r->reason);
        return;
    }
    for (size_t i = 0; i < r->n_options; i++) {
        const wp_recommend_option *o = &r->options[i];
        printf("%d. %s (%s%s%s):", o->rank, o->helper, o->provider,
               o->pair_kept ? ", the client's own helper" : "",
               o->provider_kept ? "" : ", not the chosen provider");
        for (size_t k = 0; k < o->n_visits; k++) {
            char t[16];
            wp_format_hhmm(o->visits[k].start, t);
            printf("%s %s %s", k ? "," : "", wp_day_name(o->visits[k].day), t);
        }
        printf("; %+.1f min travel, objective %+.1f\n", o->added_travel_min, o->added_objective);
    }
}

/* --waiting-list: the roster with every waiting client's best option inserted. */
static int fill_waiting_list(const char *scenario, const char *roster, const char *output)
{
    wp_scenario *sc;
    wp_roster *r, *out = NULL;
    int rc = wp_cli_load("recommend", scenario, roster, &sc, &r);
    if (rc) return rc;
    wp_error err;
    wp_error_init(&err);
    int placed = 0;
    double t0 = wp_clock_now();
    wp_status s = wp_recommend_waiting_list(sc, r, &out, &placed, &err);
    double ms = (wp_clock_now() - t0) * 1000;
    if (s == WP_OK) s = wp_roster_write_json(out, output, &err);
    if (s == WP_OK)
        fprintf(stderr,
                "wijkplan recommend: %d waiting client%s placed in %.1f ms after loading; %d of "
                "%d visits planned -> %s\n",
                placed, placed == 1 ? "" : "s", ms, out->kpi.visits_served, out->kpi.visits,
                output);
    rc = s == WP_OK ? 0 : wp_cli_fail("recommend", &err);
    wp_roster_free(out);
    wp_roster_free(r);
    wp_scenario_free(sc);
    wp_error_clear(&err);
    return rc;
}

int wp_cmd_recommend(int argc, char **argv)
{
    const char *output = NULL, *client = NULL;
    long k = 5;
    bool waiting = false;
    const wp_opt opts[] = {
        {"client", WP_OPT_STRING, &client, "ID|FILE",
         "the client: an id of the scenario the roster does not serve, or a file with one "
         "client object",
         false},
        {"waiting-list", WP_OPT_FLAG, &waiting, NULL,
         "instead: give every client the roster does not serve its best option, most vulnerable "
         "first, and write the roster with them inserted to -o",
         false},
        {"k", WP_OPT_LONG, &k, "N", "options to give (default 5)", false},
        {"output", WP_OPT_STRING, &output, "OPTIONS.json", "write the options here (-o)", true},
        {0},
    };
    const wp_command_spec spec = {
        "recommend",
        "SCENARIO ROSTER --client ID|FILE [-k 5] -o OPTIONS.json\n"
        "       wijkplan recommend SCENARIO ROSTER --waiting-list -o ROSTER.json",
        "Answers the intake question \"who could take this client, and when?\": the k best ways\n"
        "to serve all of the client's visits by one helper, inserted into the roster's routes\n"
        "without changing any other visit's helper, day or order, ranked by added objective.\n"
        "The options go to OPTIONS.json (wijkplan-recommendations/1) and, as a summary with\n"
        "HH:MM times, to standard output.",
        2,
        2,
        opts};
    const char *pos[2];
    int npos;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &npos, &rc)) return rc;
    if (waiting == (client != NULL)) {
        fprintf(stderr, "wijkplan recommend: give either --client or --waiting-list\n");
        return 2;
    }
    if (waiting) return fill_waiting_list(pos[0], pos[1], output);
    if (k < 1 || k > 1000) {
        fprintf(stderr, "wijkplan recommend: -k takes 1 to 1000, not %ld\n", k);
        return 2;
    }
    wp_error err;
    wp_error_init(&err);
    wp_scenario *sc = NULL;
    wp_roster *r = NULL;
    wp_recommendations *res = NULL;
    const char *id = client;
    wp_status s = is_file(client) ? wp_scenario_load_with_client(pos[0], client, &sc, &id, &err)
                                  : wp_scenario_load(pos[0], &sc, &err);
    if (s == WP_OK) s = wp_roster_read_json(pos[1], &r, &err);
    if (s == WP_OK) s = wp_scenario_check_roster(sc, r, pos[1], &err);
    double t0 = wp_clock_now();
    if (s == WP_OK) s = wp_recommend(sc, r, id, (int)k, &res, &err);
    double ms = (wp_clock_now() - t0) * 1000;
    if (s == WP_OK) s = wp_recommendations_write_json(res, output, &err);
    if (s == WP_OK) {
        print_options(res);
        fprintf(stderr, "wijkplan recommend: %zu option%s for %s in %.1f ms after loading -> %s\n",
                res->n_options, res->n_options == 1 ? "" : "s", res->client, ms, output);
    }
    rc = s == WP_OK ? 0 : wp_cli_fail("recommend", &err);
    wp_recommendations_free(res);
    wp_roster_free(r);
    wp_scenario_free(sc);
    wp_error_clear(&err);
    return rc;
}
