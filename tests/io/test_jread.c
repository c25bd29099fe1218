/* The JSON reader: running out of memory while parsing is an internal error with its own
 * message, never "malformed JSON", and leaves nothing allocated; valid text parses whatever
 * the allocation that fails. */
#include <string.h>

#include "error/guard.h"
#include "io/jread.h"
#include "support/support.h"
#include "util/alloc.h"

typedef struct parse_job {
    const char *text;
    cJSON *root;
} parse_job;

static wp_status parse_unguarded(parse_job *j, wp_error *err)
{
    j->root = wp_json_parse(j->text, strlen(j->text), "t.json", err);
    return j->root ? WP_OK : WP_ERR_INPUT;
}

static wp_status parse(parse_job *j, wp_error *err)
{
    WP_GUARD(err, "reading t.json", parse_unguarded(j, err));
}

static void out_of_memory_is_not_malformed(void **state)
{
    (void)state;
    const char text[] = "{\"a\": [1, 2, {\"b\": \"c\"}], \"d\": \"e\"}";
    int failed = 0;
    for (long n = 1; n <= 12; n++) { /* each of cJSON's allocations in turn */
        long live = wp_alloc_live_blocks();
        wp_error err;
        wp_error_init(&err);
        parse_job j = {text, NULL};
        wp_alloc_fail_after(n);
        wp_status s = parse(&j, &err);
        wp_alloc_fail_after(0);
        if (s == WP_OK) {
            assert_int_equal(err.count, 0);
            assert_string_equal(cJSON_GetObjectItem(j.root, "d")->valuestring, "e");
            cJSON_Delete(j.root);
        } else {
            failed++;
            assert_int_equal(wp_error_status(&err), WP_ERR_INTERNAL);
            const char *want = "out of memory while reading t.json (could not allocate ";
            assert_memory_equal(err.items[0].message, want, strlen(want));
        }
        assert_int_equal(wp_alloc_live_blocks(), live);
        wp_error_clear(&err);
    }
    assert_true(failed >= 5); /* the document needs more than five allocations */
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(out_of_memory_is_not_malformed)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
