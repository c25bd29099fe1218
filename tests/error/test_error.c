/* The error record of the public API: problems formatted "file:line:col: path: message" with
 * unknown parts left out, the first problem's status unless one is internal, and problems
 * beyond the cap counted. */
#include <string.h>
#include <wijkplan/error.h>

#include "support/support.h"

static void format_leaves_out_unknown_parts(void **state)
{
    (void)state;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_error_add(&err, WP_ERR_INPUT, "s.json", "clients[3].window", 12, 5,
                                  "ends before it starts (%d < %d)", 480, 540),
                     WP_ERR_INPUT);
    wp_error_add(&err, WP_ERR_INPUT, NULL, "threads", 0, 0, "must be at most %d", 1024);
    wp_error_add(&err, WP_ERR_INPUT, "t.csv", NULL, 4, 0, "not UTF-8");
    char buf[256];
    wp_problem_format(&err.items[0], buf, sizeof buf);
    assert_string_equal(buf, "s.json:12:5: clients[3].window: ends before it starts (480 < 540)");
    wp_problem_format(&err.items[1], buf, sizeof buf);
    assert_string_equal(buf, "threads: must be at most 1024");
    wp_problem_format(&err.items[2], buf, sizeof buf);
    assert_string_equal(buf, "t.csv:4: not UTF-8");
    wp_error_clear(&err);
    assert_int_equal(err.count, 0);
}

static void status_and_cap(void **state)
{
    (void)state;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_error_status(&err), WP_OK);
    wp_error_add(&err, WP_ERR_INPUT, NULL, NULL, 0, 0, "a");
    wp_error_add(&err, WP_ERR_PROJECTION, NULL, NULL, 0, 0, "b");
    wp_error_add(&err, WP_ERR_INPUT, NULL, NULL, 0, 0, "c");
    assert_int_equal(wp_error_status(&err), WP_ERR_INPUT); /* the first problem's */
    wp_error_add(&err, WP_ERR_INTERNAL, NULL, NULL, 0, 0, "out of memory");
    assert_int_equal(wp_error_status(&err), WP_ERR_INTERNAL);
    for (int i = 0; i < WP_ERROR_MAX_ITEMS + 10; i++)
        wp_error_add(&err, WP_ERR_INPUT, NULL, NULL, 0, 0, "problem %d", i);
    assert_int_equal(err.count, WP_ERROR_MAX_ITEMS);
    assert_int_equal(err.dropped, 14);
    wp_error_clear(&err);
    /* a NULL record is allowed: only the status is returned */
    assert_int_equal(wp_error_add(NULL, WP_ERR_SOLVER, NULL, NULL, 0, 0, "x"), WP_ERR_SOLVER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_leaves_out_unknown_parts),
        cmocka_unit_test(status_and_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
