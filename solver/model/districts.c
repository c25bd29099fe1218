/* Districts in the model: projection with the locations, and each client's district. */
#include "model/districts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo/polygon.h"

static size_t district_points(const wp_district_def *d)
{
    return d->n_polys ? (size_t)d->ring_start[d->poly_start[d->n_polys]] : 0;
}

wp_status wp_districts_project(wp_model *m, wp_projector *scenario_pj, const char *file,
                               wp_error *err)
{
    if (m->n_districts == 0 || m->planar) return WP_OK;
    wp_projector *pj = scenario_pj, *own = NULL;
    if (m->district_crs && strcmp(m->district_crs, m->crs) != 0) {
        wp_status s = wp_projector_create_to(m->district_crs, m->projected_crs, &own, err);
        if (s != WP_OK) return s;
        pj = own;
    }
    wp_status s = WP_OK;
    for (int i = 0; i < m->n_districts; i++) {
        wp_district_def *d = &m->districts[i];
        size_t n = district_points(d);
        if (wp_project_points(pj, d->x, d->y, n) != n) {
            s = wp_error_add(err, WP_ERR_PROJECTION, file, "districts", 0, 0,
                             "district \"%s\" cannot be projected to %s", d->id ? d->id : "?",
                             m->projected_crs);
            continue;
        }
        wp_geom_update_bbox(d);
    }
    wp_projector_free(own);
    return s;
}

int wp_district_at(const wp_model *m, double x, double y)
{
    for (int d = 0; d < m->n_districts; d++)
        if (wp_geom_contains(&m->districts[d], x, y)) return d;
    return -1;
}

wp_status wp_districts_assign(wp_model *m, const char *const *named, const char *file,
                              wp_error *err)
{
    wp_status s = WP_OK;
    for (int c = 0; c < m->n_clients; c++) {
        wp_client_def *cl = &m->clients[c];
        char path[64];
        snprintf(path, sizeof path, "clients[%d].%s", c, named[c] ? "district" : "location");
        if (named[c]) {
            cl->district = wp_strmap_get(&m->district_ids, named[c]);
            if (cl->district < 0)
                s = wp_error_add(err, WP_ERR_INPUT, file, path, 0, 0,
                                 m->n_districts
                                     ? "unknown district \"%s\""
                                     : "district \"%s\" given but the scenario has no districts",
                                 named[c]);
            continue;
        }
        if (m->n_districts == 0) continue;
        cl->district = wp_district_at(m, m->x[cl->location], m->y[cl->location]);
        if (cl->district < 0)
            s = wp_error_add(err, WP_ERR_INPUT, file, path, 0, 0,
                             "[%g, %g] lies outside every district", m->src_x[cl->location],
                             m->src_y[cl->location]);
    }
    return s;
}
