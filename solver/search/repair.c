/* Seeding a repair from last week's plan (see repair.h). */
#include "search/repair.h"

#include <math.h>
#include <stdlib.h>

#include "model/previous.h"
#include "search/construct.h"
#include "search/insert.h"
#include "search/moves.h"
#include "util/alloc.h"
#include "util/keyed.h"

/* Visits with a previous plan, in last week's route order. */
static int previous_order(const wp_model *m, wp_keyed *out)
{
    const wp_previous *pv = m->prev;
    int n = 0;
    for (int v = 0; v < m->n_visits; v++)
        if (pv->visit_route[v] >= 0)
            out[n++] = (wp_keyed){(double)pv->visit_route[v] * 1e6 + pv->visit_pos[v], v};
    wp_keyed_sort(out, (size_t)n);
    return n;
}

/* Visit v's previous day keeps min_days_between_visits to the client's visits kept so far. */
static bool spacing_holds(const wp_sol *s, int v, int day)
{
    const wp_model *m = s->p->m;
    const wp_client_def *cl = &m->clients[m->visits[v].client];
    int spacing = cl->min_days_between > 1 ? cl->min_days_between : 1;
    for (int k = 0; k < cl->n_visits; k++) {
        int u = cl->first_visit + k;
        if (u != v && s->route_of[u] >= 0 && abs(s->routes[s->route_of[u]].day - day) < spacing)
            return false;
    }
    return true;
}

/* Appends v to route ri with window [e, l] in force if the route and the week still fit. */
static bool append_fits(wp_sol *s, int v, int ri, double e, double l)
{
    wp_route *r = &s->routes[ri];
    double old_e = s->early[v], old_l = s->late[v];
    s->early[v] = e;
    s->late[v] = l;
    wp_route_eval ev = wp_eval_join(s, r->helper, r->day, r, r->n, &v, 1, NULL, 0);
    if (ev.feasible && wp_week_fits(s, r->helper, r->day, ev.duration)) return true;
    s->early[v] = old_e;
    s->late[v] = old_l;
    return false;
}

/* Step 1 for one visit: keeps it where it was, if it still may and fits. */
static bool keep_visit(wp_sol *s, int v)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    const wp_previous *pv = m->prev;
    int h = pv->visit_helper[v], d = pv->visit_day[v], c = m->visits[v].client;
    if (h < 0 || !(m->visits[v].days >> d & 1) || !wp_helper_works(m, h, d)) return false;
    if (!wp_instance_eligible(p, h, c) || !spacing_holds(s, v, d)) return false;
    /* the pair rule: the client's visits count for its helper of the week when it has one */
    int counts_for = wp_pair_helper_of(m, c, h, d), want = s->client_helper[c];
    if (want < 0) want = pv->week_helper[c] >= 0 ? pv->week_helper[c] : counts_for;
    if (counts_for != want) return false;
    const wp_window *w = &m->visits[v].window;
    double t = pv->visit_start[v], lo, hi;
    int ri = wp_route_index(h, d);
    bool kept;
    if (m->clients[c].consistency_min >= 0 && m->clients[c].n_visits > 1) {
        /* exactly last week's start keeps last week's consistency */
        kept = t >= w->from && t <= w->to && append_fits(s, v, ri, t, t);
    } else {
        kept =
            (wp_unchanged_band(p, v, w->from, w->to, &lo, &hi) && append_fits(s, v, ri, lo, hi)) ||
            append_fits(s, v, ri, w->from, w->to);
    }
    if (!kept) return false;
    if (s->client_helper[c] != counts_for) wp_sol_set_helper(s, c, counts_for);
    wp_sol_insert(s, v, ri, s->routes[ri].n + 1);
    return true;
}

/* Clients whose week is not fully kept start over: their kept visits are the best first guess
 * only when the whole week is re-planned around them. */
static void release_incomplete(wp_sol *s)
{
    const wp_model *m = s->p->m;
    for (int c = 0; c < m->n_clients; c++) {
        const wp_client_def *cl = &m->clients[c];
        if (s->client_served[c] == 0 || s->client_served[c] == cl->n_visits) continue;
        wp_unassign_client(s, c);
    }
}

int wp_repair_seed(wp_sol *s)
{
    const wp_model *m = s->p->m;
    wp_keyed *order = wp_malloc(((size_t)m->n_visits + 1) * sizeof *order);
    int n = previous_order(m, order), kept = 0;
    for (int i = 0; i < n; i++) kept += keep_visit(s, order[i].id);
    wp_free(order);
    release_incomplete(s);
    wp_construct(s, NULL, 0);
    return kept;
}
