/* Placing a model's locations: travel constants, the check that geographic coordinates are
 * longitude/latitude, projection to a metric CRS, and the districts' projection with them. */
#include "model/place.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo/project.h"
#include "model/districts.h"
#include "util/alloc.h"

/* The JSON path of location i (clients first, then helper homes). */
static void location_path(const wp_model *m, int i, char *buf, size_t size)
{
    bool client = i < m->n_clients;
    snprintf(buf, size, "%s[%d].%s", client ? "clients" : "helpers", client ? i : i - m->n_clients,
             client ? "location" : "home");
}

static wp_status check_lonlat(const wp_model *m, const char *file, wp_error *err)
{
    wp_status s = WP_OK;
    for (int i = 0; i < m->n_locations; i++) {
        double lon = m->src_x[i], lat = m->src_y[i];
        if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) continue;
        char path[64];
        location_path(m, i, path, sizeof path);
        s = wp_error_add(err, WP_ERR_INPUT, file, path, 0, 0,
                         "[%g, %g] is not a longitude/latitude pair in %s (GeoJSON order is "
                         "[lon, lat])",
                         lon, lat, m->crs);
    }
    return s;
}

static void travel_constants(wp_model *m)
{
    m->km_per_unit = m->planar ? 1.0 : m->detour / 1000.0;
    for (int k = 0; k < WP_MODE_COUNT; k++) {
        m->km_per_min[k] = m->planar ? m->planar_speed : m->speed_kmh[k] / 60.0;
        m->min_per_km[k] = m->planar ? 1.0 / m->planar_speed : 60.0 / m->speed_kmh[k];
    }
}

/* Projects m->x, m->y from m->crs to a metric CRS, with the districts. */
static wp_status project_locations(wp_model *m, const char *file, wp_error *err)
{
    int n = m->n_locations;
    if (wp_crs_is_geographic(m->crs)) {
        wp_status s = check_lonlat(m, file, err);
        if (s != WP_OK) return s;
    }
    char target[32];
    wp_projector *pj;
    wp_status s = wp_projector_create(m->crs, m->x, m->y, (size_t)n, &pj, target, err);
    if (s != WP_OK) return s;
    m->projected_crs = wp_strdup(target);
    bool failed = false;
    size_t done = 0;
    while (done < (size_t)n) {
        size_t ok = wp_project_points(pj, m->x + done, m->y + done, (size_t)n - done);
        if (ok == (size_t)n - done) break;
        size_t bad = done + ok;
        char path[64];
        location_path(m, (int)bad, path, sizeof path);
        wp_error_add(err, WP_ERR_PROJECTION, file, path, 0, 0,
                     "[%g, %g] cannot be projected from %s to %s", m->src_x[bad], m->src_y[bad],
                     m->crs, target);
        failed = true;
        done = bad + 1;
    }
    s = wp_districts_project(m, pj, file, err);
    wp_projector_free(pj);
    return failed ? WP_ERR_PROJECTION : s;
}

wp_status wp_model_place(wp_model *m, const char *file, wp_error *err)
{
    int n = m->n_locations;
    m->x = wp_malloc(((size_t)n + 1) * sizeof *m->x);
    m->y = wp_malloc(((size_t)n + 1) * sizeof *m->y);
    memcpy(m->x, m->src_x, (size_t)n * sizeof *m->x);
    memcpy(m->y, m->src_y, (size_t)n * sizeof *m->y);
    travel_constants(m);
    wp_status s = WP_OK;
    if (m->planar)
        m->projected_crs = wp_strdup("planar");
    else
        s = project_locations(m, file, err);
    if (s == WP_OK) wp_model_cache_distances(m);
    return s;
}
