/* PROJ wrapper: CRS checks and batch transformation to RD New or UTM. */
#include "geo/project.h"

#include <math.h>
#include <proj.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

struct wp_projector {
    PJ_CONTEXT *ctx;
    PJ *pj;
};

static PJ_CONTEXT *quiet_context(void)
{
    PJ_CONTEXT *ctx = proj_context_create();
    if (ctx) proj_log_level(ctx, PJ_LOG_NONE);
    return ctx;
}

static bool is_crs_type(PJ_TYPE t)
{
    switch (t) {
    case PJ_TYPE_GEOGRAPHIC_2D_CRS:
    case PJ_TYPE_GEOGRAPHIC_3D_CRS:
    case PJ_TYPE_GEODETIC_CRS:
    case PJ_TYPE_GEOCENTRIC_CRS:
    case PJ_TYPE_PROJECTED_CRS:
    case PJ_TYPE_COMPOUND_CRS:
    case PJ_TYPE_BOUND_CRS:
    case PJ_TYPE_OTHER_CRS:
    case PJ_TYPE_ENGINEERING_CRS:
        return true;
    default:
        return false;
    }
}

wp_status wp_crs_check(const char *crs, const char *file, const char *path, wp_error *err)
{
    PJ_CONTEXT *ctx = quiet_context();
    if (!ctx) return wp_error_add(err, WP_ERR_PROJECTION, file, path, 0, 0, "PROJ unavailable");
    PJ *pj = proj_create(ctx, crs);
    bool ok = pj && is_crs_type(proj_get_type(pj));
    if (pj) proj_destroy(pj);
    proj_context_destroy(ctx);
    if (ok) return WP_OK;
    return wp_error_add(err, WP_ERR_INPUT, file, path, 0, 0, "\"%s\" is not a CRS that PROJ knows",
                        crs);
}

bool wp_crs_is_geographic(const char *crs)
{
    PJ_CONTEXT *ctx = quiet_context();
    PJ *pj = ctx ? proj_create(ctx, crs) : NULL;
    bool geo = false;
    if (pj) {
        PJ_TYPE t = proj_get_type(pj);
        geo = t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS;
        proj_destroy(pj);
    }
    if (ctx) proj_context_destroy(ctx);
    return geo;
}

wp_status wp_projector_create_to(const char *crs, const char *target, wp_projector **out,
                                 wp_error *err)
{
    *out = NULL;
    PJ_CONTEXT *ctx = quiet_context();
    if (!ctx) return wp_error_add(err, WP_ERR_PROJECTION, NULL, NULL, 0, 0, "PROJ unavailable");
    PJ *raw = proj_create_crs_to_crs(ctx, crs, target, NULL);
    PJ *pj = raw ? proj_normalize_for_visualization(ctx, raw) : NULL;
    if (raw) proj_destroy(raw);
    if (!pj) {
        proj_context_destroy(ctx);
        return wp_error_add(err, WP_ERR_PROJECTION, NULL, "crs", 0, 0,
                            "PROJ cannot transform from \"%s\" to \"%s\"", crs, target);
    }
    wp_projector *p = wp_malloc(sizeof *p);
    p->ctx = ctx;
    p->pj = pj;
    *out = p;
    return WP_OK;
}

/* RD New is defined for the Netherlands; use it when the points' centre lies there. */
static void choose_target(double lon, double lat, char target[32])
{
    if (lon >= 3.0 && lon <= 7.6 && lat >= 50.6 && lat <= 53.8) {
        snprintf(target, 32, "EPSG:28992");
        return;
    }
    int zone = (int)floor((lon + 180.0) / 6.0) + 1;
    if (zone < 1) zone = 1;
    if (zone > 60) zone = 60;
    snprintf(target, 32, "EPSG:%d", (lat >= 0 ? 32600 : 32700) + zone);
}

wp_status wp_projector_create(const char *crs, const double *x, const double *y, size_t n,
                              wp_projector **out, char target[32], wp_error *err)
{
    *out = NULL;
    wp_projector *to_geo;
    wp_status s = wp_projector_create_to(crs, "EPSG:4326", &to_geo, err);
    if (s != WP_OK) return s;
    /* Centre of the points in lon/lat, from a bounded sample so huge inputs stay cheap. */
    size_t step = n > 4096 ? n / 4096 : 1;
    double sum_lon = 0, sum_lat = 0;
    size_t used = 0;
    for (size_t i = 0; i < n; i += step) {
        double px = x[i], py = y[i];
        if (wp_project_points(to_geo, &px, &py, 1) != 1) continue;
        sum_lon += px;
        sum_lat += py;
        used++;
    }
    wp_projector_free(to_geo);
    double lon = used ? sum_lon / (double)used : 5.0, lat = used ? sum_lat / (double)used : 52.0;
    choose_target(lon, lat, target);
    return wp_projector_create_to(crs, target, out, err);
}

size_t wp_project_points(wp_projector *p, double *x, double *y, size_t n)
{
    if (n == 0) return 0;
    proj_trans_generic(p->pj, PJ_FWD, x, sizeof *x, n, y, sizeof *y, n, NULL, 0, 0, NULL, 0, 0);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]) || !isfinite(y[i]) || fabs(x[i]) > 1e15 || fabs(y[i]) > 1e15) return i;
    return n;
}

void wp_projector_free(wp_projector *p)
{
    if (!p) return;
    proj_destroy(p->pj);
    proj_context_destroy(p->ctx);
    free(p);
}
