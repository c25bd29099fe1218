/* Strict UTF-8: every well-formed form is accepted, every ill-formed one (RFC 3629 section 4)
 * is found at its first byte. */
#include <string.h>

#include "support/support.h"
#include "util/utf8.h"

static size_t prefix(const char *s)
{
    return wp_utf8_valid_prefix((const unsigned char *)s, strlen(s));
}

static void well_formed(void **state)
{
    (void)state;
    const char *ok[] = {"plain",
                        "caf\xc3\xa9",
                        "\xe2\x82\xac",
                        "\xed\x9f\xbf" /* U+D7FF */,
                        "\xee\x80\x80" /* U+E000 */,
                        "\xf0\x90\x80\x80",
                        "\xf4\x8f\xbf\xbf"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        assert_int_equal(prefix(ok[i]), strlen(ok[i]));
}

static void ill_formed(void **state)
{
    (void)state;
    const char *bad[] = {
        "\xc0\xaf",         /* overlong 2-byte */
        "\xc1\xbf",         /* overlong 2-byte */
        "\xe0\x80\xaf",     /* overlong 3-byte */
        "\xed\xa0\x80",     /* encoded surrogate U+D800 */
        "\xed\xbf\xbf",     /* encoded surrogate U+DFFF */
        "\xf0\x80\x80\xaf", /* overlong 4-byte */
        "\xf4\x90\x80\x80", /* above U+10FFFF */
        "\xf5\x80\x80\x80", /* no such lead byte */
        "\xe2\x82",         /* cut short */
        "\x80",             /* a continuation byte alone */
        "\xc3\x28",         /* a lead byte without its continuation */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[16] = "ok";
        strcat(text, bad[i]);
        assert_int_equal(prefix(text), 2);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(well_formed), cmocka_unit_test(ill_formed)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
