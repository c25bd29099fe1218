/* The helpers' printable week (issue "Intake and the helpers' week"): one self-contained HTML
 * page per helper with routes, and an index. Each day lists the route in order with HH:MM
 * arrival, start and end, the travel of every leg, the day's totals and a small map; the page
 * header sets the week's hours against the contract. Print CSS puts one helper's week on one
 * A4 page. Ids only: the scenario carries no names. No scripts, no network. */
#include <wijkplan/report.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi/kpi.h"

#include "error/guard.h"
#include "model/scenario_internal.h"
#include "report/helper_files.h"
#include "util/alloc.h"
#include "util/daytime.h"
#include "util/fileio.h"
#include "util/strbuf.h"

/* Every word a page shows, per language. */
typedef struct words {
    const char *lang, *agenda, *week, *days[WP_DAYS], *months[12];
    const char *order, *client, *arrival, *start, *end, *travel;
    const char *from_home, *home, *care, *worked, *of_contract, *visits, *day_count, *helpers;
    const char *provider, *map_title, *sub;
    bool decimal_comma;
} words;

static const words nl = {
    "nl",
    "Agenda",
    "week",
    {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"},
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"},
    "#",
    "cli&euml;nt",
    "aankomst",
    "begin",
    "einde",
    "reis",
    "vertrek van huis",
    "thuis",
    "zorg",
    "gewerkt",
    "van contract",
    "bezoeken",
    "dagen",
    "Helpers",
    "aanbieder",
    "route van de dag",
    "invaller",
    true,
};

static const words en = {
    "en",
    "Agenda",
    "week",
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
    "#",
    "client",
    "arrival",
    "start",
    "end",
    "travel",
    "leave home",
    "home",
    "care",
    "worked",
    "of contract",
    "visits",
    "days",
    "Helpers",
    "provider",
    "the day's route",
    "substitute",
    false,
};

static const char *const style =
    "body{font-family:system-ui,sans-serif;margin:1.5em;color:#111;max-width:60em}"
    "h1{font-size:1.4em;margin:0}h2{font-size:1em;margin:.2em 0}header p{margin:.2em 0 .8em}"
    ".days{display:grid;grid-template-columns:repeat(auto-fill,minmax(34em,1fr));gap:1em}"
    ".day{display:flex;gap:.5em;align-items:flex-start;break-inside:avoid}"
    "table{border-collapse:collapse}th,td{padding:1px 4px;text-align:right;white-space:nowrap;"
    "border-bottom:1px solid #ddd}td.c,th.c{text-align:left}tr.home td{color:#555}"
    "tfoot td{border:0;text-align:left;color:#333}svg.map{flex:none;border:1px solid #ccc}"
    ".map polyline{fill:none;stroke:#1f77b4;stroke-width:1.2}.map .v{fill:#1f77b4}"
    ".map .h{fill:#d62728}.map text{font-size:7px;fill:#fff;text-anchor:middle}"
    "@page{size:A4 portrait;margin:10mm}"
    "@media print{body{margin:0;font-size:9pt;max-width:none}.days{grid-template-columns:1fr 1fr;"
    "gap:2mm 4mm}svg.map{width:26mm;height:26mm}a{color:inherit;text-decoration:none}}";

static void duration(wp_strbuf *sb, double minutes)
{
    long m = lround(minutes > 0 ? minutes : 0);
    wp_sb_printf(sb, "%ld:%02ld", m / 60, m % 60);
}

static void clock(wp_strbuf *sb, const char *cls, double minutes)
{
    char t[16];
    wp_format_hhmm(minutes, t);
    wp_sb_printf(sb, "<td class=\"%s\">%s</td>", cls, t);
}

/* Kilometres with one decimal, in the language's notation. */
static void km(wp_strbuf *sb, const words *w, double v)
{
    char t[32];
    snprintf(t, sizeof t, "%.1f", v);
    if (w->decimal_comma) wp_decimal_comma(t);
    wp_sb_printf(sb, "%s km", t);
}

static void leg(wp_strbuf *sb, const words *w, double min, double dist)
{
    wp_sb_printf(sb, "<td>%.0f min &middot; ", min);
    km(sb, w, dist);
    wp_sb_append(sb, "</td>");
}

typedef struct page_ctx {
    const wp_model *m;
    const int *provider; /* per helper, after any staff transfer (wp_kpi_helper_providers) */
    const words *w;
    const char *week;
    long monday; /* days since 1970 of the week's Monday, or -1 without a week */
} page_ctx;

/* The day's route as a small SVG: home, then the visits in order, numbered. */
static void day_map(wp_strbuf *sb, const page_ctx *x, int helper, const wp_roster_route *rt)
{
    const wp_model *m = x->m;
    int n = (int)rt->n_visits, home = m->helpers[helper].home;
    int *loc = wp_malloc(((size_t)n + 1) * sizeof *loc);
    loc[0] = home;
    double bx[4] = {DBL_MAX, DBL_MAX, -DBL_MAX, -DBL_MAX};
    for (int i = 0; i <= n; i++) {
        if (i > 0) {
            int c = wp_strmap_get(&m->client_ids, rt->visits[i - 1].client);
            loc[i] = c >= 0 ? m->clients[c].location : home;
        }
        bx[0] = fmin(bx[0], m->x[loc[i]]), bx[1] = fmin(bx[1], m->y[loc[i]]);
        bx[2] = fmax(bx[2], m->x[loc[i]]), bx[3] = fmax(bx[3], m->y[loc[i]]);
    }
    const double size = 100, pad = 8;
    double span = fmax(bx[2] - bx[0], bx[3] - bx[1]),
           scale = span > 0 ? (size - 2 * pad) / span : 0;
    double ox = pad + (size - 2 * pad - (bx[2] - bx[0]) * scale) / 2;
    double oy = pad + (size - 2 * pad - (bx[3] - bx[1]) * scale) / 2;
#define MX(i) (ox + (m->x[loc[i]] - bx[0]) * scale)
#define MY(i) (size - oy - (m->y[loc[i]] - bx[1]) * scale)
    wp_sb_printf(sb,
                 "<svg class=\"map\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" width=\"100\" "
                 "height=\"100\"><title>%s</title><polyline points=\"",
                 size, size, x->w->map_title);
    for (int i = 0; i <= n; i++) wp_sb_printf(sb, "%.1f,%.1f ", MX(i), MY(i));
    wp_sb_printf(sb, "%.1f,%.1f\"/>", MX(0), MY(0));
    wp_sb_printf(sb, "<rect class=\"h\" x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\"/>",
                 MX(0) - 3.5, MY(0) - 3.5);
    for (int i = 1; i <= n; i++)
        wp_sb_printf(sb,
                     "<circle class=\"v\" cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\"/><text x=\"%.1f\" "
                     "y=\"%.1f\">%d</text>",
                     MX(i), MY(i), MX(i), MY(i) + 2.5, i);
#undef MX
#undef MY
    wp_sb_append(sb, "</svg>");
    wp_free(loc);
}

static void day_title(wp_strbuf *sb, const page_ctx *x, int day)
{
    wp_sb_printf(sb, "<h2>%s", x->w->days[day]);
    if (x->monday >= 0) {
        int y, mo, d;
        wp_civil_from_days(x->monday + day, &y, &mo, &d);
        wp_sb_printf(sb, " %d %s", d, x->w->months[mo - 1]);
    }
    wp_sb_append(sb, "</h2>");
}

/* One day: the route's table (leave home, visits, home again, totals) beside its map. */
static void day_section(wp_strbuf *sb, const page_ctx *x, int helper, const wp_roster_route *rt)
{
    const words *w = x->w;
    wp_sb_printf(sb, "<section class=\"day\" data-day=\"%s\"><div>", wp_day_name(rt->day));
    day_title(sb, x, rt->day);
    wp_sb_printf(sb,
                 "<table><thead><tr><th>%s</th><th class=\"c\">%s</th><th>%s</th><th>%s</th>"
                 "<th>%s</th><th>%s</th></tr></thead><tbody>\n",
                 w->order, w->client, w->arrival, w->start, w->end, w->travel);
    wp_sb_printf(sb, "<tr class=\"home\"><td></td><td class=\"c\">%s</td><td></td>", w->from_home);
    clock(sb, "start", rt->start);
    wp_sb_append(sb, "<td></td><td></td></tr>\n");
    double care = 0, leg_min = 0, leg_km = 0;
    for (size_t i = 0; i < rt->n_visits; i++) {
        const wp_roster_visit *v = &rt->visits[i];
        wp_sb_append(sb, "<tr class=\"visit\" data-client=\"");
        wp_sb_html(sb, v->client);
        wp_sb_printf(sb, "\" data-visit=\"%d\"><td>%zu</td><td class=\"c\">", v->visit, i + 1);
        wp_sb_html(sb, v->client);
        if (v->substitute) wp_sb_printf(sb, " (%s)", w->sub);
        wp_sb_append(sb, "</td>");
        clock(sb, "arrival", v->arrival);
        clock(sb, "start", v->start);
        clock(sb, "end", v->end);
        leg(sb, w, v->travel_min, v->travel_km);
        wp_sb_append(sb, "</tr>\n");
        care += v->end - v->start;
        leg_min += v->travel_min;
        leg_km += v->travel_km;
    }
    wp_sb_printf(sb, "<tr class=\"home\"><td></td><td class=\"c\">%s</td>", w->home);
    clock(sb, "arrival", rt->end);
    wp_sb_append(sb, "<td></td><td></td>");
    leg(sb, w, rt->travel_min - leg_min, rt->travel_km - leg_km);
    wp_sb_printf(sb, "</tr>\n</tbody><tfoot><tr><td colspan=\"6\">%s ", w->care);
    duration(sb, care);
    wp_sb_printf(sb, " &middot; %s ", w->travel);
    duration(sb, rt->travel_min);
    wp_sb_append(sb, " (");
    km(sb, w, rt->travel_km);
    wp_sb_printf(sb, ") &middot; %s ", w->worked);
    duration(sb, rt->end - rt->start);
    wp_sb_append(sb, "</td></tr></tfoot></table></div>");
    day_map(sb, x, helper, rt);
    wp_sb_append(sb, "</section>\n");
}

typedef struct week_total {
    double worked, travel_min, travel_km;
    size_t visits;
    int days;
} week_total;

static week_total total_of(const wp_roster *r, const int *idx, int n)
{
    week_total t = {0};
    for (int i = 0; i < n; i++) {
        const wp_roster_route *rt = &r->routes[idx[i]];
        t.worked += rt->end - rt->start;
        t.travel_min += rt->travel_min;
        t.travel_km += rt->travel_km;
        t.visits += rt->n_visits;
        t.days++;
    }
    return t;
}

static void head(wp_strbuf *sb, const page_ctx *x, const char *title_id)
{
    wp_sb_printf(sb,
                 "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><meta "
                 "name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>%s ",
                 x->w->lang, x->w->agenda);
    wp_sb_html(sb, title_id);
    if (x->week) {
        wp_sb_printf(sb, ", %s ", x->w->week);
        wp_sb_html(sb, x->week);
    }
    wp_sb_printf(sb, "</title><style>%s</style></head><body>\n", style);
}

static void summary(wp_strbuf *sb, const page_ctx *x, const week_total *t, double contract)
{
    const words *w = x->w;
    wp_sb_printf(sb, "%d %s, %zu %s &middot; %s ", t->days, w->day_count, t->visits, w->visits,
                 w->worked);
    duration(sb, t->worked);
    wp_sb_printf(sb, " %s ", w->of_contract);
    duration(sb, contract);
    wp_sb_printf(sb, " &middot; %s ", w->travel);
    duration(sb, t->travel_min);
    wp_sb_append(sb, " (");
    km(sb, w, t->travel_km);
    wp_sb_append(sb, ")");
}

/* The page of helper h: its routes routes[idx[0..n)], in day order. */
static char *helper_page(const page_ctx *x, const wp_roster *r, int h, const int *idx, int n)
{
    const wp_model *m = x->m;
    wp_strbuf sb = {0};
    head(&sb, x, m->helpers[h].id);
    wp_sb_printf(&sb, "<header><h1>%s ", x->w->agenda);
    wp_sb_html(&sb, m->helpers[h].id);
    wp_sb_append(&sb, "</h1><p class=\"summary\">");
    wp_sb_printf(&sb, "%s ", x->w->provider);
    wp_sb_html(&sb, m->providers[x->provider[h]].id);
    if (x->week) {
        wp_sb_printf(&sb, " &middot; %s ", x->w->week);
        wp_sb_html(&sb, x->week);
    }
    wp_sb_append(&sb, " &middot; ");
    week_total t = total_of(r, idx, n);
    summary(&sb, x, &t, m->helpers[h].week_min);
    wp_sb_append(&sb, "</p></header>\n<main class=\"days\">\n");
    for (int i = 0; i < n; i++) day_section(&sb, x, h, &r->routes[idx[i]]);
    wp_sb_append(&sb, "</main></body></html>\n");
    return wp_sb_take(&sb);
}

static void index_row(wp_strbuf *sb, const page_ctx *x, const wp_roster *r, int h, const int *idx,
                      int n)
{
    char *file = wp_helper_file_name(NULL, x->m->helpers[h].id, ".html");
    wp_sb_append(sb, "<li><a href=\"");
    wp_sb_html(sb, file);
    wp_sb_append(sb, "\">");
    wp_sb_html(sb, x->m->helpers[h].id);
    wp_sb_append(sb, "</a> (");
    wp_sb_html(sb, x->m->providers[x->provider[h]].id);
    wp_sb_append(sb, "): ");
    week_total t = total_of(r, idx, n);
    summary(sb, x, &t, x->m->helpers[h].week_min);
    wp_sb_append(sb, "</li>\n");
    wp_free(file);
}

static wp_status export_agenda_unguarded(const wp_scenario *s, const wp_roster *r,
                                         const char *roster_path, const char *week,
                                         const char *lang, const char *dir, wp_error *err)
{
    const wp_model *m = &s->model;
    page_ctx x = {m, NULL, &nl, week, -1};
    if (lang && strcmp(lang, "en") == 0)
        x.w = &en;
    else if (lang && strcmp(lang, "nl") != 0)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--lang", 0, 0,
                            "\"%s\" is not a language wijkplan writes (nl, en)", lang);
    if (week && !wp_iso_week_monday(week, &x.monday))
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--week", 0, 0,
                            "\"%s\" is not an ISO week such as 2026-W49", week);
    wp_status st = wp_scenario_check_roster(s, r, roster_path, err);
    if (st != WP_OK) return st;
    if ((st = wp_dir_create(dir, err)) != WP_OK) return st;
    int *start, *idx;
    wp_routes_by_helper(m, r, &start, &idx);
    int *provider = wp_kpi_helper_providers(m, r);
    x.provider = provider;
    wp_strbuf index = {0};
    head(&index, &x, x.w->helpers);
    wp_sb_printf(&index, "<h1>%s</h1><ul>\n", x.w->helpers);
    for (int h = 0; h < m->n_helpers && st == WP_OK; h++) {
        int n = start[h + 1] - start[h];
        if (!n) continue;
        index_row(&index, &x, r, h, idx + start[h], n);
        char *text = helper_page(&x, r, h, idx + start[h], n);
        char *path = wp_helper_file_name(dir, m->helpers[h].id, ".html");
        st = wp_file_write_atomic(path, text, strlen(text), err);
        wp_free(path);
        wp_free(text);
    }
    wp_sb_append(&index, "</ul></body></html>\n");
    if (st == WP_OK) {
        char *path = wp_strdupf("%s/index.html", dir);
        st = wp_file_write_atomic(path, index.data, index.len, err);
        wp_free(path);
    }
    wp_sb_free(&index);
    wp_free(start);
    wp_free(idx);
    wp_free(provider);
    return st;
}

wp_status wp_export_agenda(const wp_scenario *s, const wp_roster *r, const char *roster_path,
                           const char *week, const char *lang, const char *dir, wp_error *err)
{
    WP_GUARD(err, "writing the agendas",
             export_agenda_unguarded(s, r, roster_path, week, lang, dir, err));
}
