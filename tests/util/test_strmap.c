/* The id map: insertion, lookup, duplicates, growth. */
#include <stdio.h>
#include <stdlib.h>

#include "support/support.h"
#include "util/strmap.h"

static void maps_ids(void **state)
{
    (void)state;
    wp_strmap m;
    wp_strmap_init(&m);
    char keys[1000][16];
    for (int i = 0; i < 1000; i++) {
        snprintf(keys[i], sizeof keys[i], "C%04d", i);
        assert_int_equal(wp_strmap_put(&m, keys[i], i), -1);
    }
    for (int i = 0; i < 1000; i++) assert_int_equal(wp_strmap_get(&m, keys[i]), i);
    assert_int_equal(wp_strmap_get(&m, "C1000"), -1);
    assert_int_equal(wp_strmap_put(&m, keys[17], 5), 17); /* duplicate: first kept */
    assert_int_equal(wp_strmap_get(&m, keys[17]), 17);
    wp_strmap_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(maps_ids)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
