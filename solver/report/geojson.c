/* GeoJSON export (RFC 7946): districts, clients, helpers' homes and routes, for QGIS and the
 * like. Ids only: no names or other personal data leave the scenario. */
#include <wijkplan/report.h>

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geo/project.h"
#include "io/roster_json.h"
#include "model/scenario_internal.h"
#include "util/alloc.h"
#include "util/daytime.h"

/* Coordinates of the model's source CRS (or a districts file's) turned to longitude/latitude. */
typedef struct to_lonlat {
    wp_projector *pj; /* NULL: already lon/lat (or planar, kept as is) */
    bool round;       /* 6 decimals: about 0.1 m */
} to_lonlat;

static wp_status make_transform(const char *crs, bool planar, to_lonlat *t, wp_error *err)
{
    t->pj = NULL;
    t->round = !planar;
    if (planar || strcmp(crs, "EPSG:4326") == 0 || strcmp(crs, "OGC:CRS84") == 0) return WP_OK;
    return wp_projector_create_to(crs, "EPSG:4326", &t->pj, err);
}

static cJSON *point(const to_lonlat *t, double x, double y)
{
    if (t->pj) wp_project_points(t->pj, &x, &y, 1);
    if (t->round) {
        x = round(x * 1e6) / 1e6;
        y = round(y * 1e6) / 1e6;
    }
    cJSON *a = cJSON_CreateArray();
    cJSON_AddItemToArray(a, cJSON_CreateNumber(x));
    cJSON_AddItemToArray(a, cJSON_CreateNumber(y));
    return a;
}

static cJSON *feature(const char *kind, cJSON *geometry)
{
    cJSON *f = cJSON_CreateObject();
    cJSON_AddStringToObject(f, "type", "Feature");
    cJSON_AddItemToObject(f, "geometry", geometry);
    cJSON *props = cJSON_AddObjectToObject(f, "properties");
    cJSON_AddStringToObject(props, "kind", kind);
    return f;
}

static cJSON *geometry(const char *type)
{
    cJSON *g = cJSON_CreateObject();
    cJSON_AddStringToObject(g, "type", type);
    return g;
}

static void add_districts(cJSON *features, const wp_model *m, const to_lonlat *t)
{
    for (int i = 0; i < m->n_districts; i++) {
        const wp_district_def *d = &m->districts[i];
        cJSON *g = geometry("MultiPolygon");
        cJSON *polys = cJSON_AddArrayToObject(g, "coordinates");
        for (int p = 0; p < d->n_polys; p++) {
            cJSON *rings = cJSON_CreateArray();
            for (int r = d->poly_start[p]; r < d->poly_start[p + 1]; r++) {
                cJSON *ring = cJSON_CreateArray();
                for (int k = d->ring_start[r]; k < d->ring_start[r + 1]; k++)
                    cJSON_AddItemToArray(ring, point(t, d->lon[k], d->lat[k]));
                cJSON_AddItemToArray(rings, ring);
            }
            cJSON_AddItemToArray(polys, rings);
        }
        cJSON *f = feature("district", g);
        cJSON *props = cJSON_GetObjectItem(f, "properties");
        cJSON_AddStringToObject(props, "id", d->id);
        if (d->name) cJSON_AddStringToObject(props, "name", d->name);
        cJSON_AddItemToArray(features, f);
    }
}

static void add_people(cJSON *features, const wp_model *m, const to_lonlat *t, const int *served,
                       const char **assigned)
{
    for (int c = 0; c < m->n_clients; c++) {
        const wp_client_def *cl = &m->clients[c];
        cJSON *g = geometry("Point");
        cJSON_AddItemToObject(g, "coordinates",
                              point(t, m->src_x[cl->location], m->src_y[cl->location]));
        cJSON *f = feature("client", g);
        cJSON *props = cJSON_GetObjectItem(f, "properties");
        cJSON_AddStringToObject(props, "id", cl->id);
        if (cl->district >= 0)
            cJSON_AddStringToObject(props, "district", m->districts[cl->district].id);
        if (cl->provider >= 0)
            cJSON_AddStringToObject(props, "provider", m->providers[cl->provider].id);
        if (cl->helper >= 0)
            cJSON_AddStringToObject(props, "pair_helper", m->helpers[cl->helper].id);
        cJSON_AddStringToObject(props, "product", wp_product_name(cl->product));
        cJSON_AddNumberToObject(props, "priority", cl->priority);
        cJSON_AddNumberToObject(props, "visits", cl->n_visits);
        if (served) {
            cJSON_AddNumberToObject(props, "visits_planned", served[c]);
            if (assigned[c]) cJSON_AddStringToObject(props, "helper", assigned[c]);
        }
        cJSON_AddItemToArray(features, f);
    }
    for (int h = 0; h < m->n_helpers; h++) {
        const wp_helper_def *hd = &m->helpers[h];
        cJSON *g = geometry("Point");
        cJSON_AddItemToObject(g, "coordinates", point(t, m->src_x[hd->home], m->src_y[hd->home]));
        cJSON *f = feature("helper", g);
        cJSON *props = cJSON_GetObjectItem(f, "properties");
        cJSON_AddStringToObject(props, "id", hd->id);
        cJSON_AddStringToObject(props, "provider", m->providers[hd->provider].id);
        cJSON_AddStringToObject(props, "mode", wp_mode_name(hd->mode));
        cJSON_AddNumberToObject(props, "hours_per_week", hd->week_min / 60);
        cJSON_AddItemToArray(features, f);
    }
}

static void add_routes(cJSON *features, const wp_model *m, const wp_roster *r, const to_lonlat *t,
                       int *served, const char **assigned)
{
    for (size_t i = 0; i < r->n_routes; i++) {
        const wp_roster_route *rt = &r->routes[i];
        int h = wp_strmap_get(&m->helper_ids, rt->helper);
        if (h < 0) continue;
        int home = m->helpers[h].home;
        cJSON *g = geometry("LineString");
        cJSON *line = cJSON_AddArrayToObject(g, "coordinates");
        cJSON_AddItemToArray(line, point(t, m->src_x[home], m->src_y[home]));
        for (size_t k = 0; k < rt->n_visits; k++) {
            int c = wp_strmap_get(&m->client_ids, rt->visits[k].client);
            if (c < 0) continue;
            int loc = m->clients[c].location;
            cJSON_AddItemToArray(line, point(t, m->src_x[loc], m->src_y[loc]));
            served[c]++;
            assigned[c] = rt->helper;
        }
        cJSON_AddItemToArray(line, point(t, m->src_x[home], m->src_y[home]));
        cJSON *f = feature("route", g);
        cJSON *props = cJSON_GetObjectItem(f, "properties");
        char start[16], end[16];
        wp_format_hhmm(rt->start, start);
        wp_format_hhmm(rt->end, end);
        cJSON_AddStringToObject(props, "helper", rt->helper);
        cJSON_AddStringToObject(props, "day", wp_day_name(rt->day));
        cJSON_AddStringToObject(props, "start", start);
        cJSON_AddStringToObject(props, "end", end);
        cJSON_AddNumberToObject(props, "visits", (double)rt->n_visits);
        cJSON_AddNumberToObject(props, "travel_km", round(rt->travel_km * 100) / 100);
        cJSON_AddNumberToObject(props, "travel_min", round(rt->travel_min * 10) / 10);
        cJSON_AddItemToArray(features, f);
    }
}

wp_status wp_export_geojson(const wp_scenario *s, const wp_roster *r, const char *out_path,
                            wp_error *err)
{
    const wp_model *m = &s->model;
    to_lonlat points = {0}, areas = {0};
    wp_status st = make_transform(m->crs, m->planar, &points, err);
    if (st == WP_OK)
        st = make_transform(m->district_crs ? m->district_crs : m->crs, m->planar, &areas, err);
    if (st != WP_OK) {
        wp_projector_free(points.pj);
        return st;
    }
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "type", "FeatureCollection");
    cJSON *features = cJSON_AddArrayToObject(doc, "features");
    add_districts(features, m, &areas);
    int *served = r ? wp_calloc((size_t)m->n_clients + 1, sizeof *served) : NULL;
    const char **assigned = r ? wp_calloc((size_t)m->n_clients + 1, sizeof *assigned) : NULL;
    cJSON *route_features = cJSON_CreateArray();
    if (r) add_routes(route_features, m, r, &points, served, assigned);
    add_people(features, m, &points, served, assigned);
    cJSON *f;
    while ((f = cJSON_DetachItemFromArray(route_features, 0))) cJSON_AddItemToArray(features, f);
    cJSON_Delete(route_features);
    st = wp_json_write_file(doc, out_path, err);
    cJSON_Delete(doc);
    free(served);
    free(assigned);
    wp_projector_free(points.pj);
    wp_projector_free(areas.pj);
    return st;
}
