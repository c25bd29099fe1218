/* From a plan under search to roster data: times by a forward pass from the earliest departure
 * that keeps the route at its minimum duration; assignments; unassigned visits with reasons. */
#include "search/extract.h"

#include <stdlib.h>
#include <string.h>

#include "model/previous.h"
#include "search/reasons.h"
#include "util/alloc.h"

/* Departure time: the earliest start of the route's minimum-duration interval, no earlier
 * than its availability window opens. */
static double departure(const wp_sol *s, const wp_route *r)
{
    const wp_model *m = s->p->m;
    wp_tseg seg = r->fwd[r->n + 1];
    int nw;
    const wp_window *w = wp_helper_windows(m, r->helper, r->day, &nw);
    for (int k = 0; k < nw; k++) {
        double depart = seg.early > w[k].from ? seg.early : w[k].from;
        if (w[k].from <= seg.late + WP_TW_EPS && depart + seg.dur <= w[k].to + WP_TW_EPS)
            return depart;
    }
    return seg.early; /* unreachable for feasible routes */
}

double wp_extract_visit_start(const wp_sol *s, int v)
{
    const wp_instance *p = s->p;
    const wp_route *r = &s->routes[s->route_of[v]];
    const wp_model *m = p->m;
    int mode = m->helpers[r->helper].mode, prev = m->helpers[r->helper].home;
    double t = departure(s, r);
    for (int i = 1; i <= r->n; i++) {
        int u = r->node[i], loc = p->visit_loc[u];
        double arrival = t + wp_model_time(m, prev, loc, mode);
        double start = arrival > s->early[u] ? arrival : s->early[u];
        if (u == v) return start;
        t = start + p->visit_dur[u];
        prev = loc;
    }
    return t;
}

static void fill_route(const wp_sol *s, const wp_route *r, wp_roster_route *out)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    const wp_helper_def *hd = &m->helpers[r->helper];
    out->helper = wp_strdup(hd->id);
    out->day = r->day;
    out->n_visits = (size_t)r->n;
    out->visits = wp_calloc((size_t)r->n + 1, sizeof *out->visits);
    double t = departure(s, r), km = 0, tmin = 0, load = 0;
    out->start = t;
    int prev = hd->home;
    for (int i = 1; i <= r->n; i++) {
        int v = r->node[i], loc = p->visit_loc[v];
        wp_roster_visit *rv = &out->visits[i - 1];
        double leg_km = wp_model_dist(m, prev, loc),
               leg_min = wp_model_time(m, prev, loc, hd->mode);
        rv->client = wp_strdup(m->clients[p->visit_client[v]].id);
        rv->visit = m->visits[v].index;
        rv->travel_km = leg_km;
        rv->travel_min = leg_min;
        rv->arrival = t + leg_min;
        rv->start = rv->arrival > s->early[v] ? rv->arrival : s->early[v];
        rv->end = rv->start + p->visit_dur[v];
        rv->substitute = wp_is_substitute(m, p->visit_client[v], r->helper, r->day);
        t = rv->end;
        km += leg_km;
        tmin += leg_min;
        load += p->visit_load[v];
        prev = loc;
    }
    double home_km = wp_model_dist(m, prev, hd->home),
           home_min = wp_model_time(m, prev, hd->home, hd->mode);
    out->end = t + home_min;
    out->travel_km = km + home_km;
    out->travel_min = tmin + home_min;
    out->load = load;
}

/* The client's helper as the SPEC reads the routes: the helper of its first served visit that
 * is not a substitute's, else (only substitutes) the plan's own. */
static int main_helper(const wp_sol *s, int c)
{
    const wp_model *m = s->p->m;
    const wp_client_def *cl = &m->clients[c];
    for (int k = 0; k < cl->n_visits; k++) {
        int r = s->route_of[cl->first_visit + k];
        if (r < 0) continue;
        const wp_route *R = &s->routes[r];
        if (!wp_is_substitute(m, c, R->helper, R->day)) return R->helper;
    }
    return s->client_helper[c];
}

static void fill_assignments(const wp_sol *s, wp_roster *out)
{
    const wp_model *m = s->p->m;
    out->assignments = wp_calloc((size_t)m->n_clients + 1, sizeof *out->assignments);
    for (int c = 0; c < m->n_clients; c++) {
        int h = main_helper(s, c);
        if (h < 0) continue;
        const wp_client_def *cl = &m->clients[c];
        wp_roster_assignment *a = &out->assignments[out->n_assignments++];
        a->client = wp_strdup(cl->id);
        a->helper = wp_strdup(m->helpers[h].id);
        a->provider = wp_strdup(m->providers[s->p->mk->helper_provider[h]].id);
        a->previous_provider = cl->provider >= 0 ? wp_strdup(m->providers[cl->provider].id) : NULL;
        a->previous_helper = cl->helper >= 0 ? wp_strdup(m->helpers[cl->helper].id) : NULL;
        a->pair_kept = cl->helper >= 0 && cl->helper == h; /* h: whom the visits count for */
    }
}

static void fill_transfers(const wp_sol *s, wp_roster *out)
{
    const wp_model *m = s->p->m;
    for (int h = 0; h < m->n_helpers; h++) {
        int to = s->p->mk->helper_provider[h], from = m->helpers[h].provider;
        if (to == from || s->helper_routes[h] == 0) continue;
        out->transfers =
            wp_realloc_array(out->transfers, out->n_transfers + 1, sizeof *out->transfers);
        wp_roster_transfer *t = &out->transfers[out->n_transfers++];
        t->helper = wp_strdup(m->helpers[h].id);
        t->from = wp_strdup(m->providers[from].id);
        t->to = wp_strdup(m->providers[to].id);
    }
}

static void fill_unassigned(const wp_sol *s, wp_roster *out)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    size_t n = 0;
    for (int v = 0; v < p->n_visits; v++) n += s->route_of[v] < 0;
    out->unassigned = wp_calloc(n + 1, sizeof *out->unassigned);
    for (int v = 0; v < p->n_visits; v++) {
        if (s->route_of[v] >= 0) continue;
        wp_roster_unassigned *u = &out->unassigned[out->n_unassigned++];
        u->client = wp_strdup(m->clients[p->visit_client[v]].id);
        u->visit = m->visits[v].index;
        u->minutes = p->visit_dur[v];
        u->reason = wp_unserved_reason(s, v);
    }
}

void wp_extract_roster(const wp_sol *s, wp_roster *out)
{
    const wp_model *m = s->p->m;
    const wp_awards *awards = s->p->mk->has_awards ? &s->p->mk->awards : NULL;
    size_t n_routes = 0;
    for (int r = 0; r < s->n_routes; r++) n_routes += s->routes[r].n > 0;
    out->routes = wp_calloc(n_routes + 1, sizeof *out->routes);
    /* routes are indexed helper-major, day-minor: the output order the SPEC reader expects */
    for (int r = 0; r < s->n_routes; r++)
        if (s->routes[r].n) fill_route(s, &s->routes[r], &out->routes[out->n_routes++]);
    fill_assignments(s, out);
    fill_transfers(s, out);
    fill_unassigned(s, out);
    if (awards) {
        out->has_awards = true;
        out->n_awards = (size_t)awards->n_districts;
        out->awards = wp_calloc(out->n_awards + 1, sizeof *out->awards);
        for (int d = 0; d < awards->n_districts; d++) {
            wp_roster_award *a = &out->awards[d];
            a->district = wp_strdup(m->districts[d].id);
            a->n_providers = (size_t)awards->count[d];
            a->providers = wp_calloc(a->n_providers + 1, sizeof(char *));
            for (int k = 0; k < awards->count[d]; k++)
                a->providers[k] = wp_strdup(m->providers[awards->providers[d][k]].id);
        }
    }
}
