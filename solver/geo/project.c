/* PROJ wrapper: CRS checks and batch transformation to RD New or UTM, set up once per CRS pair. */
#include "geo/project.h"

#include <math.h>
#include <stdbool.h>
#include <proj.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

struct wp_projector {
    PJ_CONTEXT *ctx;
    PJ *pj;
    int cached;          /* index in the cache below, or -1: owned */
    wp_cleanup *release; /* gives it back if the call that took it fails */
};

/* PROJ's set-up (its database, the transformation's pipeline) costs milliseconds per
 * transformation, more than loading a small scenario; loading the same kind of scenario again
 * (tests, fuzzing, a compare's variants) reuses it. A projector is used by one thread at a time;
 * the cache itself is guarded. Entries live until the process ends. */
#define CACHE_SLOTS 8
typedef struct cached_projector {
    char from[64], to[32];
    wp_projector p;
    bool in_use;
} cached_projector;
static cached_projector cache[CACHE_SLOTS];
static int cache_used;

static long proj_fail_countdown; /* test hook: the Nth PROJ set-up or transformation fails */

void wp_proj_fail_after(long n)
{
    proj_fail_countdown = n;
}

static bool injected_proj_failure(void)
{
    return proj_fail_countdown > 0 && --proj_fail_countdown == 0;
}

/* A free cached projector from `from` to `to`, now in use; NULL if none. */
static wp_projector *cache_take(const char *from, const char *to)
{
    wp_projector *found = NULL;
#pragma omp critical(wp_proj_cache)
    for (int i = 0; i < cache_used && !found; i++)
        if (!cache[i].in_use && strcmp(cache[i].from, from) == 0 && strcmp(cache[i].to, to) == 0) {
            cache[i].in_use = true;
            found = &cache[i].p;
        }
    return found;
}

/* Keeps a new projector in the cache when there is room (it is then in use). */
static wp_projector *cache_put(const char *from, const char *to, PJ_CONTEXT *ctx, PJ *pj)
{
    wp_projector *kept = NULL;
    if (strlen(from) < sizeof cache[0].from && strlen(to) < sizeof cache[0].to) {
#pragma omp critical(wp_proj_cache)
        if (cache_used < CACHE_SLOTS) {
            cached_projector *c = &cache[cache_used];
            snprintf(c->from, sizeof c->from, "%s", from);
            snprintf(c->to, sizeof c->to, "%s", to);
            c->p = (wp_projector){ctx, pj, cache_used, NULL};
            c->in_use = true;
            kept = &c->p;
            cache_used++;
        }
    }
    return kept;
}

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

/* What PROJ says of a CRS string (a CRS at all, geographic), asked once per string. */
typedef struct crs_facts {
    char name[64];
    bool known, crs, geographic;
} crs_facts;

static crs_facts ask_proj(const char *crs)
{
    crs_facts f = {{0}, false, false, false};
    PJ_CONTEXT *ctx = quiet_context();
    if (!ctx) return f;
    f.known = true;
    PJ *pj = proj_create(ctx, crs);
    if (pj) {
        PJ_TYPE t = proj_get_type(pj);
        f.crs = is_crs_type(t);
        f.geographic = t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS;
        proj_destroy(pj);
    }
    proj_context_destroy(ctx);
    return f;
}

static crs_facts facts_of(const char *crs)
{
    static crs_facts known[16];
    static int n_known;
    crs_facts f = {{0}, false, false, false};
    bool found = false;
#pragma omp critical(wp_proj_cache)
    for (int i = 0; i < n_known && !found; i++)
        if (strcmp(known[i].name, crs) == 0) f = known[i], found = true;
    if (found) return f;
    f = ask_proj(crs);
    if (f.known && strlen(crs) < sizeof f.name) {
        snprintf(f.name, sizeof f.name, "%s", crs);
#pragma omp critical(wp_proj_cache)
        if (n_known < 16) known[n_known++] = f;
    }
    return f;
}

wp_status wp_crs_check(const char *crs, const char *file, const char *path, wp_error *err)
{
    crs_facts f = facts_of(crs);
    if (!f.known) return wp_error_add(err, WP_ERR_PROJECTION, file, path, 0, 0, "PROJ unavailable");
    if (f.crs) return WP_OK;
    return wp_error_add(err, WP_ERR_INPUT, file, path, 0, 0, "\"%s\" is not a CRS that PROJ knows",
                        crs);
}

bool wp_crs_is_geographic(const char *crs)
{
    return facts_of(crs).geographic;
}

static void release_projector(void *p)
{
    ((wp_projector *)p)->release = NULL; /* the registration is being run */
    wp_projector_free(p);
}

/* A projector in use, released again if the call fails. */
static wp_projector *taken(wp_projector *p)
{
    p->release = wp_scope_defer(release_projector, p);
    return p;
}

wp_status wp_projector_create_to(const char *crs, const char *target, wp_projector **out,
                                 wp_error *err)
{
    if (injected_proj_failure())
        return wp_error_add(err, WP_ERR_PROJECTION, NULL, "crs", 0, 0,
                            "PROJ cannot transform from \"%s\" to \"%s\"", crs, target);
    *out = cache_take(crs, target);
    if (*out) {
        *out = taken(*out);
        return WP_OK;
    }
    wp_projector *owned = wp_malloc(sizeof *owned); /* before PROJ's objects exist */
    PJ_CONTEXT *ctx = quiet_context();
    if (!ctx) {
        wp_free(owned);
        return wp_error_add(err, WP_ERR_PROJECTION, NULL, NULL, 0, 0, "PROJ unavailable");
    }
    PJ *raw = proj_create_crs_to_crs(ctx, crs, target, NULL);
    PJ *pj = raw ? proj_normalize_for_visualization(ctx, raw) : NULL;
    if (raw) proj_destroy(raw);
    if (!pj) {
        proj_context_destroy(ctx);
        wp_free(owned);
        return wp_error_add(err, WP_ERR_PROJECTION, NULL, "crs", 0, 0,
                            "PROJ cannot transform from \"%s\" to \"%s\"", crs, target);
    }
    *out = cache_put(crs, target, ctx, pj);
    if (*out) {
        wp_free(owned);
        *out = taken(*out);
        return WP_OK;
    }
    *owned = (wp_projector){ctx, pj, -1, NULL};
    *out = taken(owned);
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
    if (n == 0 || injected_proj_failure()) return 0;
    proj_trans_generic(p->pj, PJ_FWD, x, sizeof *x, n, y, sizeof *y, n, NULL, 0, 0, NULL, 0, 0);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]) || !isfinite(y[i]) || fabs(x[i]) > 1e15 || fabs(y[i]) > 1e15) return i;
    return n;
}

void wp_projector_free(wp_projector *p)
{
    if (!p) return;
    wp_scope_cancel(p->release);
    p->release = NULL;
    if (p->cached >= 0) {
#pragma omp critical(wp_proj_cache)
        cache[p->cached].in_use = false;
        return;
    }
    proj_destroy(p->pj);
    proj_context_destroy(p->ctx);
    wp_free(p);
}
