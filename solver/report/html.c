/* The comparison report: one self-contained HTML file with tables, SVG bar charts and SVG maps.
 * Every number shown also carries its exact value (data-value) so the page can be checked
 * against the comparison JSON. */
#include <wijkplan/report.h>

#include <cjson/cJSON.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json/jread.h"
#include "model/scenario_internal.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"

typedef enum kpi_format { F_COUNT, F_HOURS, F_SHARE, F_EURO, F_NUMBER } kpi_format;

typedef struct kpi_row {
    const char *key;
    const char *label;
    kpi_format format;
} kpi_row;

static const kpi_row rows[] = {
    {"clients", "Clients", F_COUNT},
    {"visits", "Visits a week", F_COUNT},
    {"visits_served", "Visits planned", F_COUNT},
    {"care_hours", "Care hours a week", F_HOURS},
    {"unserved_hours", "Waiting list (hours a week)", F_HOURS},
    {"waiting_list_clients", "Clients waiting (not fully served)", F_COUNT},
    {"travel_km", "Travel (km a week)", F_NUMBER},
    {"travel_hours", "Travel (hours a week)", F_HOURS},
    {"travel_share", "Travel share of paid time", F_SHARE},
    {"pairs_total", "Fixed pairs before", F_COUNT},
    {"pairs_kept", "Fixed pairs kept", F_COUNT},
    {"pairs_bound", "Most pairs any roster could keep", F_COUNT},
    {"clients_changed_provider", "Clients changing provider", F_COUNT},
    {"clients_changed_helper", "Clients changing helper", F_COUNT},
    {"helpers_changed_employer", "Helpers changing employer", F_COUNT},
    {"helpers_used", "Helpers working", F_COUNT},
    {"helper_days", "Helper days", F_COUNT},
    {"utilization", "Utilisation of contract hours", F_SHARE},
    {"cost_eur", "Cost (EUR a week)", F_EURO},
    {"providers_per_district_min", "Choice: fewest providers in a district", F_COUNT},
    {"hhi", "Market concentration (HHI)", F_NUMBER},
    {"objective", "Objective", F_NUMBER},
};
#define N_ROWS (int)(sizeof rows / sizeof *rows)

/* KPIs drawn as bar charts. */
static const char *const charted[] = {"travel_hours",
                                      "travel_share",
                                      "pairs_kept",
                                      "clients_changed_provider",
                                      "helpers_changed_employer",
                                      "unserved_hours",
                                      "cost_eur",
                                      "hhi"};
#define N_CHARTS (int)(sizeof charted / sizeof *charted)

static void formatted(wp_strbuf *sb, double v, kpi_format f)
{
    switch (f) {
    case F_COUNT:
        wp_sb_printf(sb, "%.0f", v);
        break;
    case F_HOURS:
        wp_sb_printf(sb, "%.1f", v);
        break;
    case F_SHARE:
        wp_sb_printf(sb, "%.1f%%", 100 * v);
        break;
    case F_EURO:
        wp_sb_printf(sb, "&euro;%.0f", v);
        break;
    case F_NUMBER:
        wp_sb_printf(sb, "%.1f", v);
        break;
    }
}

static const kpi_row *row_of(const char *key)
{
    for (int i = 0; i < N_ROWS; i++)
        if (strcmp(rows[i].key, key) == 0) return &rows[i];
    return NULL;
}

static bool kpi_value(const cJSON *kpi, const char *key, double *v)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(kpi, key);
    if (!cJSON_IsNumber(it)) return false;
    *v = it->valuedouble;
    return true;
}

static const char *variant_name(const cJSON *v)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(v, "name");
    return cJSON_IsString(n) ? n->valuestring : "?";
}

static void key_figures(wp_strbuf *sb, const cJSON *variants)
{
    wp_sb_append(sb, "<h2>Key figures</h2>\n<table class=\"kpi\"><thead><tr><th>per week</th>");
    const cJSON *v;
    cJSON_ArrayForEach(v, variants)
    {
        wp_sb_append(sb, "<th>");
        wp_sb_html(sb, variant_name(v));
        wp_sb_append(sb, "</th>");
    }
    wp_sb_append(sb, "</tr></thead><tbody>\n");
    for (int i = 0; i < N_ROWS; i++) {
        wp_sb_printf(sb, "<tr><th>%s</th>", rows[i].label);
        cJSON_ArrayForEach(v, variants)
        {
            double x;
            const cJSON *kpi = cJSON_GetObjectItemCaseSensitive(v, "kpi");
            if (!kpi_value(kpi, rows[i].key, &x)) {
                wp_sb_append(sb, "<td>&ndash;</td>");
                continue;
            }
            wp_sb_append(sb, "<td data-variant=\"");
            wp_sb_html(sb, variant_name(v));
            wp_sb_printf(sb, "\" data-kpi=\"%s\" data-value=\"%.17g\">", rows[i].key, x);
            formatted(sb, x, rows[i].format);
            wp_sb_append(sb, "</td>");
        }
        wp_sb_append(sb, "</tr>\n");
    }
    wp_sb_append(sb, "</tbody></table>\n");
}

static void bar_chart(wp_strbuf *sb, const cJSON *variants, const kpi_row *row)
{
    int n = cJSON_GetArraySize(variants);
    double max = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, variants)
    {
        double x;
        if (kpi_value(cJSON_GetObjectItemCaseSensitive(v, "kpi"), row->key, &x) && x > max) max = x;
    }
    int bar = 22, label = 190, width = 520, height = n * (bar + 6) + 30;
    wp_sb_printf(sb,
                 "<figure><svg role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">"
                 "<title>%s</title><text x=\"0\" y=\"14\" class=\"ct\">%s</text>\n",
                 width, height, width, height, row->label, row->label);
    int i = 0;
    cJSON_ArrayForEach(v, variants)
    {
        double x = 0;
        kpi_value(cJSON_GetObjectItemCaseSensitive(v, "kpi"), row->key, &x);
        double w = max > 0 ? (width - label - 90) * x / max : 0;
        int y = 24 + i * (bar + 6);
        wp_sb_printf(sb, "<text x=\"0\" y=\"%d\">", y + 16);
        wp_sb_html(sb, variant_name(v));
        wp_sb_printf(sb,
                     "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"b%d\"/>"
                     "<text x=\"%.1f\" y=\"%d\">",
                     label, y, w, bar, i % 6, label + w + 6, y + 16);
        formatted(sb, x, row->format);
        wp_sb_append(sb, "</text>\n");
        i++;
    }
    wp_sb_append(sb, "</svg></figure>\n");
}

/* ---- maps -------------------------------------------------------------------------------- */

typedef struct frame {
    double min_x, min_y, scale;
    int width, height;
} frame;

static frame map_frame(const wp_model *m)
{
    double bx[4] = {DBL_MAX, DBL_MAX, -DBL_MAX, -DBL_MAX};
    for (int d = 0; d < m->n_districts; d++) {
        const double *b = m->districts[d].bbox;
        if (b[0] < bx[0]) bx[0] = b[0];
        if (b[1] < bx[1]) bx[1] = b[1];
        if (b[2] > bx[2]) bx[2] = b[2];
        if (b[3] > bx[3]) bx[3] = b[3];
    }
    frame f = {bx[0], bx[1], 1, 420, 420};
    double w = bx[2] - bx[0], h = bx[3] - bx[1];
    if (w > 0 && h > 0) {
        f.scale = 400 / fmax(w, h);
        f.width = (int)(w * f.scale) + 20;
        f.height = (int)(h * f.scale) + 20;
    }
    return f;
}

static void district_path(wp_strbuf *sb, const wp_district_def *d, const frame *f)
{
    for (int p = 0; p < d->n_polys; p++)
        for (int r = d->poly_start[p]; r < d->poly_start[p + 1]; r++) {
            for (int i = d->ring_start[r]; i < d->ring_start[r + 1]; i++)
                wp_sb_printf(sb, "%c%.1f %.1f", i == d->ring_start[r] ? 'M' : 'L',
                             10 + (d->x[i] - f->min_x) * f->scale,
                             f->height - 10 - (d->y[i] - f->min_y) * f->scale);
            wp_sb_append(sb, "Z");
        }
}

/* Light to dark blue by position in [0, 1]. */
static void colour(wp_strbuf *sb, double t)
{
    if (!(t >= 0)) t = 0;
    if (t > 1) t = 1;
    int r = (int)(239 - t * (239 - 8)), g = (int)(243 - t * (243 - 48)),
        b = (int)(255 - t * (255 - 107));
    wp_sb_printf(sb, "#%02x%02x%02x", r, g, b);
}

static const cJSON *district_kpi(const cJSON *variant, const char *id)
{
    const cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(variant, "districts"))
    {
        const cJSON *did = cJSON_GetObjectItemCaseSensitive(d, "id");
        if (cJSON_IsString(did) && strcmp(did->valuestring, id) == 0)
            return cJSON_GetObjectItemCaseSensitive(d, "kpi");
    }
    return NULL;
}

static void maps(wp_strbuf *sb, const cJSON *variants, const wp_model *m, const kpi_row *row)
{
    if (!m || m->n_districts == 0) return;
    frame f = map_frame(m);
    double lo = DBL_MAX, hi = -DBL_MAX;
    const cJSON *v;
    cJSON_ArrayForEach(v, variants) /* one scale for every map, so they can be compared */
        for (int d = 0; d < m->n_districts; d++)
    {
        double x;
        if (kpi_value(district_kpi(v, m->districts[d].id), row->key, &x)) {
            if (x < lo) lo = x;
            if (x > hi) hi = x;
        }
    }
    wp_sb_printf(
        sb,
        "<h2>Maps: %s by district</h2>\n<p class=\"legend\"><span class=\"sw\" style=\"background:",
        row->label);
    colour(sb, 0);
    wp_sb_append(sb, "\"></span> ");
    formatted(sb, lo < hi ? lo : 0, row->format);
    wp_sb_append(sb, " &ndash; <span class=\"sw\" style=\"background:");
    colour(sb, 1);
    wp_sb_append(sb, "\"></span> ");
    formatted(sb, lo < hi ? hi : 0, row->format);
    wp_sb_append(sb, " (one scale for all maps; grey: no clients)</p>\n<div class=\"maps\">\n");
    cJSON_ArrayForEach(v, variants)
    {
        wp_sb_printf(
            sb,
            "<figure><svg role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\"><title>",
            f.width, f.height, f.width, f.height);
        wp_sb_html(sb, variant_name(v));
        wp_sb_append(sb, "</title>\n");
        for (int d = 0; d < m->n_districts; d++) {
            double x = NAN;
            kpi_value(district_kpi(v, m->districts[d].id), row->key, &x);
            wp_sb_append(sb, "<path fill-rule=\"evenodd\" fill=\"");
            if (isnan(x))
                wp_sb_append(sb, "#dddddd");
            else
                colour(sb, hi > lo ? (x - lo) / (hi - lo) : 0.5);
            wp_sb_append(sb, "\" d=\"");
            district_path(sb, &m->districts[d], &f);
            wp_sb_append(sb, "\"><title>");
            wp_sb_html(sb, m->districts[d].name ? m->districts[d].name : m->districts[d].id);
            wp_sb_append(sb, ": ");
            if (isnan(x))
                wp_sb_append(sb, "no clients");
            else
                formatted(sb, x, row->format);
            wp_sb_append(sb, "</title></path>\n");
        }
        wp_sb_append(sb, "</svg><figcaption>");
        wp_sb_html(sb, variant_name(v));
        wp_sb_append(sb, "</figcaption></figure>\n");
    }
    wp_sb_append(sb, "</div>\n");
}

static void district_tables(wp_strbuf *sb, const cJSON *variants)
{
    static const char *const cols[] = {
        "clients",      "care_hours",  "unserved_hours", "travel_hours",
        "travel_share", "pairs_total", "pairs_kept",     "clients_changed_provider",
        "providers",    "hhi",         "cost_eur"};
    wp_sb_append(sb, "<h2>Per district</h2>\n");
    const cJSON *v;
    cJSON_ArrayForEach(v, variants)
    {
        wp_sb_append(sb, "<h3>");
        wp_sb_html(sb, variant_name(v));
        wp_sb_append(
            sb, "</h3>\n<table class=\"district\"><thead><tr><th>district</th><th>providers</th>");
        for (size_t c = 0; c < sizeof cols / sizeof *cols; c++) {
            const kpi_row *r = row_of(cols[c]);
            wp_sb_printf(sb, "<th>%s</th>", r ? r->label : "Providers in district");
        }
        wp_sb_append(sb, "</tr></thead><tbody>\n");
        const cJSON *d;
        cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(v, "districts"))
        {
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(d, "id");
            const cJSON *name = cJSON_GetObjectItemCaseSensitive(d, "name");
            wp_sb_append(sb, "<tr><th>");
            wp_sb_html(sb, cJSON_IsString(name) ? name->valuestring
                                                : (cJSON_IsString(id) ? id->valuestring : "?"));
            wp_sb_append(sb, "</th><td>");
            const cJSON *p;
            int k = 0;
            cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(d, "providers"))
            {
                if (k++) wp_sb_append(sb, ", ");
                if (cJSON_IsString(p)) wp_sb_html(sb, p->valuestring);
            }
            wp_sb_append(sb, "</td>");
            const cJSON *kpi = cJSON_GetObjectItemCaseSensitive(d, "kpi");
            for (size_t c = 0; c < sizeof cols / sizeof *cols; c++) {
                double x;
                if (!kpi_value(kpi, cols[c], &x)) {
                    wp_sb_append(sb, "<td>&ndash;</td>");
                    continue;
                }
                const kpi_row *r = row_of(cols[c]);
                wp_sb_append(sb, "<td data-variant=\"");
                wp_sb_html(sb, variant_name(v));
                wp_sb_append(sb, "\" data-district=\"");
                wp_sb_html(sb, cJSON_IsString(id) ? id->valuestring : "");
                wp_sb_printf(sb, "\" data-kpi=\"%s\" data-value=\"%.17g\">", cols[c], x);
                formatted(sb, x, r ? r->format : F_COUNT);
                wp_sb_append(sb, "</td>");
            }
            wp_sb_append(sb, "</tr>\n");
        }
        wp_sb_append(sb, "</tbody></table>\n");
    }
}

static const char *const style =
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}"
    "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;"
    "text-align:right}thead th{background:#eef}tbody th{text-align:left;font-weight:normal}"
    "svg text{font-size:13px}.ct{font-weight:bold}figure{display:inline-block;margin:0 1em 1em 0}"
    ".maps figure{vertical-align:top}.maps path{stroke:#fff;stroke-width:1}"
    ".b0{fill:#1f77b4}.b1{fill:#ff7f0e}.b2{fill:#2ca02c}.b3{fill:#d62728}.b4{fill:#9467bd}"
    ".b5{fill:#8c564b}.legend{color:#555}"
    ".sw{display:inline-block;width:14px;height:14px;vertical-align:middle;border:1px solid #999}";

static wp_status load_inputs(const char *comparison_path, const char *scenario_path, cJSON **doc,
                             wp_scenario **sc, wp_error *err)
{
    size_t len;
    char *text = wp_file_read(comparison_path, &len, "comparison", err);
    if (!text) return WP_ERR_INPUT;
    *doc = wp_json_parse(text, len, comparison_path, err);
    free(text);
    if (!*doc) return WP_ERR_INPUT;
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(*doc, "format");
    const cJSON *variants = cJSON_GetObjectItemCaseSensitive(*doc, "variants");
    if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, "wijkplan-comparison/1") != 0 ||
        !cJSON_IsArray(variants))
        return wp_error_add(err, WP_ERR_INPUT, comparison_path, "format", 0, 0,
                            "not a wijkplan-comparison/1 file with variants");
    *sc = NULL;
    char *path = NULL;
    if (scenario_path)
        path = wp_strdup(scenario_path);
    else {
        const cJSON *sf = cJSON_GetObjectItemCaseSensitive(*doc, "scenario_file");
        if (cJSON_IsString(sf)) {
            char *dir = wp_path_dirname(comparison_path);
            path = wp_path_join(dir, sf->valuestring);
            free(dir);
        }
    }
    wp_status s = WP_OK;
    if (path) s = wp_scenario_load(path, sc, err);
    free(path);
    return s;
}

/* The key figures as a markdown table (for results files). */
static void markdown(wp_strbuf *sb, const cJSON *doc)
{
    const cJSON *variants = cJSON_GetObjectItemCaseSensitive(doc, "variants");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(doc, "scenario");
    wp_sb_printf(sb, "# %s\n\n| per week |",
                 cJSON_IsString(name) ? name->valuestring : "comparison");
    const cJSON *v;
    cJSON_ArrayForEach(v, variants) wp_sb_printf(sb, " %s |", variant_name(v));
    wp_sb_append(sb, "\n|---|");
    cJSON_ArrayForEach(v, variants) wp_sb_append(sb, "---|");
    wp_sb_append(sb, "\n");
    for (int i = 0; i < N_ROWS; i++) {
        wp_sb_printf(sb, "| %s |", rows[i].label);
        cJSON_ArrayForEach(v, variants)
        {
            double x;
            wp_sb_append(sb, " ");
            if (kpi_value(cJSON_GetObjectItemCaseSensitive(v, "kpi"), rows[i].key, &x)) {
                if (rows[i].format == F_EURO)
                    wp_sb_printf(sb, "EUR %.0f", x);
                else
                    formatted(sb, x, rows[i].format);
            } else {
                wp_sb_append(sb, "-");
            }
            wp_sb_append(sb, " |");
        }
        wp_sb_append(sb, "\n");
    }
}

wp_status wp_report_markdown(const char *comparison_path, const char *out_path, wp_error *err)
{
    cJSON *doc = NULL;
    wp_scenario *sc = NULL;
    wp_status s = load_inputs(comparison_path, NULL, &doc, &sc, err);
    if (s == WP_OK) {
        wp_strbuf sb = {0};
        markdown(&sb, doc);
        s = wp_file_write_atomic(out_path, wp_sb_str(&sb), sb.len, err);
        wp_sb_free(&sb);
    }
    cJSON_Delete(doc);
    wp_scenario_free(sc);
    return s;
}

wp_status wp_report_html(const char *comparison_path, const char *scenario_path,
                         const char *map_kpi, const char *out_path, wp_error *err)
{
    const kpi_row *map_row = row_of(map_kpi ? map_kpi : "travel_share");
    if (!map_row)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--kpi", 0, 0, "unknown KPI \"%s\"", map_kpi);
    cJSON *doc = NULL;
    wp_scenario *sc = NULL;
    wp_status s = load_inputs(comparison_path, scenario_path, &doc, &sc, err);
    if (s != WP_OK) {
        cJSON_Delete(doc);
        return s;
    }
    const cJSON *variants = cJSON_GetObjectItemCaseSensitive(doc, "variants");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(doc, "scenario");
    wp_strbuf sb = {0};
    wp_sb_append(
        &sb, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>wijkplan: ");
    wp_sb_html(&sb, cJSON_IsString(name) ? name->valuestring : "comparison");
    wp_sb_printf(&sb, "</title><style>%s</style></head><body>\n<h1>Contracting scenarios: ", style);
    wp_sb_html(&sb, cJSON_IsString(name) ? name->valuestring : "comparison");
    wp_sb_append(
        &sb, "</h1>\n<p>Each column is one way of contracting household support, planned for one "
             "week. Travel is paid working time; the waiting list is care that no helper "
             "of an allowed provider could take; a fixed pair is kept when the client keeps "
             "the same helper.</p>\n");
    key_figures(&sb, variants);
    wp_sb_append(&sb, "<h2>Charts</h2>\n");
    for (int i = 0; i < N_CHARTS; i++) bar_chart(&sb, variants, row_of(charted[i]));
    maps(&sb, variants, sc ? &sc->model : NULL, map_row);
    district_tables(&sb, variants);
    wp_sb_append(&sb, "<p class=\"legend\">Made by wijkplan. District boundaries: CBS, Kadaster "
                      "(CC BY 4.0) where the scenario uses them.</p>\n</body></html>\n");
    s = wp_file_write_atomic(out_path, wp_sb_str(&sb), sb.len, err);
    wp_sb_free(&sb);
    cJSON_Delete(doc);
    wp_scenario_free(sc);
    return s;
}
