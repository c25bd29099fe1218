/* Point in polygon: holes, multipolygons, bounding boxes; and districts assigned on load. */
#include <stdlib.h>
#include <string.h>

#include "geo/polygon.h"
#include "io/districts_read.h"
#include "support/support.h"

static wp_district_def parse(const char *geojson)
{
    cJSON *g = cJSON_Parse(geojson);
    assert_non_null(g);
    wp_jctx ctx;
    wp_jctx_init(&ctx, "t", NULL);
    wp_district_def d;
    memset(&d, 0, sizeof d);
    assert_true(wp_geom_parse(&ctx, g, &d));
    wp_jctx_free(&ctx);
    cJSON_Delete(g);
    return d;
}

/* A 10 x 10 square with a 4 x 4 hole in the middle, and a second square far away. */
static const char *const donut_and_island =
    "{\"type\": \"MultiPolygon\", \"coordinates\": ["
    " [[[0,0],[10,0],[10,10],[0,10],[0,0]], [[3,3],[7,3],[7,7],[3,7],[3,3]]],"
    " [[[20,20],[22,20],[22,22],[20,22],[20,20]]]]}";

static void holes_are_outside(void **state)
{
    (void)state;
    wp_district_def d = parse(donut_and_island);
    assert_int_equal(d.n_polys, 2);
    assert_true(wp_geom_contains(&d, 1, 1));
    assert_true(wp_geom_contains(&d, 9, 5));
    assert_false(wp_geom_contains(&d, 5, 5));   /* in the hole */
    assert_false(wp_geom_contains(&d, 15, 15)); /* between the parts */
    assert_true(wp_geom_contains(&d, 21, 21));  /* the island */
    assert_false(wp_geom_contains(&d, -1, 5));
    assert_true(wp_geom_area(&d) == 100 - 16 + 4);
    wp_district_free(&d);
}

static void concave_polygon(void **state)
{
    (void)state;
    /* a U shape: the notch between the arms is outside */
    wp_district_def d = parse("{\"type\": \"Polygon\", \"coordinates\": "
                              "[[[0,0],[6,0],[6,6],[4,6],[4,2],[2,2],[2,6],[0,6],[0,0]]]}");
    assert_true(wp_geom_contains(&d, 1, 5));
    assert_true(wp_geom_contains(&d, 5, 5));
    assert_false(wp_geom_contains(&d, 3, 5));
    assert_true(wp_geom_contains(&d, 3, 1));
    wp_district_free(&d);
}

static void clients_get_their_district(void **state)
{
    (void)state;
    wp_scenario *s =
        ts_scenario("{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\","
                    " \"districts\": [{\"id\": \"RING\", \"geometry\": {\"type\": \"Polygon\", "
                    "\"coordinates\": "
                    "   [[[0,0],[10,0],[10,10],[0,10],[0,0]], [[3,3],[7,3],[7,7],[3,7],[3,3]]]}},"
                    "  {\"id\": \"CORE\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                    "[[[3,3],[7,3],[7,7],[3,7],[3,3]]]}}],"
                    " \"providers\": [{\"id\": \"P\"}], \"helpers\": [],"
                    " \"clients\": [{\"id\": \"a\", \"location\": [1, 1], \"hours_per_week\": 1},"
                    "  {\"id\": \"b\", \"location\": [5, 5], \"hours_per_week\": 1},"
                    "  {\"id\": \"c\", \"location\": [50, 50], \"district\": \"CORE\", "
                    "\"hours_per_week\": 1}]}");
    const wp_model *m = &s->model;
    assert_int_equal(m->clients[0].district, 0);
    assert_int_equal(m->clients[1].district, 1);
    assert_int_equal(m->clients[2].district, 1); /* named districts are taken as given */
    wp_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(holes_are_outside),
        cmocka_unit_test(concave_polygon),
        cmocka_unit_test(clients_get_their_district),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
