/* Helpers' agendas as RFC 5545 calendars (SPEC "Helpers' agendas"): one file per helper with
 * routes, one VEVENT per visit in Europe/Amsterdam local time with its VTIMEZONE, a stable UID
 * per client, visit and week, ids only. Lines end in CRLF and fold at 75 octets (RFC 5545
 * 3.1); text values escape backslash, semicolon, comma and newline (3.3.11). */
#define _DEFAULT_SOURCE /* mkdir */
#include <wijkplan/report.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wijkplan/version.h>

#include "geo/project.h"
#include "model/scenario_internal.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"

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

static void civil_from_days(long z, int *y, int *m, int *d)
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
static bool iso_week_monday(const char *week, long *monday)
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

/* One content line, folded at 75 octets without splitting a UTF-8 sequence. */
static void line(wp_strbuf *sb, const char *text)
{
    size_t n = strlen(text), col = 0;
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        unsigned char c = (unsigned char)text[i];
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        if (i + len > n) len = n - i;
        if (col + len > 75) {
            wp_sb_append(sb, "\r\n ");
            col = 1;
        }
        wp_sb_appendn(sb, text + i, len);
        col += len;
        i += len;
    }
    wp_sb_append(sb, "\r\n");
}

/* A TEXT value escaped (RFC 5545 3.3.11); the caller frees. */
static char *escaped(const char *s)
{
    wp_strbuf sb = {0};
    wp_sb_append(&sb, "");
    for (; *s; s++) {
        if (*s == '\\' || *s == ';' || *s == ',')
            wp_sb_printf(&sb, "\\%c", *s);
        else if (*s == '\n')
            wp_sb_append(&sb, "\\n");
        else if (*s != '\r')
            wp_sb_appendn(&sb, s, 1);
    }
    return wp_sb_take(&sb);
}

static void prop(wp_strbuf *sb, const char *name, const char *value)
{
    char *text = wp_strdupf("%s:%s", name, value);
    line(sb, text);
    free(text);
}

/* Local date-time of `minutes` after 00:00 of day `day` (days since 1970), to the second. */
static void local_time(long day, double minutes, char *buf, size_t size)
{
    long secs = lround(minutes * 60);
    day += secs / 86400;
    secs %= 86400;
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    snprintf(buf, size, "%04d%02d%02dT%02ld%02ld%02ld", y, m, d, secs / 3600, secs / 60 % 60,
             secs % 60);
}

static const char *const vtimezone[] = {"BEGIN:VTIMEZONE",
                                        "TZID:Europe/Amsterdam",
                                        "BEGIN:DAYLIGHT",
                                        "TZOFFSETFROM:+0100",
                                        "TZOFFSETTO:+0200",
                                        "TZNAME:CEST",
                                        "DTSTART:19810329T020000",
                                        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                                        "END:DAYLIGHT",
                                        "BEGIN:STANDARD",
                                        "TZOFFSETFROM:+0200",
                                        "TZOFFSETTO:+0100",
                                        "TZNAME:CET",
                                        "DTSTART:19961027T030000",
                                        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                                        "END:STANDARD",
                                        "END:VTIMEZONE",
                                        NULL};

/* A file name for a helper id: characters a file system may refuse become '_'. */
static char *file_name(const char *dir, const char *id)
{
    char *safe = wp_strdup(id);
    for (char *p = safe; *p; p++)
        if (*p == '/' || *p == '\\' || *p == ':' || (unsigned char)*p < 0x20) *p = '_';
    if (safe[0] == '.') safe[0] = '_';
    char *path = wp_strdupf("%s/%s.ics", dir, safe);
    free(safe);
    return path;
}

typedef struct agenda_ctx {
    const wp_model *m;
    wp_projector *to_wgs84; /* NULL: the scenario is in lon/lat (or planar: no location) */
    long monday;
    const char *week;
    char stamp[32]; /* DTSTAMP: the week's Monday, 00:00 UTC (same input, same bytes) */
} agenda_ctx;

static void event(wp_strbuf *sb, const agenda_ctx *x, const wp_roster_route *rt,
                  const wp_roster_visit *v)
{
    const wp_model *m = x->m;
    int c = wp_strmap_get(&m->client_ids, v->client);
    char start[32], end[32];
    local_time(x->monday + rt->day, v->start, start, sizeof start);
    local_time(x->monday + rt->day, v->end, end, sizeof end);
    char *client = escaped(v->client);
    char *uid = wp_strdupf("%s-%d-%s@wijkplan", v->client, v->visit, x->week);
    char *uid_text = escaped(uid);
    line(sb, "BEGIN:VEVENT");
    prop(sb, "UID", uid_text);
    prop(sb, "DTSTAMP", x->stamp);
    prop(sb, "DTSTART;TZID=Europe/Amsterdam", start);
    prop(sb, "DTEND;TZID=Europe/Amsterdam", end);
    prop(sb, "SUMMARY", client);
    if (c >= 0 && !m->planar) {
        double lon = m->src_x[m->clients[c].location], lat = m->src_y[m->clients[c].location];
        if (x->to_wgs84) wp_project_points(x->to_wgs84, &lon, &lat, 1);
        char where[64];
        snprintf(where, sizeof where, "%.6f\\, %.6f", lat, lon);
        prop(sb, "LOCATION", where);
    }
    line(sb, "END:VEVENT");
    free(client);
    free(uid);
    free(uid_text);
}

/* The calendar of helper `id`: its routes routes[idx[0..n)] of the roster. */
static char *calendar(const agenda_ctx *x, const wp_roster *r, const char *id, const int *idx,
                      int n)
{
    wp_strbuf sb = {0};
    line(&sb, "BEGIN:VCALENDAR");
    line(&sb, "VERSION:2.0");
    prop(&sb, "PRODID", "-//wijkplan//wijkplan " WP_VERSION_STRING "//NL");
    line(&sb, "CALSCALE:GREGORIAN");
    char *name = escaped(id);
    prop(&sb, "X-WR-CALNAME", name);
    free(name);
    for (int i = 0; vtimezone[i]; i++) line(&sb, vtimezone[i]);
    for (int i = 0; i < n; i++)
        for (size_t k = 0; k < r->routes[idx[i]].n_visits; k++)
            event(&sb, x, &r->routes[idx[i]], &r->routes[idx[i]].visits[k]);
    line(&sb, "END:VCALENDAR");
    return wp_sb_take(&sb);
}

wp_status wp_export_ical(const wp_scenario *s, const wp_roster *r, const char *week,
                         const char *dir, wp_error *err)
{
    const wp_model *m = &s->model;
    agenda_ctx x = {m, NULL, 0, week, ""};
    if (!iso_week_monday(week, &x.monday))
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--week", 0, 0,
                            "\"%s\" is not an ISO week such as 2026-W49", week);
    for (size_t i = 0; i < r->n_routes; i++)
        if (wp_strmap_get(&m->helper_ids, r->routes[i].helper) < 0)
            return wp_error_add(err, WP_ERR_INPUT, NULL, "roster", 0, 0,
                                "routes[%zu]: helper \"%s\" is not in the scenario", i,
                                r->routes[i].helper);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return wp_error_add(err, WP_ERR_INPUT, dir, NULL, 0, 0, "cannot create directory: %s",
                            strerror(errno));
    if (!m->planar && strcmp(m->crs, "EPSG:4326") != 0 && strcmp(m->crs, "OGC:CRS84") != 0) {
        wp_status st = wp_projector_create_to(m->crs, "EPSG:4326", &x.to_wgs84, err);
        if (st != WP_OK) return st;
    }
    char date[16];
    local_time(x.monday, 0, date, sizeof date);
    snprintf(x.stamp, sizeof x.stamp, "%sZ", date);
    /* routes grouped by helper (counting sort on the scenario's helper index), roster order */
    int nh = m->n_helpers;
    int *start = wp_calloc((size_t)nh + 2, sizeof *start);
    int *idx = wp_malloc((r->n_routes + 1) * sizeof *idx);
    for (size_t i = 0; i < r->n_routes; i++)
        start[wp_strmap_get(&m->helper_ids, r->routes[i].helper) + 1]++;
    for (int h = 0; h < nh; h++) start[h + 1] += start[h];
    int *fill = wp_malloc(((size_t)nh + 1) * sizeof *fill);
    memcpy(fill, start, (size_t)nh * sizeof *fill);
    for (size_t i = 0; i < r->n_routes; i++)
        idx[fill[wp_strmap_get(&m->helper_ids, r->routes[i].helper)]++] = (int)i;
    wp_status st = WP_OK;
    for (int h = 0; h < nh && st == WP_OK; h++) {
        if (start[h + 1] == start[h]) continue;
        char *text = calendar(&x, r, m->helpers[h].id, idx + start[h], start[h + 1] - start[h]);
        char *path = file_name(dir, m->helpers[h].id);
        st = wp_file_write_atomic(path, text, strlen(text), err);
        free(path);
        free(text);
    }
    free(start);
    free(fill);
    free(idx);
    wp_projector_free(x.to_wgs84);
    return st;
}
