/* Releasing a model, the optional distance cache, and enum names. */
#define _POSIX_C_SOURCE 200809L /* sysconf */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/alloc.h"

void wp_awards_free(wp_awards *a)
{
    if (!a) return;
    if (a->providers)
        for (int d = 0; d < a->n_districts; d++) wp_free(a->providers[d]);
    wp_free(a->providers);
    wp_free(a->count);
    memset(a, 0, sizeof *a);
}

void wp_awards_copy(wp_awards *dst, const wp_awards *src)
{
    dst->n_districts = src->n_districts;
    dst->count = wp_calloc((size_t)src->n_districts + 1, sizeof *dst->count);
    dst->providers = wp_calloc((size_t)src->n_districts + 1, sizeof *dst->providers);
    for (int d = 0; d < src->n_districts; d++) {
        dst->count[d] = src->count[d];
        dst->providers[d] = wp_calloc((size_t)src->count[d] + 1, sizeof(int));
        memcpy(dst->providers[d], src->providers[d], (size_t)src->count[d] * sizeof(int));
    }
}

void wp_district_free(wp_district_def *d)
{
    wp_free(d->id);
    wp_free(d->name);
    wp_free(d->poly_start);
    wp_free(d->ring_start);
    wp_free(d->x);
    wp_free(d->y);
    wp_free(d->lon);
    wp_free(d->lat);
    wp_free(d->extra_json);
}

void wp_model_free(wp_model *m)
{
    if (!m) return;
    for (int i = 0; i < m->n_providers; i++) {
        wp_free(m->providers[i].id);
        wp_free(m->providers[i].name);
        wp_free(m->providers[i].extra_json);
    }
    for (int i = 0; i < m->n_helpers; i++) {
        wp_free(m->helpers[i].id);
        wp_free(m->helpers[i].extra_json);
    }
    for (int i = 0; i < m->n_clients; i++) {
        wp_free(m->clients[i].id);
        wp_free(m->clients[i].extra_json);
        wp_free(m->clients[i].excluded);
    }
    for (int i = 0; i < m->n_visits; i++) wp_free(m->visits[i].blocked);
    wp_previous_free(m->prev);
    wp_free(m->prev);
    for (int i = 0; i < m->n_districts; i++) wp_district_free(&m->districts[i]);
    for (int i = 0; i < m->n_skills; i++) wp_free(m->skill_names[i]);
    wp_free(m->skill_names);
    wp_free(m->providers);
    wp_free(m->helpers);
    wp_free(m->clients);
    wp_free(m->visits);
    wp_free(m->districts);
    wp_free(m->avail);
    wp_free(m->x);
    wp_free(m->y);
    wp_free(m->src_x);
    wp_free(m->src_y);
    wp_free(m->loc_matrix);
    if (!m->matrix_borrowed) {
        wp_free(m->matrix_min);
        wp_free(m->matrix_km);
    }
    wp_free(m->dist_cache);
    wp_strmap_free(&m->provider_ids);
    wp_strmap_free(&m->helper_ids);
    wp_strmap_free(&m->client_ids);
    wp_strmap_free(&m->district_ids);
    wp_awards_free(&m->contracting.awards);
    wp_free(m->name);
    wp_free(m->crs);
    wp_free(m->projected_crs);
    wp_free(m->district_crs);
    wp_free(m->extra_json);
    memset(m, 0, sizeof *m);
}

/* The table pays off only while it stays in a core's L2 cache: beyond, a lookup at random is
 * a miss to memory, slower than the square root from the coordinates (a few KB). Measured on
 * the 2-core EPYC with a 1 MiB L2, one thread, iterations in equal time, table / none: 125
 * locations (Solomon, 125 KB) 1.8x, 250 (Gehring & Homberger 200, 500 KB) 1.2x, 500 (2 MB)
 * 0.65x, 1250 (12.5 MB) 0.40x. */
static size_t l2_cache_bytes(void)
{
#ifdef _SC_LEVEL2_CACHE_SIZE
    long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
    if (l2 > 0) return (size_t)l2;
#endif
    return (size_t)1 << 20;
}

void wp_model_cache_distances(wp_model *m)
{
    size_t n = (size_t)m->n_locations;
    if (m->dist_cache || n == 0 || n * n * sizeof *m->dist_cache > l2_cache_bytes()) return;
    double *cache = wp_malloc(n * n * sizeof *cache);
    for (size_t a = 0; a < n; a++) {
        cache[a * n + a] = 0.0;
        for (size_t b = a + 1; b < n; b++) {
            double dx = m->x[a] - m->x[b], dy = m->y[a] - m->y[b];
            double d = sqrt(dx * dx + dy * dy) * m->km_per_unit;
            cache[a * n + b] = d;
            cache[b * n + a] = d;
        }
    }
    m->dist_cache = cache;
}

static const char *const mode_names[WP_MODE_COUNT] = {"bike", "ebike", "car", "walk"};

const char *wp_mode_name(int mode)
{
    return (mode >= 0 && mode < WP_MODE_COUNT) ? mode_names[mode] : "?";
}

int wp_mode_index(const char *name)
{
    for (int i = 0; i < WP_MODE_COUNT; i++)
        if (strcmp(name, mode_names[i]) == 0) return i;
    return -1;
}

const char *wp_product_name(int product)
{
    return product == WP_PRODUCT_HO_PLUS ? "HO+" : "HO";
}

void wp_previous_free(wp_previous *p)
{
    if (!p) return;
    wp_free(p->path);
    for (int i = 0; i < p->n_routes; i++) wp_free(p->route_helper[i]);
    wp_free(p->route_helper);
    wp_free(p->visit_route);
    wp_free(p->visit_pos);
    wp_free(p->visit_helper);
    wp_free(p->visit_day);
    wp_free(p->visit_start);
    wp_free(p->week_helper);
    memset(p, 0, sizeof *p);
}
