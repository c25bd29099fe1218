/* Property tests of the local-search operators on random instances:
 * - every move's predicted cost change equals the change recomputed from scratch;
 * - every plan the moves produce passes the independent validator;
 * - the time-segment feasibility and duration of candidate routes agree with a brute-force
 *   schedule simulation (latest feasible departure found by bisection). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kpi/kpi.h"
#include "search/construct.h"
#include "search/eject.h"
#include "search/extract.h"
#include "search/insert.h"
#include "search/instance.h"
#include "contract/market.h"
#include "search/ls.h"
#include "search/moves.h"
#include "model/previous.h"
#include "search/recreate.h"
#include "search/repair.h"
#include "support/support.h"
#include <stdio.h>
#include <wijkplan/import.h>
#include "util/alloc.h"

typedef struct fixture {
    wp_scenario *sc;
    wp_market mk;
    wp_instance p;
    unsigned long clock;
    wp_sol s;
    wp_rng rng;
    wp_ls ls;
} fixture;

static void setup_scenario(fixture *f, uint64_t seed)
{
    const wp_model *m = &f->sc->model;
    wp_market_of_scenario(&f->mk, m);
    wp_instance_build(&f->p, m, &f->mk, 0, 12);
    f->clock = 0;
    wp_sol_init(&f->s, &f->p, &f->clock);
    wp_construct(&f->s, NULL, 0);
    wp_rng_seed(&f->rng, seed, 7);
    wp_ls_init(&f->ls, &f->p, &f->rng);
    f->ls.s = &f->s;
}

static void setup(fixture *f, uint64_t seed, int clients, int helpers)
{
    char *json = ts_random_scenario(seed, clients, helpers);
    f->sc = ts_scenario(json);
    wp_free(json);
    setup_scenario(f, seed);
}

/* A Solomon instance (long routes, tight windows, capacity) as the fixture. */
static void setup_solomon(fixture *f, uint64_t seed, const char *name)
{
    char *src = wp_strdupf("%s/benchmarks/%s.txt", WP_TEST_DATA, name);
    char *out = ts_temp_file("", ".json");
    assert_int_equal(wp_import_solomon(src, NULL, out, NULL), WP_OK);
    f->sc = ts_scenario_file(out);
    remove(out);
    wp_free(out);
    wp_free(src);
    setup_scenario(f, seed);
}

/* Frees the search state, keeping the scenario. */
static void teardown_search(fixture *f)
{
    wp_ls_free(&f->ls);
    wp_sol_free(&f->s);
    wp_instance_free(&f->p);
    wp_market_free(&f->mk);
}

static void teardown(fixture *f)
{
    teardown_search(f);
    wp_scenario_free(f->sc);
}

/* The search state of a repair: the plan seeded from the model's previous plan. */
static void setup_repair(fixture *f, uint64_t seed)
{
    const wp_model *m = &f->sc->model;
    wp_market_of_scenario(&f->mk, m);
    wp_instance_build(&f->p, m, &f->mk, 0, 12);
    f->clock = 0;
    wp_sol_init(&f->s, &f->p, &f->clock);
    wp_repair_seed(&f->s);
    wp_rng_seed(&f->rng, seed, 7);
    wp_ls_init(&f->ls, &f->p, &f->rng);
    f->ls.s = &f->s;
}

static double exact_cost(wp_sol *s)
{
    wp_sol_resync(s);
    return wp_sol_cost(s);
}

static void assert_plan_valid(fixture *f)
{
    wp_roster *r = wp_calloc(1, sizeof *r);
    r->pairs_bound = -1;
    wp_extract_roster(&f->s, r);
    r->scenario = wp_strdup(f->sc->model.name);
    wp_kpi_compute(&f->sc->model, r, -1, &r->kpi);
    wp_kpi_changes(&f->sc->model, r);
    ts_assert_valid(f->sc, r);
    wp_roster_free(r);
}

static const wp_ls_operator *const pair_ops[] = {&wp_op_relocate, &wp_op_swap, &wp_op_or_opt,
                                                 &wp_op_two_opt, &wp_op_two_opt_star};
static const wp_ls_operator *const solo_ops[] = {&wp_op_day_change, &wp_op_client_move};

/* Checks one operator's move on (u, v) if it finds one: prediction against recomputation. */
static bool check_move(fixture *f, const wp_ls_operator *op, int u, int v, uint64_t seed)
{
    wp_move mv;
    if (!op->evaluate(&f->ls, u, v, &mv)) return false;
    double before = exact_cost(&f->s);
    op->apply(&f->ls, &mv);
    double after = exact_cost(&f->s);
    if (fabs(after - before - mv.delta) > 1e-6 * (1 + fabs(before)))
        fail_msg("%s: predicted %.9f, recomputed %.9f (seed %llu)", op->name, mv.delta,
                 after - before, (unsigned long long)seed);
    return true;
}

/* Scrambles a plan: clients out and back in with heavy insertion noise, so that the operators
 * have many improving moves to find. */
static void scramble(fixture *f)
{
    int *clients = wp_malloc(((size_t)f->p.n_clients + 1) * sizeof(int));
    double *keys = wp_calloc((size_t)f->p.n_clients + 1, sizeof(double));
    int n = 0;
    for (int c = 0; c < f->p.n_clients; c++)
        if (f->s.client_helper[c] >= 0 && wp_rng_below(&f->rng, 2)) {
            wp_unassign_client(&f->s, c);
            clients[n++] = c;
        }
    wp_recreate(&f->s, &f->rng, clients, n, 0.7, keys);
    wp_free(clients);
    wp_free(keys);
}

/* A pinned visit (or -1) is where its pin says after every move. */
static void assert_pinned(const fixture *f, int v)
{
    if (v < 0 || f->s.route_of[v] < 0) return;
    const wp_visit_def *vd = &f->sc->model.visits[v];
    const wp_route *r = &f->s.routes[f->s.route_of[v]];
    if (r->helper != vd->pin_helper || r->day != vd->pin_day || f->s.early[v] != vd->pin_start ||
        f->s.late[v] != vd->pin_start)
        fail_msg("pinned visit %d moved to helper %d day %d", v, r->helper, r->day);
}

/* Five passes of every operator over every visit and its neighbours, each applied move's
 * prediction checked against recomputation, and the pinned visit checked after each. */
static void exercise(fixture *f, uint64_t seed, long *checked, int pinned)
{
    int n = f->p.n_visits;
    for (int pass = 0; pass < 5; pass++)
        for (int u = 0; u < n; u++) {
            if (f->s.route_of[u] < 0) continue;
            for (int o = 0; o < 2; o++)
                if (f->s.route_of[u] >= 0) {
                    checked[5 + o] += check_move(f, solo_ops[o], u, -1, seed);
                    assert_pinned(f, pinned);
                }
            for (int k = 0; k < f->p.n_neighbours; k++) {
                int v = f->p.neighbours[(size_t)u * f->p.n_neighbours + k];
                if (v < 0 || f->s.route_of[v] < 0 || f->s.route_of[u] < 0) continue;
                for (int k2 = 0; k2 < 5; k2++) { /* each pass starts with another operator */
                    int o = (k2 + pass) % 5;
                    if (f->s.route_of[u] >= 0 && f->s.route_of[v] >= 0) {
                        checked[o] += check_move(f, pair_ops[o], u, v, seed);
                        assert_pinned(f, pinned);
                    }
                }
            }
        }
}

/* Applies every improving move the operators find, each prediction checked. */
static void predicted_equals_recomputed(void **state)
{
    (void)state;
    long checked[7] = {0};
    static const char *const solomon[] = {"C101", "R101", "RC101", "R201"};
    for (uint64_t seed = 1; seed <= 29; seed++) {
        fixture f;
        if (seed > 25)
            setup_solomon(&f, seed, solomon[seed - 26]);
        else
            setup(&f, seed, 20 + (int)(seed % 25), 3 + (int)(seed % 4));
        scramble(&f);
        exercise(&f, seed, checked, -1);
        assert_plan_valid(&f);
        /* and a full local search ends in a valid local optimum */
        wp_ls_run(&f.ls, &f.s);
        assert_plan_valid(&f);
        teardown(&f);
    }
    /* the test must actually exercise every operator */
    for (int o = 0; o < 7; o++) {
        const char *name = o < 5 ? pair_ops[o]->name : solo_ops[o - 5]->name;
        if (checked[o] < 5) fail_msg("operator %s applied only %ld times", name, checked[o]);
    }
}

/* Last week's plan attached, the busiest helper absent on one of its days, and one served
 * visit pinned where it was: every prediction includes the change terms and substitutes, the
 * pinned visit never moves, and every plan passes the validator with the previous plan. */
static void repair_moves_priced_and_pins_hold(void **state)
{
    (void)state;
    long checked[7] = {0};
    int pinned_served = 0;
    for (uint64_t seed = 40; seed < 140; seed++) {
        fixture f;
        setup(&f, seed, 30 + (int)(seed % 10), 4);
        wp_model *m = &f.sc->model;
        wp_roster *prev = wp_calloc(1, sizeof *prev);
        prev->pairs_bound = -1;
        wp_extract_roster(&f.s, prev);
        /* absence: the helper and day of the first route; pin: a lone visit of another helper */
        int absent_h = -1, absent_d = -1, pin = -1;
        for (int r = 0; r < f.s.n_routes && absent_h < 0; r++)
            if (f.s.routes[r].n) absent_h = f.s.routes[r].helper, absent_d = f.s.routes[r].day;
        for (int v = 0; v < f.p.n_visits && pin < 0; v++) {
            int r = f.s.route_of[v], c = f.p.visit_client[v];
            if (r >= 0 && f.s.routes[r].helper != absent_h && m->clients[c].n_visits == 1) pin = v;
        }
        assert_true(absent_h >= 0 && pin >= 0);
        const wp_route *pr = &f.s.routes[f.s.route_of[pin]];
        double start = f.s.early[pin]; /* its window's start is where extraction starts it... */
        for (size_t i = 0; i < prev->n_routes; i++) /* ...or later: take the roster's start */
            for (size_t k = 0; k < prev->routes[i].n_visits; k++)
                if (strcmp(prev->routes[i].visits[k].client,
                           m->clients[m->visits[pin].client].id) == 0)
                    start = prev->routes[i].visits[k].start;
        wp_visit_def *pd = &m->visits[pin];
        pd->pin_helper = m->clients[pd->client].pin_helper = pr->helper;
        pd->pin_day = pr->day;
        pd->pin_start = pd->window.from = pd->window.to = start;
        pd->days = (uint8_t)(1u << pr->day);
        teardown_search(&f);
        m->helpers[absent_h].absent |= (uint8_t)(1u << absent_d);
        /* odd seeds: small weights, and no price on time, so that insertion leaves the windows
         * wide and reordering moves stay possible; even seeds: the defaults */
        if (seed % 2)
            m->objective.changed_helper = 5, m->objective.changed_day = 3,
            m->objective.changed_time = 0, m->objective.substitute_visit = 4;
        assert_int_equal(wp_previous_attach(m, prev, "last-week.json", NULL), WP_OK);
        setup_repair(&f, seed);
        assert_pinned(&f, pin);
        if (seed % 2) { /* last week's plan mostly stands: re-plan everyone, then scramble */
            for (int c = 0; c < f.p.n_clients; c++) wp_unassign_client(&f.s, c);
            wp_construct(&f.s, NULL, 0);
        }
        scramble(&f);
        exercise(&f, seed, checked, pin);
        pinned_served += f.s.route_of[pin] >= 0;
        assert_plan_valid(&f);
        wp_ls_run(&f.ls, &f.s);
        assert_pinned(&f, pin);
        assert_plan_valid(&f);
        teardown(&f);
    }
    /* every operator that can change a visit's helper, day or window (2-opt only reverses a
     * stretch of one route, and is covered by the test above) */
    for (int o = 0; o < 7; o++) {
        const char *name = o < 5 ? pair_ops[o]->name : solo_ops[o - 5]->name;
        if (pair_ops[o % 5] == &wp_op_two_opt && o < 5) continue;
        if (checked[o] < 3) fail_msg("operator %s applied only %ld times", name, checked[o]);
    }
    assert_true(pinned_served >= 50); /* the pin held in most plans, and was served */
}

/* ---- brute-force schedule simulation ----------------------------------------------------- */

/* Ends of a schedule leaving home at t, visiting nodes in order with earliest starts; returns
 * false when a start would pass its window. */
static bool simulate_from(const wp_sol *s, int h, const int *nodes, int n, double t, double *end)
{
    const wp_model *m = s->p->m;
    int mode = m->helpers[h].mode, prev = m->helpers[h].home;
    for (int i = 0; i < n; i++) {
        int v = nodes[i], loc = s->p->visit_loc[v];
        double arrive = t + wp_model_time(m, prev, loc, mode);
        double start = arrive > s->early[v] ? arrive : s->early[v];
        if (start > s->late[v] + 1e-9) return false;
        t = start + s->p->visit_dur[v];
        prev = loc;
    }
    *end = t + wp_model_time(m, prev, m->helpers[h].home, mode);
    return true;
}

/* Feasibility and minimum duration over every departure in every availability window. */
static bool brute_force(const wp_sol *s, int h, int d, const int *nodes, int n, double *duration)
{
    const wp_model *m = s->p->m;
    const wp_helper_def *hd = &m->helpers[h];
    double load = 0;
    for (int i = 0; i < n; i++) load += s->p->visit_load[nodes[i]];
    if (n > hd->max_visits_per_day || load > hd->capacity + 1e-9) return false;
    int nw;
    const wp_window *w = wp_helper_windows(m, h, d, &nw);
    bool any = false;
    double best = INFINITY;
    for (int k = 0; k < nw; k++) {
        double end;
        if (!simulate_from(s, h, nodes, n, w[k].from, &end)) continue;
        /* feasibility is monotone in the departure: bisect for the latest feasible one */
        double lo = w[k].from, hi = w[k].to;
        for (int it = 0; it < 80; it++) {
            double mid = (lo + hi) / 2, e;
            if (simulate_from(s, h, nodes, n, mid, &e))
                lo = mid;
            else
                hi = mid;
        }
        simulate_from(s, h, nodes, n, lo, &end);
        /* the latest departure may end after the window; then an earlier one may not */
        double t = lo;
        if (end > w[k].to + 1e-7) {
            double a = w[k].from, b = lo, e;
            simulate_from(s, h, nodes, n, a, &e);
            if (e > w[k].to + 1e-7) continue;
            for (int it = 0; it < 80; it++) {
                double mid = (a + b) / 2;
                simulate_from(s, h, nodes, n, mid, &e);
                if (e <= w[k].to)
                    a = mid;
                else
                    b = mid;
            }
            t = a;
            simulate_from(s, h, nodes, n, t, &end);
        }
        double dur = end - t;
        if (dur > hd->day_max_min + 1e-7) continue;
        any = true;
        if (dur < best) best = dur;
    }
    *duration = best;
    return any;
}

static void segments_agree_with_simulation(void **state)
{
    (void)state;
    long compared = 0, feasible = 0;
    for (uint64_t seed = 100; seed < 130; seed++) {
        fixture f;
        setup(&f, seed, 25, 4);
        const wp_model *m = &f.sc->model;
        int nodes[16];
        for (int trial = 0; trial < 300; trial++) {
            /* a random route of 1..6 served visits for a random helper and day it works */
            int h = (int)wp_rng_below(&f.rng, (uint32_t)m->n_helpers),
                d = (int)wp_rng_below(&f.rng, 5);
            if (!wp_helper_works(m, h, d)) continue;
            int n = 1 + (int)wp_rng_below(&f.rng, 6), k = 0;
            for (int tries = 0; tries < 50 && k < n; tries++) {
                int v = (int)wp_rng_below(&f.rng, (uint32_t)f.p.n_visits);
                bool dup = false;
                for (int i = 0; i < k; i++) dup |= nodes[i] == v;
                if (!dup) nodes[k++] = v;
            }
            wp_route_eval e = wp_eval_join(&f.s, h, d, NULL, 0, nodes, k, NULL, 0);
            double dur;
            bool brute = brute_force(&f.s, h, d, nodes, k, &dur);
            if (e.feasible != brute)
                fail_msg("feasibility differs: segments %d, simulation %d (seed %llu)", e.feasible,
                         brute, (unsigned long long)seed);
            if (brute && fabs(dur - e.duration) > 1e-5)
                fail_msg("duration differs: segments %.9f, simulation %.9f", e.duration, dur);
            compared++;
            feasible += brute;
        }
        teardown(&f);
    }
    assert_true(compared > 1000 && feasible > 100);
}

/* The helper of plan s serving the fewest visits among those on (ties: the lowest index). */
static int smallest_helper(const wp_sol *s)
{
    int best = -1, fewest = 0;
    for (int h = 0; h < s->p->n_helpers; h++) {
        int n = 0;
        for (int d = 0; d < WP_DAYS; d++) n += s->routes[wp_route_index(h, d)].n;
        if (n > 0 && (best < 0 || n < fewest)) best = h, fewest = n;
    }
    return best;
}

static int served(const wp_sol *s)
{
    int n = 0;
    for (int v = 0; v < s->p->n_visits; v++) n += s->route_of[v] >= 0;
    return n;
}

/* Route elimination on R101: routes are taken out one by one (the smallest first, its helper
 * off for good) until recreate alone cannot place the clients of one; then the ejection pool
 * places them. Whatever the pool achieves, the plan stays valid with its kept totals exact,
 * switched-off helpers stay empty, and only the pool's clients may be unserved; on R101
 * (deterministic) the pool places clients that recreate could not. */
static void ejection_pool_eliminates_a_route(void **state)
{
    (void)state;
    fixture f;
    setup_solomon(&f, 3, "R101");
    wp_ls_run(&f.ls, &f.s);
    int before = served(&f.s);
    int *clients = wp_malloc(((size_t)f.p.n_clients + 1) * sizeof(int)), n = 0;
    double *keys = wp_calloc((size_t)f.p.n_clients + 1, sizeof *keys);
    int after_recreate = before;
    while (after_recreate == before) {
        int victim = smallest_helper(&f.s);
        assert_true(victim >= 0);
        n = 0;
        for (int c = 0; c < f.p.n_clients; c++)
            if (f.s.client_helper[c] == victim) {
                wp_unassign_client(&f.s, c);
                clients[n++] = c;
            }
        f.s.helper_off[victim] = 1;
        wp_recreate(&f.s, &f.rng, clients, n, 0, keys);
        after_recreate = served(&f.s);
        wp_ls_run(&f.ls, &f.s);
    }
    bool emptied = wp_eject_place(&f.s, &f.ls, clients, n, 20L * f.p.n_clients, 1e300);
    int after = served(&f.s);
    assert_plan_valid(&f);
    double kept = wp_sol_cost(&f.s);
    assert_true(fabs(kept - exact_cost(&f.s)) < 1e-6);
    for (int h = 0; h < f.p.n_helpers; h++)
        for (int d = 0; d < WP_DAYS; d++)
            if (f.s.helper_off[h]) assert_int_equal(f.s.routes[wp_route_index(h, d)].n, 0);
    assert_true(after >= after_recreate);
    assert_int_equal(emptied, after == before);
    assert_true(after > after_recreate); /* the pool placed what recreate could not */
    wp_free(keys);
    wp_free(clients);
    teardown(&f);
}

/* Removing a visit from the middle of a long route stamps the visits whose place changed (its
 * predecessor and successor) and no other: local search re-tests around the change, not the
 * whole route (short routes, WP_SHORT_ROUTE, are stamped whole). */
static void place_stamps_follow_changes(void **state)
{
    (void)state;
    fixture f;
    setup_solomon(&f, 5, "R201");
    wp_ls_run(&f.ls, &f.s);
    int longest = 0;
    for (int r = 1; r < f.s.n_routes; r++)
        if (f.s.routes[r].n > f.s.routes[longest].n) longest = r;
    wp_route *r = &f.s.routes[longest];
    assert_true(r->n >= WP_SHORT_ROUTE + 4);
    int n = r->n, gap = n / 2, *node = wp_malloc(((size_t)n + 2) * sizeof *node);
    unsigned long *was = wp_malloc(((size_t)n + 2) * sizeof *was);
    for (int i = 1; i <= n; i++) node[i] = r->node[i], was[i] = f.s.placed_at[r->node[i]];
    wp_sol_remove(&f.s, node[gap]);
    unsigned long now = f.clock;
    for (int i = 1; i <= n; i++) {
        if (i == gap) continue;
        bool near = i == gap - 1 || i == gap + 1;
        if (near)
            assert_int_equal(f.s.placed_at[node[i]], now);
        else
            assert_int_equal(f.s.placed_at[node[i]], was[i]);
    }
    wp_free(was);
    wp_free(node);
    teardown(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(predicted_equals_recomputed),
        cmocka_unit_test(repair_moves_priced_and_pins_hold),
        cmocka_unit_test(segments_agree_with_simulation),
        cmocka_unit_test(ejection_pool_eliminates_a_route),
        cmocka_unit_test(place_stamps_follow_changes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
