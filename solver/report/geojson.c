/* GeoJSON export (RFC 7946): districts, clients, helpers' homes and routes, for QGIS and the
 * like. Ids only: no names or other personal data leave the scenario. */
#include <wijkplan/report.h>

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geo/project.h"

#include "error/guard.h"
#include "io/jread.h"
#include "io/roster_json.h"
#include "kpi/kpi.h"
#include "model/scenario_internal.h"
#include "util/alloc.h"
#include "util/daytime.h"
#include "util/fileio.h"

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

/* Twice the signed area of a ring of [lon, lat] positions: > 0 counter-clockwise. */
static double ring_area2(const cJSON *ring)
{
    double a = 0;
    for (const cJSON *p = ring->child; p && p->next; p = p->next) {
        const cJSON *q = p->next;
        a += p->child->valuedouble * q->child->next->valuedouble -
             q->child->valuedouble * p->child->next->valuedouble;
    }
    return a;
}

/* RFC 7946 section 3.1.6: exterior rings counter-clockwise, holes clockwise. */
static cJSON *oriented(cJSON *ring, bool exterior)
{
    double a = ring_area2(ring);
    if (a == 0 || (a > 0) == exterior) return ring;
    cJSON *reversed = cJSON_CreateArray();
    cJSON *p;
    while ((p = cJSON_DetachItemFromArray(ring, 0))) cJSON_InsertItemInArray(reversed, 0, p);
    cJSON_Delete(ring);
    return reversed;
}

static cJSON *district_geometry(const wp_district_def *d, const to_lonlat *t)
{
    cJSON *g = geometry("MultiPolygon");
    cJSON *polys = cJSON_AddArrayToObject(g, "coordinates");
    for (int p = 0; p < d->n_polys; p++) {
        cJSON *rings = cJSON_CreateArray();
        for (int r = d->poly_start[p]; r < d->poly_start[p + 1]; r++) {
            cJSON *ring = cJSON_CreateArray();
            for (int k = d->ring_start[r]; k < d->ring_start[r + 1]; k++)
                cJSON_AddItemToArray(ring, point(t, d->lon[k], d->lat[k]));
            cJSON_AddItemToArray(rings, oriented(ring, r == d->poly_start[p]));
        }
        cJSON_AddItemToArray(polys, rings);
    }
    return g;
}

/* The district's KPIs of the roster as flat properties, so that QGIS can colour by them. */
static void add_district_kpis(cJSON *props, const wp_model *m, const wp_roster *r, int d)
{
    wp_kpi k;
    wp_kpi_compute(m, r, d, &k);
    cJSON *j = wp_kpi_to_json(&k);
    cJSON *it;
    while ((it = cJSON_DetachItemFromArray(j, 0))) {
        const char *key = it->string;
        if (strcmp(key, "objective") == 0) { /* not a district figure a reader can use */
            cJSON_Delete(it);
            continue;
        }
        cJSON_AddItemToObject(props, key, cJSON_CreateNumber(it->valuedouble));
        cJSON_Delete(it);
    }
    cJSON_Delete(j);
    cJSON_AddNumberToObject(props, "hhi", wp_kpi_hhi(m, r, d));
}

/* A comparison's district KPIs, per variant: "<variant>.<kpi>" (e.g.
 * "per_district:3+continue.pairs_kept"), so that QGIS can colour one map per variant. */
static void add_comparison_kpis(cJSON *props, const cJSON *comparison, const char *district)
{
    const cJSON *v;
    cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(comparison, "variants"))
    {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(v, "name");
        const cJSON *d;
        cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(v, "districts"))
        {
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(d, "id");
            if (!cJSON_IsString(name) || !cJSON_IsString(id) || strcmp(id->valuestring, district))
                continue;
            const cJSON *k;
            cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(d, "kpi"))
            {
                if (!cJSON_IsNumber(k) || !k->string || strcmp(k->string, "objective") == 0)
                    continue;
                char *key = wp_strdupf("%s.%s", name->valuestring, k->string);
                cJSON_AddNumberToObject(props, key, k->valuedouble);
                wp_free(key);
            }
        }
    }
}

static void add_districts(cJSON *features, const wp_model *m, const wp_roster *r,
                          const cJSON *comparison, const to_lonlat *t)
{
    for (int i = 0; i < m->n_districts; i++) {
        const wp_district_def *d = &m->districts[i];
        cJSON *f = feature("district", district_geometry(d, t));
        cJSON *props = cJSON_GetObjectItem(f, "properties");
        cJSON_AddStringToObject(props, "id", d->id);
        if (d->name) cJSON_AddStringToObject(props, "name", d->name);
        if (r) add_district_kpis(props, m, r, i);
        if (comparison) add_comparison_kpis(props, comparison, d->id);
        cJSON_AddItemToArray(features, f);
    }
}

/* What the roster says of each client and helper, by scenario index. */
typedef struct roster_facts {
    int *served;           /* visits planned */
    const char **assigned; /* the helper of its last routed visit */
    bool *pair_kept;       /* false for a client without an assignment: nothing kept */
    const char **reason;   /* why its first unassigned visit is unassigned */
    int *helper_provider;  /* after any staff transfer */
} roster_facts;

static void facts_init(roster_facts *x, const wp_model *m, const wp_roster *r)
{
    memset(x, 0, sizeof *x);
    if (!r) return;
    size_t nc = (size_t)m->n_clients + 1;
    x->served = wp_calloc(nc, sizeof *x->served);
    x->assigned = wp_calloc(nc, sizeof *x->assigned);
    x->pair_kept = wp_calloc(nc, sizeof *x->pair_kept);
    x->reason = wp_calloc(nc, sizeof *x->reason);
    for (size_t i = 0; i < r->n_assignments; i++) {
        int c = wp_strmap_get(&m->client_ids, r->assignments[i].client);
        if (c >= 0) x->pair_kept[c] = r->assignments[i].pair_kept;
    }
    for (size_t i = r->n_unassigned; i-- > 0;) { /* the first one wins */
        int c = wp_strmap_get(&m->client_ids, r->unassigned[i].client);
        if (c >= 0) x->reason[c] = r->unassigned[i].reason;
    }
    x->helper_provider = wp_kpi_helper_providers(m, r);
}

static void facts_free(roster_facts *x)
{
    wp_free(x->served);
    wp_free(x->assigned);
    wp_free(x->pair_kept);
    wp_free(x->reason);
    wp_free(x->helper_provider);
}

static void add_people(cJSON *features, const wp_model *m, const to_lonlat *t,
                       const roster_facts *x)
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
        if (x->served) {
            cJSON_AddNumberToObject(props, "visits_planned", x->served[c]);
            if (x->assigned[c]) cJSON_AddStringToObject(props, "helper", x->assigned[c]);
            cJSON_AddBoolToObject(props, "pair_kept", x->pair_kept[c]);
            if (x->reason[c]) cJSON_AddStringToObject(props, "reason", x->reason[c]);
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
        int pr = x->helper_provider ? x->helper_provider[h] : hd->provider;
        cJSON_AddStringToObject(props, "provider", m->providers[pr].id);
        if (pr != hd->provider)
            cJSON_AddStringToObject(props, "provider_before", m->providers[hd->provider].id);
        cJSON_AddStringToObject(props, "mode", wp_mode_name(hd->mode));
        cJSON_AddNumberToObject(props, "hours_per_week", hd->week_min / 60);
        cJSON_AddItemToArray(features, f);
    }
}

static void add_routes(cJSON *features, const wp_model *m, const wp_roster *r, const to_lonlat *t,
                       roster_facts *x)
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
            x->served[c]++;
            x->assigned[c] = rt->helper;
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

static wp_status export_geojson(const wp_scenario *s, const wp_roster *r, const cJSON *comparison,
                                const char *out_path, wp_error *err)
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
    add_districts(features, m, r, comparison, &areas);
    roster_facts facts;
    facts_init(&facts, m, r);
    cJSON *route_features = cJSON_CreateArray();
    if (r) add_routes(route_features, m, r, &points, &facts);
    add_people(features, m, &points, &facts);
    cJSON *f;
    while ((f = cJSON_DetachItemFromArray(route_features, 0))) cJSON_AddItemToArray(features, f);
    cJSON_Delete(route_features);
    st = wp_json_write_file(doc, out_path, err);
    cJSON_Delete(doc);
    facts_free(&facts);
    wp_projector_free(points.pj);
    wp_projector_free(areas.pj);
    return st;
}

static wp_status export_geojson_unguarded(const wp_scenario *s, const wp_roster *r,
                                          const char *out_path, wp_error *err)
{
    return export_geojson(s, r, NULL, out_path, err);
}

wp_status wp_export_geojson(const wp_scenario *s, const wp_roster *r, const char *out_path,
                            wp_error *err)
{
    WP_GUARD(err, "writing the GeoJSON map", export_geojson_unguarded(s, r, out_path, err));
}

static wp_status export_geojson_comparison_unguarded(const wp_scenario *s,
                                                     const char *comparison_path,
                                                     const char *out_path, wp_error *err)
{
    size_t len;
    char *text = wp_file_read(comparison_path, &len, "comparison", err);
    if (!text) return WP_ERR_INPUT;
    cJSON *doc = wp_json_parse(text, len, comparison_path, err);
    wp_free(text);
    if (!doc) return WP_ERR_INPUT;
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(doc, "format");
    wp_status st;
    if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, "wijkplan-comparison/1") != 0)
        st = wp_error_add(err, WP_ERR_INPUT, comparison_path, "format", 0, 0,
                          "not a wijkplan-comparison/1 file");
    else
        st = export_geojson(s, NULL, doc, out_path, err);
    cJSON_Delete(doc);
    return st;
}

wp_status wp_export_geojson_comparison(const wp_scenario *s, const char *comparison_path,
                                       const char *out_path, wp_error *err)
{
    WP_GUARD(err, "writing the GeoJSON map",
             export_geojson_comparison_unguarded(s, comparison_path, out_path, err));
}
