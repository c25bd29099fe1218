/* The helpers' printable weeks: one golden page, the index's links, languages, and what is
 * left out (helpers without routes). */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wijkplan/report.h>

#include "support/support.h"
#include "util/alloc.h"

typedef struct fixture {
    wp_scenario *s;
    wp_roster *r;
    char dir[64];
} fixture;

static int setup(void **state)
{
    fixture *f = wp_calloc(1, sizeof *f);
    f->s = ts_scenario_file(WP_TEST_DATA "/golden/agenda_scenario.json");
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_roster_read_json(WP_TEST_DATA "/golden/agenda_roster.json", &f->r, &err),
                     WP_OK);
    snprintf(f->dir, sizeof f->dir, "/tmp/wp-agenda-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char *cmd = wp_strdupf("rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    wp_free(cmd);
    wp_roster_free(f->r);
    wp_scenario_free(f->s);
    wp_free(f);
    return 0;
}

static char *page(const fixture *f, const char *name)
{
    char *path = wp_strdupf("%s/%s", f->dir, name);
    char *text = ts_read_file(path);
    wp_free(path);
    return text;
}

/* Dutch, with dates: days in order (the roster lists sunday first), HH:MM rounded to the
 * minute, ids escaped, travel per leg and home again, hours against the contract. */
static void dutch_page_is_golden(void **state)
{
    fixture *f = *state;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_export_agenda(f->s, f->r, "roster.json", "2026-W13", NULL, f->dir, &err),
                     WP_OK);
    char *text = page(f, "H_1.html"); /* "H/1": a slash cannot be in a file name */
    assert_non_null(text);
    ts_assert_golden(text, "agenda_H_1.html");
    assert_non_null(strstr(text, "maandag 23 maart"));
    assert_true(strstr(text, "maandag 23 maart") < strstr(text, "zondag 29 maart"));
    assert_non_null(strstr(text, "data-client=\"C&lt;1&gt;\""));
    assert_null(strstr(text, "C<1>"));
    wp_free(text);
    char *index = page(f, "index.html");
    assert_non_null(strstr(index, "href=\"H_1.html\""));
    assert_non_null(strstr(index, "(P&amp;2)"));
    wp_free(index);
}

static void english_without_week(void **state)
{
    fixture *f = *state;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_export_agenda(f->s, f->r, "roster.json", NULL, "en", f->dir, &err), WP_OK);
    char *text = page(f, "H_1.html");
    assert_non_null(strstr(text, "<html lang=\"en\">"));
    assert_non_null(strstr(text, "<h2>Monday</h2>"));
    assert_non_null(strstr(text, "<h2>Sunday</h2>"));
    assert_non_null(strstr(text, "1.0 km"));
    assert_null(strstr(text, "maandag"));
    wp_free(text);
}

/* A roster naming a helper the scenario lacks writes nothing. */
static void foreign_roster_writes_nothing(void **state)
{
    fixture *f = *state;
    wp_free(f->r->routes[0].helper);
    f->r->routes[0].helper = wp_strdup("H9");
    char *dir = wp_strdupf("%s/out", f->dir);
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_export_agenda(f->s, f->r, "roster.json", NULL, NULL, dir, &err),
                     WP_ERR_INPUT);
    assert_non_null(strstr(err.items[0].message, "helper \"H9\" is not in scenario"));
    assert_int_equal(err.count, 1); /* one line */
    assert_int_equal(access(dir, F_OK), -1);
    wp_error_clear(&err);
    wp_free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(dutch_page_is_golden, setup, teardown),
        cmocka_unit_test_setup_teardown(english_without_week, setup, teardown),
        cmocka_unit_test_setup_teardown(foreign_roster_writes_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
