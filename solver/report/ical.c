/* Helpers' agendas as RFC 5545 calendars (SPEC "Helpers' agendas"): one file per helper with
 * routes, one VEVENT per visit in Europe/Amsterdam local time with its VTIMEZONE, a stable UID
 * per client, visit and week, ids only. Lines end in CRLF and fold at 75 octets (RFC 5545
 * 3.1); text values escape backslash, semicolon, comma and newline (3.3.11). */
#include <wijkplan/report.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/version.h>

#include "geo/project.h"

#include "error/guard.h"
#include "model/scenario_internal.h"
#include "report/helper_files.h"
#include "util/alloc.h"
#include "util/daytime.h"
#include "util/fileio.h"
#include "util/strbuf.h"

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
    wp_free(text);
}

/* Local date-time of `minutes` after 00:00 of day `day` (days since 1970), to the second. */
static void local_time(long day, double minutes, char *buf, size_t size)
{
    long secs = lround(minutes * 60);
    day += secs / 86400;
    secs %= 86400;
    int y, m, d;
    wp_civil_from_days(day, &y, &m, &d);
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
    wp_free(client);
    wp_free(uid);
    wp_free(uid_text);
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
    wp_free(name);
    for (int i = 0; vtimezone[i]; i++) line(&sb, vtimezone[i]);
    for (int i = 0; i < n; i++)
        for (size_t k = 0; k < r->routes[idx[i]].n_visits; k++)
            event(&sb, x, &r->routes[idx[i]], &r->routes[idx[i]].visits[k]);
    line(&sb, "END:VCALENDAR");
    return wp_sb_take(&sb);
}

static wp_status export_ical_unguarded(const wp_scenario *s, const wp_roster *r,
                                       const char *roster_path, const char *week, const char *dir,
                                       wp_error *err)
{
    const wp_model *m = &s->model;
    agenda_ctx x = {m, NULL, 0, week, ""};
    if (!wp_iso_week_monday(week, &x.monday))
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--week", 0, 0,
                            "\"%s\" is not an ISO week such as 2026-W49", week);
    wp_status st = wp_scenario_check_roster(s, r, roster_path, err);
    if (st != WP_OK) return st;
    if ((st = wp_dir_create(dir, err)) != WP_OK) return st;
    if (!m->planar && strcmp(m->crs, "EPSG:4326") != 0 && strcmp(m->crs, "OGC:CRS84") != 0) {
        st = wp_projector_create_to(m->crs, "EPSG:4326", &x.to_wgs84, err);
        if (st != WP_OK) return st;
    }
    char date[16];
    local_time(x.monday, 0, date, sizeof date);
    snprintf(x.stamp, sizeof x.stamp, "%sZ", date);
    int nh = m->n_helpers, *start, *idx;
    wp_routes_by_helper(m, r, &start, &idx);
    for (int h = 0; h < nh && st == WP_OK; h++) {
        if (start[h + 1] == start[h]) continue;
        char *text = calendar(&x, r, m->helpers[h].id, idx + start[h], start[h + 1] - start[h]);
        char *path = wp_helper_file_name(dir, m->helpers[h].id, ".ics");
        st = wp_file_write_atomic(path, text, strlen(text), err);
        wp_free(path);
        wp_free(text);
    }
    wp_free(start);
    wp_free(idx);
    wp_projector_free(x.to_wgs84);
    return st;
}

wp_status wp_export_ical(const wp_scenario *s, const wp_roster *r, const char *roster_path,
                         const char *week, const char *dir, wp_error *err)
{
    WP_GUARD(err, "writing the iCalendar agendas",
             export_ical_unguarded(s, r, roster_path, week, dir, err));
}
