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

/* Monday of ISO 8601 week "YYYY-Www" (e.g. "2026-W49") in days since 1970-01-01; false when
 * malformed or when the year has no such week. */
bool wp_iso_week_monday(const char *week, long *monday);
/* The civil date (year, month 1..12, day 1..31) of a day counted from 1970-01-01. */
void wp_civil_from_days(long days, int *year, int *month, int *day);

#endif
