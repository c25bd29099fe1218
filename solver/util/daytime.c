/* Day names and HH:MM times. */
#include "util/daytime.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const day_names[WP_DAYS] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int wp_day_index(const char *name)
{
    for (int d = 0; d < WP_DAYS; d++)
        if (strcmp(name, day_names[d]) == 0) return d;
    return -1;
}

const char *wp_day_name(int day)
{
    return (day >= 0 && day < WP_DAYS) ? day_names[day] : "?";
}

bool wp_parse_hhmm(const char *text, double *minutes)
{
    const char *p = text;
    int h = 0, digits = 0;
    while (isdigit((unsigned char)*p) && digits < 2) {
        h = h * 10 + (*p++ - '0');
        digits++;
    }
    if (digits == 0 || *p != ':') return false;
    p++;
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || p[2] != '\0')
        return false;
    int m = (p[0] - '0') * 10 + (p[1] - '0');
    if (m > 59 || h > 48 || (h == 48 && m > 0)) return false;
    *minutes = h * 60.0 + m;
    return true;
}

void wp_format_hhmm(double minutes, char *buf)
{
    if (!isfinite(minutes) || minutes < 0 || minutes > 1e7) {
        snprintf(buf, 16, "--:--");
        return;
    }
    int total = (int)lround(minutes); /* <= 1e7, so hours fit in 6 digits */
    snprintf(buf, 16, "%02d:%02d", total / 60 % 1000000, total % 60);
}

/* Days since 1970-01-01 of a civil date (H. Hinnant, "chrono-compatible low-level date
 * algorithms"). */
static long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void wp_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Monday of ISO week "YYYY-Www" in days since 1970; false when malformed. */
bool wp_iso_week_monday(const char *week, long *monday)
{
    int y, w;
    char tail;
    if (sscanf(week, "%4d-W%2d%c", &y, &w, &tail) != 2 || strlen(week) != 8 || y < 1900 ||
        y > 9999 || w < 1 || w > 53)
        return false;
    long jan4 = days_from_civil(y, 1, 4);
    int dow = (int)(((jan4 % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday: Monday = 0 */
    long first = jan4 - dow;
    if (w == 53) { /* only years whose ISO week 53 exists */
        long next = days_from_civil(y + 1, 1, 4);
        if (first + 52 * 7 > next - (((next % 7) + 7 + 3) % 7) - 1) return false;
    }
    *monday = first + 7L * (w - 1);
    return true;
}
