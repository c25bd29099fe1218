/* The KPI function: travel recomputed from the scenario, care and pairs from the routes. */
#include "kpi/kpi.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error/guard.h"
#include "io/roster_csv.h"
#include "model/previous.h"
#include "model/scenario_internal.h"
#include "util/alloc.h"

int *wp_kpi_helper_providers(const wp_model *m, const wp_roster *r)
{
    int *prov = wp_malloc(((size_t)m->n_helpers + 1) * sizeof *prov);
    for (int h = 0; h < m->n_helpers; h++) prov[h] = m->helpers[h].provider;
    for (size_t i = 0; i < r->n_transfers; i++) {
        int h = wp_strmap_get(&m->helper_ids, r->transfers[i].helper);
        int p = wp_strmap_get(&m->provider_ids, r->transfers[i].to);
        if (h >= 0 && p >= 0) prov[h] = p;
    }
    return prov;
}

/* Per-visit facts gathered from the routes. */
typedef struct route_facts {
    int *visit_helper;   /* per visit: helper serving it, or -1 */
    int *visit_day;      /* per visit: day it is served */
    double *visit_start; /* per visit: start */
    int *client_helper;  /* per client: helper of its first served visit that is not a
                          * substitute's; a client served only by substitutes keeps its helper
                          * of the week; -1 when nothing is served */
} route_facts;

/* The clients counted: all (scope NULL) or those of the districts marked in scope. */
static bool in_scope(const wp_model *m, int c, const bool *scope)
{
    return !scope || (m->clients[c].district >= 0 && scope[m->clients[c].district]);
}

static void gather(const wp_model *m, const wp_roster *r, route_facts *f)
{
    f->visit_helper = wp_malloc(((size_t)m->n_visits + 1) * sizeof(int));
    f->visit_day = wp_calloc((size_t)m->n_visits + 1, sizeof(int));
    f->visit_start = wp_calloc((size_t)m->n_visits + 1, sizeof(double));
    f->client_helper = wp_malloc(((size_t)m->n_clients + 1) * sizeof(int));
    for (int v = 0; v < m->n_visits; v++) f->visit_helper[v] = -1;
    for (int c = 0; c < m->n_clients; c++) f->client_helper[c] = -1;
    for (size_t i = 0; i < r->n_routes; i++) {
        const wp_roster_route *rt = &r->routes[i];
        int h = wp_strmap_get(&m->helper_ids, rt->helper);
        if (h < 0 || rt->day < 0 || rt->day >= WP_DAYS) continue;
        for (size_t k = 0; k < rt->n_visits; k++) {
            int c = wp_strmap_get(&m->client_ids, rt->visits[k].client);
            if (c < 0 || rt->visits[k].visit < 0 || rt->visits[k].visit >= m->clients[c].n_visits)
                continue;
            int v = m->clients[c].first_visit + rt->visits[k].visit;
            f->visit_helper[v] = h;
            f->visit_day[v] = rt->day;
            f->visit_start[v] = rt->visits[k].start;
        }
    }
    for (int c = 0; c < m->n_clients; c++) {
        const wp_client_def *cl = &m->clients[c];
        bool substitutes = false;
        for (int k = 0; k < cl->n_visits && f->client_helper[c] < 0; k++) {
            int v = cl->first_visit + k, h = f->visit_helper[v];
            if (h < 0) continue;
            if (wp_is_substitute(m, c, h, f->visit_day[v]))
                substitutes = true;
            else
                f->client_helper[c] = h;
        }
        if (f->client_helper[c] < 0 && substitutes) f->client_helper[c] = m->prev->week_helper[c];
    }
}

static void free_facts(route_facts *f)
{
    wp_free(f->visit_helper);
    wp_free(f->visit_day);
    wp_free(f->visit_start);
    wp_free(f->client_helper);
}

/* How visit v of the roster compares with its previous plan. */
static int visit_change(const wp_model *m, const route_facts *f, int v)
{
    const wp_previous *p = m->prev;
    if (!p || p->visit_day[v] < 0) return WP_CHANGE_NONE;
    int h = f->visit_helper[v];
    if (h < 0) return WP_CHANGE_DROPPED;
    bool near = fabs(f->visit_start[v] - p->visit_start[v]) <= WP_UNCHANGED_MIN + 1e-9;
    return wp_change_of(m, v, h, f->visit_day[v], near);
}

/* Counts change kinds of the clients in scope into k; returns the objective's change terms. */
static double count_changes(const wp_model *m, const route_facts *f, const bool *scope, wp_kpi *k)
{
    if (!m->prev) return 0;
    k->repair = true;
    double cost = 0;
    for (int c = 0; c < m->n_clients; c++) {
        if (!in_scope(m, c, scope)) continue;
        const wp_client_def *cl = &m->clients[c];
        bool contacted = false;
        for (int j = 0; j < cl->n_visits; j++) {
            int kind = visit_change(m, f, cl->first_visit + j);
            if (kind == WP_CHANGE_NONE) continue;
            k->visits_with_previous++;
            k->visits_unchanged += kind == WP_CHANGE_UNCHANGED;
            k->visits_changed_time += kind == WP_CHANGE_TIME;
            k->visits_changed_day += kind == WP_CHANGE_DAY;
            k->visits_changed_helper += kind == WP_CHANGE_HELPER;
            k->visits_substitute += kind == WP_CHANGE_SUBSTITUTE;
            k->visits_dropped += kind == WP_CHANGE_DROPPED;
            contacted |= kind != WP_CHANGE_UNCHANGED;
            cost += wp_change_weight(&m->objective, kind);
        }
        k->clients_contacted += contacted;
    }
    return cost;
}

/* Travel, routes and helpers from the route sequences. */
static void route_totals(const wp_model *m, const wp_roster *r, const bool *district, wp_kpi *k,
                         double *contract_min, double *route_min)
{
    bool *used = wp_calloc((size_t)m->n_helpers + 1, sizeof *used);
    double travel_km = 0, travel_min = 0;
    for (size_t i = 0; i < r->n_routes; i++) {
        const wp_roster_route *rt = &r->routes[i];
        int h = wp_strmap_get(&m->helper_ids, rt->helper);
        if (h < 0) continue;
        const wp_helper_def *hd = &m->helpers[h];
        int prev = hd->home, prev_client = -1;
        bool touches = false;
        for (size_t j = 0; j < rt->n_visits; j++) {
            int c = wp_strmap_get(&m->client_ids, rt->visits[j].client);
            if (c < 0) continue;
            int loc = m->clients[c].location;
            if (in_scope(m, c, district)) {
                travel_km += wp_model_dist(m, prev, loc);
                travel_min += wp_model_time(m, prev, loc, hd->mode);
                touches = true;
            }
            prev = loc;
            prev_client = c;
        }
        if (prev_client >= 0 && in_scope(m, prev_client, district)) {
            travel_km += wp_model_dist(m, prev, hd->home);
            travel_min += wp_model_time(m, prev, hd->home, hd->mode);
        }
        if (!touches) continue;
        k->helper_days++;
        *route_min += rt->end - rt->start;
        if (!used[h]) {
            used[h] = true;
            k->helpers_used++;
            *contract_min += hd->week_min;
        }
    }
    k->travel_km = travel_km;
    k->travel_minutes = travel_min;
    k->travel_hours = travel_min / 60;
    wp_free(used);
}

void wp_kpi_compute(const wp_model *m, const wp_roster *r, int district, wp_kpi *out)
{
    bool *scope = NULL;
    if (district >= 0) {
        scope = wp_calloc((size_t)m->n_districts + 1, sizeof *scope);
        scope[district] = true;
    }
    wp_kpi_compute_set(m, r, scope, out);
    wp_free(scope);
}

void wp_kpi_compute_set(const wp_model *m, const wp_roster *r, const bool *district, wp_kpi *out)
{
    wp_kpi k;
    memset(&k, 0, sizeof k);
    route_facts f;
    gather(m, r, &f);
    int *prov = wp_kpi_helper_providers(m, r);
    double care_min = 0, unserved_min = 0, weighted = 0, cost = 0;
    for (int c = 0; c < m->n_clients; c++) {
        if (!in_scope(m, c, district)) continue;
        const wp_client_def *cl = &m->clients[c];
        k.clients++;
        int served = 0;
        for (int j = 0; j < cl->n_visits; j++) {
            int v = cl->first_visit + j, h = f.visit_helper[v];
            double dur = m->visits[v].duration;
            k.visits++;
            if (h >= 0) {
                served++;
                care_min += dur;
                double tariff = m->providers[prov[h]].tariff[cl->product];
                if (!isnan(tariff)) cost += dur / 60 * tariff;
            } else {
                unserved_min += dur;
                weighted += dur * cl->priority;
            }
        }
        k.visits_served += served;
        if (served == cl->n_visits)
            k.clients_fully_served++;
        else
            k.waiting_list_clients++;
        int h = f.client_helper[c];
        if (cl->helper >= 0) {
            k.pairs_total++;
            if (h == cl->helper)
                k.pairs_kept++;
            else if (h >= 0)
                k.clients_changed_helper++;
        }
        if (h >= 0 && cl->provider >= 0 && prov[h] != cl->provider) k.clients_changed_provider++;
    }
    double contract_min = 0, route_min = 0;
    route_totals(m, r, district, &k, &contract_min, &route_min);
    bool *serves = wp_calloc((size_t)m->n_helpers + 1, sizeof *serves);
    for (int c = 0; c < m->n_clients; c++)
        if (f.client_helper[c] >= 0 && in_scope(m, c, district)) serves[f.client_helper[c]] = true;
    for (size_t i = 0; i < r->n_transfers; i++) {
        int h = wp_strmap_get(&m->helper_ids, r->transfers[i].helper);
        if (h >= 0 && serves[h]) k.helpers_changed_employer++;
    }
    wp_free(serves);
    k.care_hours = care_min / 60;
    k.unserved_hours = unserved_min / 60;
    k.unserved_weighted_minutes = weighted;
    double paid = k.travel_hours + k.care_hours;
    k.travel_share = paid > 0 ? k.travel_hours / paid : 0;
    k.utilization = contract_min > 0 ? (care_min + k.travel_minutes) / contract_min : 0;
    double wait_min = route_min - care_min - k.travel_minutes;
    k.wait_hours = wait_min > 1e-6 ? wait_min / 60 : 0; /* rounding noise is not waiting */
    if (district) k.wait_hours = 0; /* routes cross districts: waiting is not attributable */
    k.cost_eur = cost;
    const wp_objective *o = &m->objective;
    double change = count_changes(m, &f, district, &k);
    k.objective = o->unserved_minute * weighted + o->broken_pair * (k.pairs_total - k.pairs_kept) +
                  o->travel_minute * k.travel_minutes + o->helper_day * k.helper_days +
                  o->helper * k.helpers_used + change;
    wp_free(prov);
    free_facts(&f);
    *out = k;
}

double wp_kpi_hhi(const wp_model *m, const wp_roster *r, int district_index)
{
    bool *district = NULL;
    if (district_index >= 0) {
        district = wp_calloc((size_t)m->n_districts + 1, sizeof *district);
        district[district_index] = true;
    }
    route_facts f;
    gather(m, r, &f);
    int *prov = wp_kpi_helper_providers(m, r);
    double *share = wp_calloc((size_t)m->n_providers + 1, sizeof *share);
    double total = 0;
    for (int v = 0; v < m->n_visits; v++) {
        int h = f.visit_helper[v], c = m->visits[v].client;
        if (h < 0 || !in_scope(m, c, district)) continue;
        share[prov[h]] += m->visits[v].duration;
        total += m->visits[v].duration;
    }
    double hhi = 0;
    for (int p = 0; p < m->n_providers && total > 0; p++) {
        double s = 100 * share[p] / total;
        hhi += s * s;
    }
    wp_free(share);
    wp_free(prov);
    free_facts(&f);
    wp_free(district);
    return hhi;
}

static int cmp_change(const void *a, const void *b)
{
    const wp_roster_change *x = a, *y = b;
    int c = strcmp(x->client, y->client);
    return c ? c : x->visit - y->visit;
}

void wp_kpi_changes(const wp_model *m, wp_roster *r)
{
    if (!m->prev) return;
    const wp_previous *p = m->prev;
    route_facts f;
    gather(m, r, &f);
    r->changes = wp_calloc((size_t)p->visits_with_plan + 1, sizeof *r->changes);
    r->n_changes = 0;
    for (int v = 0; v < m->n_visits; v++) {
        int kind = visit_change(m, &f, v);
        if (kind == WP_CHANGE_NONE || kind == WP_CHANGE_UNCHANGED) continue;
        wp_roster_change *c = &r->changes[r->n_changes++];
        int was = p->visit_route[v];
        c->client = wp_strdup(m->clients[m->visits[v].client].id);
        c->visit = m->visits[v].index;
        c->kind = wp_strdup(wp_change_name(kind));
        c->from = (wp_roster_plan_ref){wp_strdup(p->route_helper[was]), p->visit_day[v],
                                       p->visit_start[v]};
        c->to.day = -1;
        if (f.visit_helper[v] >= 0)
            c->to = (wp_roster_plan_ref){wp_strdup(m->helpers[f.visit_helper[v]].id),
                                         f.visit_day[v], f.visit_start[v]};
    }
    qsort(r->changes, r->n_changes, sizeof *r->changes, cmp_change);
    free_facts(&f);
}

/* ---- the waiting list ---------------------------------------------------------------------- */

typedef struct waiting {
    int client;
    double minutes;
    int visits;
    const char *reason;
} waiting;

static int cmp_waiting(const void *a, const void *b, void *mv)
{
    const waiting *x = a, *y = b;
    const wp_model *m = mv;
    int px = m->clients[x->client].priority, py = m->clients[y->client].priority;
    if (px != py) return py - px;
    if (x->minutes != y->minutes) return x->minutes > y->minutes ? -1 : 1;
    return strcmp(m->clients[x->client].id, m->clients[y->client].id);
}

/* Insertion sort with a context (lists are short: the clients waiting). */
static void sort_waiting(waiting *w, int n, const wp_model *m)
{
    for (int i = 1; i < n; i++) {
        waiting t = w[i];
        int j = i;
        while (j > 0 && cmp_waiting(&w[j - 1], &t, (void *)m) > 0) {
            w[j] = w[j - 1];
            j--;
        }
        w[j] = t;
    }
}

wp_status wp_kpi_write_waiting_list(const wp_model *m, const wp_roster *r, const char *path,
                                    wp_csv_dialect dialect, wp_error *err)
{
    waiting *w = wp_calloc((size_t)m->n_clients + 1, sizeof *w);
    int *slot = wp_malloc(((size_t)m->n_clients + 1) * sizeof *slot);
    for (int c = 0; c < m->n_clients; c++) slot[c] = -1;
    int n = 0;
    for (size_t i = 0; i < r->n_unassigned; i++) {
        int c = wp_strmap_get(&m->client_ids, r->unassigned[i].client);
        if (c < 0) continue;
        if (slot[c] < 0) {
            slot[c] = n;
            w[n++] = (waiting){c, 0, 0, r->unassigned[i].reason};
        }
        w[slot[c]].minutes += r->unassigned[i].minutes;
        w[slot[c]].visits++;
    }
    sort_waiting(w, n, m);
    static const char *const header[] = {"client",   "priority", "hours_waiting", "visits_waiting",
                                         "provider", "district", "reason",        NULL};
    const char **cells = wp_calloc((size_t)n * 7 + 1, sizeof *cells);
    char *numbers = wp_calloc((size_t)n * 3 * 24 + 1, 1);
    for (int i = 0; i < n; i++) {
        const wp_client_def *cl = &m->clients[w[i].client];
        char *num = numbers + (size_t)i * 72;
        snprintf(num, 24, "%d", cl->priority);
        snprintf(num + 24, 24, "%.2f", w[i].minutes / 60);
        snprintf(num + 48, 24, "%d", w[i].visits);
        const char **row = cells + (size_t)i * 7;
        row[0] = cl->id;
        row[1] = num;
        row[2] = num + 24;
        row[3] = num + 48;
        row[4] = cl->provider >= 0 ? m->providers[cl->provider].id : "";
        row[5] = cl->district >= 0 ? m->districts[cl->district].id : "";
        row[6] = w[i].reason ? w[i].reason : "";
    }
    wp_status s = wp_csv_write_table(header, cells, n, path, dialect, err);
    wp_free(cells);
    wp_free(numbers);
    wp_free(slot);
    wp_free(w);
    return s;
}

static wp_status scenario_write_waiting_list_unguarded(const wp_scenario *s, const wp_roster *r,
                                                       const char *path, wp_csv_dialect dialect,
                                                       wp_error *err)
{
    return wp_kpi_write_waiting_list(&s->model, r, path, dialect, err);
}

wp_status wp_scenario_write_waiting_list(const wp_scenario *s, const wp_roster *r, const char *path,
                                         wp_csv_dialect dialect, wp_error *err)
{
    WP_GUARD(err, "writing the waiting list",
             scenario_write_waiting_list_unguarded(s, r, path, dialect, err));
}

static wp_status kpi_of_districts_unguarded(const wp_scenario *s, const wp_roster *r,
                                            const char *const *district_ids, int n, wp_kpi *out,
                                            wp_error *err)
{
    const wp_model *m = &s->model;
    bool *scope = n > 0 ? wp_calloc((size_t)m->n_districts + 1, sizeof *scope) : NULL;
    wp_status st = WP_OK;
    for (int i = 0; i < n; i++) {
        int d = wp_strmap_get(&m->district_ids, district_ids[i]);
        if (d < 0)
            st = wp_error_add(err, WP_ERR_INPUT, NULL, "--districts", 0, 0,
                              "no district \"%s\" in the scenario", district_ids[i]);
        else
            scope[d] = true;
    }
    if (st == WP_OK) wp_kpi_compute_set(m, r, scope, out);
    wp_free(scope);
    return st;
}

wp_status wp_kpi_of_districts(const wp_scenario *s, const wp_roster *r,
                              const char *const *district_ids, int n, wp_kpi *out, wp_error *err)
{
    WP_GUARD(err, "computing the district KPIs",
             kpi_of_districts_unguarded(s, r, district_ids, n, out, err));
}
