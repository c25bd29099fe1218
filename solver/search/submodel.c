/* Sub-model extraction for the decomposition. */
#include "search/submodel.h"

#include <stdlib.h>
#include <string.h>

#include "contract/market.h"
#include "model/previous.h"
#include "util/alloc.h"

static void copy_travel(wp_model *c, const wp_model *p)
{
    c->planar = p->planar;
    c->detour = p->detour;
    c->planar_speed = p->planar_speed;
    c->km_per_unit = p->km_per_unit;
    memcpy(c->speed_kmh, p->speed_kmh, sizeof c->speed_kmh);
    memcpy(c->km_per_min, p->km_per_min, sizeof c->km_per_min);
    memcpy(c->min_per_km, p->min_per_km, sizeof c->min_per_km);
    c->objective = p->objective;
    c->pair_policy = p->pair_policy;
    c->contracting.model = p->contracting.model;
    c->n_matrix = p->n_matrix;
    c->matrix_min = p->matrix_min; /* borrowed: see matrix_borrowed */
    c->matrix_km = p->matrix_km;
    c->matrix_borrowed = true;
}

/* Locations: the clients' first, then the helpers' homes (as in every model). */
static void copy_locations(wp_model *c, const wp_model *p, const int *clients, int nc,
                           const int *helpers, int nh)
{
    int n = nc + nh;
    c->n_locations = n;
    c->x = wp_malloc(((size_t)n + 1) * sizeof(double));
    c->y = wp_malloc(((size_t)n + 1) * sizeof(double));
    c->src_x = wp_malloc(((size_t)n + 1) * sizeof(double));
    c->src_y = wp_malloc(((size_t)n + 1) * sizeof(double));
    if (p->loc_matrix) c->loc_matrix = wp_malloc(((size_t)n + 1) * sizeof(int));
    for (int i = 0; i < n; i++) {
        int from = i < nc ? p->clients[clients[i]].location : p->helpers[helpers[i - nc]].home;
        c->x[i] = p->x[from];
        c->y[i] = p->y[from];
        c->src_x[i] = p->src_x[from];
        c->src_y[i] = p->src_y[from];
        if (p->loc_matrix) c->loc_matrix[i] = p->loc_matrix[from];
    }
}

static void copy_helpers(wp_submodel *sm, const wp_model *p, const int *helpers, int nh, int nc)
{
    wp_model *c = &sm->m;
    c->n_helpers = nh;
    c->helpers = wp_calloc((size_t)nh + 1, sizeof *c->helpers);
    int windows = 0;
    for (int i = 0; i < nh; i++) windows += p->helpers[helpers[i]].avail_off[WP_DAYS];
    c->avail = wp_malloc(((size_t)windows + 1) * sizeof *c->avail);
    for (int i = 0; i < nh; i++) {
        const wp_helper_def *from = &p->helpers[helpers[i]];
        wp_helper_def *h = &c->helpers[i];
        *h = *from;
        h->id = NULL;
        h->extra_json = NULL;
        h->home = nc + i;
        h->avail_start = c->n_avail;
        memcpy(c->avail + c->n_avail, p->avail + from->avail_start,
               from->avail_off[WP_DAYS] * sizeof *c->avail);
        c->n_avail += from->avail_off[WP_DAYS];
    }
    sm->helper_of = wp_malloc(((size_t)nh + 1) * sizeof(int));
    memcpy(sm->helper_of, helpers, (size_t)nh * sizeof(int));
}

/* Exclusions and pins name parent helpers; in the child they name child helpers. A pinned
 * helper outside the child leaves the client no helper there (-2 matches nobody). */
static void remap_client_helpers(wp_client_def *cl, const wp_client_def *from,
                                 const int *child_helper)
{
    cl->excluded = NULL;
    cl->n_excluded = 0;
    if (from->pin_helper >= 0)
        cl->pin_helper = child_helper[from->pin_helper] >= 0 ? child_helper[from->pin_helper] : -2;
    if (!from->n_excluded) return;
    cl->excluded = wp_malloc((size_t)from->n_excluded * sizeof(int));
    for (int k = 0; k < from->n_excluded; k++) {
        int h = child_helper[from->excluded[k]];
        if (h >= 0) cl->excluded[cl->n_excluded++] = h;
    }
}

static void copy_clients(wp_submodel *sm, const wp_model *p, const int *clients, int nc,
                         const int *child_helper)
{
    wp_model *c = &sm->m;
    c->n_clients = nc;
    c->clients = wp_calloc((size_t)nc + 1, sizeof *c->clients);
    int visits = 0;
    for (int i = 0; i < nc; i++) visits += p->clients[clients[i]].n_visits;
    c->n_visits = visits;
    c->visits = wp_malloc(((size_t)visits + 1) * sizeof *c->visits);
    sm->visit_of = wp_malloc(((size_t)visits + 1) * sizeof(int));
    int v = 0;
    for (int i = 0; i < nc; i++) {
        const wp_client_def *from = &p->clients[clients[i]];
        wp_client_def *cl = &c->clients[i];
        *cl = *from;
        cl->id = NULL;
        cl->extra_json = NULL;
        cl->location = i;
        cl->district = -1;
        cl->helper = from->helper >= 0 ? child_helper[from->helper] : -1;
        remap_client_helpers(cl, from, child_helper);
        cl->first_visit = v;
        /* Repair: a client whose helper of the week stays outside this cluster cannot get a
         * substitute here, and a visit by anyone else on a day that helper is absent would be
         * one in the parent: such days are closed to it in the child. */
        uint8_t closed = 0;
        if (p->prev) {
            int w = p->prev->week_helper[clients[i]];
            if (w >= 0 && child_helper[w] < 0) closed = p->helpers[w].absent;
        }
        for (int k = 0; k < from->n_visits; k++, v++) {
            wp_visit_def *vd = &c->visits[v];
            *vd = p->visits[from->first_visit + k];
            vd->client = i;
            vd->blocked = NULL; /* the parent keeps the reason; days == 0 keeps it unplanned */
            vd->pin_helper = vd->pin_helper >= 0 ? child_helper[vd->pin_helper] : -1;
            vd->days &= (uint8_t)~closed;
            sm->visit_of[v] = from->first_visit + k;
        }
    }
    sm->client_of = wp_malloc(((size_t)nc + 1) * sizeof(int));
    memcpy(sm->client_of, clients, (size_t)nc * sizeof(int));
}

/* The parent's allowed-provider sets, with the child's clients and helpers. */
static void copy_market(wp_submodel *sm, const wp_model *p, const wp_market *pmk)
{
    wp_market *mk = &sm->mk;
    const wp_model *c = &sm->m;
    memset(mk, 0, sizeof *mk);
    mk->contract_model = pmk->contract_model;
    mk->words = pmk->words;
    mk->n_sets = pmk->n_sets;
    mk->sets = wp_malloc(((size_t)pmk->n_sets * (size_t)pmk->words + 1) * sizeof(uint64_t));
    memcpy(mk->sets, pmk->sets, (size_t)pmk->n_sets * (size_t)pmk->words * sizeof(uint64_t));
    mk->helper_provider = wp_malloc(((size_t)c->n_helpers + 1) * sizeof(int));
    for (int h = 0; h < c->n_helpers; h++)
        mk->helper_provider[h] = pmk->helper_provider[sm->helper_of[h]];
    mk->client_set = wp_malloc(((size_t)c->n_clients + 1) * sizeof(int));
    for (int i = 0; i < c->n_clients; i++) mk->client_set[i] = pmk->client_set[sm->client_of[i]];
    if (pmk->pair_continue) { /* the pair's helper in the child (its client's helper there) */
        mk->pair_continue = wp_malloc(((size_t)c->n_clients + 1) * sizeof(int));
        for (int i = 0; i < c->n_clients; i++) mk->pair_continue[i] = c->clients[i].helper;
    }
    (void)p;
}

void wp_submodel_build(wp_submodel *sm, const wp_model *parent, const wp_market *pmk,
                       const int *clients, int nc, const int *helpers, int nh)
{
    memset(sm, 0, sizeof *sm);
    wp_model *c = &sm->m;
    copy_travel(c, parent);
    c->n_providers = parent->n_providers;
    c->providers = wp_calloc((size_t)parent->n_providers + 1, sizeof *c->providers);
    int *child_helper = wp_malloc(((size_t)parent->n_helpers + 1) * sizeof(int));
    for (int h = 0; h < parent->n_helpers; h++) child_helper[h] = -1;
    for (int i = 0; i < nh; i++) child_helper[helpers[i]] = i;
    copy_locations(c, parent, clients, nc, helpers, nh);
    copy_helpers(sm, parent, helpers, nh, nc);
    copy_clients(sm, parent, clients, nc, child_helper);
    copy_market(sm, parent, pmk);
    if (parent->prev)
        c->prev = wp_previous_sub(parent->prev, c->n_visits, sm->visit_of, c->n_clients,
                                  sm->client_of, child_helper);
    /* A repair's search is short: building the table would cost more than its lookups save. */
    if (!parent->prev) wp_model_cache_distances(c);
    wp_free(child_helper);
}

void wp_submodel_free(wp_submodel *sm)
{
    wp_market_free(&sm->mk);
    wp_model_free(&sm->m);
    wp_free(sm->client_of);
    wp_free(sm->helper_of);
    wp_free(sm->visit_of);
    memset(sm, 0, sizeof *sm);
}
