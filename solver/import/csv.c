/* Spreadsheet import (SPEC "Spreadsheet input"): three CSV files to a wijkplan-scenario/1.
 * Every cell is checked here, so problems are reported as file:line:column with the column
 * name, in the planner's terms rather than as JSON paths. */
#define _XOPEN_SOURCE 700
#include <wijkplan/import.h>

#include <errno.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/csvtable.h"

#include "error/guard.h"
#include "io/scenario_write.h"
#include "model/model.h"
#include "util/alloc.h"
#include "util/daytime.h"
#include "util/fileio.h"
#include "util/strmap.h"

typedef struct cell_ctx {
    const wp_csv_table *t;
    wp_error *err;
    int problems;
} cell_ctx;

static void cell_error(cell_ctx *x, int row, int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void cell_error(cell_ctx *x, int row, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = wp_vstrdupf(fmt, ap);
    va_end(ap);
    int line = row >= 0 ? x->t->row[row].line : 1;
    wp_error_add(x->err, WP_ERR_INPUT, x->t->file, x->t->col[col], line, col + 1, "%s", msg);
    wp_free(msg);
    x->problems++;
}

/* Checks the header: required columns present (alternatives separated by '/'), no unknown
 * column. */
static bool check_header(cell_ctx *x, const char *const *known, const char *const *required)
{
    bool ok = true;
    for (int k = 0; k < x->t->n_cols; k++) {
        bool found = false;
        for (int i = 0; known[i] && !found; i++) found = strcmp(known[i], x->t->col[k]) == 0;
        if (!found) {
            wp_error_add(x->err, WP_ERR_INPUT, x->t->file, NULL, 1, k + 1, "unknown column \"%s\"",
                         x->t->col[k]);
            x->problems++;
            ok = false;
        }
    }
    for (int i = 0; required[i]; i++)
        if (wp_csv_col(x->t, required[i]) < 0) {
            wp_error_add(x->err, WP_ERR_INPUT, x->t->file, NULL, 1, 0, "missing column \"%s\"",
                         required[i]);
            x->problems++;
            ok = false;
        }
    return ok;
}

static const char *cell(const cell_ctx *x, int row, int col)
{
    return col >= 0 ? x->t->row[row].cell[col] : "";
}

/* A number cell; decimal commas are accepted when the file is semicolon separated. */
static bool number_cell(cell_ctx *x, int row, int col, double lo, double hi, double *out)
{
    const char *s = cell(x, row, col);
    char buf[64];
    snprintf(buf, sizeof buf, "%s", s);
    if (x->t->decimal_comma)
        for (char *p = buf; *p; p++)
            if (*p == ',') *p = '.';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (!*buf || *end || errno || !isfinite(v) || strlen(s) >= sizeof buf) {
        cell_error(x, row, col, "\"%s\" is not a number", s);
        return false;
    }
    if (v < lo || v > hi) {
        cell_error(x, row, col, "%g is out of range (%g to %g)", v, lo, hi);
        return false;
    }
    *out = v;
    return true;
}

static void add_number(cJSON *o, const char *key, cell_ctx *x, int row, int col, double lo,
                       double hi, bool integer)
{
    if (col < 0 || !*cell(x, row, col)) return;
    double v;
    if (!number_cell(x, row, col, lo, hi, &v)) return;
    if (integer && v != floor(v)) {
        cell_error(x, row, col, "\"%s\" is not a whole number", cell(x, row, col));
        return;
    }
    cJSON_AddNumberToObject(o, key, v);
}

static void add_string(cJSON *o, const char *key, cell_ctx *x, int row, int col)
{
    if (col >= 0 && *cell(x, row, col)) cJSON_AddStringToObject(o, key, cell(x, row, col));
}

static void add_choice(cJSON *o, const char *key, cell_ctx *x, int row, int col,
                       const char *const *allowed)
{
    if (col < 0 || !*cell(x, row, col)) return;
    const char *s = cell(x, row, col);
    for (int i = 0; allowed[i]; i++)
        if (strcmp(allowed[i], s) == 0) {
            cJSON_AddStringToObject(o, key, s);
            return;
        }
    cell_error(x, row, col, "\"%s\" is not one of the allowed values", s);
}

/* Splits a cell on '|' into trimmed, non-empty items (caller frees the array and items). */
static int split_items(const char *s, char sep, char ***out)
{
    char **items = NULL;
    size_t n = 0, cap = 0;
    while (*s) {
        const char *end = strchr(s, sep);
        size_t len = end ? (size_t)(end - s) : strlen(s);
        while (len && (*s == ' ' || *s == '\t')) s++, len--;
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
        if (len) WP_PUSH(items, n, cap, wp_strndup(s, len));
        if (!end) break;
        s = end + 1;
    }
    *out = items;
    return (int)n;
}

static void free_items(char **items, int n)
{
    for (int i = 0; i < n; i++) wp_free(items[i]);
    wp_free(items);
}

/* A day as a planner writes it: mon..sun, or Dutch ma di wo do vr za zo (or maandag ..
 * zondag), in any case; -1 otherwise. */
static int csv_day(const char *s)
{
    static const char *const nl[WP_DAYS][2] = {
        {"ma", "maandag"}, {"di", "dinsdag"},  {"wo", "woensdag"}, {"do", "donderdag"},
        {"vr", "vrijdag"}, {"za", "zaterdag"}, {"zo", "zondag"}};
    char low[16];
    size_t n = strlen(s);
    if (n >= sizeof low) return -1;
    for (size_t i = 0; i <= n; i++) low[i] = (char)tolower((unsigned char)s[i]);
    int d = wp_day_index(low);
    for (int k = 0; k < WP_DAYS && d < 0; k++)
        if (strcmp(low, nl[k][0]) == 0 || strcmp(low, nl[k][1]) == 0) d = k;
    return d;
}

static void add_list(cJSON *o, const char *key, cell_ctx *x, int row, int col, bool days)
{
    if (col < 0 || !*cell(x, row, col)) return;
    char **items;
    int n = split_items(cell(x, row, col), '|', &items);
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < n; i++) {
        int d = days ? csv_day(items[i]) : -1;
        if (days && d < 0)
            cell_error(x, row, col,
                       "\"%s\" is not a day (mon, tue, wed, thu, fri, sat, sun, or ma, di, wo, "
                       "do, vr, za, zo)",
                       items[i]);
        cJSON_AddItemToArray(arr, cJSON_CreateString(d >= 0 ? wp_day_name(d) : items[i]));
    }
    free_items(items, n);
    cJSON_AddItemToObject(o, key, arr);
}

/* "09:00-12:00" -> [540, 720]; false after reporting. */
static bool parse_range(cell_ctx *x, int row, int col, const char *text, wp_window *w)
{
    const char *dash = strchr(text, '-');
    char a[16] = "", b[16] = "";
    if (dash && dash - text < 16 && strlen(dash + 1) < 16) {
        snprintf(a, sizeof a, "%.*s", (int)(dash - text), text);
        snprintf(b, sizeof b, "%s", dash + 1);
    }
    if (!dash || !wp_parse_hhmm(a, &w->from) || !wp_parse_hhmm(b, &w->to)) {
        cell_error(x, row, col, "\"%s\" is not a time range such as 09:00-12:00", text);
        return false;
    }
    if (w->from > w->to) {
        cell_error(x, row, col, "\"%s\": %s is after %s", text, a, b);
        return false;
    }
    return true;
}

static cJSON *window_json(const wp_window *w)
{
    char a[16], b[16];
    wp_format_hhmm(w->from, a);
    wp_format_hhmm(w->to, b);
    cJSON *arr = cJSON_CreateArray();
    cJSON_AddItemToArray(arr, cJSON_CreateString(a));
    cJSON_AddItemToArray(arr, cJSON_CreateString(b));
    return arr;
}

/* "mon 08:00-13:00|wed 08:00-13:00 18:00-21:00" */
static void add_availability(cJSON *o, cell_ctx *x, int row, int col)
{
    if (col < 0 || !*cell(x, row, col)) return;
    char **groups;
    int n = split_items(cell(x, row, col), '|', &groups);
    cJSON *av = cJSON_CreateObject();
    for (int g = 0; g < n; g++) {
        char **parts;
        int np = split_items(groups[g], ' ', &parts);
        int d = np ? csv_day(parts[0]) : -1;
        if (d < 0 || np < 2) {
            cell_error(x, row, col,
                       "\"%s\" is not a day with time ranges, e.g. \"mon 08:00-13:00\"", groups[g]);
        } else if (cJSON_GetObjectItemCaseSensitive(av, wp_day_name(d))) {
            cell_error(x, row, col, "day %s appears twice", wp_day_name(d));
        } else {
            cJSON *list = cJSON_AddArrayToObject(av, wp_day_name(d));
            for (int i = 1; i < np; i++) {
                wp_window w;
                if (!parse_range(x, row, col, parts[i], &w)) continue;
                if (w.from == w.to) cell_error(x, row, col, "\"%s\" is empty", parts[i]);
                cJSON_AddItemToArray(list, window_json(&w));
            }
        }
        free_items(parts, np);
    }
    free_items(groups, n);
    cJSON_AddItemToObject(o, "availability", av);
}

static void add_point(cJSON *o, const char *key, cell_ctx *x, int row, int cx, int cy)
{
    double px, py;
    bool okx = number_cell(x, row, cx, -HUGE_VAL, HUGE_VAL, &px);
    bool oky = number_cell(x, row, cy, -HUGE_VAL, HUGE_VAL, &py);
    if (okx && oky) cJSON_AddItemToObject(o, key, wp_emit_point(px, py));
}

static bool required_cell(cell_ctx *x, int row, int col)
{
    if (*cell(x, row, col)) return true;
    cell_error(x, row, col, "must not be empty");
    return false;
}

/* Indexes the id column, reporting empty and duplicate ids. */
static void index_ids(cell_ctx *x, int col, wp_strmap *ids)
{
    for (int r = 0; r < x->t->n_rows; r++) {
        if (!required_cell(x, r, col)) continue;
        int prev = wp_strmap_put(ids, cell(x, r, col), r);
        if (prev >= 0)
            cell_error(x, r, col, "duplicate id \"%s\" (first on line %d)", cell(x, r, col),
                       x->t->row[prev].line);
    }
}

static void check_ref(cell_ctx *x, int row, int col, const wp_strmap *ids, const char *what)
{
    if (col < 0 || !*cell(x, row, col)) return;
    if (wp_strmap_get(ids, cell(x, row, col)) < 0)
        cell_error(x, row, col, "unknown %s \"%s\"", what, cell(x, row, col));
}

/* A '|' list of helper ids, each of which must be a helper of the import. */
static void check_ref_list(cell_ctx *x, int row, int col, const wp_strmap *ids, const char *what)
{
    if (col < 0 || !*cell(x, row, col)) return;
    char **items;
    int n = split_items(cell(x, row, col), '|', &items);
    for (int i = 0; i < n; i++)
        if (wp_strmap_get(ids, items[i]) < 0)
            cell_error(x, row, col, "unknown %s \"%s\"", what, items[i]);
    free_items(items, n);
}

static const char *const product_values[] = {"HO", "HO+", NULL};

static cJSON *providers_json(cell_ctx *x, wp_strmap *ids)
{
    static const char *const known[] = {"id", "name", "tariff_HO", "tariff_HO+", NULL};
    static const char *const required[] = {"id", NULL};
    cJSON *arr = cJSON_CreateArray();
    if (!check_header(x, known, required)) return arr;
    int cid = wp_csv_col(x->t, "id"), cname = wp_csv_col(x->t, "name");
    int cho = wp_csv_col(x->t, "tariff_HO"), chop = wp_csv_col(x->t, "tariff_HO+");
    index_ids(x, cid, ids);
    for (int r = 0; r < x->t->n_rows; r++) {
        cJSON *p = cJSON_CreateObject();
        add_string(p, "id", x, r, cid);
        add_string(p, "name", x, r, cname);
        cJSON *tariff = cJSON_CreateObject();
        add_number(tariff, "HO", x, r, cho, 0, 1e6, false);
        add_number(tariff, "HO+", x, r, chop, 0, 1e6, false);
        if (tariff->child)
            cJSON_AddItemToObject(p, "tariff", tariff);
        else
            cJSON_Delete(tariff);
        cJSON_AddItemToArray(arr, p);
    }
    return arr;
}

static void location_columns(cell_ctx *x, const char *lon, const char *lat, const char *cx,
                             const char *cy, int *col_x, int *col_y)
{
    *col_x = wp_csv_col(x->t, lon);
    *col_y = wp_csv_col(x->t, lat);
    if (*col_x < 0 && *col_y < 0) {
        *col_x = wp_csv_col(x->t, cx);
        *col_y = wp_csv_col(x->t, cy);
    }
    if (*col_x < 0 || *col_y < 0) {
        wp_error_add(x->err, WP_ERR_INPUT, x->t->file, NULL, 1, 0,
                     "missing columns \"%s\" and \"%s\" (or \"%s\" and \"%s\")", lon, lat, cx, cy);
        x->problems++;
    }
}

static cJSON *helpers_json(cell_ctx *x, const wp_strmap *providers, wp_strmap *ids)
{
    static const char *const known[] = {"id",
                                        "provider",
                                        "home_lon",
                                        "home_lat",
                                        "home_x",
                                        "home_y",
                                        "mode",
                                        "hours_per_week",
                                        "max_hours_per_day",
                                        "max_visits_per_day",
                                        "qualification",
                                        "skills",
                                        "availability",
                                        "absent",
                                        "capacity",
                                        NULL};
    static const char *const required[] = {"id", "provider", "hours_per_week", NULL};
    static const char *const modes[] = {"bike", "ebike", "car", "walk", NULL};
    cJSON *arr = cJSON_CreateArray();
    if (!check_header(x, known, required)) return arr;
    int cx, cy;
    location_columns(x, "home_lon", "home_lat", "home_x", "home_y", &cx, &cy);
    if (x->problems) return arr;
    int cid = wp_csv_col(x->t, "id"), cprov = wp_csv_col(x->t, "provider");
    index_ids(x, cid, ids);
    for (int r = 0; r < x->t->n_rows; r++) {
        cJSON *h = cJSON_CreateObject();
        add_string(h, "id", x, r, cid);
        if (required_cell(x, r, cprov)) check_ref(x, r, cprov, providers, "provider");
        add_string(h, "provider", x, r, cprov);
        add_point(h, "home", x, r, cx, cy);
        add_choice(h, "mode", x, r, wp_csv_col(x->t, "mode"), modes);
        int chours = wp_csv_col(x->t, "hours_per_week");
        if (required_cell(x, r, chours))
            add_number(h, "hours_per_week", x, r, chours, 1e-9, 168, false);
        add_number(h, "max_hours_per_day", x, r, wp_csv_col(x->t, "max_hours_per_day"), 1e-9, 24,
                   false);
        add_number(h, "max_visits_per_day", x, r, wp_csv_col(x->t, "max_visits_per_day"), 1, 1e6,
                   true);
        add_choice(h, "qualification", x, r, wp_csv_col(x->t, "qualification"), product_values);
        add_list(h, "skills", x, r, wp_csv_col(x->t, "skills"), false);
        add_availability(h, x, r, wp_csv_col(x->t, "availability"));
        add_list(h, "absent", x, r, wp_csv_col(x->t, "absent"), true);
        add_number(h, "capacity", x, r, wp_csv_col(x->t, "capacity"), 0, HUGE_VAL, false);
        cJSON_AddItemToArray(arr, h);
    }
    return arr;
}

static cJSON *clients_json(cell_ctx *x, const wp_strmap *providers, const wp_strmap *helpers)
{
    static const char *const known[] = {"id",
                                        "lon",
                                        "lat",
                                        "x",
                                        "y",
                                        "district",
                                        "provider",
                                        "helper",
                                        "product",
                                        "skills",
                                        "priority",
                                        "hours_per_week",
                                        "visits_per_week",
                                        "days",
                                        "window",
                                        "min_days_between_visits",
                                        "arrival_consistency_min",
                                        "excluded_helpers",
                                        NULL};
    static const char *const required[] = {"id", "hours_per_week", NULL};
    cJSON *arr = cJSON_CreateArray();
    if (!check_header(x, known, required)) return arr;
    int cx, cy;
    location_columns(x, "lon", "lat", "x", "y", &cx, &cy);
    if (x->problems) return arr;
    wp_strmap ids;
    wp_strmap_init(&ids);
    index_ids(x, wp_csv_col(x->t, "id"), &ids);
    wp_strmap_free(&ids);
    for (int r = 0; r < x->t->n_rows; r++) {
        cJSON *c = cJSON_CreateObject();
        add_string(c, "id", x, r, wp_csv_col(x->t, "id"));
        add_point(c, "location", x, r, cx, cy);
        add_string(c, "district", x, r, wp_csv_col(x->t, "district"));
        int cprov = wp_csv_col(x->t, "provider"), chelp = wp_csv_col(x->t, "helper");
        check_ref(x, r, cprov, providers, "provider");
        check_ref(x, r, chelp, helpers, "helper");
        add_string(c, "provider", x, r, cprov);
        add_string(c, "helper", x, r, chelp);
        add_choice(c, "product", x, r, wp_csv_col(x->t, "product"), product_values);
        add_list(c, "skills", x, r, wp_csv_col(x->t, "skills"), false);
        add_number(c, "priority", x, r, wp_csv_col(x->t, "priority"), 1, 5, true);
        int chours = wp_csv_col(x->t, "hours_per_week");
        if (required_cell(x, r, chours))
            add_number(c, "hours_per_week", x, r, chours, 1e-9, 168, false);
        add_number(c, "visits_per_week", x, r, wp_csv_col(x->t, "visits_per_week"), 1, 50, true);
        add_list(c, "days", x, r, wp_csv_col(x->t, "days"), true);
        int cwin = wp_csv_col(x->t, "window");
        wp_window w;
        if (cwin >= 0 && *cell(x, r, cwin) && parse_range(x, r, cwin, cell(x, r, cwin), &w))
            cJSON_AddItemToObject(c, "window", window_json(&w));
        add_number(c, "min_days_between_visits", x, r, wp_csv_col(x->t, "min_days_between_visits"),
                   0, 6, true);
        add_number(c, "arrival_consistency_min", x, r, wp_csv_col(x->t, "arrival_consistency_min"),
                   0, 1e6, false);
        int cex = wp_csv_col(x->t, "excluded_helpers");
        check_ref_list(x, r, cex, helpers, "helper");
        add_list(c, "excluded_helpers", x, r, cex, false);
        cJSON_AddItemToArray(arr, c);
    }
    return arr;
}

/* The districts path as the scenario should record it: relative when the districts file lies in
 * the scenario's directory, absolute otherwise (relative paths resolve against the scenario). */
static char *districts_reference(const char *districts, const char *out_path)
{
    char *out_dir = wp_path_dirname(out_path), *d_dir = wp_path_dirname(districts);
    char *ref = NULL;
    if (strcmp(out_dir, d_dir) == 0)
        ref = wp_strdup(wp_path_basename(districts));
    else if (districts[0] == '/')
        ref = wp_strdup(districts);
    else {
        char *abs = realpath(districts, NULL);
        ref = abs ? wp_strdup(abs) : wp_strdup(districts);
        wp_free(abs);
    }
    wp_free(out_dir);
    wp_free(d_dir);
    return ref;
}

static wp_status import_csv_unguarded(const wp_csv_options *o, const char *out_path, wp_error *err)
{
    wp_csv_table tp, th, tc;
    memset(&tp, 0, sizeof tp);
    memset(&th, 0, sizeof th);
    memset(&tc, 0, sizeof tc);
    bool read = wp_csv_read(o->providers, &tp, err);
    read = wp_csv_read(o->helpers, &th, err) && read;
    read = wp_csv_read(o->clients, &tc, err) && read;
    wp_status s = WP_ERR_INPUT;
    if (read) {
        if (o->districts && !wp_file_exists(o->districts)) {
            wp_error_add(err, WP_ERR_INPUT, o->districts, NULL, 0, 0, "cannot read districts file");
        } else {
            wp_strmap providers, helpers;
            wp_strmap_init(&providers);
            wp_strmap_init(&helpers);
            cell_ctx xp = {&tp, err, 0}, xh = {&th, err, 0}, xc = {&tc, err, 0};
            cJSON *doc = wp_emit_scenario(o->name ? o->name : wp_path_basename(o->clients),
                                          o->crs ? o->crs : "EPSG:4326");
            if (o->districts) {
                char *ref = districts_reference(o->districts, out_path);
                cJSON_AddStringToObject(doc, "districts", ref);
                wp_free(ref);
                if (o->district_id_property)
                    cJSON_AddStringToObject(doc, "district_id_property", o->district_id_property);
            }
            cJSON_AddItemToObject(doc, "providers", providers_json(&xp, &providers));
            cJSON_AddItemToObject(doc, "helpers", helpers_json(&xh, &providers, &helpers));
            cJSON_AddItemToObject(doc, "clients", clients_json(&xc, &providers, &helpers));
            if (xp.problems + xh.problems + xc.problems == 0) s = wp_emit_write(doc, out_path, err);
            cJSON_Delete(doc);
            wp_strmap_free(&providers);
            wp_strmap_free(&helpers);
        }
    }
    wp_csv_free(&tp);
    wp_csv_free(&th);
    wp_csv_free(&tc);
    return s;
}

wp_status wp_import_csv(const wp_csv_options *o, const char *out_path, wp_error *err)
{
    WP_GUARD(err, "importing the CSV tables", import_csv_unguarded(o, out_path, err));
}
