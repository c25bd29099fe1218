/* Projection with PROJ: known RD New coordinates, UTM outside the Netherlands, unknown CRSs. */
#include <math.h>

#include "geo/project.h"
#include "support/support.h"

/* The Onze Lieve Vrouwetoren in Amersfoort is the origin of RD New: x 155000, y 463000.
 * Its WGS84 position is 52.15517440 N, 5.38720621 E (Schreutelkamp and Strang van Hees, 2001).
 * PROJ without the RDNAPTRANS grid is within about a metre. */
static void rd_new_origin(void **state)
{
    (void)state;
    double x = 5.38720621, y = 52.15517440;
    wp_projector *p;
    char target[32];
    assert_int_equal(wp_projector_create("EPSG:4326", &x, &y, 1, &p, target, NULL), WP_OK);
    assert_string_equal(target, "EPSG:28992");
    assert_int_equal(wp_project_points(p, &x, &y, 1), 1);
    assert_true(fabs(x - 155000) < 2.0);
    assert_true(fabs(y - 463000) < 2.0);
    wp_projector_free(p);
}

/* Two points 0.01 degrees of latitude apart are about 1112 m apart anywhere. */
static void utm_elsewhere(void **state)
{
    (void)state;
    double x[2] = {-3.70, -3.70}, y[2] = {40.41, 40.42}; /* Madrid */
    wp_projector *p;
    char target[32];
    assert_int_equal(wp_projector_create("EPSG:4326", x, y, 2, &p, target, NULL), WP_OK);
    assert_string_equal(target, "EPSG:32630");
    assert_int_equal(wp_project_points(p, x, y, 2), 2);
    double d = hypot(x[1] - x[0], y[1] - y[0]);
    assert_true(fabs(d - 1111.0) < 3.0);
    wp_projector_free(p);
}

static void projected_input_stays(void **state)
{
    (void)state;
    double x = 155000, y = 463000;
    wp_projector *p;
    char target[32];
    assert_int_equal(wp_projector_create("EPSG:28992", &x, &y, 1, &p, target, NULL), WP_OK);
    assert_string_equal(target, "EPSG:28992");
    assert_int_equal(wp_project_points(p, &x, &y, 1), 1);
    assert_true(fabs(x - 155000) < 1e-6 && fabs(y - 463000) < 1e-6);
    wp_projector_free(p);
}

static void unknown_crs(void **state)
{
    (void)state;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_crs_check("EPSG:999999", "s.json", "crs", &err), WP_ERR_INPUT);
    assert_int_equal(err.count, 1);
    assert_string_equal(err.items[0].path, "crs");
    wp_error_clear(&err);
    assert_int_equal(wp_crs_check("EPSG:28992", "s.json", "crs", NULL), WP_OK);
    assert_true(wp_crs_is_geographic("EPSG:4326"));
    assert_false(wp_crs_is_geographic("EPSG:28992"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rd_new_origin),
        cmocka_unit_test(utm_elsewhere),
        cmocka_unit_test(projected_input_stays),
        cmocka_unit_test(unknown_crs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
