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
