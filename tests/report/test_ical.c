/* iCal agendas: the VTIMEZONE block against a golden file, local times across the start of
 * summer time, escaping, folding at 75 octets and file names. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/report.h>

#include "support/support.h"
#include "util/alloc.h"

static void calendars(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario_file(WP_TEST_DATA "/golden/agenda_scenario.json");
    wp_roster *r;
    wp_error err;
    wp_error_init(&err);
    assert_int_equal(wp_roster_read_json(WP_TEST_DATA "/golden/agenda_roster.json", &r, &err),
                     WP_OK);
    char dir[] = "/tmp/wp-ical-XXXXXX";
    assert_non_null(mkdtemp(dir));
    /* 2026-W13: summer time starts on its Sunday, 29 March, at 02:00 */
    assert_int_equal(wp_export_ical(s, r, "roster.json", "2026-W13", dir, &err), WP_OK);
    char *path = wp_strdupf("%s/H_1.ics", dir);
    char *ics = ts_read_file(path);
    assert_non_null(ics);
    char *tz = strstr(ics, "BEGIN:VTIMEZONE"), *tz_end = strstr(ics, "END:VTIMEZONE\r\n");
    assert_true(tz && tz_end);
    tz_end[strlen("END:VTIMEZONE\r\n")] = '\0';
    ts_assert_golden(tz, "vtimezone.ics");
    tz_end[strlen("END:VTIMEZONE\r\n")] = 'B';
    /* local wall-clock times, to the second, on both sides of the clock change */
    assert_non_null(strstr(ics, "DTSTART;TZID=Europe/Amsterdam:20260323T080322\r\n"));
    assert_non_null(strstr(ics, "DTSTART;TZID=Europe/Amsterdam:20260329T090000\r\n"));
    assert_non_null(strstr(ics, "DTEND;TZID=Europe/Amsterdam:20260329T100000\r\n"));
    assert_non_null(strstr(ics, "UID:C2-0-2026-W13@wijkplan\r\n"));
    assert_non_null(strstr(ics, "LOCATION:53.224000\\, 6.561000\r\n"));
    wp_free(ics);
    wp_free(path);
    path = wp_strdupf(
        "%s/H2-with-a-very-long-identifier-so-that-the-calendar-name-line-must-fold.ics", dir);
    ics = ts_read_file(path);
    assert_non_null(ics);
    assert_non_null(strstr(ics, "SUMMARY:C\\,3\\;x\r\n"));
    for (char *line = ics; *line;) { /* every line at most 75 octets, continuations start " " */
        char *end = strstr(line, "\r\n");
        assert_non_null(end);
        assert_true(end - line <= 75);
        line = end + 2;
    }
    assert_non_null(strstr(ics, "X-WR-CALNAME:H2-with-a-very-long-identifier-so-that-the-calendar-"
                                "name-line-\r\n must-fold\r\n"));
    wp_free(ics);
    wp_free(path);
    char *cmd = wp_strdupf("rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    wp_free(cmd);
    wp_roster_free(r);
    wp_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(calendars)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
