/* The GLPK fence: a knapsack with a known optimum (and an LP bound above it), an infeasible
 * model reported as such, and a minimisation with equality rows. */
#include <math.h>

#include "mip/mip.h"
#include "support/support.h"

/* max 10a + 13b + 7c subject to 3a + 4b + 2c <= 6, binary: the best is b + c = 20 (a + c = 17,
 * a + b does not fit); the LP relaxation takes more (fractional a). */
static void knapsack_optimum_and_bound(void **state)
{
    (void)state;
    wp_mip *mip = wp_mip_create("knapsack", true);
    int a = wp_mip_var(mip, "a", WP_VAR_BINARY, 0, 1, 10);
    int b = wp_mip_var(mip, "b", WP_VAR_BINARY, 0, 1, 13);
    int c = wp_mip_var(mip, "c", WP_VAR_BINARY, 0, 1, 7);
    int cols[] = {a, b, c};
    double weight[] = {3, 4, 2};
    wp_mip_row(mip, "capacity", 3, cols, weight, -HUGE_VAL, 6);
    assert_int_equal(wp_mip_solve(mip, 5), WP_MIP_OPTIMAL);
    assert_true(fabs(wp_mip_objective(mip) - 20) < 1e-9);
    assert_true(wp_mip_value(mip, a) < 0.5);
    assert_true(wp_mip_value(mip, b) > 0.5 && wp_mip_value(mip, c) > 0.5);
    assert_true(wp_mip_lp_objective(mip) >= 20 - 1e-9);
    assert_true(wp_mip_lp_objective(mip) > 20 + 1e-6); /* 13 + 7 + 10/3 */
    wp_mip_free(mip);
}

static void infeasible_is_reported(void **state)
{
    (void)state;
    wp_mip *mip = wp_mip_create("infeasible", false);
    int x = wp_mip_var(mip, "x", WP_VAR_BINARY, 0, 1, 1);
    int y = wp_mip_var(mip, "y", WP_VAR_BINARY, 0, 1, 1);
    int cols[] = {x, y};
    double one[] = {1, 1};
    wp_mip_row(mip, "three", 2, cols, one, 3, HUGE_VAL); /* two binaries cannot sum to 3 */
    assert_int_equal(wp_mip_solve(mip, 5), WP_MIP_INFEASIBLE);
    wp_mip_free(mip);
}

/* min 2x + 3y with x + y = 4, x <= 1.5 (continuous): x = 1.5, y = 2.5, objective 10.5. */
static void continuous_minimum(void **state)
{
    (void)state;
    wp_mip *mip = wp_mip_create("lp", false);
    int x = wp_mip_var(mip, "x", WP_VAR_CONTINUOUS, 0, 1.5, 2);
    int y = wp_mip_var(mip, "y", WP_VAR_CONTINUOUS, 0, HUGE_VAL, 3);
    int cols[] = {x, y};
    double one[] = {1, 1};
    wp_mip_row(mip, "sum", 2, cols, one, 4, 4);
    assert_int_equal(wp_mip_solve(mip, 5), WP_MIP_OPTIMAL);
    assert_true(fabs(wp_mip_objective(mip) - 10.5) < 1e-9);
    assert_true(fabs(wp_mip_value(mip, x) - 1.5) < 1e-9);
    wp_mip_free(mip);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(knapsack_optimum_and_bound),
        cmocka_unit_test(infeasible_is_reported),
        cmocka_unit_test(continuous_minimum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
