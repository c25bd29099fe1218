/* Importer round trips: every value of the original file arrives in the scenario. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wijkplan/import.h>

#include "support/support.h"
#include "util/alloc.h"

static char *tmp_out(void)
{
    char *p = ts_temp_file("", ".json");
    unlink(p);
    return p;
}

/* Reads Solomon rows the simplest possible way, independently of the importer. */
typedef struct row {
    double id, x, y, demand, ready, due, service;
} row;

static int read_rows(const char *path, row *rows, int max, int *vehicles, double *capacity)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    int n = 0, state = 0;
    while (fgets(line, sizeof line, f)) {
        row r;
        if (state == 0 && sscanf(line, "%d %lf", vehicles, capacity) == 2)
            state = 1;
        else if (state == 1 && n < max &&
                 sscanf(line, "%lf %lf %lf %lf %lf %lf %lf", &r.id, &r.x, &r.y, &r.demand, &r.ready,
                        &r.due, &r.service) == 7)
            rows[n++] = r;
    }
    fclose(f);
    return n;
}

static void solomon_round_trip(void **state)
{
    (void)state;
    const char *src = WP_TEST_DATA "/benchmarks/R101.txt";
    row rows[200];
    int vehicles = 0;
    double capacity = 0;
    int n = read_rows(src, rows, 200, &vehicles, &capacity);
    assert_int_equal(n, 101);
    char *out = tmp_out();
    wp_solomon_options o = {0, 0};
    assert_int_equal(wp_import_solomon(src, &o, out, NULL), WP_OK);
    wp_scenario *s = ts_scenario_file(out);
    const wp_model *m = &s->model;
    assert_true(m->planar);
    assert_int_equal(m->n_helpers, vehicles);
    assert_int_equal(m->n_clients, 100);
    for (int h = 0; h < m->n_helpers; h++) {
        int nw;
        const wp_window *w = wp_helper_windows(m, h, 0, &nw);
        assert_int_equal(nw, 1);
        assert_true(w[0].from == rows[0].ready && w[0].to == rows[0].due);
        assert_true(m->helpers[h].capacity == capacity);
        assert_true(m->src_x[m->helpers[h].home] == rows[0].x);
    }
    for (int c = 0; c < 100; c++) {
        const row *r = &rows[c + 1];
        const wp_client_def *cl = &m->clients[c];
        char id[16];
        snprintf(id, sizeof id, "%.0f", r->id);
        assert_string_equal(cl->id, id);
        assert_true(m->src_x[cl->location] == r->x && m->src_y[cl->location] == r->y);
        const wp_visit_def *v = &m->visits[cl->first_visit];
        assert_int_equal(cl->n_visits, 1);
        assert_true(v->duration == r->service && v->load == r->demand);
        assert_true(v->window.from == r->ready && v->window.to == r->due);
        assert_int_equal(v->days, 1);
    }
    /* travel time equals the Euclidean distance */
    assert_true(fabs(wp_model_time(m, 0, 1, 0) -
                     hypot(rows[1].x - rows[2].x, rows[1].y - rows[2].y)) < 1e-12);
    wp_scenario_free(s);
    unlink(out);
    wp_free(out);
}

static void convrp_round_trip(void **state)
{
    (void)state;
    char *out = tmp_out();
    wp_convrp_options o = {5, 12.5};
    assert_int_equal(
        wp_import_convrp(WP_TEST_DATA "/benchmarks/convrp_10_test_1.vrp", &o, out, NULL), WP_OK);
    wp_scenario *s = ts_scenario_file(out);
    const wp_model *m = &s->model;
    assert_int_equal(m->n_helpers, 5);
    assert_int_equal(m->n_clients, 10);
    /* customer 2 has demand "-1 1 -1": one visit, on tue, load 1, service 1 */
    const wp_client_def *c2 = &m->clients[1];
    assert_string_equal(c2->id, "2");
    assert_int_equal(c2->n_visits, 1);
    assert_int_equal(m->visits[c2->first_visit].days, 1 << 1);
    assert_true(m->visits[c2->first_visit].load == 1 && m->visits[c2->first_visit].duration == 1);
    /* customer 1 "3 3 1" on mon, tue, wed */
    const wp_client_def *c1 = &m->clients[0];
    assert_int_equal(c1->n_visits, 3);
    assert_true(m->visits[c1->first_visit + 2].load == 1);
    assert_true(c1->consistency_min == 12.5);
    assert_true(m->src_x[c1->location] == 8.180 && m->src_y[c1->location] == 9.781);
    assert_true(m->helpers[0].capacity == 15);
    assert_true(m->helpers[0].day_max_min == 35); /* DISTANCE: 35 is the route duration limit */
    wp_scenario_free(s);
    unlink(out);
    wp_free(out);
}

/* Dutch day names and 8:00 without a leading zero, as a planner types them, read the same as
 * mon..sun and 08:00. */
static void csv_dutch_spreadsheet(void **state)
{
    (void)state;
    char *prov = ts_temp_file(
        "\xef\xbb\xbfid;name;tariff_HO;tariff_HO+\r\nP1;\"Zorg; \"\"Noord\"\"\";31,20;35,80\r\n",
        ".csv");
    char *help = ts_temp_file(
        "id;provider;home_lon;home_lat;mode;hours_per_week;max_hours_per_day;max_visits_per_day;"
        "qualification;skills;availability;absent;capacity\n"
        "H1;P1;6,566;53,219;ebike;24;6;4;HO+;dementia|psychiatry;ma 8:00-13:00|Woensdag "
        "08:00-13:00 "
        "18:00-21:00;do;\n",
        ".csv");
    char *cli =
        ts_temp_file("id;lon;lat;district;provider;helper;product;skills;priority;hours_per_week;"
                     "visits_per_week;"
                     "days;window;min_days_between_visits;arrival_consistency_min\n"
                     "C1;6,571;53,214;;P1;H1;HO+;dementia;5;2,5;2;MA|wo|vr;9:00-12:00;2;45\n"
                     "C2;6,561;53,224;;;;;;;2;;;;;\n",
                     ".csv");
    char *out = tmp_out();
    wp_csv_options o = {cli, help, prov, NULL, NULL, NULL, "spreadsheet"};
    wp_error err;
    wp_error_init(&err);
    wp_status st = wp_import_csv(&o, out, &err);
    wp_error_print(&err, stderr);
    assert_int_equal(st, WP_OK);
    wp_scenario *s = ts_scenario_file(out);
    const wp_model *m = &s->model;
    assert_string_equal(m->name, "spreadsheet");
    assert_string_equal(m->providers[0].name, "Zorg; \"Noord\"");
    assert_true(m->providers[0].tariff[0] == 31.2 && m->providers[0].tariff[1] == 35.8);
    const wp_helper_def *h = &m->helpers[0];
    assert_int_equal(h->mode, WP_MODE_EBIKE);
    assert_true(h->week_min == 24 * 60 && h->day_max_min == 360);
    assert_int_equal(h->max_visits_per_day, 4);
    assert_int_equal(h->qualification, WP_PRODUCT_HO_PLUS);
    assert_int_equal(m->n_skills, 2);
    assert_int_equal(h->absent, 1 << 3);
    int n;
    const wp_window *w = wp_helper_windows(m, 0, 2, &n);
    assert_int_equal(n, 2);
    assert_true(w[0].from == 480 && w[0].to == 780 && w[1].from == 1080 && w[1].to == 1260);
    assert_true(m->src_x[h->home] == 6.566 && m->src_y[h->home] == 53.219);
    const wp_client_def *c = &m->clients[0];
    assert_int_equal(c->helper, 0);
    assert_int_equal(c->provider, 0);
    assert_int_equal(c->product, WP_PRODUCT_HO_PLUS);
    assert_int_equal(c->priority, 5);
    assert_int_equal(c->n_visits, 2);
    assert_true(m->visits[c->first_visit].duration == 75);
    assert_int_equal(m->visits[c->first_visit].days, 1 | 4 | 16);
    assert_true(m->visits[c->first_visit].window.from == 540 &&
                m->visits[c->first_visit].window.to == 720);
    assert_int_equal(c->min_days_between, 2);
    assert_true(c->consistency_min == 45);
    const wp_client_def *c2 = &m->clients[1]; /* empty cells: defaults */
    assert_int_equal(c2->priority, 3);
    assert_int_equal(c2->provider, -1);
    assert_true(m->visits[c2->first_visit].window.from == 480);
    wp_scenario_free(s);
    wp_error_clear(&err);
    unlink(prov), unlink(help), unlink(cli), unlink(out);
    wp_free(prov), wp_free(help), wp_free(cli), wp_free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(solomon_round_trip),
        cmocka_unit_test(convrp_round_trip),
        cmocka_unit_test(csv_dutch_spreadsheet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
