/* Solve options out of range are input errors in the library too (it is meant to be embedded):
 * 100000 threads crashed libgomp and a 1e308 s limit overflowed the iteration budget. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "support/support.h"
#include "util/alloc.h"

static wp_status solve_with(const wp_solve_options *o, char **message)
{
    wp_scenario *s = ts_scenario_file(WP_TEST_DATA "/invalid/repair_scenario.json");
    wp_roster *r = NULL;
    wp_error err;
    wp_error_init(&err);
    wp_status st = wp_solve(s, o, &r, &err);
    *message = err.count ? wp_strdup(err.items[0].message) : NULL;
    wp_roster_free(r);
    wp_error_clear(&err);
    wp_scenario_free(s);
    return st;
}

static void options_out_of_range(void **state)
{
    (void)state;
    wp_solve_options o;
    wp_solve_options_default(&o);
    o.iterations = 10;
    char *msg;
    o.threads = WP_MAX_THREADS + 1;
    assert_int_equal(solve_with(&o, &msg), WP_ERR_INPUT);
    assert_non_null(strstr(msg, "between 0 (all cores) and 1024"));
    wp_free(msg);
    o.threads = 1;
    const double limits[] = {1e308, -1, 0, NAN, WP_MAX_TIME_LIMIT_S * 2};
    for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
        o.time_limit_s = limits[i];
        assert_int_equal(solve_with(&o, &msg), WP_ERR_INPUT);
        assert_non_null(strstr(msg, "at most 604800 seconds"));
        wp_free(msg);
    }
    o.time_limit_s = WP_MAX_TIME_LIMIT_S; /* the largest allowed works */
    assert_int_equal(solve_with(&o, &msg), WP_OK);
    assert_null(msg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(options_out_of_range)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
