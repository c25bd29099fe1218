/* Scenario loading: every default of the SPEC, the shorthand, travel, matrix override,
 * relative paths, and errors collected all at once. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "support/support.h"
#include "util/alloc.h"

static const char *const minimal =
    "{\"format\": \"wijkplan-scenario/1\","
    " \"providers\": [{\"id\": \"P1\"}],"
    " \"helpers\": [{\"id\": \"H1\", \"provider\": \"P1\", \"home\": [6.566, 53.219], "
    "\"hours_per_week\": 24}],"
    " \"clients\": [{\"id\": \"C1\", \"location\": [6.571, 53.214], \"hours_per_week\": 3, "
    "\"visits_per_week\": 2},"
    "              {\"id\": \"C2\", \"location\": [6.561, 53.224], \"hours_per_week\": 2}]}";

static void defaults(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario(minimal);
    const wp_model *m = &s->model;
    assert_string_equal(m->crs, "EPSG:4326");
    assert_string_equal(m->projected_crs, "EPSG:28992");
    assert_true(m->detour == 1.3);
    assert_true(m->speed_kmh[WP_MODE_BIKE] == 15 && m->speed_kmh[WP_MODE_EBIKE] == 18);
    assert_true(m->speed_kmh[WP_MODE_CAR] == 30 && m->speed_kmh[WP_MODE_WALK] == 5);
    assert_int_equal(m->contracting.model, WP_OPEN_HOUSE);
    assert_int_equal(m->pair_policy, WP_PAIRS_SOFT);
    assert_true(m->objective.unserved_minute == 1000 && m->objective.broken_pair == 600);
    assert_true(m->objective.travel_minute == 1 && m->objective.helper_day == 0 &&
                m->objective.helper == 0);
    const wp_helper_def *h = &m->helpers[0];
    assert_int_equal(h->mode, WP_MODE_BIKE);
    assert_int_equal(h->qualification, WP_PRODUCT_HO);
    assert_true(isinf(h->day_max_min) && isinf(h->capacity));
    assert_int_equal(h->max_visits_per_day, WP_UNLIMITED_VISITS);
    assert_true(h->week_min == 24 * 60);
    for (int d = 0; d < 7; d++) {
        int n;
        const wp_window *w = wp_helper_windows(m, 0, d, &n);
        assert_int_equal(n, d < 5 ? 1 : 0); /* mon-fri 08:00-17:00 */
        if (n) assert_true(w[0].from == 480 && w[0].to == 1020);
    }
    const wp_client_def *c = &m->clients[0];
    assert_int_equal(c->product, WP_PRODUCT_HO);
    assert_int_equal(c->priority, 3);
    assert_int_equal(c->n_visits, 2);
    assert_int_equal(c->min_days_between, 1); /* several visits: on different days */
    assert_true(c->consistency_min < 0);
    for (int k = 0; k < 2; k++) {
        const wp_visit_def *v = &m->visits[c->first_visit + k];
        assert_true(v->duration == 90); /* 3 hours in two equal visits */
        assert_int_equal(v->days, 0x1F);
        assert_true(v->window.from == 480 && v->window.to == 1020);
        assert_int_equal(v->index, k);
    }
    assert_int_equal(m->clients[1].min_days_between, 0);
    assert_int_equal(m->clients[1].n_visits, 1);
    wp_scenario_free(s);
}

/* distance = straight line x detour; minutes = km / speed of the helper's mode */
static void travel_model(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario(
        "{\"format\": \"wijkplan-scenario/1\", \"crs\": \"EPSG:28992\","
        " \"travel\": {\"detour\": 1.5, \"speed_kmh\": {\"car\": 40}},"
        " \"providers\": [{\"id\": \"P\"}],"
        " \"helpers\": [{\"id\": \"H\", \"provider\": \"P\", \"home\": [155000, 463000], "
        "\"hours_per_week\": 10, \"mode\": \"car\"}],"
        " \"clients\": [{\"id\": \"C\", \"location\": [158000, 467000], \"hours_per_week\": 1}]}");
    const wp_model *m = &s->model;
    int a = m->clients[0].location, b = m->helpers[0].home;
    double km = wp_model_dist(m, a, b);
    assert_true(fabs(km - 5.0 * 1.5) < 1e-9); /* a 3-4-5 triangle of kilometres */
    assert_true(fabs(wp_model_time(m, a, b, WP_MODE_CAR) - 7.5 / 40 * 60) < 1e-9);
    assert_true(fabs(wp_model_time(m, a, b, WP_MODE_BIKE) - 7.5 / 15 * 60) < 1e-9);
    wp_scenario_free(s);
}

static void planar_and_times(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario(
        "{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\", \"travel\": {\"speed\": 2},"
        " \"providers\": [{\"id\": \"P\"}],"
        " \"helpers\": [{\"id\": \"H\", \"provider\": \"P\", \"home\": [0, 0], \"hours_per_week\": "
        "10,"
        "   \"availability\": {\"sat\": [[\"18:00\", 1500.5]]}}],"
        " \"clients\": [{\"id\": \"C\", \"location\": [30, 40], \"visits\": ["
        "   {\"duration_min\": 0, \"day\": \"sat\", \"window\": [1000, \"23:30\"], \"load\": "
        "7}]}]}");
    const wp_model *m = &s->model;
    assert_true(wp_model_dist(m, 0, 1) == 50); /* Euclidean, no detour in planar units */
    assert_true(wp_model_time(m, 0, 1, WP_MODE_CAR) == 25);
    const wp_visit_def *v = &m->visits[0];
    assert_true(v->duration == 0); /* planar benchmarks may have stops without service */
    assert_int_equal(v->days, 1 << 5);
    assert_true(v->window.from == 1000 && v->window.to == 1410);
    assert_true(v->load == 7);
    int n;
    const wp_window *w = wp_helper_windows(m, 0, 5, &n);
    assert_int_equal(n, 1);
    assert_true(w[0].from == 1080 && w[0].to == 1500.5);
    wp_scenario_free(s);
}

/* A matrix overrides both times and distances between the locations it lists. */
static void matrix_override(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario(
        "{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\", \"travel\": {\"matrix\": "
        "\"valid/matrix3.json\"},"
        " \"providers\": [{\"id\": \"P\"}],"
        " \"helpers\": [{\"id\": \"H\", \"provider\": \"P\", \"home\": [0, 0], \"hours_per_week\": "
        "10}],"
        " \"clients\": [{\"id\": \"A\", \"location\": [3, 4], \"hours_per_week\": 1},"
        "               {\"id\": \"B\", \"location\": [6, 8], \"hours_per_week\": 1},"
        "               {\"id\": \"Z\", \"location\": [100, 0], \"hours_per_week\": 1}]}");
    const wp_model *m = &s->model;
    int a = 0, b = 1, z = 2, home = 3;
    assert_true(wp_model_time(m, a, b, WP_MODE_BIKE) == 42); /* listed pair: the matrix */
    assert_true(wp_model_dist(m, a, b) == 9.5);
    assert_true(wp_model_time(m, home, a, WP_MODE_BIKE) == 11);
    assert_true(wp_model_dist(m, z, home) == 100); /* unlisted: computed */
    assert_true(wp_model_time(m, z, home, WP_MODE_BIKE) == 100);
    wp_scenario_free(s);
}

/* Every problem is reported in one run, each with its path. */
static void all_problems_at_once(void **state)
{
    (void)state;
    char *e =
        ts_scenario_errors("{\"format\": \"wijkplan-scenario/1\", \"providers\": [{\"id\": \"P\"}],"
                           " \"helpers\": [{\"id\": \"H\", \"provider\": \"Q\", \"home\": [6.5, "
                           "53.2], \"hours_per_week\": 10}],"
                           " \"clients\": [{\"id\": \"C\", \"location\": [6.5, 53.2], "
                           "\"hours_per_week\": 1, \"window\": [\"10:00\", \"09:00\"]},"
                           "               {\"id\": \"D\", \"location\": [6.5, 53.2], "
                           "\"hours_per_week\": 1, \"prioriteit\": 5}]}");
    assert_non_null(strstr(e, "test.json: clients[0].window: \"10:00\" is after \"09:00\""));
    assert_non_null(strstr(e, "test.json: clients[1].prioriteit: unknown field"));
    wp_free(e);
    /* references are checked once the types are right */
    e = ts_scenario_errors("{\"format\": \"wijkplan-scenario/1\", \"providers\": [{\"id\": \"P\"}],"
                           " \"helpers\": [{\"id\": \"H\", \"provider\": \"Q\", \"home\": [6.5, "
                           "53.2], \"hours_per_week\": 10}],"
                           " \"clients\": []}");
    assert_string_equal(e, "test.json: helpers[0].provider: unknown provider \"Q\"\n");
    wp_free(e);
}

static void extra_is_carried(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario(
        "{\"format\": \"wijkplan-scenario/1\", \"extra\": {\"anything\": [1, {\"goes\": true}]},"
        " \"providers\": [{\"id\": \"P\", \"extra\": {\"kvk\": \"123\"}}], \"helpers\": [], "
        "\"clients\": []}");
    assert_string_equal(s->model.extra_json, "{\"anything\":[1,{\"goes\":true}]}");
    assert_string_equal(s->model.providers[0].extra_json, "{\"kvk\":\"123\"}");
    wp_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults),
        cmocka_unit_test(travel_model),
        cmocka_unit_test(planar_and_times),
        cmocka_unit_test(matrix_override),
        cmocka_unit_test(all_problems_at_once),
        cmocka_unit_test(extra_is_carried),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
