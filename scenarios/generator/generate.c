/* The scenario generator (see generate.h). Distributions are assumptions calibrated on
 * ../shared/DOMAIN.md: 2-4 hours a week in one or two visits, HO+ about 15%, helpers 12-36
 * hours, 2-5 addresses a day, bikes in towns and cars in the countryside. */
#include "generate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo/grid.h"
#include "io/scenario_write.h"
#include "error/guard.h"
#include "util/alloc.h"
#include "util/rng.h"
#include "wijken.h"

void wp_gen_options_default(wp_gen_options *o)
{
    memset(o, 0, sizeof *o);
    o->per_1000 = 31;           /* CBS 86050NED, 2024: household support per 1,000 inhabitants */
    o->clients_per_helper = 10; /* a helper serves roughly 8-15 clients */
    o->capacity_factor = 1.35;  /* contract hours over care hours: travel (15-20%) and slack */
    o->providers = 16;          /* Groningen's open house had about 16 providers */
    o->large_providers = 4;
    o->large_share = 0.8; /* the 4 largest serve about 80% of clients */
    o->pair_share = 0.85;
    o->hoplus_share = 0.15;
    o->dementia_share = 0.08;
    o->psychiatry_share = 0.04;
    o->seed = 1;
}

typedef struct gen {
    const wp_gen_options *o;
    wp_wijken wijken;
    wp_rng rng;
    int n_districts;
    int *wijk_district; /* per wijk: district index */
    double *share;      /* per provider */
    int n_muni;
    int *wijk_muni;     /* per wijk: municipality index, in first-seen order */
    double *muni_share; /* n_muni x providers: market share where the provider has helpers */
    /* helpers */
    int nh;
    double *h_lon, *h_lat, *h_x, *h_y, *h_hours, *h_load;
    int *h_provider, *h_wijk;
    bool *h_hoplus, *h_dementia, *h_psychiatry;
} gen;

static double pick(wp_rng *rng, const double *values, const double *probs, int n)
{
    double u = wp_rng_unit(rng), acc = 0;
    for (int i = 0; i < n; i++) {
        acc += probs[i];
        if (u < acc) return values[i];
    }
    return values[n - 1];
}

static int pick_index(wp_rng *rng, const double *weights, int n)
{
    double sum = 0;
    for (int i = 0; i < n; i++) sum += weights[i];
    double u = wp_rng_unit(rng) * sum, acc = 0;
    for (int i = 0; i < n; i++) {
        acc += weights[i];
        if (u < acc) return i;
    }
    return n - 1;
}

/* ---- districts --------------------------------------------------------------------------- */

static wp_status group_districts(gen *g, wp_error *err)
{
    const wp_gen_options *o = g->o;
    g->wijk_district = wp_malloc(((size_t)g->wijken.n + 1) * sizeof(int));
    if (!o->n_groups) {
        for (int i = 0; i < g->wijken.n; i++) g->wijk_district[i] = i;
        g->n_districts = g->wijken.n;
        return WP_OK;
    }
    g->n_districts = o->n_groups;
    wp_status s = WP_OK;
    for (int i = 0; i < g->wijken.n; i++) {
        g->wijk_district[i] = -1;
        for (int k = 0; k < o->n_groups; k++) {
            const char *list = o->groups[k].wijken, *code = g->wijken.items[i].code;
            size_t n = strlen(code);
            for (const char *p = strstr(list, code); p; p = strstr(p + 1, code))
                if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
                    g->wijk_district[i] = k;
        }
        if (g->wijk_district[i] < 0)
            s = wp_error_add(err, WP_ERR_INPUT, NULL, "--group", 0, 0,
                             "wijk %s (%s) is in no group", g->wijken.items[i].code,
                             g->wijken.items[i].name);
    }
    return s;
}

static cJSON *districts_json(const gen *g)
{
    cJSON *arr = cJSON_CreateArray();
    for (int d = 0; d < g->n_districts; d++) {
        cJSON *dj = cJSON_CreateObject();
        cJSON *geom;
        if (g->o->n_groups) {
            cJSON_AddStringToObject(dj, "id", g->o->groups[d].name);
            cJSON_AddStringToObject(dj, "name", g->o->groups[d].name);
            /* a MultiPolygon of the group's wijken */
            geom = cJSON_CreateObject();
            cJSON_AddStringToObject(geom, "type", "MultiPolygon");
            cJSON *polys = cJSON_AddArrayToObject(geom, "coordinates");
            for (int i = 0; i < g->wijken.n; i++) {
                if (g->wijk_district[i] != d) continue;
                cJSON *wg = cJSON_Parse(g->wijken.items[i].geometry_json);
                cJSON *coords = cJSON_DetachItemFromObject(wg, "coordinates");
                const cJSON *type = cJSON_GetObjectItemCaseSensitive(wg, "type");
                if (strcmp(type->valuestring, "Polygon") == 0) {
                    cJSON_AddItemToArray(polys, coords);
                } else {
                    cJSON *p;
                    while ((p = cJSON_DetachItemFromArray(coords, 0)))
                        cJSON_AddItemToArray(polys, p);
                    cJSON_Delete(coords);
                }
                cJSON_Delete(wg);
            }
        } else {
            const wp_wijk *w = &g->wijken.items[d];
            cJSON_AddStringToObject(dj, "id", w->code);
            cJSON_AddStringToObject(dj, "name", w->name);
            geom = cJSON_Parse(w->geometry_json);
        }
        cJSON_AddItemToObject(dj, "geometry", geom);
        cJSON_AddItemToArray(arr, dj);
    }
    return arr;
}

static const char *district_id(const gen *g, int wijk)
{
    return g->o->n_groups ? g->o->groups[g->wijk_district[wijk]].name : g->wijken.items[wijk].code;
}

/* ---- providers --------------------------------------------------------------------------- */

static cJSON *providers_json(gen *g)
{
    const wp_gen_options *o = g->o;
    int P = o->providers, K = o->large_providers < P ? o->large_providers : P;
    g->share = wp_malloc(((size_t)P + 1) * sizeof(double));
    /* large providers share large_share with weights 1, 0.8, 0.64, ...; the tail shares the rest */
    double wsum = 0;
    for (int i = 0; i < K; i++) wsum += pow(0.8, i);
    double large = K == P ? 1.0 : o->large_share;
    for (int i = 0; i < P; i++)
        g->share[i] = i < K ? large * pow(0.8, i) / wsum : (1 - large) / (P - K);
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < P; i++) {
        cJSON *p = cJSON_CreateObject();
        char id[16], name[48];
        snprintf(id, sizeof id, "P%02d", i + 1);
        snprintf(name, sizeof name, "Zorgaanbieder %d", i + 1);
        cJSON_AddStringToObject(p, "id", id);
        cJSON_AddStringToObject(p, "name", name);
        double ho = round((29 + 9 * wp_rng_unit(&g->rng)) * 20) / 20; /* 29-38 EUR, 2022-2025 */
        cJSON *t = cJSON_AddObjectToObject(p, "tariff");
        cJSON_AddNumberToObject(t, "HO", ho);
        cJSON_AddNumberToObject(t, "HO+", round(ho * 1.15 * 20) / 20);
        cJSON_AddItemToArray(arr, p);
    }
    return arr;
}

/* ---- helpers ----------------------------------------------------------------------------- */

static const char *mode_for(wp_rng *rng, double density)
{
    double u = wp_rng_unit(rng);
    if (density > 2500) return u < 0.75 ? "bike" : "ebike";
    if (density > 800) return u < 0.35 ? "bike" : (u < 0.6 ? "ebike" : "car");
    return u < 0.1 ? "ebike" : "car";
}

/* Municipality index of every wijk, in first-seen order. */
static void index_municipalities(gen *g)
{
    int nw = g->wijken.n;
    g->wijk_muni = wp_malloc(((size_t)nw + 1) * sizeof *g->wijk_muni);
    g->n_muni = 0;
    for (int i = 0; i < nw; i++) {
        g->wijk_muni[i] = -1;
        for (int j = 0; j < i && g->wijk_muni[i] < 0; j++)
            if (strcmp(g->wijken.items[j].municipality, g->wijken.items[i].municipality) == 0)
                g->wijk_muni[i] = g->wijk_muni[j];
        if (g->wijk_muni[i] < 0) g->wijk_muni[i] = g->n_muni++;
    }
}

/* Helpers per wijk: each municipality gets helpers in proportion to its clients (providers hire
 * where the demand is), spread over its wijken by inhabitants (people live everywhere). */
static void helpers_per_wijk(const gen *g, const int *clients_per_wijk, int nh, int *count)
{
    int nw = g->wijken.n, nm = g->n_muni;
    double *demand = wp_calloc((size_t)nm + 1, sizeof *demand);
    for (int i = 0; i < nw; i++) demand[g->wijk_muni[i]] += clients_per_wijk[i];
    int *per_muni = wp_malloc(((size_t)nm + 1) * sizeof *per_muni);
    wp_apportion(demand, nm, nh, per_muni);
    double *weights = wp_malloc(((size_t)nw + 1) * sizeof *weights);
    int *part = wp_malloc(((size_t)nw + 1) * sizeof *part);
    int *index = wp_malloc(((size_t)nw + 1) * sizeof *index);
    for (int k = 0; k < nm; k++) {
        int n = 0;
        for (int i = 0; i < nw; i++)
            if (g->wijk_muni[i] == k) index[n] = i, weights[n++] = g->wijken.items[i].inhabitants;
        wp_apportion(weights, n, per_muni[k], part);
        for (int j = 0; j < n; j++) count[index[j]] = part[j];
    }
    wp_free(index), wp_free(part), wp_free(weights), wp_free(per_muni), wp_free(demand);
}

/* Providers over each municipality's helpers at random, in the proportions of their market
 * shares: providers work regionally, so a provider's clients in a municipality are served by its
 * helpers there, never from a far city. Records each provider's share per municipality where it
 * has helpers, from which clients then pick their provider. */
static void assign_providers(gen *g)
{
    int P = g->o->providers, nh = g->nh;
    int *order = wp_malloc(((size_t)nh + 1) * sizeof *order);
    int *per_provider = wp_malloc(((size_t)P + 1) * sizeof *per_provider);
    g->muni_share = wp_calloc((size_t)g->n_muni * (size_t)P + 1, sizeof *g->muni_share);
    for (int k = 0; k < g->n_muni; k++) {
        int n = 0;
        for (int h = 0; h < nh; h++)
            if (g->wijk_muni[g->h_wijk[h]] == k) order[n++] = h;
        for (int i = n - 1; i > 0; i--) {
            int j = (int)wp_rng_below(&g->rng, (uint32_t)i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        wp_apportion(g->share, P, n, per_provider);
        for (int p = 0, q = 0; p < P; p++) {
            for (int c = 0; c < per_provider[p]; c++) g->h_provider[order[q++]] = p;
            if (per_provider[p] > 0) g->muni_share[(size_t)k * P + p] = g->share[p];
        }
    }
    wp_free(per_provider), wp_free(order);
}

static void place_helpers(gen *g, int nh, double mean_hours, const int *clients_per_wijk)
{
    const wp_gen_options *o = g->o;
    int nw = g->wijken.n;
    g->nh = nh;
    g->h_lon = wp_malloc(((size_t)nh + 1) * sizeof(double));
    g->h_lat = wp_malloc(((size_t)nh + 1) * sizeof(double));
    g->h_x = wp_malloc(((size_t)nh + 1) * sizeof(double));
    g->h_y = wp_malloc(((size_t)nh + 1) * sizeof(double));
    g->h_hours = wp_malloc(((size_t)nh + 1) * sizeof(double));
    g->h_load = wp_calloc((size_t)nh + 1, sizeof(double));
    g->h_provider = wp_malloc(((size_t)nh + 1) * sizeof(int));
    g->h_wijk = wp_malloc(((size_t)nh + 1) * sizeof(int));
    g->h_hoplus = wp_calloc((size_t)nh + 1, sizeof(bool));
    g->h_dementia = wp_calloc((size_t)nh + 1, sizeof(bool));
    g->h_psychiatry = wp_calloc((size_t)nh + 1, sizeof(bool));
    int *count = wp_malloc(((size_t)nw + 1) * sizeof(int));
    helpers_per_wijk(g, clients_per_wijk, nh, count);
    int h = 0;
    for (int i = 0; i < nw; i++)
        for (int k = 0; k < count[i]; k++, h++) {
            g->h_wijk[h] = i;
            wp_wijk_sample(&g->wijken.items[i], &g->rng, &g->h_lon[h], &g->h_lat[h]);
        }
    assign_providers(g);
    static const double offsets[] = {-8, -4, 0, 4, 8};
    static const double probs[] = {0.15, 0.2, 0.3, 0.2, 0.15};
    for (int i = 0; i < nh; i++) {
        double hours = round(mean_hours / 4) * 4 + pick(&g->rng, offsets, probs, 5);
        g->h_hours[i] = hours < 12 ? 12 : (hours > 36 ? 36 : hours);
        g->h_hoplus[i] = wp_rng_unit(&g->rng) < 0.35;
        g->h_dementia[i] = wp_rng_unit(&g->rng) < 0.3;
        g->h_psychiatry[i] = wp_rng_unit(&g->rng) < 0.12;
        g->h_x[i] = g->h_lon[i] * cos(52.0 * 3.14159265358979323846 / 180);
        g->h_y[i] = g->h_lat[i];
    }
    /* every provider can serve every product and skill in every municipality where it works: its
     * first helpers there are trained for it */
    int *seen = wp_calloc((size_t)g->n_muni * (size_t)o->providers + 1, sizeof *seen);
    for (int i = 0; i < nh; i++) {
        int p = g->h_provider[i], k = seen[(size_t)g->wijk_muni[g->h_wijk[i]] * o->providers + p]++;
        if (k == 0) g->h_hoplus[i] = g->h_dementia[i] = g->h_psychiatry[i] = true;
        if (k == 1) g->h_hoplus[i] = g->h_dementia[i] = true;
    }
    wp_free(seen);
    wp_free(count);
}

static cJSON *helper_json(gen *g, int h)
{
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri"};
    cJSON *j = cJSON_CreateObject();
    char id[16], prov[16];
    snprintf(id, sizeof id, "H%05d", h + 1);
    snprintf(prov, sizeof prov, "P%02d", g->h_provider[h] + 1);
    cJSON_AddStringToObject(j, "id", id);
    cJSON_AddStringToObject(j, "provider", prov);
    cJSON_AddItemToObject(j, "home", wp_emit_point(g->h_lon[h], g->h_lat[h]));
    cJSON_AddStringToObject(j, "mode", mode_for(&g->rng, g->wijken.items[g->h_wijk[h]].density));
    double hours = g->h_hours[h];
    cJSON_AddNumberToObject(j, "hours_per_week", hours);
    cJSON_AddNumberToObject(j, "max_hours_per_day", hours <= 20 ? 6 : 8);
    cJSON_AddNumberToObject(j, "max_visits_per_day", 3 + (int)wp_rng_below(&g->rng, 3));
    if (g->h_hoplus[h]) cJSON_AddStringToObject(j, "qualification", "HO+");
    if (g->h_dementia[h] || g->h_psychiatry[h]) {
        cJSON *sk = cJSON_AddArrayToObject(j, "skills");
        if (g->h_dementia[h]) cJSON_AddItemToArray(sk, cJSON_CreateString("dementia"));
        if (g->h_psychiatry[h]) cJSON_AddItemToArray(sk, cJSON_CreateString("psychiatry"));
    }
    /* part-timers work four days; everyone 08:00-17:00 */
    int off = hours <= 24 ? (int)wp_rng_below(&g->rng, 5) : -1;
    cJSON *av = cJSON_AddObjectToObject(j, "availability");
    for (int d = 0; d < 5; d++) {
        if (d == off) continue;
        cJSON *w = cJSON_AddArrayToObject(av, days[d]);
        cJSON *win = cJSON_CreateArray();
        cJSON_AddItemToArray(win, cJSON_CreateString("08:00"));
        cJSON_AddItemToArray(win, cJSON_CreateString("17:00"));
        cJSON_AddItemToArray(w, win);
    }
    return j;
}

/* ---- clients ----------------------------------------------------------------------------- */

typedef struct pair_filter {
    const gen *g;
    int provider;
    int muni; /* history is local: a client's helper works in the client's municipality */
    bool hoplus, dementia, psychiatry;
    double hours;
} pair_filter;

static int accept_pair(int h, void *ctx)
{
    const pair_filter *f = ctx;
    const gen *g = f->g;
    return g->h_provider[h] == f->provider && g->wijk_muni[g->h_wijk[h]] == f->muni &&
           (!f->hoplus || g->h_hoplus[h]) && (!f->dementia || g->h_dementia[h]) &&
           (!f->psychiatry || g->h_psychiatry[h]) &&
           g->h_load[h] + f->hours <= 0.65 * g->h_hours[h];
}

static cJSON *client_json(gen *g, int c, int wijk, const wp_grid *grid)
{
    const wp_gen_options *o = g->o;
    static const double hours_v[] = {1.5, 2, 2.5, 3, 3.5, 4};
    static const double hours_p[] = {0.10, 0.30, 0.20, 0.20, 0.08, 0.12};
    static const double prio_v[] = {1, 2, 3, 4, 5};
    static const double prio_p[] = {0.10, 0.20, 0.45, 0.15, 0.10};
    cJSON *j = cJSON_CreateObject();
    char id[16];
    snprintf(id, sizeof id, "C%06d", c + 1);
    cJSON_AddStringToObject(j, "id", id);
    double lon, lat;
    wp_wijk_sample(&g->wijken.items[wijk], &g->rng, &lon, &lat);
    cJSON_AddItemToObject(j, "location", wp_emit_point(lon, lat));
    cJSON_AddStringToObject(j, "district", district_id(g, wijk));
    /* a provider working in the client's municipality (any, if none has helpers there) */
    const double *share = g->muni_share + (size_t)g->wijk_muni[wijk] * o->providers;
    double present = 0;
    for (int p = 0; p < o->providers; p++) present += share[p];
    int provider = pick_index(&g->rng, present > 0 ? share : g->share, o->providers);
    char prov[16];
    snprintf(prov, sizeof prov, "P%02d", provider + 1);
    cJSON_AddStringToObject(j, "provider", prov);
    pair_filter f = {g,
                     provider,
                     g->wijk_muni[wijk],
                     wp_rng_unit(&g->rng) < o->hoplus_share,
                     wp_rng_unit(&g->rng) < o->dementia_share,
                     wp_rng_unit(&g->rng) < o->psychiatry_share,
                     pick(&g->rng, hours_v, hours_p, 6)};
    if (f.hoplus) cJSON_AddStringToObject(j, "product", "HO+");
    if (f.dementia || f.psychiatry) {
        cJSON *sk = cJSON_AddArrayToObject(j, "skills");
        if (f.dementia) cJSON_AddItemToArray(sk, cJSON_CreateString("dementia"));
        if (f.psychiatry) cJSON_AddItemToArray(sk, cJSON_CreateString("psychiatry"));
    }
    cJSON_AddNumberToObject(j, "priority", pick(&g->rng, prio_v, prio_p, 5));
    cJSON_AddNumberToObject(j, "hours_per_week", f.hours);
    if (f.hours >= 3 && wp_rng_unit(&g->rng) < 0.7) {
        cJSON_AddNumberToObject(j, "visits_per_week", 2);
        cJSON_AddNumberToObject(j, "min_days_between_visits", 2);
    }
    double u = wp_rng_unit(&g->rng);
    if (u < 0.25) {
        cJSON *w = cJSON_AddArrayToObject(j, "window");
        cJSON_AddItemToArray(w, cJSON_CreateString(u < 0.15 ? "08:00" : "12:30"));
        cJSON_AddItemToArray(w, cJSON_CreateString(u < 0.15 ? "12:30" : "17:00"));
    }
    /* the current helper: a colleague of the client's provider from nearby, not the best one */
    if (wp_rng_unit(&g->rng) < o->pair_share) {
        int near[5]; /* history is local but not optimal: one of the five nearest colleagues */
        int n = wp_grid_nearest(grid, lon * cos(52.0 * 3.14159265358979323846 / 180), lat, 5, -1,
                                accept_pair, &f, near);
        if (n > 0) {
            int h = near[wp_rng_below(&g->rng, (uint32_t)n)];
            g->h_load[h] += f.hours;
            char hid[16];
            snprintf(hid, sizeof hid, "H%05d", h + 1);
            cJSON_AddStringToObject(j, "helper", hid);
        }
    }
    return j;
}

/* ---- assembly ---------------------------------------------------------------------------- */

static cJSON *options_json(const wp_gen_options *o, int clients, int helpers)
{
    cJSON *x = cJSON_CreateObject();
    cJSON_AddStringToObject(x, "source",
                            "CBS Wijk- en Buurtkaart 2024 and Kerncijfers wijken en buurten (Bron: "
                            "CBS, Kadaster; CC BY 4.0)");
    cJSON_AddNumberToObject(x, "seed", (double)o->seed);
    cJSON_AddNumberToObject(x, "clients", clients);
    cJSON_AddNumberToObject(x, "helpers", helpers);
    cJSON_AddNumberToObject(x, "providers", o->providers);
    cJSON_AddNumberToObject(x, "large_providers", o->large_providers);
    cJSON_AddNumberToObject(x, "large_share", o->large_share);
    cJSON_AddNumberToObject(x, "pair_share", o->pair_share);
    cJSON *wrap = cJSON_CreateObject();
    cJSON_AddItemToObject(wrap, "generator", x);
    return wrap;
}

static void free_gen(gen *g)
{
    wp_wijken_free(&g->wijken);
    wp_free(g->wijk_district);
    wp_free(g->wijk_muni);
    wp_free(g->muni_share);
    wp_free(g->share);
    wp_free(g->h_lon);
    wp_free(g->h_lat);
    wp_free(g->h_x);
    wp_free(g->h_y);
    wp_free(g->h_hours);
    wp_free(g->h_load);
    wp_free(g->h_provider);
    wp_free(g->h_wijk);
    wp_free(g->h_hoplus);
    wp_free(g->h_dementia);
    wp_free(g->h_psychiatry);
}

static char *default_name(const gen *g, int clients)
{
    const char *first = g->wijken.items[0].municipality;
    bool one = true;
    for (int i = 1; i < g->wijken.n && one; i++)
        one = strcmp(first, g->wijken.items[i].municipality) == 0;
    if (g->o->all) return wp_strdupf("Nederland, %d clients", clients);
    return one ? wp_strdupf("%s, %d clients", first, clients)
               : wp_strdupf("%d municipalities, %d clients", g->o->n_select, clients);
}

static wp_status generate_unguarded(const wp_gen_options *o, const char *out_path, wp_error *err)
{
    if (o->providers < 1 || o->large_providers < 0 || o->large_share < 0 || o->large_share > 1 ||
        o->pair_share < 0 || o->pair_share > 1 || o->clients < 0 || o->helpers < 0 ||
        o->per_1000 <= 0 || o->clients_per_helper <= 0 || o->capacity_factor <= 0)
        return wp_error_add(err, WP_ERR_INPUT, NULL, NULL, 0, 0,
                            "generator options out of range (shares 0..1, counts positive)");
    if (!o->all && o->n_select == 0)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--municipality", 0, 0,
                            "name at least one municipality, or --all");
    gen g;
    memset(&g, 0, sizeof g);
    g.o = o;
    wp_rng_seed(&g.rng, o->seed, 0x67656e);
    wp_status s = wp_wijken_load(o->geo_path, o->select, o->n_select, o->all, &g.wijken, err);
    if (s == WP_OK) s = group_districts(&g, err);
    if (s != WP_OK) {
        free_gen(&g);
        return s;
    }
    index_municipalities(&g);
    int nw = g.wijken.n;
    double inhabitants = 0, *elderly = wp_malloc(((size_t)nw + 1) * sizeof(double));
    for (int i = 0; i < nw; i++) {
        inhabitants += g.wijken.items[i].inhabitants;
        elderly[i] = g.wijken.items[i].elderly;
    }
    int nc = o->clients ? o->clients : (int)lround(o->per_1000 * inhabitants / 1000);
    if (nc < 1) nc = 1;
    int nh = o->helpers ? o->helpers : (int)lround(nc / o->clients_per_helper);
    if (nh < 1) nh = 1;
    double mean_care = 2.55; /* expected hours of the client distribution below */
    double mean_hours = nc * mean_care * o->capacity_factor / nh;

    cJSON *doc = wp_emit_scenario("", "EPSG:4326");
    char *name = o->name ? wp_strdup(o->name) : default_name(&g, nc);
    cJSON_ReplaceItemInObject(doc, "name", cJSON_CreateString(name));
    wp_free(name);
    cJSON_AddItemToObject(doc, "districts", districts_json(&g));
    cJSON_AddItemToObject(doc, "providers", providers_json(&g));
    int *count = wp_malloc(((size_t)nw + 1) * sizeof(int));
    wp_apportion(elderly, nw, nc, count);
    place_helpers(&g, nh, mean_hours, count);
    cJSON *helpers = cJSON_AddArrayToObject(doc, "helpers");
    for (int h = 0; h < nh; h++) cJSON_AddItemToArray(helpers, helper_json(&g, h));
    int *ids = wp_malloc(((size_t)nh + 1) * sizeof(int));
    for (int h = 0; h < nh; h++) ids[h] = h;
    wp_grid grid;
    wp_grid_build(&grid, g.h_x, g.h_y, ids, nh, 2.0);
    cJSON *clients = cJSON_AddArrayToObject(doc, "clients");
    for (int i = 0, c = 0; i < nw; i++)
        for (int k = 0; k < count[i]; k++, c++)
            cJSON_AddItemToArray(clients, client_json(&g, c, i, &grid));
    cJSON_AddItemToObject(doc, "extra", options_json(o, nc, nh));
    s = wp_emit_write(doc, out_path, err);
    cJSON_Delete(doc);
    wp_grid_free(&grid);
    wp_free(count);
    wp_free(ids);
    wp_free(elderly);
    free_gen(&g);
    return s;
}

wp_status wp_generate(const wp_gen_options *o, const char *out_path, wp_error *err)
{
    WP_GUARD(err, "generating the scenario", generate_unguarded(o, out_path, err));
}
