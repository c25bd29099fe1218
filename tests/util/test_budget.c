/* Budgets and their parts: work shared by share (truncated), time by share x parallel of the
 * span and never past the whole's deadline; derived work from the given seconds only. */
#include <math.h>

#include "support/support.h"
#include "util/budget.h"
#include "util/clock.h"

static void parts_share_work_and_time(void **state)
{
    (void)state;
    wp_budget whole = wp_budget_begin(100, 1001, false);
    assert_true(fabs(whole.deadline - whole.start - 100) < 1e-9);
    wp_budget awards = wp_budget_part(&whole, 0.1, 1);
    assert_int_equal(awards.iterations, 100); /* 100.1 truncated */
    assert_true(fabs(awards.seconds - 10) < 1e-9);
    assert_true(awards.deadline <= whole.deadline);
    assert_true(fabs(awards.deadline - awards.start - 10) < 0.01);
    /* a cluster of a quarter of the work beside another: a quarter of the work, half the time */
    wp_budget cluster = wp_budget_part(&whole, 0.25, 2);
    assert_int_equal(cluster.iterations, 250);
    assert_true(fabs(cluster.seconds - 50) < 1e-9);
    /* never past the whole's deadline, however large the share */
    wp_budget all = wp_budget_part(&whole, 3, 1);
    assert_true(all.deadline <= whole.deadline);
}

static void derived_work_comes_from_given_seconds(void **state)
{
    (void)state;
    wp_budget b = wp_budget_begin(10, 0, false);
    assert_int_equal(wp_budget_iterations(&b, 50, 2), 1000);
    /* what is left has the same given work, whatever time has passed */
    wp_budget rest = wp_budget_rest(&b, 0.5);
    assert_int_equal(wp_budget_iterations(&rest, 50, 2), 1000);
    assert_true(rest.deadline < b.deadline);
    wp_budget fixed = wp_budget_begin(10, 77, false);
    assert_int_equal(wp_budget_iterations(&fixed, 50, 2), 77);
    assert_true(wp_budget_left(&b) > 9 && wp_budget_left(&b) <= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parts_share_work_and_time),
        cmocka_unit_test(derived_work_comes_from_given_seconds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
