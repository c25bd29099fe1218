/* Reading CBS wijken (../shared/geo/nl_wijken_2024) and sampling points inside them. */
#include "wijken.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo/polygon.h"
#include "io/districts_read.h"
#include "io/jread.h"
#include "util/alloc.h"
#include "util/fileio.h"

static double number_or(const cJSON *props, const char *key, double fallback)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, key);
    return cJSON_IsNumber(v) && isfinite(v->valuedouble) ? v->valuedouble : fallback;
}

static const char *string_or(const cJSON *props, const char *key, const char *fallback)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, key);
    return cJSON_IsString(v) ? v->valuestring : fallback;
}

static bool same_text(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return false;
    return !*a && !*b;
}

/* A selection entry matches a name ("Groningen"), a code ("GM0014") or a bare number ("14"). */
static bool selected(const char *entry, const char *name, const char *code)
{
    if (same_text(entry, name) || same_text(entry, code)) return true;
    const char *digits = entry;
    while (*digits == '0') digits++;
    const char *cd = code;
    while (*cd && !isdigit((unsigned char)*cd)) cd++;
    while (*cd == '0') cd++;
    return *digits && isdigit((unsigned char)*digits) && strcmp(digits, cd) == 0;
}

wp_status wp_wijken_load(const char *path, const char *const *select, int n_select, bool all,
                         wp_wijken *out, wp_error *err)
{
    memset(out, 0, sizeof *out);
    size_t len;
    char *text = wp_file_read(path, &len, "wijken GeoJSON", err);
    if (!text) return WP_ERR_INPUT;
    cJSON *doc = wp_json_parse(text, len, path, err);
    wp_free(text);
    if (!doc) return WP_ERR_INPUT;
    const cJSON *features = cJSON_GetObjectItemCaseSensitive(doc, "features");
    if (!cJSON_IsArray(features)) {
        cJSON_Delete(doc);
        return wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "not a FeatureCollection");
    }
    bool *matched = wp_calloc((size_t)n_select + 1, sizeof *matched);
    wp_jctx ctx;
    wp_jctx_init(&ctx, path, err);
    size_t cap = 0, count = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, features)
    {
        const cJSON *props = cJSON_GetObjectItemCaseSensitive(f, "properties");
        const char *mname = string_or(props, "gemeentenaam", ""),
                   *mcode = string_or(props, "gemeentecode", "");
        bool take = all;
        for (int i = 0; i < n_select; i++)
            if (selected(select[i], mname, mcode)) take = matched[i] = true;
        double inhabitants = number_or(props, "aantal_inwoners", 0);
        if (!take || inhabitants <= 0) continue;
        wp_wijk w;
        memset(&w, 0, sizeof w);
        const cJSON *geometry = cJSON_GetObjectItemCaseSensitive(f, "geometry");
        if (!wp_geom_parse(&ctx, geometry, &w.geom)) continue;
        w.code = wp_strdup(string_or(props, "wijkcode", "?"));
        w.name = wp_strdup(string_or(props, "wijknaam", w.code));
        w.municipality = wp_strdup(mname);
        w.inhabitants = inhabitants;
        w.elderly = inhabitants * number_or(props, "65plus", 20) / 100;
        w.density = number_or(props, "bevolkingsdichtheid", 1000);
        w.geometry_json = cJSON_PrintUnformatted(geometry);
        WP_PUSH(out->items, count, cap, w);
    }
    out->n = (int)count;
    wp_status s = ctx.problems ? WP_ERR_INPUT : WP_OK;
    for (int i = 0; i < n_select; i++)
        if (!matched[i])
            s = wp_error_add(
                err, WP_ERR_INPUT, path, NULL, 0, 0,
                "no municipality \"%s\" (give a name such as Groningen or a code such as GM0014)",
                select[i]);
    if (s == WP_OK && out->n == 0)
        s = wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "no inhabited wijken selected");
    wp_free(matched);
    wp_jctx_free(&ctx);
    cJSON_Delete(doc);
    if (s != WP_OK) wp_wijken_free(out);
    return s;
}

void wp_wijken_free(wp_wijken *w)
{
    for (int i = 0; i < w->n; i++) {
        wp_wijk *k = &w->items[i];
        wp_free(k->code);
        wp_free(k->name);
        wp_free(k->municipality);
        wp_free(k->geometry_json);
        wp_free(k->geom.poly_start);
        wp_free(k->geom.ring_start);
        wp_free(k->geom.x);
        wp_free(k->geom.y);
        wp_free(k->geom.lon);
        wp_free(k->geom.lat);
    }
    wp_free(w->items);
    memset(w, 0, sizeof *w);
}

void wp_wijk_sample(const wp_wijk *w, wp_rng *rng, double *lon, double *lat)
{
    const double *b = w->geom.bbox;
    for (int tries = 0; tries < 100000; tries++) {
        double x = round((b[0] + (b[2] - b[0]) * wp_rng_unit(rng)) * 1e5) / 1e5;
        double y = round((b[1] + (b[3] - b[1]) * wp_rng_unit(rng)) * 1e5) / 1e5;
        if (wp_geom_contains(&w->geom, x, y)) {
            *lon = x;
            *lat = y;
            return;
        }
    }
    /* a sliver thinner than the rounding: its first vertex */
    *lon = w->geom.x[0];
    *lat = w->geom.y[0];
}

typedef struct share_rest {
    double frac;
    int index;
} share_rest;

static int cmp_remainder(const void *a, const void *b)
{
    const share_rest *x = a, *y = b;
    if (x->frac != y->frac) return x->frac > y->frac ? -1 : 1;
    return x->index - y->index;
}

void wp_apportion(const double *weights, int n, int total, int *out)
{
    double sum = 0;
    for (int i = 0; i < n; i++) sum += weights[i] > 0 ? weights[i] : 0;
    if (n == 0) return;
    if (sum <= 0) {
        for (int i = 0; i < n; i++) out[i] = total / n + (i < total % n);
        return;
    }
    share_rest *r = wp_malloc((size_t)n * sizeof *r);
    int given = 0;
    for (int i = 0; i < n; i++) {
        double exact = total * (weights[i] > 0 ? weights[i] : 0) / sum;
        out[i] = (int)floor(exact);
        given += out[i];
        r[i] = (share_rest){exact - out[i], i};
    }
    qsort(r, (size_t)n, sizeof *r, cmp_remainder);
    for (int k = 0; given < total; k = (k + 1) % n, given++) out[r[k].index]++;
    wp_free(r);
}
