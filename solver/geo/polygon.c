/* GeoJSON polygons: parsing with checks, bounding boxes, even-odd containment, area. */
#include "geo/polygon.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

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

static double ring_signed_area(const double *x, const double *y, int n)
{
    double a = 0;
    for (int i = 0; i + 1 < n; i++) a += x[i] * y[i + 1] - x[i + 1] * y[i];
    return a / 2;
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
    if (ring_signed_area(x, y, n) == 0.0) {
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
        free(b.x);
        free(b.y);
        free(b.ring_start);
        free(b.poly_start);
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

void wp_geom_update_bbox(wp_district_def *d)
{
    int n = d->n_polys ? d->ring_start[d->poly_start[d->n_polys]] : 0;
    d->bbox[0] = d->bbox[1] = DBL_MAX;
    d->bbox[2] = d->bbox[3] = -DBL_MAX;
    for (int i = 0; i < n; i++) {
        if (d->x[i] < d->bbox[0]) d->bbox[0] = d->x[i];
        if (d->y[i] < d->bbox[1]) d->bbox[1] = d->y[i];
        if (d->x[i] > d->bbox[2]) d->bbox[2] = d->x[i];
        if (d->y[i] > d->bbox[3]) d->bbox[3] = d->y[i];
    }
}

static bool ring_crossings_odd(const double *x, const double *y, int n, double px, double py)
{
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        if ((y[i] > py) != (y[j] > py) && px < (x[j] - x[i]) * (py - y[i]) / (y[j] - y[i]) + x[i])
            inside = !inside;
    }
    return inside;
}

bool wp_geom_contains(const wp_district_def *d, double x, double y)
{
    if (x < d->bbox[0] || x > d->bbox[2] || y < d->bbox[1] || y > d->bbox[3]) return false;
    for (int p = 0; p < d->n_polys; p++) {
        bool inside = false;
        for (int r = d->poly_start[p]; r < d->poly_start[p + 1]; r++) {
            int s = d->ring_start[r], n = d->ring_start[r + 1] - s;
            if (ring_crossings_odd(d->x + s, d->y + s, n, x, y)) inside = !inside;
        }
        if (inside) return true;
    }
    return false;
}

double wp_geom_area(const wp_district_def *d)
{
    double total = 0;
    for (int p = 0; p < d->n_polys; p++) {
        for (int r = d->poly_start[p]; r < d->poly_start[p + 1]; r++) {
            int s = d->ring_start[r], n = d->ring_start[r + 1] - s;
            double a = fabs(ring_signed_area(d->x + s, d->y + s, n));
            total += (r == d->poly_start[p]) ? a : -a;
        }
    }
    return total;
}
