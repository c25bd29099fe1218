/* Last week's plan (model/previous.c) and the change rules every part classifies with: each
 * change kind, the 30-minute edge, substitutes only on the days the client's helper of the
 * week is absent, and a hand-made previous roster naming clients and visits that are gone. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi/kpi.h"
#include "model/previous.h"
#include "support/support.h"
#include "util/alloc.h"

/* H1 is absent on tue. C1 was served by H1 on mon and tue last week; C2 is new this week and
 * will not have H2. */
static const char *const scenario_json =
    "{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\", \"travel\": {\"speed\": 1},"
    " \"providers\": [{\"id\": \"P\"}],"
    " \"helpers\": [{\"id\": \"H1\", \"provider\": \"P\", \"home\": [0, 0], \"hours_per_week\": 40,"
    "               \"absent\": [\"tue\"]},"
    "              {\"id\": \"H2\", \"provider\": \"P\", \"home\": [0, 0], \"hours_per_week\": "
    "40}],"
    " \"clients\": [{\"id\": \"C1\", \"location\": [10, 0], \"helper\": \"H1\","
    "               \"visits\": [{\"duration_min\": 60, \"day\": \"mon\"},"
    "                            {\"duration_min\": 60, \"days\": [\"tue\", \"thu\"]}]},"
    "              {\"id\": \"C2\", \"location\": [0, 10], \"hours_per_week\": 1, \"helper\": "
    "\"H1\","
    "               \"excluded_helpers\": [\"H2\"]}]}";

/* Last week, written by hand: no assignments, a client and a helper that are gone, and a visit
 * index C1 no longer has. */
static const char *const previous_json =
    "{\"format\": \"wijkplan-roster/1\", \"routes\": ["
    " {\"helper\": \"H1\", \"day\": \"mon\", \"start\": 0, \"end\": 0, \"travel_km\": 0,"
    "  \"travel_min\": 0, \"visits\": [{\"client\": \"C1\", \"visit\": 0, \"arrival\": 0,"
    "  \"start\": 600, \"end\": 660, \"travel_km\": 0, \"travel_min\": 0}]},"
    " {\"helper\": \"H1\", \"day\": \"tue\", \"start\": 0, \"end\": 0, \"travel_km\": 0,"
    "  \"travel_min\": 0, \"visits\": [{\"client\": \"C1\", \"visit\": 1, \"arrival\": 0,"
    "  \"start\": 600, \"end\": 660, \"travel_km\": 0, \"travel_min\": 0},"
    "  {\"client\": \"C1\", \"visit\": 5, \"arrival\": 0, \"start\": 700, \"end\": 760,"
    "  \"travel_km\": 0, \"travel_min\": 0}]},"
    " {\"helper\": \"H9\", \"day\": \"wed\", \"start\": 0, \"end\": 0, \"travel_km\": 0,"
    "  \"travel_min\": 0, \"visits\": [{\"client\": \"GONE\", \"visit\": 0, \"arrival\": 0,"
    "  \"start\": 600, \"end\": 660, \"travel_km\": 0, \"travel_min\": 0}]}]}";

static wp_scenario *with_previous(void)
{
    wp_scenario *sc = ts_scenario(scenario_json);
    char *path = ts_temp_file(previous_json, ".json");
    wp_error err;
    wp_error_init(&err);
    wp_roster *prev = NULL;
    assert_int_equal(wp_roster_read_previous(path, &prev, &err), WP_OK);
    assert_int_equal(wp_scenario_set_previous(sc, prev, "last-week.json", &err), WP_OK);
    assert_int_equal(err.count, 0);
    wp_error_clear(&err);
    remove(path);
    wp_free(path);
    return sc;
}

static int helper(const wp_model *m, const char *id)
{
    return wp_strmap_get(&m->helper_ids, id);
}

static void kinds_and_week_helper(void **state)
{
    (void)state;
    wp_scenario *sc = with_previous();
    const wp_model *m = &sc->model;
    int h1 = helper(m, "H1"), h2 = helper(m, "H2");
    const wp_previous *p = m->prev;
    assert_int_equal(p->visits_with_plan, 2); /* GONE and C1's visit 5 are not matched */
    assert_int_equal(p->week_helper[0], h1);  /* from last week's routes */
    assert_int_equal(p->week_helper[1], h1);  /* new client: its fixed pair */
    assert_int_equal(wp_change_of(m, 0, h1, 0, true), WP_CHANGE_UNCHANGED);
    assert_int_equal(wp_change_of(m, 0, h1, 0, false), WP_CHANGE_TIME);
    assert_int_equal(wp_change_of(m, 0, h1, 2, true), WP_CHANGE_DAY);
    assert_int_equal(wp_change_of(m, 1, h2, 1, true), WP_CHANGE_SUBSTITUTE); /* H1 absent tue */
    assert_int_equal(wp_change_of(m, 1, h2, 3, true), WP_CHANGE_HELPER);     /* H1 works thu */
    assert_int_equal(wp_change_of(m, 2, h1, 0, true), WP_CHANGE_NONE);       /* C2: no plan */
    assert_string_equal(wp_change_name(WP_CHANGE_SUBSTITUTE), "substitute");
    /* a substitute counts for the client's helper of the week under the pair rule */
    assert_int_equal(wp_pair_helper_of(m, 0, h2, 1), h1);
    assert_int_equal(wp_pair_helper_of(m, 0, h2, 3), h2);
    wp_scenario_free(sc);
}

/* A roster with one route holding one visit (times as given; travel fields not checked here). */
static wp_roster *one_visit(const char *h, int day, const char *client, int visit, double start,
                            bool substitute)
{
    wp_roster *r = wp_calloc(1, sizeof *r);
    r->pairs_bound = -1;
    r->n_routes = 1;
    r->routes = wp_calloc(1, sizeof *r->routes);
    r->routes[0].helper = wp_strdup(h);
    r->routes[0].day = day;
    r->routes[0].n_visits = 1;
    r->routes[0].visits = wp_calloc(1, sizeof *r->routes[0].visits);
    wp_roster_visit *v = &r->routes[0].visits[0];
    v->client = wp_strdup(client);
    v->visit = visit;
    v->start = start;
    v->end = start + 60;
    v->substitute = substitute;
    return r;
}

static void thirty_minute_edge(void **state)
{
    (void)state;
    wp_scenario *sc = with_previous();
    const wp_model *m = &sc->model;
    const double starts[] = {570, 630, 569.9, 630.1};
    const int unchanged[] = {1, 1, 0, 0};
    for (int i = 0; i < 4; i++) {
        wp_roster *r = one_visit("H1", 0, "C1", 0, starts[i], false);
        wp_kpi k;
        wp_kpi_compute(m, r, -1, &k);
        assert_true(k.repair);
        assert_int_equal(k.visits_with_previous, 2);
        assert_int_equal(k.visits_unchanged, unchanged[i]);
        assert_int_equal(k.visits_changed_time, 1 - unchanged[i]);
        assert_int_equal(k.visits_dropped, 1); /* C1's tue visit is not planned */
        assert_int_equal(k.clients_contacted, 1);
        /* the objective carries the change terms: changed_time 20 when moved */
        wp_kpi base = k;
        base.objective -= 20.0 * (1 - unchanged[i]);
        wp_roster *moved = one_visit("H1", 0, "C1", 0, 570, false);
        wp_kpi same;
        wp_kpi_compute(m, moved, -1, &same);
        assert_true(fabs(base.objective - same.objective) < 1e-9);
        wp_kpi_changes(m, r);
        assert_int_equal(r->n_changes, 2 - unchanged[i]);
        assert_string_equal(r->changes[r->n_changes - 1].kind, "unassigned");
        assert_null(r->changes[r->n_changes - 1].to.helper);
        assert_string_equal(r->changes[0].from.helper, "H1");
        wp_roster_free(moved);
        wp_roster_free(r);
    }
    wp_scenario_free(sc);
}

static void substitutes_only_on_absent_days(void **state)
{
    (void)state;
    wp_scenario *sc = with_previous();
    /* H2 for C1's tue visit, while H1 is absent on tue: a substitute, and the pair holds */
    wp_roster *ok = one_visit("H2", 1, "C1", 1, 600, true);
    assert_int_equal(ts_count_violations(sc, ok, "marked substitute"), 0);
    assert_int_equal(ts_count_violations(sc, ok, "not marked"), 0);
    assert_int_equal(ts_count_violations(sc, ok, "pair rule"), 0);
    wp_kpi k;
    wp_kpi_compute(&sc->model, ok, -1, &k);
    assert_int_equal(k.visits_substitute, 1);
    assert_int_equal(k.pairs_kept, 1); /* C1 keeps H1: only a substitute came */
    /* H2 on mon, when H1 works: marking it a substitute is rejected */
    wp_roster *bad = one_visit("H2", 0, "C1", 0, 600, true);
    assert_int_equal(ts_count_violations(sc, bad, "marked substitute"), 1);
    /* and a real substitute must be marked */
    wp_roster *unmarked = one_visit("H2", 1, "C1", 1, 600, false);
    assert_int_equal(ts_count_violations(sc, unmarked, "not marked"), 1);
    /* excluded helpers are a hard rule */
    wp_roster *excluded = one_visit("H2", 0, "C2", 0, 600, false);
    assert_int_equal(ts_count_violations(sc, excluded, "excluded_helpers"), 1);
    wp_roster_free(ok);
    wp_roster_free(bad);
    wp_roster_free(unmarked);
    wp_roster_free(excluded);
    wp_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds_and_week_helper),
        cmocka_unit_test(thirty_minute_edge),
        cmocka_unit_test(substitutes_only_on_absent_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
