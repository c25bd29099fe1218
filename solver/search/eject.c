/* The ejection pool of route elimination (see eject.h). */
#include "search/eject.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "search/insert.h"
#include "search/moves.h"
#include "util/alloc.h"
#include "util/clock.h"

/* Ejected visits lie within this many positions of the insertion point: room for a visit is
 * made by its neighbours in the route (Nagata and Bräysy search all subsets; the window keeps
 * an ejection search linear in the route length). */
#define EJECT_WINDOW 3
#define MID_MAX      (2 * EJECT_WINDOW + 2) /* visits between the cached prefix and suffix */

typedef struct ejection {
    long failures; /* the ejected clients' failure counts, summed */
    double travel; /* the route's travel after the ejection: ties */
    int route, out[2], n_out;
} ejection;

typedef struct pool {
    int *client, n;
    long *failures; /* per client: times it fitted nowhere */
} pool;

/* Places client c at its cheapest complete plan, whatever it costs; false when none exists. */
static bool place_cheapest(wp_sol *s, int c)
{
    wp_client_plan best;
    if (!wp_cheapest_plan(s, c, HUGE_VAL, true, &best)) return false;
    wp_plan_apply(s, &best);
    return true;
}

/* A visit that may leave its route for the pool: the only visit of its client. */
static bool ejectable(const wp_sol *s, int v)
{
    return !s->p->visit_bound[v];
}

/* Route r with visit v before position `at` and the visits at positions e[0..k) (ascending)
 * left out, evaluated from r's caches around the changed stretch. */
static wp_route_eval eval_ejection(const wp_sol *s, const wp_route *r, int v, int at, const int *e,
                                   int k, int *mid)
{
    int lo = at, hi = at - 1;
    for (int q = 0; q < k; q++) {
        if (e[q] < lo) lo = e[q];
        if (e[q] > hi) hi = e[q];
    }
    int n = 0;
    for (int i = lo; i <= hi + 1; i++) {
        if (i == at) mid[n++] = v;
        if (i > hi) break;
        bool out = false;
        for (int q = 0; q < k; q++) out |= e[q] == i;
        if (!out) mid[n++] = r->node[i];
    }
    return wp_eval_join(s, r->helper, r->day, r, lo - 1, mid, n, r, hi + 1);
}

/* Keeps e as the best ejection so far when it is feasible and better. */
static void consider(const wp_sol *s, int ri, int v, int at, const int *e, int k, long failures,
                     ejection *best, int *mid)
{
    const wp_route *r = &s->routes[ri];
    wp_route_eval ev = eval_ejection(s, r, v, at, e, k, mid);
    if (!ev.feasible || !wp_week_fits(s, r->helper, r->day, ev.duration)) return;
    if (failures > best->failures || (failures == best->failures && ev.travel >= best->travel))
        return;
    best->failures = failures;
    best->travel = ev.travel;
    best->route = ri;
    best->n_out = k;
    for (int q = 0; q < k; q++) best->out[q] = r->node[e[q]];
}

/* The best way to make room for single visit v in route ri by ejecting one or two visits. */
static void search_route(const wp_sol *s, const pool *pl, int ri, int v, ejection *best, int *mid)
{
    const wp_instance *p = s->p;
    const wp_route *r = &s->routes[ri];
    for (int at = 1; at <= r->n + 1; at++) {
        int from = at - EJECT_WINDOW > 1 ? at - EJECT_WINDOW : 1;
        int to = at + EJECT_WINDOW - 1 < r->n ? at + EJECT_WINDOW - 1 : r->n;
        for (int a = from; a <= to; a++) {
            if (!ejectable(s, r->node[a])) continue;
            long fa = pl->failures[p->visit_client[r->node[a]]];
            if (fa > best->failures) continue;
            int e[2] = {a, 0};
            consider(s, ri, v, at, e, 1, fa, best, mid);
            for (int b = a + 1; b <= to; b++) {
                if (!ejectable(s, r->node[b])) continue;
                long fb = fa + pl->failures[p->visit_client[r->node[b]]];
                if (fb > best->failures) continue;
                e[1] = b;
                consider(s, ri, v, at, e, 2, fb, best, mid);
            }
        }
    }
}

/* Makes room for single-visit client c by ejecting; the ejected clients join the pool. */
static bool eject_for(wp_sol *s, pool *pl, int c, int *mid)
{
    const wp_instance *p = s->p;
    int v = p->m->clients[c].first_visit;
    ejection best = {LONG_MAX, DBL_MAX, -1, {0, 0}, 0};
    for (int k = p->cand_start[c]; k < p->cand_start[c + 1]; k++) {
        int h = p->cand[k];
        if (!wp_sol_helper_on(s, h)) continue;
        for (int d = 0; d < WP_DAYS; d++) {
            int ri = wp_route_index(h, d);
            if (s->routes[ri].n == 0 || !wp_visit_fits_route(s, v, &s->routes[ri])) continue;
            search_route(s, pl, ri, v, &best, mid);
        }
    }
    if (best.route < 0) return false;
    for (int q = 0; q < best.n_out; q++) {
        int out = p->visit_client[best.out[q]];
        wp_unassign_client(s, out);
        pl->client[pl->n++] = out;
    }
    return place_cheapest(s, c);
}

bool wp_eject_place(wp_sol *s, wp_ls *ls, const int *clients, int n, long max_steps,
                    double deadline)
{
    const wp_instance *p = s->p;
    int nc = p->n_clients;
    pool pl = {wp_malloc(((size_t)nc + 1) * sizeof(int)), 0,
               wp_calloc((size_t)nc + 1, sizeof(long))};
    int mid[MID_MAX];
    for (int i = 0; i < n; i++)
        if (s->client_helper[clients[i]] < 0) pl.client[pl.n++] = clients[i];
    for (long step = 0; pl.n > 0 && step < max_steps; step++) {
        if ((step & 15) == 0 && wp_clock_now() >= deadline) break;
        int c = pl.client[--pl.n];
        if (place_cheapest(s, c)) continue;
        pl.failures[c]++;
        bool single = p->m->clients[c].n_visits == 1;
        if (single && eject_for(s, &pl, c, mid)) {
            wp_ls_run(ls, s);
            continue;
        }
        /* fits nowhere even by ejection: to the bottom of the pool */
        if (s->client_helper[c] < 0) {
            memmove(pl.client + 1, pl.client, (size_t)pl.n * sizeof(int));
            pl.client[0] = c;
            pl.n++;
        }
    }
    bool emptied = pl.n == 0;
    wp_free(pl.client);
    wp_free(pl.failures);
    return emptied;
}
