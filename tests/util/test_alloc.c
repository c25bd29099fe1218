/* Allocation scopes: a call that runs out of memory returns WP_ERR_INTERNAL, releases every
 * block and registered resource it acquired, and leaves the caller's memory alone; a call that
 * succeeds hands its blocks to the caller. */
#include <string.h>

#include "error/guard.h"
#include "support/support.h"
#include "util/alloc.h"

/* A call that allocates `blocks` strings, registers one resource, and keeps the last string
 * for the caller in *out. */
typedef struct job {
    int blocks;
    char **out;
    int *released; /* the registered resource: counts its releases */
} job;

static void release_counter(void *counter)
{
    (*(int *)counter)++;
}

static wp_status job_unguarded(const job *j, wp_error *err)
{
    (void)err;
    wp_cleanup *c = wp_scope_defer(release_counter, j->released);
    char *last = NULL;
    for (int i = 0; i < j->blocks; i++) {
        wp_free(last);
        last = wp_strdupf("block %d", i);
    }
    wp_scope_cancel(c);
    *j->out = last;
    return WP_OK;
}

static wp_status run_job(const job *j, wp_error *err)
{
    WP_GUARD(err, "running the job", job_unguarded(j, err));
}

static void failure_releases_everything_the_call_acquired(void **state)
{
    (void)state;
    char *caller_owned = wp_strdup("mine"); /* before the call: must survive it */
    /* the call makes six allocations: the registration, then five strings */
    for (long n = 1; n <= 7; n++) {
        long live = wp_alloc_live_blocks();
        int released = 0;
        char *out = NULL;
        job j = {5, &out, &released};
        wp_error err = {0};
        wp_alloc_fail_after(n);
        wp_status s = run_job(&j, &err);
        wp_alloc_fail_after(0);
        if (n <= 6) {
            assert_int_equal(s, WP_ERR_INTERNAL);
            assert_int_equal(err.count, 1);
            assert_non_null(strstr(err.items[0].message, "out of memory while running the job"));
            assert_int_equal(released, 1); /* at once when it could not be registered */
            assert_null(out);
            assert_int_equal(wp_alloc_live_blocks(), live);
        } else {
            assert_int_equal(s, WP_OK);
            assert_int_equal(released, 0);
            assert_string_equal(out, "block 4");
            wp_free(out);
        }
        wp_error_clear(&err);
    }
    assert_string_equal(caller_owned, "mine");
    wp_free(caller_owned);
}

static void success_hands_blocks_to_the_caller(void **state)
{
    (void)state;
    long live = wp_alloc_live_blocks();
    int released = 0;
    char *out = NULL;
    job j = {3, &out, &released};
    assert_int_equal(run_job(&j, NULL), WP_OK);
    assert_int_equal(released, 0);
    assert_string_equal(out, "block 2");
    assert_int_equal(wp_alloc_live_blocks(), live + 1);
    wp_free(out);
    assert_int_equal(wp_alloc_live_blocks(), live);
}

/* An outer call whose inner call fails: the outer call sees the status and goes on; what it
 * allocated itself stays. */
typedef struct nested {
    char *before, *after;
    wp_status inner;
} nested;

static wp_status nested_unguarded(nested *x, wp_error *err)
{
    x->before = wp_strdup("before");
    int released = 0;
    char *out = NULL;
    job j = {4, &out, &released};
    wp_alloc_fail_after(2);
    x->inner = run_job(&j, err);
    wp_alloc_fail_after(0);
    x->after = wp_strdup("after");
    return WP_OK;
}

static wp_status run_nested(nested *x, wp_error *err)
{
    WP_GUARD(err, "running the outer job", nested_unguarded(x, err));
}

static void an_inner_failure_is_a_status_for_the_outer_call(void **state)
{
    (void)state;
    long live = wp_alloc_live_blocks();
    nested x = {0};
    wp_error err = {0};
    assert_int_equal(run_nested(&x, &err), WP_OK);
    assert_int_equal(x.inner, WP_ERR_INTERNAL);
    assert_string_equal(x.before, "before");
    assert_string_equal(x.after, "after");
    assert_int_equal(wp_alloc_live_blocks(), live + 2);
    wp_free(x.before);
    wp_free(x.after);
    wp_error_clear(&err);
}

/* Kept blocks survive a failing call; the rest go. */
static char *kept_block;

static wp_status keep_then_fail_unguarded(wp_error *err)
{
    (void)err;
    kept_block = wp_strdup("kept");
    wp_alloc_keep(kept_block);
    (void)wp_strdup("lost");
    wp_alloc_fail_after(1);
    (void)wp_malloc(16);
    return WP_OK; /* not reached */
}

static wp_status keep_then_fail(wp_error *err)
{
    WP_GUARD(err, "keeping", keep_then_fail_unguarded(err));
}

static void a_kept_block_outlives_the_failed_call(void **state)
{
    (void)state;
    long live = wp_alloc_live_blocks();
    assert_int_equal(keep_then_fail(NULL), WP_ERR_INTERNAL);
    wp_alloc_fail_after(0);
    assert_string_equal(kept_block, "kept");
    assert_int_equal(wp_alloc_live_blocks(), live + 1);
    wp_free(kept_block);
}

/* Workers: one of eight items runs out of memory; the call fails as a whole and nothing of any
 * worker stays. */
typedef struct items {
    char *made[8];
    int fail_item;
} items;

static void make_item(void *arg, int i)
{
    items *it = arg;
    if (i == it->fail_item) wp_alloc_fail_after(1);
    it->made[i] = wp_strdupf("item %d", i);
}

static wp_status workers_unguarded(items *it, wp_error *err)
{
    (void)err;
    wp_workers w = wp_workers_begin();
    for (int i = 0; i < 8; i++) wp_worker_run(&w, make_item, it, i); /* one thread: repeatable */
    wp_workers_check(&w);
    return WP_OK;
}

static wp_status run_workers(items *it, wp_error *err)
{
    WP_GUARD(err, "working", workers_unguarded(it, err));
}

static void a_worker_out_of_memory_fails_the_call(void **state)
{
    (void)state;
    long live = wp_alloc_live_blocks();
    items it = {{0}, 5};
    wp_error err = {0};
    assert_int_equal(run_workers(&it, &err), WP_ERR_INTERNAL);
    assert_non_null(strstr(err.items[0].message, "out of memory while working"));
    assert_int_equal(wp_alloc_live_blocks(), live);
    wp_error_clear(&err);
    items ok = {{0}, -1};
    assert_int_equal(run_workers(&ok, NULL), WP_OK);
    assert_int_equal(wp_alloc_live_blocks(), live + 8);
    for (int i = 0; i < 8; i++) wp_free(ok.made[i]);
}

/* An object registered in a call and handed to the caller (as a projector or a GLPK problem
 * may be): its registration stays valid after the call and is cancelled when it is freed. */
typedef struct held {
    wp_cleanup *release;
    int *released;
} held;

static void release_held(void *h)
{
    (*((held *)h)->released)++;
}

static wp_status make_held_unguarded(held **out, int *released)
{
    held *h = wp_malloc(sizeof *h);
    h->released = released;
    h->release = wp_scope_defer(release_held, h);
    *out = h;
    return WP_OK;
}

static wp_status make_held(held **out, int *released)
{
    WP_GUARD(NULL, "holding", make_held_unguarded(out, released));
}

static void a_registration_outlives_its_call(void **state)
{
    (void)state;
    long live = wp_alloc_live_blocks();
    int released = 0;
    held *h = NULL;
    assert_int_equal(make_held(&h, &released), WP_OK);
    assert_non_null(h->release);
    wp_scope_cancel(h->release); /* freeing the object, after the call */
    wp_free(h);
    assert_int_equal(released, 0);
    assert_int_equal(wp_alloc_live_blocks(), live);
}

static void realloc_keeps_a_block_in_its_scope(void **state)
{
    (void)state;
    long live = wp_alloc_live_blocks();
    char *p = wp_strdup("x");
    for (size_t n = 16; n < (1u << 20); n *= 4) p = wp_realloc(p, n);
    assert_int_equal(p[0], 'x');
    wp_free(p);
    assert_int_equal(wp_alloc_live_blocks(), live);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(failure_releases_everything_the_call_acquired),
        cmocka_unit_test(success_hands_blocks_to_the_caller),
        cmocka_unit_test(an_inner_failure_is_a_status_for_the_outer_call),
        cmocka_unit_test(a_kept_block_outlives_the_failed_call),
        cmocka_unit_test(a_worker_out_of_memory_fails_the_call),
        cmocka_unit_test(a_registration_outlives_its_call),
        cmocka_unit_test(realloc_keeps_a_block_in_its_scope),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
