/* Intake recommendations (solve/recommend.c): each option, inserted as proposed, gives a roster
 * the independent validator accepts, in which no other visit changes helper, day or order, and
 * whose travel grew by what the option said; and no option is worse than the best insertion over
 * every helper found by brute force. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi/kpi.h"
#include "contract/market.h"
#include "search/extract.h"
#include "search/insert.h"
#include "search/solution.h"
#include "support/support.h"
#include "util/alloc.h"

/* The roster's routes as a plan (the test's own loading: roster order, whole windows). */
static void load(wp_sol *s, const wp_roster *r)
{
    const wp_model *m = s->p->m;
    for (size_t i = 0; i < r->n_routes; i++) {
        int h = wp_strmap_get(&m->helper_ids, r->routes[i].helper);
        int ri = wp_route_index(h, r->routes[i].day);
        for (size_t k = 0; k < r->routes[i].n_visits; k++) {
            int c = wp_strmap_get(&m->client_ids, r->routes[i].visits[k].client);
            if (s->client_helper[c] < 0) wp_sol_set_helper(s, c, h);
            wp_sol_insert(s, m->clients[c].first_visit + r->routes[i].visits[k].visit, ri,
                          s->routes[ri].n + 1);
        }
    }
}

/* Inserts the option's visits where they start as the option says; false if no position
 * gives that start. */
static bool insert_as_proposed(wp_sol *s, int c, const wp_recommend_option *o)
{
    const wp_model *m = s->p->m;
    int h = wp_strmap_get(&m->helper_ids, o->helper);
    wp_sol_set_helper(s, c, h);
    for (size_t q = 0; q < o->n_visits; q++) {
        int v = m->clients[c].first_visit + o->visits[q].visit;
        int ri = wp_route_index(h, o->visits[q].day);
        bool placed = false;
        for (int pos = 1; pos <= s->routes[ri].n + 1 && !placed; pos++) {
            wp_sol_insert(s, v, ri, pos);
            if (fabs(wp_extract_visit_start(s, v) - o->visits[q].start) < 1e-6)
                placed = true;
            else
                wp_sol_remove(s, v);
        }
        if (!placed) return false;
    }
    return true;
}

static wp_roster *roster_of(const wp_scenario *sc, const wp_sol *s)
{
    wp_roster *r = wp_calloc(1, sizeof *r);
    r->pairs_bound = -1;
    wp_extract_roster(s, r);
    r->scenario = wp_strdup(sc->model.name);
    wp_kpi_compute(&sc->model, r, -1, &r->kpi);
    return r;
}

/* Every visit of `before` is in `after` with the same helper and day, in the same order. */
static void assert_others_unchanged(const wp_roster *before, const wp_roster *after,
                                    const char *client)
{
    for (size_t i = 0; i < before->n_routes; i++) {
        const wp_roster_route *a = &before->routes[i];
        const wp_roster_route *b = NULL;
        for (size_t j = 0; j < after->n_routes && !b; j++)
            if (strcmp(after->routes[j].helper, a->helper) == 0 && after->routes[j].day == a->day)
                b = &after->routes[j];
        assert_non_null(b);
        size_t k = 0;
        for (size_t q = 0; q < b->n_visits; q++) {
            if (strcmp(b->visits[q].client, client) == 0) continue;
            assert_true(k < a->n_visits);
            assert_string_equal(b->visits[q].client, a->visits[k].client);
            assert_int_equal(b->visits[q].visit, a->visits[k].visit);
            k++;
        }
        assert_int_equal(k, a->n_visits);
    }
}

/* 400 clients in the suite; bench/recommend.sh runs the same check on a 1.5k-client city
 * (WP_RECOMMEND_CLIENTS=1500). */
static void options_hold_and_nobody_moves(void **state)
{
    (void)state;
    const char *size = getenv("WP_RECOMMEND_CLIENTS");
    int clients = size && atoi(size) > 0 ? atoi(size) : 400;
    char *path = ts_generate("Leusden", clients, 3);
    int checked = 0;
    wp_scenario *base = ts_scenario_file(path);
    wp_roster *roster = ts_solve(base, 1, 1, 300);
    for (int trial = 0; trial < 20; trial++) {
        /* a new client next door to an existing one, without a pair */
        char *client_file = ts_temp_file("", ".json");
        const wp_client_def *tpl = &base->model.clients[(trial * 37) % base->model.n_clients];
        char *obj =
            wp_strdupf("{\"id\": \"NEW%d\", \"location\": [%.6f, %.6f], \"hours_per_week\": "
                       "%d, \"visits_per_week\": %d, \"window\": [\"08:00\", \"16:00\"]}",
                       trial, base->model.src_x[tpl->location] + 0.0005 * (trial % 3),
                       base->model.src_y[tpl->location], 1 + trial % 3, 1 + trial % 2);
        FILE *f = fopen(client_file, "w");
        fputs(obj, f);
        fclose(f);
        wp_error err;
        wp_error_init(&err);
        wp_scenario *sc;
        const char *id;
        assert_int_equal(wp_scenario_load_with_client(path, client_file, &sc, &id, &err), WP_OK);
        wp_recommendations *rec;
        assert_int_equal(wp_recommend(sc, roster, id, 5, &rec, &err), WP_OK);
        const wp_model *m = &sc->model;
        int c = wp_strmap_get(&m->client_ids, id);
        wp_market mk;
        wp_market_of_scenario(&mk, m);
        wp_instance p;
        wp_instance_build(&p, m, &mk, 0, 0);
        unsigned long clock = 0;
        wp_sol s;
        wp_sol_init(&s, &p, &clock);
        load(&s, roster);
        wp_roster *before = roster_of(sc, &s);
        /* brute force: the cheapest full insertion over every helper */
        double best = INFINITY;
        for (int h = 0; h < m->n_helpers; h++) {
            wp_client_plan plan;
            if (!wp_eligible(m, &mk, h, c) || !wp_plan_client(&s, c, h, &plan) ||
                plan.n_placed != m->clients[c].n_visits)
                continue;
            double t = s.travel_min;
            wp_plan_apply(&s, &plan);
            double added = s.travel_min - t;
            wp_unassign_client(&s, c);
            if (added < best) best = added;
        }
        if (rec->n_options == 0) {
            assert_non_null(rec->reason);
            assert_true(isinf(best)); /* nobody could: the reason is right to say so */
        }
        for (size_t i = 0; i < rec->n_options; i++) {
            const wp_recommend_option *o = &rec->options[i];
            assert_int_equal(o->rank, (int)i + 1);
            if (i) assert_true(o->added_objective >= rec->options[i - 1].added_objective);
            assert_true(insert_as_proposed(&s, c, o));
            wp_roster *after = roster_of(sc, &s);
            ts_assert_valid(sc, after);
            assert_others_unchanged(before, after, id);
            double grew = after->kpi.travel_minutes - before->kpi.travel_minutes;
            if (fabs(grew - o->added_travel_min) > 0.1)
                fail_msg("option %zu: said +%.3f min, the roster has +%.3f", i, o->added_travel_min,
                         grew);
            wp_roster_free(after);
            wp_unassign_client(&s, c);
            checked++;
        }
        /* the best option is the best insertion over every helper (a new client has no pair) */
        if (rec->n_options) assert_true(fabs(rec->options[0].added_objective - best) < 1e-6);
        wp_roster_free(before);
        wp_sol_free(&s);
        wp_instance_free(&p);
        wp_market_free(&mk);
        wp_recommendations_free(rec);
        wp_scenario_free(sc);
        wp_error_clear(&err);
        remove(client_file);
        wp_free(client_file);
        wp_free(obj);
    }
    wp_scenario_free(base);
    wp_roster_free(roster);
    assert_true(checked >= 40);
    printf("recommend: %d options of 20 new clients on %d clients inserted and validated\n",
           checked, clients);
    remove(path);
    wp_free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(options_hold_and_nobody_moves),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
