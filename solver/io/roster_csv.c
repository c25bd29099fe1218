/* The planner's CSV files: the roster (per route: leaving home, the visits in order, coming
 * home; a total per helper; then the unassigned visits), a repair's changes, and the KPIs.
 * Times are HH:MM. RFC 4180 quoting, UTF-8; the dialect is comma-separated with decimal points,
 * or as Dutch Excel writes it (excel-nl: semicolons, decimal commas, a byte-order mark, CRLF). */
#include "io/roster_csv.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error/guard.h"
#include "util/alloc.h"
#include "util/daytime.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/strmap.h"

/* One CSV file under construction. */
typedef struct csv_out {
    wp_strbuf sb;
    char sep;
    bool decimal_comma;
    int col; /* fields written on the current row */
} csv_out;

static void csv_start(csv_out *o, wp_csv_dialect d)
{
    memset(o, 0, sizeof *o);
    o->sep = d == WP_CSV_EXCEL_NL ? ';' : ',';
    o->decimal_comma = d == WP_CSV_EXCEL_NL;
    wp_sb_append(&o->sb, d == WP_CSV_EXCEL_NL ? "\xEF\xBB\xBF" : "");
}

static void csv_next(csv_out *o)
{
    if (o->col++) wp_sb_appendn(&o->sb, &o->sep, 1);
}

/* One cell as given, quoted when it holds the separator, a quote or a line break. */
static void csv_cell(csv_out *o, const char *s)
{
    csv_next(o);
    char special[] = {o->sep, '"', '\r', '\n', '\0'};
    if (strpbrk(s, special) == NULL) {
        wp_sb_append(&o->sb, s);
        return;
    }
    wp_sb_append(&o->sb, "\"");
    for (; *s; s++) wp_sb_append(&o->sb, *s == '"' ? "\"\"" : (char[]){*s, '\0'});
    wp_sb_append(&o->sb, "\"");
}

/* A text cell (an id, a reason). Text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return: CSV injection, OWASP) gets a leading apostrophe, which
 * spreadsheets show as text. */
static void csv_str(csv_out *o, const char *s)
{
    if (!s) s = "";
    if (!strchr("=+-@\t\r", s[0]) || !s[0]) {
        csv_cell(o, s);
        return;
    }
    char *guarded = wp_strdupf("'%s", s);
    csv_cell(o, guarded);
    wp_free(guarded);
}

/* A number with `decimals` digits, in the dialect's decimal mark. */
static void csv_num(csv_out *o, double v, int decimals)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", decimals, v);
    if (o->decimal_comma) wp_decimal_comma(buf);
    csv_cell(o, buf);
}

static void csv_int(csv_out *o, long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    csv_cell(o, buf);
}

static void csv_time(csv_out *o, double minutes)
{
    char buf[16];
    wp_format_hhmm(minutes, buf);
    csv_cell(o, buf);
}

static void csv_empty(csv_out *o, int n)
{
    while (n-- > 0) csv_str(o, "");
}

static void csv_row_end(csv_out *o)
{
    wp_sb_append(&o->sb, "\r\n");
    o->col = 0;
}

static void csv_header(csv_out *o, const char *const *names)
{
    for (int i = 0; names[i]; i++) csv_str(o, names[i]);
    csv_row_end(o);
}

static wp_status csv_finish(csv_out *o, const char *path, wp_error *err)
{
    wp_status s = wp_file_write_atomic(path, wp_sb_str(&o->sb), o->sb.len, err);
    wp_sb_free(&o->sb);
    return s;
}

/* status, helper, provider, day, order: the start of every roster row */
static void route_row(csv_out *o, const char *status, const wp_roster_route *rt,
                      const char *provider, long order)
{
    csv_str(o, status);
    csv_str(o, rt->helper);
    csv_str(o, provider);
    csv_str(o, wp_day_name(rt->day));
    csv_int(o, order);
}

/* Leaving home: the route's start; coming home: its end and the last leg's travel. */
static void home_rows(csv_out *o, const wp_roster_route *rt, const char *provider, bool leave)
{
    route_row(o, leave ? "depart" : "return", rt, provider, leave ? 0 : (long)rt->n_visits + 1);
    csv_empty(o, 2);
    if (leave) {
        csv_empty(o, 1);
        csv_time(o, rt->start);
        csv_empty(o, 5);
    } else {
        double km = rt->travel_km, min = rt->travel_min;
        for (size_t k = 0; k < rt->n_visits; k++) km -= rt->visits[k].travel_km;
        for (size_t k = 0; k < rt->n_visits; k++) min -= rt->visits[k].travel_min;
        csv_time(o, rt->end);
        csv_empty(o, 3);
        csv_num(o, km, 2);
        csv_num(o, min, 1);
        csv_empty(o, 1);
    }
    csv_row_end(o);
}

/* A helper's week: care minutes, travel, and hours from leaving home to coming home. */
typedef struct helper_total {
    double care, km, min, worked;
} helper_total;

static void total_row(csv_out *o, const wp_roster_route *rt, const char *provider,
                      const helper_total *t)
{
    csv_str(o, "total");
    csv_str(o, rt->helper);
    csv_str(o, provider);
    csv_empty(o, 7);
    csv_num(o, t->care, 0);
    csv_num(o, t->km, 2);
    csv_num(o, t->min, 1);
    char text[64];
    char worked[16];
    wp_format_hhmm(t->worked, worked);
    snprintf(text, sizeof text, "%s h worked", worked);
    csv_str(o, text);
    csv_row_end(o);
}

static wp_status roster_write_csv_as_unguarded(const wp_roster *r, const char *path,
                                               wp_csv_dialect dialect, wp_error *err)
{
    /* provider of each client's helper, from the assignments */
    wp_strmap provider_of;
    wp_strmap_init(&provider_of);
    for (size_t i = 0; i < r->n_assignments; i++)
        wp_strmap_put(&provider_of, r->assignments[i].client, (int)i);
    static const char *const header[] = {
        "status", "helper", "provider",     "day",       "order",      "client", "visit", "arrival",
        "start",  "end",    "duration_min", "travel_km", "travel_min", "reason", NULL};
    csv_out o;
    csv_start(&o, dialect);
    csv_header(&o, header);
    helper_total total = {0};
    for (size_t i = 0; i < r->n_routes; i++) {
        const wp_roster_route *rt = &r->routes[i];
        int a = rt->n_visits ? wp_strmap_get(&provider_of, rt->visits[0].client) : -1;
        const char *provider = a >= 0 ? r->assignments[a].provider : "";
        home_rows(&o, rt, provider, true);
        for (size_t k = 0; k < rt->n_visits; k++) {
            const wp_roster_visit *v = &rt->visits[k];
            route_row(&o, "planned", rt, provider, (long)k + 1);
            csv_str(&o, v->client);
            csv_int(&o, v->visit);
            csv_time(&o, v->arrival);
            csv_time(&o, v->start);
            csv_time(&o, v->end);
            csv_num(&o, v->end - v->start, 0);
            csv_num(&o, v->travel_km, 2);
            csv_num(&o, v->travel_min, 1);
            csv_str(&o, v->substitute ? "substitute" : "");
            csv_row_end(&o);
            total.care += v->end - v->start;
        }
        home_rows(&o, rt, provider, false);
        total.km += rt->travel_km;
        total.min += rt->travel_min;
        total.worked += rt->end - rt->start;
        bool last = i + 1 == r->n_routes || strcmp(r->routes[i + 1].helper, rt->helper) != 0;
        if (last) {
            total_row(&o, rt, provider, &total);
            total = (helper_total){0};
        }
    }
    for (size_t i = 0; i < r->n_unassigned; i++) {
        const wp_roster_unassigned *u = &r->unassigned[i];
        csv_str(&o, "unassigned");
        csv_empty(&o, 4);
        csv_str(&o, u->client);
        csv_int(&o, u->visit);
        csv_empty(&o, 3);
        csv_num(&o, u->minutes, 0);
        csv_empty(&o, 2);
        csv_str(&o, u->reason);
        csv_row_end(&o);
    }
    wp_strmap_free(&provider_of);
    return csv_finish(&o, path, err);
}

wp_status wp_roster_write_csv_as(const wp_roster *r, const char *path, wp_csv_dialect dialect,
                                 wp_error *err)
{
    WP_GUARD(err, "writing the roster CSV", roster_write_csv_as_unguarded(r, path, dialect, err));
}

wp_status wp_roster_write_csv(const wp_roster *r, const char *path, wp_error *err)
{
    return wp_roster_write_csv_as(r, path, WP_CSV_RFC4180, err);
}

static void plan_ref(csv_out *o, const wp_roster_plan_ref *p)
{
    if (!p->helper) {
        csv_empty(o, 3);
        return;
    }
    csv_str(o, p->helper);
    csv_str(o, wp_day_name(p->day));
    csv_time(o, p->start);
}

static wp_status roster_write_changes_csv_as_unguarded(const wp_roster *r, const char *path,
                                                       wp_csv_dialect dialect, wp_error *err)
{
    static const char *const header[] = {"client",   "visit",      "kind",      "from_helper",
                                         "from_day", "from_start", "to_helper", "to_day",
                                         "to_start", NULL};
    csv_out o;
    csv_start(&o, dialect);
    csv_header(&o, header);
    for (size_t i = 0; i < r->n_changes; i++) {
        const wp_roster_change *c = &r->changes[i];
        csv_str(&o, c->client);
        csv_int(&o, c->visit);
        csv_str(&o, c->kind);
        plan_ref(&o, &c->from);
        plan_ref(&o, &c->to);
        csv_row_end(&o);
    }
    return csv_finish(&o, path, err);
}

wp_status wp_roster_write_changes_csv_as(const wp_roster *r, const char *path,
                                         wp_csv_dialect dialect, wp_error *err)
{
    WP_GUARD(err, "writing the changes CSV",
             roster_write_changes_csv_as_unguarded(r, path, dialect, err));
}

wp_status wp_roster_write_changes_csv(const wp_roster *r, const char *path, wp_error *err)
{
    return wp_roster_write_changes_csv_as(r, path, WP_CSV_RFC4180, err);
}

wp_status wp_kpi_write_csv(const char *const *names, const double *values, int n, const char *path,
                           wp_csv_dialect dialect, wp_error *err)
{
    static const char *const header[] = {"kpi", "value", NULL};
    csv_out o;
    csv_start(&o, dialect);
    csv_header(&o, header);
    for (int i = 0; i < n; i++) {
        csv_str(&o, names[i]);
        double v = values[i];
        csv_num(&o, v, v == (double)(long)v ? 0 : 4);
        csv_row_end(&o);
    }
    return csv_finish(&o, path, err);
}

/* A table of strings, as the dialect writes it (the waiting list). */
wp_status wp_csv_write_table(const char *const *header, const char *const *cells, int rows,
                             const char *path, wp_csv_dialect dialect, wp_error *err)
{
    int cols = 0;
    while (header[cols]) cols++;
    csv_out o;
    csv_start(&o, dialect);
    csv_header(&o, header);
    for (int i = 0; i < rows; i++) {
        for (int k = 0; k < cols; k++) {
            const char *cell = cells[(size_t)i * (size_t)cols + (size_t)k];
            bool number = cell && *cell && strspn(cell, "0123456789.-") == strlen(cell);
            if (!number) {
                csv_str(&o, cell);
                continue;
            }
            char *c = wp_strdup(cell); /* written with a decimal point: the dialect's mark */
            if (o.decimal_comma) wp_decimal_comma(c);
            csv_cell(&o, c);
            wp_free(c);
        }
        csv_row_end(&o);
    }
    return csv_finish(&o, path, err);
}
