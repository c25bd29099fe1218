/* Reading districts: inline GeoJSON geometries or a FeatureCollection file, into the model's
 * district table (source coordinates; projection is model/districts.c's). */
#include "io/districts_read.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo/polygon.h"
#include "util/alloc.h"
#include "util/fileio.h"

typedef struct ring_builder {
    double *x, *y; /* points of all rings so far, in parallel arrays */
    size_t n, cap;
    int *ring_start, *poly_start;
    size_t n_rings, cap_r, n_polys, cap_p;
} ring_builder;

static void push_point(ring_builder *b, double x, double y)
{
    if (b->n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        b->x = wp_realloc_array(b->x, cap, sizeof *b->x);
        b->y = wp_realloc_array(b->y, cap, sizeof *b->y);
        b->cap = cap;
    }
    b->x[b->n] = x;
    b->y[b->n] = y;
    b->n++;
}

static bool parse_ring(wp_jctx *ctx, const cJSON *ring, ring_builder *b)
{
    if (!cJSON_IsArray(ring)) {
        wp_jerr(ctx, NULL, "broken polygon: a ring must be an array of positions, not %s",
                wp_jtype_name(ring));
        return false;
    }
    size_t start = b->n;
    size_t k = 0;
    const cJSON *pos;
    cJSON_ArrayForEach(pos, ring)
    {
        int dims = cJSON_IsArray(pos) ? cJSON_GetArraySize(pos) : 0;
        const cJSON *px = dims >= 2 ? pos->child : NULL;
        const cJSON *py = px ? px->next : NULL;
        if (dims < 2 || dims > 3 || !wp_jis_finite_number(px) || !wp_jis_finite_number(py)) {
            size_t mark = wp_jpath_index(ctx, k);
            wp_jerr(ctx, NULL, "broken polygon: a position must be [x, y] with finite numbers");
            wp_jpath_pop(ctx, mark);
            return false;
        }
        push_point(b, px->valuedouble, py->valuedouble);
        k++;
    }
    int n = (int)(b->n - start);
    if (n < 4) { /* before any pointer arithmetic: an empty ring leaves b->x NULL */
        wp_jerr(ctx, NULL, "broken polygon: a ring needs at least 4 positions, it has %d", n);
        return false;
    }
    double *x = b->x + start, *y = b->y + start;
    if (x[0] != x[n - 1] || y[0] != y[n - 1]) {
        wp_jerr(ctx, NULL, "broken polygon: ring is not closed (first and last position differ)");
        return false;
    }
    /* Simplified official boundaries (CBS wijken) contain sliver rings without area and rings
     * that touch or cross themselves; even-odd containment copes with both, so slivers are
     * dropped and crossings accepted rather than rejecting real data. */
    if (wp_ring_signed_area(x, y, n) == 0.0) {
        b->n = start;
        return true;
    }
    WP_PUSH(b->ring_start, b->n_rings, b->cap_r, (int)start);
    return true;
}

static bool parse_polygon(wp_jctx *ctx, const cJSON *rings, ring_builder *b)
{
    if (!cJSON_IsArray(rings) || cJSON_GetArraySize(rings) < 1) {
        wp_jerr(ctx, NULL, "broken polygon: a polygon must be a non-empty array of rings");
        return false;
    }
    size_t first_ring = b->n_rings;
    WP_PUSH(b->poly_start, b->n_polys, b->cap_p, (int)b->n_rings);
    size_t i = 0;
    const cJSON *ring;
    cJSON_ArrayForEach(ring, rings)
    {
        size_t mark = wp_jpath_index(ctx, i++);
        bool ok = parse_ring(ctx, ring, b);
        wp_jpath_pop(ctx, mark);
        if (!ok) return false;
    }
    if (b->n_rings == first_ring) b->n_polys--; /* only slivers: no polygon */
    return true;
}

bool wp_geom_parse(wp_jctx *ctx, const cJSON *geometry, wp_district_def *d)
{
    if (!cJSON_IsObject(geometry)) {
        wp_jerr(ctx, NULL, "broken polygon: geometry must be a GeoJSON object, not %s",
                wp_jtype_name(geometry));
        return false;
    }
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(geometry, "type");
    const cJSON *coords = cJSON_GetObjectItemCaseSensitive(geometry, "coordinates");
    if (!cJSON_IsString(type)) {
        wp_jerr(ctx, "type", "broken polygon: geometry needs a \"type\"");
        return false;
    }
    bool multi = strcmp(type->valuestring, "MultiPolygon") == 0;
    if (!multi && strcmp(type->valuestring, "Polygon") != 0) {
        wp_jerr(ctx, "type", "geometry \"%s\" is not a Polygon or MultiPolygon", type->valuestring);
        return false;
    }
    if (!cJSON_IsArray(coords)) {
        wp_jerr(ctx, "coordinates", "broken polygon: missing or not an array");
        return false;
    }
    ring_builder b = {0};
    bool ok = true;
    size_t mark = wp_jpath_key(ctx, "coordinates");
    if (multi) {
        if (cJSON_GetArraySize(coords) < 1) {
            wp_jerr(ctx, NULL, "broken polygon: a MultiPolygon needs at least one polygon");
            ok = false;
        }
        size_t i = 0;
        const cJSON *poly;
        cJSON_ArrayForEach(poly, coords)
        {
            if (!ok) break;
            size_t m2 = wp_jpath_index(ctx, i++);
            ok = parse_polygon(ctx, poly, &b);
            wp_jpath_pop(ctx, m2);
        }
    } else {
        ok = parse_polygon(ctx, coords, &b);
    }
    wp_jpath_pop(ctx, mark);
    if (ok && b.n_polys == 0) {
        wp_jerr(ctx, "coordinates", "broken polygon: it has no area");
        ok = false;
    }
    if (!ok) {
        wp_free(b.x);
        wp_free(b.y);
        wp_free(b.ring_start);
        wp_free(b.poly_start);
        return false;
    }
    WP_PUSH(b.ring_start, b.n_rings, b.cap_r, (int)b.n);
    WP_PUSH(b.poly_start, b.n_polys, b.cap_p, (int)b.n_rings - 1);
    d->n_polys = (int)b.n_polys - 1;
    d->poly_start = b.poly_start;
    d->ring_start = b.ring_start;
    d->lon = b.x;
    d->lat = b.y;
    d->x = wp_malloc((b.n ? b.n : 1) * sizeof *d->x);
    d->y = wp_malloc((b.n ? b.n : 1) * sizeof *d->y);
    memcpy(d->x, b.x, b.n * sizeof *d->x);
    memcpy(d->y, b.y, b.n * sizeof *d->y);
    wp_geom_update_bbox(d);
    return true;
}

/* The CRS of an external GeoJSON file: a legacy "crs" member if present, else RFC 7946's
 * longitude/latitude (or the planar units of a planar scenario). */
static char *file_crs(const cJSON *doc, const wp_model *m)
{
    const cJSON *crs = cJSON_GetObjectItemCaseSensitive(doc, "crs");
    const cJSON *props = crs ? cJSON_GetObjectItemCaseSensitive(crs, "properties") : NULL;
    const cJSON *name = props ? cJSON_GetObjectItemCaseSensitive(props, "name") : NULL;
    if (cJSON_IsString(name)) {
        const char *s = name->valuestring;
        const char *epsg = strstr(s, "EPSG::");
        if (epsg) return wp_strdupf("EPSG:%s", epsg + 6);
        if (strstr(s, "CRS84")) return wp_strdup("EPSG:4326");
        return wp_strdup(s);
    }
    return wp_strdup(m->planar ? "planar" : "EPSG:4326");
}

static char *feature_name(const cJSON *props)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(props, "name");
    if (cJSON_IsString(name)) return wp_strdup(name->valuestring);
    const cJSON *it;
    cJSON_ArrayForEach(it, props)
    {
        size_t n = it->string ? strlen(it->string) : 0;
        if (cJSON_IsString(it) && n >= 4 && strcmp(it->string + n - 4, "naam") == 0)
            return wp_strdup(it->valuestring);
    }
    return NULL;
}

static void read_inline(wp_model *m, const cJSON *arr, wp_jctx *ctx)
{
    m->n_districts = cJSON_GetArraySize(arr);
    m->districts = wp_calloc((size_t)m->n_districts + 1, sizeof *m->districts);
    size_t mark = wp_jpath_key(ctx, "districts");
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        wp_district_def *d = &m->districts[i];
        size_t m2 = wp_jpath_index(ctx, (size_t)i++);
        if (!cJSON_IsObject(it)) {
            wp_jerr(ctx, NULL, "a district must be an object, not %s", wp_jtype_name(it));
            wp_jpath_pop(ctx, m2);
            continue;
        }
        static const char *const keys[] = {"id", "name", "geometry", NULL};
        wp_jcheck_keys(ctx, it, keys);
        const char *s;
        if (wp_jget_id(ctx, it, "id", true, &s)) d->id = wp_strdup(s);
        if (wp_jget_string(ctx, it, "name", false, &s)) d->name = wp_strdup(s);
        const cJSON *g = wp_jget(ctx, it, "geometry", true);
        if (g) {
            size_t m3 = wp_jpath_key(ctx, "geometry");
            wp_geom_parse(ctx, g, d);
            wp_jpath_pop(ctx, m3);
        }
        const cJSON *extra = cJSON_GetObjectItemCaseSensitive(it, "extra");
        if (extra) d->extra_json = wp_json_text(extra, false);
        wp_jpath_pop(ctx, m2);
    }
    wp_jpath_pop(ctx, mark);
}

static void read_file(wp_model *m, const char *rel, const char *id_prop, const char *base_dir,
                      wp_jctx *ctx)
{
    char *path = wp_path_join(base_dir, rel);
    if (!wp_file_exists(path)) {
        wp_jerr(ctx, "districts", "cannot read districts file \"%s\"", path);
        wp_free(path);
        return;
    }
    size_t len;
    char *text = wp_file_read(path, &len, "districts", ctx->err);
    if (!text) {
        ctx->problems++;
        wp_free(path);
        return;
    }
    cJSON *doc = wp_json_parse(text, len, path, ctx->err);
    wp_free(text);
    if (!doc) {
        ctx->problems++;
        wp_free(path);
        return;
    }
    wp_jctx fctx;
    wp_jctx_init(&fctx, path, ctx->err);
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(doc, "type");
    const cJSON *features = cJSON_GetObjectItemCaseSensitive(doc, "features");
    if (!cJSON_IsString(type) || strcmp(type->valuestring, "FeatureCollection") != 0 ||
        !cJSON_IsArray(features)) {
        wp_jerr(&fctx, NULL, "must be a GeoJSON FeatureCollection with a \"features\" array");
    } else {
        m->district_crs = file_crs(doc, m);
        m->n_districts = cJSON_GetArraySize(features);
        m->districts = wp_calloc((size_t)m->n_districts + 1, sizeof *m->districts);
        size_t mark = wp_jpath_key(&fctx, "features");
        int i = 0;
        const cJSON *f;
        cJSON_ArrayForEach(f, features)
        {
            wp_district_def *d = &m->districts[i];
            size_t m2 = wp_jpath_index(&fctx, (size_t)i++);
            const cJSON *props = cJSON_GetObjectItemCaseSensitive(f, "properties");
            const cJSON *idv = NULL;
            if (id_prop)
                idv =
                    cJSON_IsObject(props) ? cJSON_GetObjectItemCaseSensitive(props, id_prop) : NULL;
            else {
                idv = cJSON_GetObjectItemCaseSensitive(f, "id");
                if (!idv && cJSON_IsObject(props))
                    idv = cJSON_GetObjectItemCaseSensitive(props, "id");
            }
            if (cJSON_IsString(idv) && *idv->valuestring)
                d->id = wp_strdup(idv->valuestring);
            else if (cJSON_IsNumber(idv))
                d->id = wp_strdupf("%.17g", idv->valuedouble);
            else if (id_prop)
                wp_jerr(&fctx, "properties", "feature has no \"%s\" property", id_prop);
            else
                wp_jerr(&fctx, NULL,
                        "feature has no \"id\" (set district_id_property in the scenario)");
            if (cJSON_IsObject(props)) d->name = feature_name(props);
            const cJSON *g = cJSON_GetObjectItemCaseSensitive(f, "geometry");
            size_t m3 = wp_jpath_key(&fctx, "geometry");
            wp_geom_parse(&fctx, g, d);
            wp_jpath_pop(&fctx, m3);
            wp_jpath_pop(&fctx, m2);
        }
        wp_jpath_pop(&fctx, mark);
    }
    ctx->problems += fctx.problems;
    wp_jctx_free(&fctx);
    cJSON_Delete(doc);
    wp_free(path);
}

void wp_districts_read(wp_model *m, const cJSON *root, const char *base_dir, wp_jctx *ctx)
{
    const cJSON *ds = cJSON_GetObjectItemCaseSensitive(root, "districts");
    const char *id_prop = NULL;
    const cJSON *prop = cJSON_GetObjectItemCaseSensitive(root, "district_id_property");
    if (prop) {
        if (!cJSON_IsString(prop) || !*prop->valuestring)
            wp_jerr(ctx, "district_id_property", "must be a non-empty string");
        else if (!cJSON_IsString(ds))
            wp_jerr(ctx, "district_id_property", "goes with a districts file path");
        else
            id_prop = prop->valuestring;
    }
    if (!ds) return;
    if (cJSON_IsArray(ds))
        read_inline(m, ds, ctx);
    else if (cJSON_IsString(ds) && *ds->valuestring)
        read_file(m, ds->valuestring, id_prop, base_dir, ctx);
    else
        wp_jerr(ctx, "districts", "must be an array of districts or a GeoJSON file path, not %s",
                wp_jtype_name(ds));
    for (int i = 0; i < m->n_districts; i++) {
        if (!m->districts[i].id) continue;
        int prev = wp_strmap_put(&m->district_ids, m->districts[i].id, i);
        if (prev >= 0) {
            size_t mark = wp_jpath_key(ctx, "districts");
            wp_jpath_index(ctx, (size_t)i);
            wp_jerr(ctx, "id", "duplicate id \"%s\" (first used at districts[%d])",
                    m->districts[i].id, prev);
            wp_jpath_pop(ctx, mark);
        }
    }
}
