/* Days of the week and times of day as the SPEC writes them. */
#ifndef WP_UTIL_DAYTIME_H
#define WP_UTIL_DAYTIME_H

#include <stdbool.h>

#define WP_DAYS 7 /* mon = 0 .. sun = 6 */

/* Index of "mon".."sun", or -1. */
int wp_day_index(const char *name);
/* "mon".."sun" for 0..6. */
const char *wp_day_name(int day);

/* Parses "HH:MM" (HH 0..48, MM 00..59) into minutes since 00:00; false if malformed. */
bool wp_parse_hhmm(const char *text, double *minutes);

/* Formats minutes since 00:00 as "HH:MM", rounding to the nearest minute; "HH:MM" beyond 24h
 * keep counting hours (e.g. "25:30") so benchmark times stay readable. buf needs 16 bytes. */
void wp_format_hhmm(double minutes, char *buf);

#endif
