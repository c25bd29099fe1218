/* Days and HH:MM times as the SPEC writes them. */
#include "support/support.h"
#include "util/daytime.h"

static void parses_hhmm(void **state)
{
    (void)state;
    double m;
    assert_true(wp_parse_hhmm("08:00", &m));
    assert_true(m == 480);
    assert_true(wp_parse_hhmm("9:05", &m));
    assert_true(m == 545);
    assert_true(wp_parse_hhmm("24:00", &m));
    assert_true(m == 1440);
    assert_false(wp_parse_hhmm("25:99", &m));
    assert_false(wp_parse_hhmm("8", &m));
    assert_false(wp_parse_hhmm("08:0", &m));
    assert_false(wp_parse_hhmm("08:00x", &m));
    assert_false(wp_parse_hhmm("", &m));
    assert_false(wp_parse_hhmm("49:00", &m));
}

static void formats_hhmm(void **state)
{
    (void)state;
    char buf[16];
    wp_format_hhmm(490.4, buf);
    assert_string_equal(buf, "08:10");
    wp_format_hhmm(745.5, buf); /* rounds to the nearest minute */
    assert_string_equal(buf, "12:26");
    wp_format_hhmm(1530, buf); /* benchmark times beyond a day keep counting hours */
    assert_string_equal(buf, "25:30");
    wp_format_hhmm(-1, buf);
    assert_string_equal(buf, "--:--");
}

static void names_days(void **state)
{
    (void)state;
    assert_int_equal(wp_day_index("mon"), 0);
    assert_int_equal(wp_day_index("sun"), 6);
    assert_int_equal(wp_day_index("Mon"), -1);
    assert_string_equal(wp_day_name(3), "thu");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_hhmm),
        cmocka_unit_test(formats_hhmm),
        cmocka_unit_test(names_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
