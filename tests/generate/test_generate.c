/* The generator: deterministic bytes, clients inside their districts, districts filled in
 * proportion to their elderly inhabitants, pairs within the client's provider, loadable. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "generate.h"
#include "util/alloc.h"
#include "geo/polygon.h"
#include "wijken.h"
#include "support/support.h"

static void same_seed_same_bytes(void **state)
{
    (void)state;
    char *a = ts_generate("Someren", 150, 7), *b = ts_generate("GM0847", 150, 7),
         *c = ts_generate("Someren", 150, 8);
    char *ta = ts_read_file(a), *tb = ts_read_file(b), *tc = ts_read_file(c);
    assert_string_equal(ta, tb); /* by name or by code */
    assert_true(strcmp(ta, tc) != 0);
    wp_free(ta), wp_free(tb), wp_free(tc);
    unlink(a), unlink(b), unlink(c);
    wp_free(a), wp_free(b), wp_free(c);
}

static void realistic_placement(void **state)
{
    (void)state;
    char *path = ts_generate("Utrecht", 2000, 3);
    wp_scenario *s = ts_scenario_file(path);
    const wp_model *m = &s->model;
    assert_int_equal(m->n_clients, 2000);
    assert_int_equal(m->n_districts, 10);
    /* every client lies inside the district it names */
    for (int c = 0; c < m->n_clients; c++) {
        int loc = m->clients[c].location;
        assert_true(wp_geom_contains(&m->districts[m->clients[c].district], m->x[loc], m->y[loc]));
    }
    /* district totals follow the 65+ population shares (largest remainder: within one) */
    wp_wijken w;
    const char *sel[] = {"Utrecht"};
    assert_int_equal(wp_wijken_load(WP_DEFAULT_GEO, sel, 1, false, &w, NULL), WP_OK);
    double elderly = 0;
    for (int i = 0; i < w.n; i++) elderly += w.items[i].elderly;
    for (int d = 0; d < m->n_districts; d++) {
        int count = 0;
        for (int c = 0; c < m->n_clients; c++) count += m->clients[c].district == d;
        double expected = 0;
        for (int i = 0; i < w.n; i++)
            if (strcmp(w.items[i].code, m->districts[d].id) == 0)
                expected = 2000 * w.items[i].elderly / elderly;
        assert_true(fabs(count - expected) <= 1.0);
    }
    wp_wijken_free(&w);
    /* pairs are with a helper of the client's own provider who is qualified */
    int pairs = 0;
    for (int c = 0; c < m->n_clients; c++) {
        const wp_client_def *cl = &m->clients[c];
        if (cl->helper < 0) continue;
        pairs++;
        assert_int_equal(m->helpers[cl->helper].provider, cl->provider);
        assert_true(wp_helper_qualified(m, cl->helper, c));
    }
    assert_true(pairs > 1500 && pairs <= 2000 * 0.9);
    wp_scenario_free(s);
    unlink(path);
    wp_free(path);
}

/* The municipality (CBS code digits of its wijk id, WKggggnn) of a projected point, or -1. */
static int municipality_at(const wp_model *m, double x, double y)
{
    for (int d = 0; d < m->n_districts; d++)
        if (wp_geom_contains(&m->districts[d], x, y)) return atoi(m->districts[d].id + 2) / 100;
    return -1;
}

/* Providers work regionally: in a study of two distant municipalities every client's provider
 * has helpers in the client's own municipality, every helper lives in one of them, and every
 * current pair is within one municipality (history is local). */
static void providers_work_regionally(void **state)
{
    (void)state;
    wp_gen_options o;
    wp_gen_options_default(&o);
    o.geo_path = WP_DEFAULT_GEO;
    o.select[o.n_select++] = "Groningen";
    o.select[o.n_select++] = "Someren";
    o.clients = 3000;
    char *out = ts_temp_file("", ".json");
    unlink(out);
    assert_int_equal(wp_generate(&o, out, NULL), WP_OK);
    wp_scenario *s = ts_scenario_file(out);
    const wp_model *m = &s->model;
    int nm = 10000; /* CBS municipality codes are four digits */
    bool *present = wp_calloc((size_t)nm * (size_t)m->n_providers, sizeof *present);
    int *helper_muni = wp_malloc(((size_t)m->n_helpers + 1) * sizeof *helper_muni);
    for (int h = 0; h < m->n_helpers; h++) {
        int loc = m->helpers[h].home, g = municipality_at(m, m->x[loc], m->y[loc]);
        assert_true(g == 14 || g == 847); /* Groningen GM0014, Someren GM0847 */
        present[(size_t)g * m->n_providers + m->helpers[h].provider] = true;
        helper_muni[h] = g;
    }
    int someren = 0, pairs = 0;
    for (int c = 0; c < m->n_clients; c++) {
        int g = atoi(m->districts[m->clients[c].district].id + 2) / 100;
        someren += g == 847;
        assert_true(present[(size_t)g * m->n_providers + m->clients[c].provider]);
        if (m->clients[c].helper >= 0)
            assert_int_equal(helper_muni[m->clients[c].helper], g), pairs++;
    }
    assert_true(someren > 20); /* the small municipality is really in the test */
    assert_true(pairs > m->n_clients / 2);
    wp_free(helper_muni);
    wp_free(present);
    wp_scenario_free(s);
    unlink(out);
    wp_free(out);
}

static void grouped_areas(void **state)
{
    (void)state;
    wp_gen_options o;
    wp_gen_options_default(&o);
    o.geo_path = WP_DEFAULT_GEO;
    o.select[o.n_select++] = "Groningen";
    o.clients = 500;
    o.groups[o.n_groups++] =
        (wp_gen_group){"North", "WK001403,WK001410,WK001411,WK001412,WK001413,WK001415"};
    o.groups[o.n_groups++] =
        (wp_gen_group){"Rest", "WK001400,WK001401,WK001402,WK001404,WK001405,WK001406,"
                               "WK001407,WK001408,WK001409,WK001414,WK001416,WK001417,"
                               "WK001418,WK001419"};
    char *out = ts_temp_file("", ".json");
    unlink(out);
    assert_int_equal(wp_generate(&o, out, NULL), WP_OK);
    wp_scenario *s = ts_scenario_file(out);
    assert_int_equal(s->model.n_districts, 2);
    for (int c = 0; c < s->model.n_clients; c++) {
        int loc = s->model.clients[c].location, d = s->model.clients[c].district;
        assert_true(wp_geom_contains(&s->model.districts[d], s->model.x[loc], s->model.y[loc]));
    }
    wp_scenario_free(s);
    /* a wijk left out of every group is an error */
    o.n_groups = 1;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_generate(&o, out, &err), WP_ERR_INPUT);
    assert_non_null(strstr(err.items[0].message, "is in no group"));
    wp_error_clear(&err);
    unlink(out);
    wp_free(out);
}

static void unknown_municipality(void **state)
{
    (void)state;
    wp_gen_options o;
    wp_gen_options_default(&o);
    o.geo_path = WP_DEFAULT_GEO;
    o.select[o.n_select++] = "Atlantis";
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_generate(&o, "/tmp/never-written.json", &err), WP_ERR_INPUT);
    assert_non_null(strstr(err.items[0].message, "no municipality \"Atlantis\""));
    assert_int_equal(access("/tmp/never-written.json", F_OK), -1);
    wp_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_seed_same_bytes),      cmocka_unit_test(realistic_placement),
        cmocka_unit_test(providers_work_regionally), cmocka_unit_test(grouped_areas),
        cmocka_unit_test(unknown_municipality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
