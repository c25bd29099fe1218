/* The comparison report: one self-contained HTML file (no scripts, no network) that a council
 * member reads: a first section in plain words per variant, the key figures, charts, maps per
 * KPI with district labels and a stepped legend, and per-district tables with a CSV download.
 * Dutch by default, English on request; every word comes from one table per language. Every
 * number shown carries its exact value (data-kpi, data-value), so the page can be checked
 * against the comparison JSON. */
#include <wijkplan/report.h>

#include <cjson/cJSON.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/jread.h"

#include "error/guard.h"
#include "model/scenario_internal.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/strbuf.h"

typedef enum kpi_format { F_COUNT, F_HOURS, F_SHARE, F_EURO, F_NUMBER } kpi_format;
enum { NL, EN, N_LANGS };

typedef struct kpi_row {
    const char *key;
    const char *label[N_LANGS];
    kpi_format format;
} kpi_row;

/* Comparison KPIs, and three derived ones (computed from the others, see value_of). */
static const kpi_row rows[] = {
    {"clients", {"Cli&euml;nten", "Clients"}, F_COUNT},
    {"visits", {"Bezoeken per week", "Visits a week"}, F_COUNT},
    {"visits_served", {"Bezoeken gepland", "Visits planned"}, F_COUNT},
    {"care_hours", {"Geleverde zorg (uur per week)", "Care delivered (hours a week)"}, F_HOURS},
    {"unserved_hours",
     {"Niet geleverd: wachtlijst (uur per week)", "Not delivered: waiting list (hours a week)"},
     F_HOURS},
    {"waiting_list_clients", {"Cli&euml;nten op de wachtlijst", "Clients waiting"}, F_COUNT},
    {"travel_km", {"Reizen (km per week)", "Travel (km a week)"}, F_NUMBER},
    {"travel_hours", {"Reistijd (uur per week)", "Travel (hours a week)"}, F_HOURS},
    {"travel_share",
     {"Reistijd als deel van de betaalde tijd", "Travel share of paid time"},
     F_SHARE},
    {"pairs_total", {"Vaste koppels v&oacute;&oacute;r", "Fixed pairs before"}, F_COUNT},
    {"pairs_kept", {"Vaste koppels die blijven", "Fixed pairs kept"}, F_COUNT},
    {"pairs_bound", {"Hoogstens te behouden koppels", "Most pairs any roster could keep"}, F_COUNT},
    {"clients_changed_helper",
     {"Cli&euml;nten met een andere hulp", "Clients changing helper"},
     F_COUNT},
    {"clients_changed_provider",
     {"Cli&euml;nten met een andere aanbieder", "Clients changing provider"},
     F_COUNT},
    {"helpers_changed_employer",
     {"Hulpen naar een andere werkgever", "Helpers changing employer"},
     F_COUNT},
    {"helpers_used", {"Hulpen aan het werk", "Helpers working"}, F_COUNT},
    {"helper_days", {"Werkdagen van hulpen", "Helper days"}, F_COUNT},
    {"utilization", {"Benutting van contracturen", "Utilisation of contract hours"}, F_SHARE},
    {"cost_eur", {"Kosten (EUR per week)", "Cost (EUR a week)"}, F_EURO},
    {"cost_per_care_hour", {"Kosten per geleverd zorguur", "Cost per delivered care hour"}, F_EURO},
    {"providers_per_district_min",
     {"Keuze: minste aanbieders in een gebied", "Choice: fewest providers in a district"},
     F_COUNT},
    {"providers", {"Aanbieders in het gebied", "Providers in the district"}, F_COUNT},
    {"hhi",
     {"Marktconcentratie, hele stad (HHI)", "Market concentration, whole city (HHI)"},
     F_NUMBER},
    {"hhi_districts",
     {"Marktconcentratie in de gebieden (HHI, naar cli&euml;nten)",
      "Market concentration within districts (HHI, by clients)"},
     F_NUMBER},
    {"unserved_share", {"Deel van de zorg niet geleverd", "Share of care not delivered"}, F_SHARE},
    {"pairs_kept_share",
     {"Deel van de vaste koppels dat blijft", "Share of fixed pairs kept"},
     F_SHARE},
};
#define N_ROWS (int)(sizeof rows / sizeof *rows)

/* The key figures table, in this order (no "objective": it is the solver's, not a figure). */
static const char *const key_rows[] = {"clients",
                                       "visits",
                                       "visits_served",
                                       "care_hours",
                                       "unserved_hours",
                                       "waiting_list_clients",
                                       "travel_km",
                                       "travel_hours",
                                       "travel_share",
                                       "pairs_total",
                                       "pairs_kept",
                                       "pairs_bound",
                                       "clients_changed_helper",
                                       "clients_changed_provider",
                                       "helpers_changed_employer",
                                       "helpers_used",
                                       "helper_days",
                                       "utilization",
                                       "cost_eur",
                                       "cost_per_care_hour",
                                       "providers_per_district_min",
                                       "hhi",
                                       "hhi_districts"};
static const char *const charted[] = {"travel_hours",
                                      "travel_share",
                                      "pairs_kept",
                                      "clients_changed_provider",
                                      "helpers_changed_employer",
                                      "unserved_hours",
                                      "cost_per_care_hour",
                                      "hhi_districts"};
/* Maps show shares, so that a large district does not look worse for being large. */
static const char *const mapped[] = {"travel_share", "unserved_share", "pairs_kept_share", "hhi"};
#define COUNT(a) (int)(sizeof(a) / sizeof *(a))

typedef struct words {
    const char *lang, *title, *intro, *plain, *clients, *helpers, *budget, *market, *key_figures,
        *per_week, *charts, *maps, *legend_note, *no_clients, *per_district, *district, *download,
        *made_by;
    const char *open_house, *one_provider, *providers_fmt, *cap_fmt, *transfer, *keep_pairs;
    /* sentence pieces, around the numbers */
    const char *s_pairs[3], *s_bound, *s_switch[3], *s_wait[3], *s_helpers[4], *s_idle,
        *s_budget[4], *s_unserved_value[2], *s_market[3];
} words;

static const words dutch = {
    "nl",
    "Contractvormen vergeleken",
    "Elke kolom is &eacute;&eacute;n manier om huishoudelijke ondersteuning in te kopen, gepland "
    "voor &eacute;&eacute;n week. Reistijd is betaalde werktijd; de wachtlijst is zorg die geen "
    "hulp van een toegestane aanbieder kon leveren; een vast koppel blijft als de cli&euml;nt "
    "dezelfde hulp houdt.",
    "In gewone woorden",
    "Cli&euml;nten",
    "Hulpen",
    "Budget",
    "Keuze",
    "Kerncijfers",
    "per week",
    "Grafieken",
    "Kaarten",
    "zelfde schaal voor alle kaarten; grijs: geen cli&euml;nten",
    "geen cli&euml;nten",
    "Per gebied",
    "gebied",
    "download als CSV",
    "Gemaakt met wijkplan. Gebiedsgrenzen: CBS, Kadaster (CC BY 4.0) waar het scenario die "
    "gebruikt.",
    "Open house: elke aanbieder overal",
    "1 aanbieder per gebied",
    "%d aanbieders per gebied",
    ", elke aanbieder hoogstens %d gebied(en)",
    ", met personeelsovername",
    ", lopende koppels blijven",
    {"", " van de ", " vaste koppels blijven bestaan"},
    " (hoogstens mogelijk: ",
    {" ", " cli&euml;nten krijgen een andere hulp, ", " een andere aanbieder."},
    {" ", " cli&euml;nten wachten: ", " uur zorg per week wordt niet geleverd."},
    {"", " hulpen gaan over naar een andere werkgever; ", " hulpen werken deze week, samen ",
     " werkdagen."},
    " hulpen hebben deze week geen werk.",
    {"EUR ", " per week voor ", " uur geleverde zorg (EUR ", " per uur)."},
    {" uur niet geleverde zorg zou tegen dat tarief EUR ", " kosten."},
    {"Marktconcentratie (HHI, 0 tot 10.000; hoger is minder keuze): in de hele stad ",
     "; binnen de gebieden, gewogen naar cli&euml;nten, ",
     ". Het tweede getal is de keuze die een cli&euml;nt in de eigen wijk heeft."},
};

static const words english = {
    "en",
    "Contracting scenarios compared",
    "Each column is one way of contracting household support, planned for one week. Travel is "
    "paid working time; the waiting list is care that no helper of an allowed provider could "
    "take; a fixed pair is kept when the client keeps the same helper.",
    "In plain words",
    "Clients",
    "Helpers",
    "Budget",
    "Choice",
    "Key figures",
    "per week",
    "Charts",
    "Maps",
    "one scale for all maps; grey: no clients",
    "no clients",
    "Per district",
    "district",
    "download as CSV",
    "Made by wijkplan. District boundaries: CBS, Kadaster (CC BY 4.0) where the scenario uses "
    "them.",
    "Open house: every provider everywhere",
    "1 provider per district",
    "%d providers per district",
    ", each provider at most %d district(s)",
    ", with staff transfer",
    ", existing pairs continue",
    {"", " of the ", " fixed pairs are kept"},
    " (at most possible: ",
    {" ", " clients get another helper, ", " another provider."},
    {" ", " clients wait: ", " hours of care a week are not delivered."},
    {"", " helpers change employer; ", " helpers work this week, on ", " helper days."},
    " helpers have no work this week.",
    {"EUR ", " a week for ", " hours of care delivered (EUR ", " an hour)."},
    {" hours of care not delivered would cost EUR ", " at that rate."},
    {"Market concentration (HHI, 0 to 10,000; higher is less choice): across the city ",
     "; within the districts, weighted by clients, ",
     ". The second figure is the choice a client has in their own district."},
};

static const kpi_row *row_of(const char *key)
{
    for (int i = 0; i < N_ROWS; i++)
        if (strcmp(rows[i].key, key) == 0) return &rows[i];
    return NULL;
}

static bool number(const cJSON *obj, const char *key, double *v)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(it)) return false;
    *v = it->valuedouble;
    return true;
}

/* A KPI of a variant or district, the derived ones included. For a variant, hhi_districts is
 * the clients-weighted mean of its districts' HHI (`variant` is the variant object then). */
static bool value_of(const cJSON *kpi, const cJSON *variant, const char *key, double *v)
{
    double a, b;
    if (strcmp(key, "cost_per_care_hour") == 0)
        return number(kpi, "cost_eur", &a) && number(kpi, "care_hours", &b) && b > 0 &&
               (*v = a / b, true);
    if (strcmp(key, "unserved_share") == 0)
        return number(kpi, "unserved_hours", &a) && number(kpi, "care_hours", &b) && a + b > 0 &&
               (*v = a / (a + b), true);
    if (strcmp(key, "pairs_kept_share") == 0)
        return number(kpi, "pairs_kept", &a) && number(kpi, "pairs_total", &b) && b > 0 &&
               (*v = a / b, true);
    if (strcmp(key, "hhi_districts") == 0 && variant) {
        double sum = 0, weight = 0;
        const cJSON *d;
        cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(variant, "districts"))
        {
            const cJSON *dk = cJSON_GetObjectItemCaseSensitive(d, "kpi");
            if (number(dk, "hhi", &a) && number(dk, "clients", &b)) sum += a * b, weight += b;
        }
        return weight > 0 && (*v = sum / weight, true);
    }
    return number(kpi, key, v);
}

static const cJSON *kpi_of(const cJSON *variant)
{
    return cJSON_GetObjectItemCaseSensitive(variant, "kpi");
}

static void formatted(wp_strbuf *sb, double v, kpi_format f, int lang)
{
    char t[64];
    switch (f) {
    case F_COUNT:
        snprintf(t, sizeof t, "%.0f", v);
        break;
    case F_HOURS:
    case F_NUMBER:
        snprintf(t, sizeof t, "%.1f", v);
        break;
    case F_SHARE:
        snprintf(t, sizeof t, "%.1f%%", 100 * v);
        break;
    case F_EURO:
        snprintf(t, sizeof t, fabs(v) >= 100 ? "%.0f" : "%.2f", v);
        break;
    }
    if (lang == NL) wp_decimal_comma(t);
    wp_sb_append(sb, t);
}

/* A number with its exact value, for checks against the comparison. */
static void num(wp_strbuf *sb, const char *key, double v, kpi_format f, int lang)
{
    wp_sb_printf(sb, "<span class=\"n\" data-kpi=\"%s\" data-value=\"%.17g\">", key, v);
    formatted(sb, v, f, lang);
    wp_sb_append(sb, "</span>");
}

/* A variant's name in words, from its contracting ("1 aanbieder per gebied, met
 * personeelsovername"). */
static void variant_words(wp_strbuf *sb, const cJSON *v, const words *w)
{
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(v, "contracting");
    const cJSON *model = cJSON_GetObjectItemCaseSensitive(c, "model");
    double k = 0, cap = 0;
    if (!cJSON_IsString(model) || strcmp(model->valuestring, "per_district") != 0) {
        wp_sb_append(sb, w->open_house);
        return;
    }
    number(c, "providers_per_district", &k);
    if (!(k <= 1000)) k = 1000; /* read from a file: keep the cast defined */
    if (k <= 1)
        wp_sb_append(sb, w->one_provider);
    else
        wp_sb_printf(sb, w->providers_fmt, (int)k);
    if (number(c, "max_districts_per_provider", &cap) && cap > 0)
        wp_sb_printf(sb, w->cap_fmt, cap < 1000 ? (int)cap : 1000);
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "staff_transfer")))
        wp_sb_append(sb, w->transfer);
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "existing_pairs_continue")))
        wp_sb_append(sb, w->keep_pairs);
}

static const char *variant_id(const cJSON *v)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(v, "name");
    return cJSON_IsString(n) ? n->valuestring : "?";
}

/* ---- the first section: what changes, in sentences written from the figures ---------------- */

typedef struct report_ctx {
    const words *w;
    int lang;
    const wp_model *m; /* NULL without the scenario */
} report_ctx;

static double kpi_or_zero(const cJSON *kpi, const char *key)
{
    double v = 0;
    number(kpi, key, &v);
    return v;
}

/* text, then a number, for each piece: pieces[i] before numbers[i] */
static void sentence(wp_strbuf *sb, const report_ctx *x, const char *const *pieces,
                     const char *const *keys, const double *values, int n, const char *end)
{
    for (int i = 0; i < n; i++) {
        wp_sb_append(sb, pieces[i]);
        const kpi_row *r = row_of(keys[i]);
        num(sb, keys[i], values[i], r ? r->format : F_NUMBER, x->lang);
    }
    wp_sb_append(sb, end);
}

static void plain_words(wp_strbuf *sb, const report_ctx *x, const cJSON *variants)
{
    const words *w = x->w;
    wp_sb_printf(sb, "<h2>%s</h2>\n", w->plain);
    const cJSON *v;
    cJSON_ArrayForEach(v, variants)
    {
        const cJSON *k = kpi_of(v);
        wp_sb_append(sb, "<section class=\"plain\" data-variant=\"");
        wp_sb_html(sb, variant_id(v));
        wp_sb_append(sb, "\"><h3>");
        variant_words(sb, v, w);
        wp_sb_printf(sb, "</h3>\n<p><b>%s:</b> ", w->clients);
        const char *pk[] = {"pairs_kept", "pairs_total"};
        double pv[] = {kpi_or_zero(k, "pairs_kept"), kpi_or_zero(k, "pairs_total")};
        sentence(sb, x, w->s_pairs, pk, pv, 2, "");
        wp_sb_append(sb, w->s_pairs[2]);
        double bound;
        if (number(k, "pairs_bound", &bound)) {
            wp_sb_append(sb, w->s_bound);
            num(sb, "pairs_bound", bound, F_COUNT, x->lang);
            wp_sb_append(sb, ")");
        }
        wp_sb_append(sb, ".");
        const char *sk[] = {"clients_changed_helper", "clients_changed_provider"};
        double sv[] = {kpi_or_zero(k, sk[0]), kpi_or_zero(k, sk[1])};
        sentence(sb, x, w->s_switch, sk, sv, 2, w->s_switch[2]);
        const char *wk[] = {"waiting_list_clients", "unserved_hours"};
        double wv[] = {kpi_or_zero(k, wk[0]), kpi_or_zero(k, wk[1])};
        sentence(sb, x, w->s_wait, wk, wv, 2, w->s_wait[2]);
        wp_sb_printf(sb, "</p>\n<p><b>%s:</b> ", w->helpers);
        const char *hk[] = {"helpers_changed_employer", "helpers_used", "helper_days"};
        double hv[] = {kpi_or_zero(k, hk[0]), kpi_or_zero(k, hk[1]), kpi_or_zero(k, hk[2])};
        sentence(sb, x, w->s_helpers, hk, hv, 3, w->s_helpers[3]);
        if (x->m) {
            wp_sb_append(sb, " ");
            num(sb, "helpers_idle", x->m->n_helpers - hv[1], F_COUNT, x->lang);
            wp_sb_append(sb, w->s_idle);
        }
        wp_sb_printf(sb, "</p>\n<p><b>%s:</b> ", w->budget);
        double per_hour = 0;
        value_of(k, v, "cost_per_care_hour", &per_hour);
        const char *bk[] = {"cost_eur", "care_hours", "cost_per_care_hour"};
        double bv[] = {kpi_or_zero(k, "cost_eur"), kpi_or_zero(k, "care_hours"), per_hour};
        sentence(sb, x, w->s_budget, bk, bv, 3, w->s_budget[3]);
        wp_sb_append(sb, " ");
        num(sb, "unserved_hours", wv[1], F_HOURS, x->lang);
        wp_sb_append(sb, w->s_unserved_value[0]);
        num(sb, "unserved_value_eur", wv[1] * per_hour, F_EURO, x->lang);
        wp_sb_append(sb, w->s_unserved_value[1]);
        wp_sb_printf(sb, "</p>\n<p><b>%s:</b> ", w->market);
        double hd = 0;
        value_of(k, v, "hhi_districts", &hd);
        const char *mk[] = {"hhi", "hhi_districts"};
        double mv[] = {kpi_or_zero(k, "hhi"), hd};
        sentence(sb, x, w->s_market, mk, mv, 2, w->s_market[2]);
        wp_sb_append(sb, "</p></section>\n");
    }
}

/* ---- key figures and charts ----------------------------------------------------------------- */

static void variant_header(wp_strbuf *sb, const cJSON *variants, const words *w, const char *first)
{
    wp_sb_printf(sb, "<thead><tr><th>%s</th>", first);
    const cJSON *v;
    cJSON_ArrayForEach(v, variants)
    {
        wp_sb_append(sb, "<th data-variant=\"");
        wp_sb_html(sb, variant_id(v));
        wp_sb_append(sb, "\">");
        variant_words(sb, v, w);
        wp_sb_append(sb, "</th>");
    }
    wp_sb_append(sb, "</tr></thead>");
}

static void key_figures(wp_strbuf *sb, const report_ctx *x, const cJSON *variants)
{
    wp_sb_printf(sb, "<h2>%s</h2>\n<table class=\"kpi\">", x->w->key_figures);
    variant_header(sb, variants, x->w, x->w->per_week);
    wp_sb_append(sb, "<tbody>\n");
    for (int i = 0; i < COUNT(key_rows); i++) {
        const kpi_row *r = row_of(key_rows[i]);
        wp_sb_printf(sb, "<tr><th>%s</th>", r->label[x->lang]);
        const cJSON *v;
        cJSON_ArrayForEach(v, variants)
        {
            double val;
            if (!value_of(kpi_of(v), v, r->key, &val)) {
                wp_sb_append(sb, "<td>&ndash;</td>");
                continue;
            }
            wp_sb_append(sb, "<td data-variant=\"");
            wp_sb_html(sb, variant_id(v));
            wp_sb_printf(sb, "\" data-kpi=\"%s\" data-value=\"%.17g\">", r->key, val);
            formatted(sb, val, r->format, x->lang);
            wp_sb_append(sb, "</td>");
        }
        wp_sb_append(sb, "</tr>\n");
    }
    wp_sb_append(sb, "</tbody></table>\n");
}

static void bar_chart(wp_strbuf *sb, const report_ctx *x, const cJSON *variants, const kpi_row *row)
{
    int n = cJSON_GetArraySize(variants);
    double max = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, variants)
    {
        double val;
        if (value_of(kpi_of(v), v, row->key, &val) && val > max) max = val;
    }
    if (!(max > 0)) return; /* all zero: no chart, the table says it */
    /* each variant's name on its own line above its bar: names in words are long */
    int bar = 18, step = bar + 26, width = 700, height = n * step + 24;
    wp_sb_printf(sb,
                 "<figure class=\"chart\" data-kpi=\"%s\"><svg role=\"img\" viewBox=\"0 0 %d %d\" "
                 "width=\"%d\" height=\"%d\"><title>%s</title><text x=\"0\" y=\"14\" "
                 "class=\"ct\">%s</text>\n",
                 row->key, width, height, width, height, row->label[x->lang], row->label[x->lang]);
    int i = 0;
    cJSON_ArrayForEach(v, variants)
    {
        double val = 0;
        value_of(kpi_of(v), v, row->key, &val);
        double bw = (width - 100) * val / max;
        int y = 24 + i * step;
        wp_sb_printf(sb, "<text x=\"0\" y=\"%d\">", y + 14);
        variant_words(sb, v, x->w);
        wp_sb_printf(sb,
                     "</text><rect class=\"bar b%d\" x=\"0\" y=\"%d\" width=\"%.1f\" "
                     "height=\"%d\"/><text x=\"%.1f\" y=\"%d\">",
                     i % 6, y + 20, bw, bar, bw + 6, y + 34);
        formatted(sb, val, row->format, x->lang);
        wp_sb_append(sb, "</text>\n");
        i++;
    }
    wp_sb_append(sb, "</svg></figure>\n");
}

/* ---- maps ----------------------------------------------------------------------------------- */

typedef struct frame {
    double min_x, min_y, scale;
    int width, height;
} frame;

static frame map_frame(const wp_model *m)
{
    double bx[4] = {DBL_MAX, DBL_MAX, -DBL_MAX, -DBL_MAX};
    for (int d = 0; d < m->n_districts; d++) {
        const double *b = m->districts[d].bbox;
        bx[0] = fmin(bx[0], b[0]), bx[1] = fmin(bx[1], b[1]);
        bx[2] = fmax(bx[2], b[2]), bx[3] = fmax(bx[3], b[3]);
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

static double map_x(const frame *f, double x)
{
    return 10 + (x - f->min_x) * f->scale;
}

static double map_y(const frame *f, double y)
{
    return f->height - 10 - (y - f->min_y) * f->scale;
}

static void district_path(wp_strbuf *sb, const wp_district_def *d, const frame *f)
{
    for (int p = 0; p < d->n_polys; p++)
        for (int r = d->poly_start[p]; r < d->poly_start[p + 1]; r++) {
            for (int i = d->ring_start[r]; i < d->ring_start[r + 1]; i++)
                wp_sb_printf(sb, "%c%.1f %.1f", i == d->ring_start[r] ? 'M' : 'L',
                             map_x(f, d->x[i]), map_y(f, d->y[i]));
            wp_sb_append(sb, "Z");
        }
}

/* Where a district's label goes: the centroid of its largest outer ring. */
static void label_point(const wp_district_def *d, double *cx, double *cy)
{
    double best = -1;
    *cx = (d->bbox[0] + d->bbox[2]) / 2, *cy = (d->bbox[1] + d->bbox[3]) / 2;
    for (int p = 0; p < d->n_polys; p++) {
        int r = d->poly_start[p], a = d->ring_start[r], b = d->ring_start[r + 1];
        double area = 0, sx = 0, sy = 0;
        for (int i = a; i + 1 < b; i++) {
            double c = d->x[i] * d->y[i + 1] - d->x[i + 1] * d->y[i];
            area += c, sx += (d->x[i] + d->x[i + 1]) * c, sy += (d->y[i] + d->y[i + 1]) * c;
        }
        if (fabs(area) > best && area != 0) {
            best = fabs(area);
            *cx = sx / (3 * area), *cy = sy / (3 * area);
        }
    }
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

#define STEPS 5
static const char *const step_colour[STEPS] = {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd",
                                               "#08519c"};

static int step_of(double v, double lo, double hi)
{
    if (!(hi > lo)) return STEPS / 2;
    int s = (int)((v - lo) / (hi - lo) * STEPS);
    return s < 0 ? 0 : s >= STEPS ? STEPS - 1 : s;
}

static void legend(wp_strbuf *sb, const report_ctx *x, const kpi_row *row, double lo, double hi)
{
    wp_sb_append(sb, "<p class=\"legend\">");
    for (int s = 0; s < STEPS; s++) {
        double a = lo + (hi - lo) * s / STEPS, b = lo + (hi - lo) * (s + 1) / STEPS;
        wp_sb_printf(sb, "<span class=\"sw\" style=\"background:%s\"></span> ", step_colour[s]);
        formatted(sb, a, row->format, x->lang);
        wp_sb_append(sb, "&ndash;");
        formatted(sb, b, row->format, x->lang);
        wp_sb_append(sb, " &nbsp; ");
    }
    wp_sb_printf(sb, "(%s)</p>\n", x->w->legend_note);
}

static void one_map(wp_strbuf *sb, const report_ctx *x, const cJSON *v, const kpi_row *row,
                    const frame *f, double lo, double hi)
{
    const wp_model *m = x->m;
    wp_sb_printf(sb,
                 "<figure class=\"map\" data-kpi=\"%s\"><svg role=\"img\" viewBox=\"0 0 %d %d\" "
                 "width=\"%d\" height=\"%d\"><title>",
                 row->key, f->width, f->height, f->width, f->height);
    variant_words(sb, v, x->w);
    wp_sb_append(sb, "</title>\n");
    for (int d = 0; d < m->n_districts; d++) {
        const wp_district_def *dd = &m->districts[d];
        double val = NAN;
        value_of(district_kpi(v, dd->id), NULL, row->key, &val);
        wp_sb_printf(sb, "<path fill-rule=\"evenodd\" fill=\"%s\" d=\"",
                     isnan(val) ? "#dddddd" : step_colour[step_of(val, lo, hi)]);
        district_path(sb, dd, f);
        wp_sb_append(sb, "\"><title>");
        wp_sb_html(sb, dd->name ? dd->name : dd->id);
        wp_sb_append(sb, ": ");
        if (isnan(val))
            wp_sb_append(sb, x->w->no_clients);
        else
            formatted(sb, val, row->format, x->lang);
        wp_sb_append(sb, "</title></path>\n");
    }
    for (int d = 0; d < m->n_districts; d++) { /* labels above every area */
        double cx, cy;
        label_point(&m->districts[d], &cx, &cy);
        wp_sb_printf(sb, "<text class=\"lbl\" x=\"%.1f\" y=\"%.1f\">", map_x(f, cx), map_y(f, cy));
        wp_sb_html(sb, m->districts[d].name ? m->districts[d].name : m->districts[d].id);
        wp_sb_append(sb, "</text>\n");
    }
    wp_sb_append(sb, "</svg><figcaption>");
    variant_words(sb, v, x->w);
    wp_sb_append(sb, "</figcaption></figure>\n");
}

static void maps(wp_strbuf *sb, const report_ctx *x, const cJSON *variants, const char *first)
{
    const wp_model *m = x->m;
    if (!m || m->n_districts == 0) return;
    frame f = map_frame(m);
    wp_sb_printf(sb, "<h2>%s</h2>\n", x->w->maps);
    for (int k = -1; k < COUNT(mapped); k++) {
        if (k < 0 && !first) continue; /* --kpi: that map first */
        const kpi_row *row = row_of(k < 0 ? first : mapped[k]);
        if (!row || (k >= 0 && first && strcmp(first, mapped[k]) == 0)) continue;
        double lo = DBL_MAX, hi = -DBL_MAX;
        const cJSON *v;
        cJSON_ArrayForEach(v, variants) /* one scale for every map of this KPI */
            for (int d = 0; d < m->n_districts; d++)
        {
            double val;
            if (value_of(district_kpi(v, m->districts[d].id), NULL, row->key, &val))
                lo = fmin(lo, val), hi = fmax(hi, val);
        }
        if (lo > hi) continue; /* no district has the KPI */
        wp_sb_printf(sb, "<h3>%s</h3>\n", row->label[x->lang]);
        legend(sb, x, row, lo, hi);
        wp_sb_append(sb, "<div class=\"maps\">\n");
        cJSON_ArrayForEach(v, variants) one_map(sb, x, v, row, &f, lo, hi);
        wp_sb_append(sb, "</div>\n");
    }
}

/* ---- per-district tables, with their CSV ------------------------------------------------------
 */

/* Every KPI the comparison's districts hold, in their order, but the objective. */
static int district_columns(const cJSON *variants, const char **cols, int max)
{
    int n = 0;
    const cJSON *v = variants ? variants->child : NULL;
    const cJSON *d = v ? cJSON_GetObjectItemCaseSensitive(v, "districts") : NULL;
    const cJSON *k = d && d->child ? cJSON_GetObjectItemCaseSensitive(d->child, "kpi") : NULL;
    const cJSON *it;
    cJSON_ArrayForEach(it, k)
    {
        if (n < max && it->string && strcmp(it->string, "objective") != 0 && cJSON_IsNumber(it))
            cols[n++] = it->string;
    }
    return n;
}

static void csv_link(wp_strbuf *sb, const report_ctx *x, const cJSON *v, const char **cols, int n)
{
    wp_strbuf csv = {0};
    wp_sb_append(&csv, "district,name,providers");
    for (int c = 0; c < n; c++) wp_sb_printf(&csv, ",%s", cols[c]);
    wp_sb_append(&csv, "\r\n");
    const cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(v, "districts"))
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(d, "id");
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(d, "name");
        wp_sb_printf(&csv, "\"%s\",\"%s\",\"", cJSON_IsString(id) ? id->valuestring : "",
                     cJSON_IsString(name) ? name->valuestring : "");
        const cJSON *p;
        int k = 0;
        cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(d, "providers"))
        {
            if (cJSON_IsString(p)) wp_sb_printf(&csv, "%s%s", k++ ? " " : "", p->valuestring);
        }
        wp_sb_append(&csv, "\"");
        const cJSON *kpi = cJSON_GetObjectItemCaseSensitive(d, "kpi");
        for (int c = 0; c < n; c++) {
            double val;
            if (number(kpi, cols[c], &val))
                wp_sb_printf(&csv, ",%.10g", val);
            else
                wp_sb_append(&csv, ",");
        }
        wp_sb_append(&csv, "\r\n");
    }
    wp_sb_append(sb, "<p><a download=\"");
    wp_sb_html(sb, variant_id(v));
    wp_sb_append(sb, "-districts.csv\" href=\"data:text/csv;charset=utf-8,");
    static const char hexd[] = "0123456789ABCDEF";
    for (const unsigned char *c = (const unsigned char *)wp_sb_str(&csv); *c; c++) {
        if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
            strchr("-_.,", *c))
            wp_sb_appendn(sb, (const char *)c, 1);
        else
            wp_sb_printf(sb, "%%%c%c", hexd[*c >> 4], hexd[*c & 15]);
    }
    wp_sb_printf(sb, "\">%s</a></p>\n", x->w->download);
    wp_sb_free(&csv);
}

static void district_tables(wp_strbuf *sb, const report_ctx *x, const cJSON *variants)
{
    const char *cols[64];
    int n = district_columns(variants, cols, 64);
    wp_sb_printf(sb, "<h2>%s</h2>\n", x->w->per_district);
    const cJSON *v;
    cJSON_ArrayForEach(v, variants)
    {
        wp_sb_append(sb, "<h3>");
        variant_words(sb, v, x->w);
        wp_sb_printf(sb, "</h3>\n<table class=\"district\"><thead><tr><th>%s</th><th>%s</th>",
                     x->w->district, row_of("providers")->label[x->lang]);
        for (int c = 0; c < n; c++) {
            const kpi_row *r = row_of(cols[c]);
            wp_sb_append(sb, "<th>");
            if (r)
                wp_sb_append(sb, r->label[x->lang]);
            else
                wp_sb_html(sb, cols[c]);
            wp_sb_append(sb, "</th>");
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
            wp_sb_append(sb, "</th><td class=\"c\">");
            const cJSON *p;
            int k = 0;
            cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(d, "providers"))
            {
                if (k++) wp_sb_append(sb, ", ");
                if (cJSON_IsString(p)) wp_sb_html(sb, p->valuestring);
            }
            wp_sb_append(sb, "</td>");
            const cJSON *kpi = cJSON_GetObjectItemCaseSensitive(d, "kpi");
            for (int c = 0; c < n; c++) {
                double val;
                if (!number(kpi, cols[c], &val)) {
                    wp_sb_append(sb, "<td>&ndash;</td>");
                    continue;
                }
                const kpi_row *r = row_of(cols[c]);
                wp_sb_append(sb, "<td data-variant=\"");
                wp_sb_html(sb, variant_id(v));
                wp_sb_append(sb, "\" data-district=\"");
                wp_sb_html(sb, cJSON_IsString(id) ? id->valuestring : "");
                wp_sb_printf(sb, "\" data-kpi=\"%s\" data-value=\"%.17g\">", cols[c], val);
                formatted(sb, val, r ? r->format : F_NUMBER, x->lang);
                wp_sb_append(sb, "</td>");
            }
            wp_sb_append(sb, "</tr>\n");
        }
        wp_sb_append(sb, "</tbody></table>\n");
        csv_link(sb, x, v, cols, n);
    }
}

static const char *const style =
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}"
    "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;"
    "text-align:right}thead th{background:#eef}tbody th{text-align:left;font-weight:normal}"
    "td.c{text-align:left}section.plain{margin-bottom:1em}.n{font-weight:600}"
    "svg text{font-size:13px}.ct{font-weight:bold}figure{display:inline-block;margin:0 1em 1em 0}"
    ".maps figure{vertical-align:top}.maps path{stroke:#fff;stroke-width:1}"
    ".lbl{font-size:9px;fill:#111;text-anchor:middle;paint-order:stroke;stroke:#fff;"
    "stroke-width:2px}"
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
    wp_free(text);
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
            wp_free(dir);
        }
    }
    wp_status s = WP_OK;
    if (path) s = wp_scenario_load(path, sc, err);
    wp_free(path);
    return s;
}

/* The key figures as a markdown table (for results files; English, raw variant names). */
static void markdown(wp_strbuf *sb, const cJSON *doc)
{
    const cJSON *variants = cJSON_GetObjectItemCaseSensitive(doc, "variants");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(doc, "scenario");
    wp_sb_printf(sb, "# %s\n\n| per week |",
                 cJSON_IsString(name) ? name->valuestring : "comparison");
    const cJSON *v;
    cJSON_ArrayForEach(v, variants) wp_sb_printf(sb, " %s |", variant_id(v));
    wp_sb_append(sb, "\n|---|");
    cJSON_ArrayForEach(v, variants) wp_sb_append(sb, "---|");
    wp_sb_append(sb, "\n");
    for (int i = 0; i < COUNT(key_rows); i++) {
        const kpi_row *r = row_of(key_rows[i]);
        wp_sb_printf(sb, "| %s |", r->label[EN]);
        cJSON_ArrayForEach(v, variants)
        {
            double x;
            wp_sb_append(sb, " ");
            if (value_of(kpi_of(v), v, r->key, &x)) {
                if (r->format == F_EURO) wp_sb_append(sb, "EUR ");
                formatted(sb, x, r->format, EN);
            } else {
                wp_sb_append(sb, "-");
            }
            wp_sb_append(sb, " |");
        }
        wp_sb_append(sb, "\n");
    }
}

static wp_status report_markdown_unguarded(const char *comparison_path, const char *out_path,
                                           wp_error *err)
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

wp_status wp_report_markdown(const char *comparison_path, const char *out_path, wp_error *err)
{
    WP_GUARD(err, "writing the Markdown report",
             report_markdown_unguarded(comparison_path, out_path, err));
}

static wp_status report_html_unguarded(const char *comparison_path, const char *scenario_path,
                                       const char *map_kpi, const char *lang, const char *out_path,
                                       wp_error *err)
{
    report_ctx x = {&dutch, NL, NULL};
    if (lang && strcmp(lang, "en") == 0)
        x = (report_ctx){&english, EN, NULL};
    else if (lang && strcmp(lang, "nl") != 0)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--lang", 0, 0,
                            "\"%s\" is not a language wijkplan writes (nl, en)", lang);
    if (map_kpi && !row_of(map_kpi))
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--kpi", 0, 0, "unknown KPI \"%s\"", map_kpi);
    cJSON *doc = NULL;
    wp_scenario *sc = NULL;
    wp_status s = load_inputs(comparison_path, scenario_path, &doc, &sc, err);
    if (s != WP_OK) {
        cJSON_Delete(doc);
        return s;
    }
    x.m = sc ? &sc->model : NULL;
    const cJSON *variants = cJSON_GetObjectItemCaseSensitive(doc, "variants");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(doc, "scenario");
    const char *title = cJSON_IsString(name) ? name->valuestring : "";
    wp_strbuf sb = {0};
    wp_sb_printf(&sb, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>",
                 x.w->lang);
    wp_sb_html(&sb, title);
    wp_sb_printf(&sb, "</title><style>%s</style></head><body>\n<h1>%s: ", style, x.w->title);
    wp_sb_html(&sb, title);
    wp_sb_printf(&sb, "</h1>\n<p>%s</p>\n", x.w->intro);
    plain_words(&sb, &x, variants);
    key_figures(&sb, &x, variants);
    wp_sb_printf(&sb, "<h2>%s</h2>\n", x.w->charts);
    for (int i = 0; i < COUNT(charted); i++) bar_chart(&sb, &x, variants, row_of(charted[i]));
    maps(&sb, &x, variants, map_kpi);
    district_tables(&sb, &x, variants);
    wp_sb_printf(&sb, "<p class=\"legend\">%s</p>\n</body></html>\n", x.w->made_by);
    s = wp_file_write_atomic(out_path, wp_sb_str(&sb), sb.len, err);
    wp_sb_free(&sb);
    cJSON_Delete(doc);
    wp_scenario_free(sc);
    return s;
}

wp_status wp_report_html(const char *comparison_path, const char *scenario_path,
                         const char *map_kpi, const char *lang, const char *out_path, wp_error *err)
{
    WP_GUARD(err, "writing the HTML report",
             report_html_unguarded(comparison_path, scenario_path, map_kpi, lang, out_path, err));
}
