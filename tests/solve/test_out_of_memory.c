/* Running out of memory is a status of the library call, not an exit of the program (the
 * library is meant to be embedded): for N = 1, 2, ... the Nth allocation of a load, a solve
 * and a validation fails. Each call then returns WP_ERR_INTERNAL saying what it was doing, and
 * everything it allocated is freed again (the count of live blocks is back where it was); once
 * N is past the call's last allocation it succeeds. */
#include <string.h>

#include "support/support.h"
#include "util/alloc.h"

#define SCENARIO WP_TEST_DATA "/invalid/repair_scenario.json"

typedef wp_status (*call_fn)(void *ctx, wp_error *err);

/* Sweeps the failing allocation over call(ctx); returns the number of failing runs. */
static int sweep(call_fn call, void (*undo)(void *ctx), void *ctx, const char *doing)
{
    int failures = 0;
    for (long n = 1;; n += n < 64 ? 1 : n / 8) {
        long live = wp_alloc_live_blocks();
        wp_error err;
        wp_error_init(&err);
        wp_alloc_fail_after(n);
        wp_status s = call(ctx, &err);
        wp_alloc_fail_after(0);
        if (s == WP_OK) {
            undo(ctx);
            assert_int_equal(wp_alloc_live_blocks(), live);
            wp_error_clear(&err);
            return failures;
        }
        failures++;
        assert_int_equal(s, WP_ERR_INTERNAL);
        assert_int_equal(err.count, 1);
        assert_non_null(strstr(err.items[0].message, "out of memory while "));
        assert_non_null(strstr(err.items[0].message, doing));
        assert_int_equal(wp_alloc_live_blocks(), live);
        wp_error_clear(&err);
        assert_true(n < 10000000); /* the call ends */
    }
}

static wp_status load(void *ctx, wp_error *err)
{
    return wp_scenario_load(SCENARIO, ctx, err);
}

static void unload(void *ctx)
{
    wp_scenario_free(*(wp_scenario **)ctx);
}

static void load_fails_cleanly(void **state)
{
    (void)state;
    wp_scenario *s = NULL;
    assert_true(sweep(load, unload, &s, "loading the scenario") > 50);
}

typedef struct solve_ctx {
    wp_scenario *s;
    wp_roster *r;
    wp_validation v;
} solve_ctx;

static wp_status solve(void *ctx, wp_error *err)
{
    solve_ctx *x = ctx;
    wp_solve_options o;
    wp_solve_options_default(&o);
    o.iterations = 30;
    o.threads = 1;
    return wp_solve(x->s, &o, &x->r, err);
}

static void unsolve(void *ctx)
{
    solve_ctx *x = ctx;
    wp_roster_free(x->r);
    x->r = NULL;
}

static wp_status validate(void *ctx, wp_error *err)
{
    solve_ctx *x = ctx;
    wp_validate_options o;
    wp_validate_options_default(&o);
    return wp_validate(x->s, x->r, &o, &x->v, err);
}

static void unvalidate(void *ctx)
{
    wp_validation_free(&((solve_ctx *)ctx)->v);
}

static void solve_and_validate_fail_cleanly(void **state)
{
    (void)state;
    solve_ctx x = {ts_scenario_file(SCENARIO), NULL, {0}};
    assert_true(sweep(solve, unsolve, &x, "planning") > 50);
    assert_int_equal(solve(&x, NULL), WP_OK);
    assert_true(sweep(validate, unvalidate, &x, "validating the roster") > 5);
    wp_roster_free(x.r);
    wp_scenario_free(x.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(load_fails_cleanly),
        cmocka_unit_test(solve_and_validate_fail_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
