/* District loading (inline or FeatureCollection file), projection and client placement. */
#include "geo/districts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo/polygon.h"
#include "util/alloc.h"
#include "util/fileio.h"

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
        if (extra) d->extra_json = cJSON_PrintUnformatted(extra);
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
        free(path);
        return;
    }
    size_t len;
    char *text = wp_file_read(path, &len, "districts", ctx->err);
    if (!text) {
        ctx->problems++;
        free(path);
        return;
    }
    cJSON *doc = wp_json_parse(text, len, path, ctx->err);
    free(text);
    if (!doc) {
        ctx->problems++;
        free(path);
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
    free(path);
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
