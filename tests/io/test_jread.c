/* The JSON reader: running out of memory while parsing is an internal error with its own
 * message, never "malformed JSON"; valid text parses whatever the allocation that fails. */
#include <string.h>

#include "io/jread.h"
#include "support/support.h"
#include "util/alloc.h"

static void out_of_memory_is_not_malformed(void **state)
{
    (void)state;
    const char text[] = "{\"a\": [1, 2, {\"b\": \"c\"}], \"d\": \"e\"}";
    int failed = 0;
    for (long n = 1; n <= 12; n++) { /* each of cJSON's allocations in turn */
        wp_error err;
        wp_error_init(&err);
        wp_alloc_fail_after(n);
        cJSON *root = wp_json_parse(text, strlen(text), "t.json", &err);
        wp_alloc_fail_after(0);
        if (root) {
            assert_int_equal(err.count, 0);
            cJSON_Delete(root);
        } else {
            failed++;
            assert_int_equal(wp_error_status(&err), WP_ERR_INTERNAL);
            assert_string_equal(err.items[0].message, "out of memory while reading JSON");
        }
        wp_error_clear(&err);
    }
    assert_true(failed >= 5); /* the document needs more than five allocations */
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(out_of_memory_is_not_malformed)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
