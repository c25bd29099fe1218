/* Route caches and incremental bookkeeping of a plan under search. */
#include "search/solution.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

void wp_sol_init(wp_sol *s, const wp_instance *p, unsigned long *clock)
{
    const wp_model *m = p->m;
    memset(s, 0, sizeof *s);
    s->p = p;
    s->clock = clock;
    s->n_routes = m->n_helpers * 7;
    s->routes = wp_calloc((size_t)s->n_routes + 1, sizeof *s->routes);
    int nv = p->n_visits, nc = p->n_clients;
    s->route_of = wp_malloc(((size_t)nv + 1) * sizeof(int));
    s->pos_of = wp_calloc((size_t)nv + 1, sizeof(int));
    s->placed_at = wp_calloc((size_t)nv + 1, sizeof *s->placed_at);
    s->prev_of = wp_malloc(((size_t)nv + 1) * sizeof(int));
    s->next_of = wp_malloc(((size_t)nv + 1) * sizeof(int));
    s->early = wp_malloc(((size_t)nv + 1) * sizeof(double));
    s->late = wp_malloc(((size_t)nv + 1) * sizeof(double));
    for (int v = 0; v < nv; v++) {
        s->route_of[v] = s->prev_of[v] = s->next_of[v] = -1;
        s->early[v] = m->visits[v].window.from;
        s->late[v] = m->visits[v].window.to;
        s->unserved += p->unserved_cost[v];
    }
    s->client_helper = wp_malloc(((size_t)nc + 1) * sizeof(int));
    s->client_served = wp_calloc((size_t)nc + 1, sizeof(int));
    for (int c = 0; c < nc; c++) {
        s->client_helper[c] = -1;
        if (m->clients[c].helper >= 0) s->broken++;
    }
    s->helper_week = wp_calloc((size_t)m->n_helpers + 1, sizeof(double));
    s->helper_routes = wp_calloc((size_t)m->n_helpers + 1, sizeof(int));
    s->helper_off = wp_calloc((size_t)m->n_helpers + 1, 1);
    /* Empty routes get their home-to-home caches too, so evaluations need no special case. */
    for (int h = 0; h < m->n_helpers; h++)
        for (int d = 0; d < WP_DAYS; d++) {
            int ri = wp_route_index(h, d);
            wp_route *r = &s->routes[ri];
            r->helper = h;
            r->day = d;
            if (wp_helper_works(m, h, d)) wp_sol_refresh(s, ri);
        }
}

static void route_free(wp_route *r)
{
    wp_free(r->node);
    wp_free(r->loc);
    wp_free(r->fwd);
    wp_free(r->bwd);
    wp_free(r->km);
    wp_free(r->tmin);
    wp_free(r->load);
    wp_free(r->bound);
    wp_free(r->chg);
}

void wp_sol_free(wp_sol *s)
{
    if (!s->routes) return;
    for (int r = 0; r < s->n_routes; r++) route_free(&s->routes[r]);
    wp_free(s->routes);
    wp_free(s->route_of);
    wp_free(s->pos_of);
    wp_free(s->placed_at);
    wp_free(s->prev_of);
    wp_free(s->next_of);
    wp_free(s->early);
    wp_free(s->late);
    wp_free(s->client_helper);
    wp_free(s->client_served);
    wp_free(s->helper_week);
    wp_free(s->helper_routes);
    wp_free(s->helper_off);
    memset(s, 0, sizeof *s);
}

static void route_reserve(wp_route *r, int positions)
{
    if (positions <= r->cap) return;
    int cap = r->cap ? r->cap : 2;
    while (cap < positions) cap *= 2;
    r->node = wp_realloc_array(r->node, (size_t)cap, sizeof *r->node);
    r->loc = wp_realloc_array(r->loc, (size_t)cap, sizeof *r->loc);
    r->fwd = wp_realloc_array(r->fwd, (size_t)cap, sizeof *r->fwd);
    r->bwd = wp_realloc_array(r->bwd, (size_t)cap, sizeof *r->bwd);
    r->km = wp_realloc_array(r->km, (size_t)cap, sizeof *r->km);
    r->tmin = wp_realloc_array(r->tmin, (size_t)cap, sizeof *r->tmin);
    r->load = wp_realloc_array(r->load, (size_t)cap, sizeof *r->load);
    r->bound = wp_realloc_array(r->bound, (size_t)cap, sizeof *r->bound);
    r->chg = wp_realloc_array(r->chg, (size_t)cap, sizeof *r->chg);
    r->cap = cap;
}

static void route_copy(wp_route *dst, const wp_route *src)
{
    route_reserve(dst, src->n + 2);
    int n = src->n + 2;
    dst->helper = src->helper;
    dst->day = src->day;
    dst->n = src->n;
    dst->duration = src->duration;
    dst->stamp = src->stamp;
    if (src->cap == 0) return;
    memcpy(dst->node, src->node, (size_t)n * sizeof *dst->node);
    memcpy(dst->loc, src->loc, (size_t)n * sizeof *dst->loc);
    memcpy(dst->fwd, src->fwd, (size_t)n * sizeof *dst->fwd);
    memcpy(dst->bwd, src->bwd, (size_t)n * sizeof *dst->bwd);
    memcpy(dst->km, src->km, (size_t)n * sizeof *dst->km);
    memcpy(dst->tmin, src->tmin, (size_t)n * sizeof *dst->tmin);
    memcpy(dst->load, src->load, (size_t)n * sizeof *dst->load);
    memcpy(dst->bound, src->bound, (size_t)n * sizeof *dst->bound);
    memcpy(dst->chg, src->chg, (size_t)n * sizeof *dst->chg);
}

void wp_sol_copy(wp_sol *dst, const wp_sol *src)
{
    if (!dst->routes || dst->p != src->p) {
        unsigned long *clock = dst->clock ? dst->clock : src->clock;
        wp_sol_free(dst);
        wp_sol_init(dst, src->p, clock);
    }
    const wp_instance *p = src->p;
    /* Stamps are readings of one thread's clock. A plan from another thread (shared best,
     * restarts) carries readings of that thread's clock, which mean nothing to this thread's
     * local search: too high, and its routes would look changed on every pass until this clock
     * caught up; too low, and real changes would be skipped. Its routes count as changed now. */
    bool foreign = dst->clock != src->clock;
    unsigned long now = foreign ? ++*dst->clock : 0;
    for (int r = 0; r < src->n_routes; r++) {
        /* only routes that differ need copying; empty-to-empty is a no-op */
        if (src->routes[r].n == 0 && dst->routes[r].n == 0) continue;
        route_copy(&dst->routes[r], &src->routes[r]);
        if (foreign) dst->routes[r].stamp = now;
    }
    size_t nv = (size_t)p->n_visits, nc = (size_t)p->n_clients, nh = (size_t)p->n_helpers;
    memcpy(dst->route_of, src->route_of, nv * sizeof(int));
    memcpy(dst->pos_of, src->pos_of, nv * sizeof(int));
    memcpy(dst->prev_of, src->prev_of, nv * sizeof(int));
    memcpy(dst->next_of, src->next_of, nv * sizeof(int));
    if (foreign)
        for (size_t v = 0; v < nv; v++) dst->placed_at[v] = now;
    else
        memcpy(dst->placed_at, src->placed_at, nv * sizeof *dst->placed_at);
    memcpy(dst->early, src->early, nv * sizeof(double));
    memcpy(dst->late, src->late, nv * sizeof(double));
    memcpy(dst->client_helper, src->client_helper, nc * sizeof(int));
    memcpy(dst->client_served, src->client_served, nc * sizeof(int));
    memcpy(dst->helper_week, src->helper_week, nh * sizeof(double));
    memcpy(dst->helper_routes, src->helper_routes, nh * sizeof(int));
    memcpy(dst->helper_off, src->helper_off, nh);
    dst->travel_min = src->travel_min;
    dst->unserved = src->unserved;
    dst->change = src->change;
    dst->broken = src->broken;
    dst->routes_used = src->routes_used;
    dst->helpers_used = src->helpers_used;
}

double wp_sol_cost(const wp_sol *s)
{
    const wp_instance *p = s->p;
    return p->w_travel * s->travel_min + s->unserved + s->change + p->w_broken * s->broken +
           p->w_route * s->routes_used + p->w_helper * s->helpers_used;
}

bool wp_route_fits(const wp_instance *p, int h, int d, wp_tseg seg, double load, int n,
                   double *duration)
{
    const wp_model *m = p->m;
    const wp_helper_def *hd = &m->helpers[h];
    if (n > hd->max_visits_per_day || load > hd->capacity + 1e-9 || seg.tw > WP_TW_EPS)
        return false;
    if (seg.dur > hd->day_max_min + WP_TW_EPS) return false;
    int nw;
    const wp_window *w = wp_helper_windows(m, h, d, &nw);
    for (int k = 0; k < nw; k++) {
        double depart = seg.early > w[k].from ? seg.early : w[k].from;
        if (w[k].from <= seg.late + WP_TW_EPS && depart + seg.dur <= w[k].to + WP_TW_EPS) {
            *duration = seg.dur;
            return true;
        }
    }
    return false;
}

wp_tseg wp_route_subseg(const wp_sol *s, const wp_route *r, int i, int j)
{
    wp_tseg seg = (i == 0 || i == r->n + 1) ? wp_tseg_home() : wp_visit_seg(s, r->node[i]);
    for (int k = i + 1; k <= j; k++) {
        wp_tseg next = (k == r->n + 1) ? wp_tseg_home() : wp_visit_seg(s, r->node[k]);
        seg = wp_tseg_merge(seg, next, wp_route_time(s, r, r->loc[k - 1], r->loc[k]));
    }
    return seg;
}

void wp_sol_refresh(wp_sol *s, int ri)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    wp_route *r = &s->routes[ri];
    int n = r->n, home = m->helpers[r->helper].home, mode = m->helpers[r->helper].mode;
    route_reserve(r, n + 2);
    r->node[0] = r->node[n + 1] = -1;
    r->loc[0] = r->loc[n + 1] = home;
    unsigned long now = ++*s->clock;
    bool changed = false;
    for (int i = 1; i <= n; i++) {
        int v = r->node[i], prev = r->node[i - 1], next = r->node[i + 1];
        if (s->route_of[v] != ri || s->prev_of[v] != prev || s->next_of[v] != next) {
            s->prev_of[v] = prev;
            s->next_of[v] = next;
            s->placed_at[v] = now;
            changed = true;
        }
        r->loc[i] = p->visit_loc[v];
        s->pos_of[v] = i;
        s->route_of[v] = ri;
    }
    r->fwd[0] = wp_tseg_home();
    r->km[0] = r->tmin[0] = r->load[0] = r->chg[0] = 0;
    r->bound[0] = 0;
    for (int i = 1; i <= n + 1; i++) {
        int v = r->node[i];
        wp_tseg stop = (i == n + 1) ? wp_tseg_home() : wp_visit_seg(s, v);
        double t = wp_model_time(m, r->loc[i - 1], r->loc[i], mode);
        r->fwd[i] = wp_tseg_merge(r->fwd[i - 1], stop, t);
        r->km[i] = r->km[i - 1] + wp_model_dist(m, r->loc[i - 1], r->loc[i]);
        r->tmin[i] = r->tmin[i - 1] + t;
        r->load[i] = r->load[i - 1] + (i <= n ? p->visit_load[v] : 0);
        r->bound[i] = r->bound[i - 1] + (i <= n && p->visit_bound[v]);
        r->chg[i] = r->chg[i - 1] + (i <= n ? wp_sol_change_cost(s, v, r) : 0);
    }
    r->bwd[n + 1] = wp_tseg_home();
    for (int i = n; i >= 0; i--) {
        wp_tseg stop = (i == 0) ? wp_tseg_home() : wp_visit_seg(s, r->node[i]);
        double t = wp_model_time(m, r->loc[i], r->loc[i + 1], mode);
        r->bwd[i] = wp_tseg_merge(stop, r->bwd[i + 1], t);
    }
    if (changed && n <= WP_SHORT_ROUTE)
        for (int i = 1; i <= n; i++) s->placed_at[r->node[i]] = now;
    r->stamp = now;
}

/* A route's totals before a change, for account(). */
typedef struct route_before {
    int n;
    double travel, duration, change;
} route_before;

static route_before before(const wp_route *r)
{
    route_before b = {r->n, r->tmin ? r->tmin[r->n + 1] : 0, r->duration,
                      r->chg ? r->chg[r->n] : 0};
    return b;
}

/* Adjusts the kept totals for route r going from `was` to now. */
static void account(wp_sol *s, wp_route *r, route_before was)
{
    int h = r->helper, old_n = was.n;
    double new_travel = r->tmin[r->n + 1];
    s->travel_min += new_travel - was.travel;
    s->change += r->chg[r->n] - was.change;
    if (r->n) {
        double dur;
        if (!wp_route_fits(s->p, h, r->day, r->fwd[r->n + 1], r->load[r->n], r->n, &dur))
            dur = r->fwd[r->n + 1].dur; /* callers only apply feasible moves */
        r->duration = dur;
    } else {
        r->duration = 0;
    }
    s->helper_week[h] += r->duration - was.duration;
    if (old_n == 0 && r->n > 0) {
        s->routes_used++;
        if (s->helper_routes[h]++ == 0) s->helpers_used++;
    } else if (old_n > 0 && r->n == 0) {
        s->routes_used--;
        if (--s->helper_routes[h] == 0) s->helpers_used--;
    }
}

void wp_sol_insert(wp_sol *s, int v, int ri, int pos)
{
    wp_route *r = &s->routes[ri];
    route_before was = before(r);
    route_reserve(r, r->n + 3);
    memmove(r->node + pos + 1, r->node + pos, (size_t)(r->n + 1 - pos) * sizeof *r->node);
    r->node[pos] = v;
    r->n++;
    wp_sol_refresh(s, ri);
    account(s, r, was);
    s->unserved -= s->p->unserved_cost[v];
    s->client_served[s->p->visit_client[v]]++;
}

void wp_sol_remove(wp_sol *s, int v)
{
    int ri = s->route_of[v];
    wp_route *r = &s->routes[ri];
    int pos = s->pos_of[v];
    route_before was = before(r);
    memmove(r->node + pos, r->node + pos + 1, (size_t)(r->n + 1 - pos) * sizeof *r->node);
    r->n--;
    wp_sol_refresh(s, ri);
    account(s, r, was);
    s->route_of[v] = -1;
    s->pos_of[v] = 0;
    s->unserved += s->p->unserved_cost[v];
    s->client_served[s->p->visit_client[v]]--;
}

void wp_sol_set_route(wp_sol *s, int ri, const int *nodes, int n)
{
    wp_route *r = &s->routes[ri];
    route_before was = before(r);
    route_reserve(r, n + 2);
    for (int i = 0; i < n; i++) r->node[i + 1] = nodes[i];
    r->n = n;
    wp_sol_refresh(s, ri);
    account(s, r, was);
    /* single-visit clients follow their visit to the helper it counts for */
    const wp_model *m = s->p->m;
    for (int i = 0; i < n; i++) {
        int c = s->p->visit_client[nodes[i]];
        int h = wp_pair_helper_of(m, c, r->helper, r->day);
        if (s->client_helper[c] != h) wp_sol_set_helper(s, c, h);
    }
}

void wp_sol_set_helper(wp_sol *s, int c, int h)
{
    int pair = s->p->m->clients[c].helper;
    int old = s->client_helper[c];
    if (pair >= 0) s->broken += (old == pair) - (h == pair);
    s->client_helper[c] = h;
}

void wp_sol_resync(wp_sol *s)
{
    wp_sol_parts q;
    wp_sol_recount(s, &q);
    s->travel_min = q.travel;
    s->unserved = q.unserved;
    s->change = q.change;
    s->broken = q.broken;
    s->routes_used = q.routes_used;
    s->helpers_used = q.helpers_used;
}

void wp_sol_recount(const wp_sol *s, wp_sol_parts *out)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    wp_sol_parts q = {0};
    for (int h = 0; h < m->n_helpers; h++) {
        int used = 0;
        for (int d = 0; d < WP_DAYS; d++) {
            const wp_route *r = &s->routes[wp_route_index(h, d)];
            if (!r->n) continue;
            used = 1;
            q.routes_used++;
            double leg = 0;
            for (int i = 1; i <= r->n + 1; i++)
                leg += wp_model_time(m, r->loc[i - 1], r->loc[i], m->helpers[h].mode);
            q.travel += leg;
            for (int i = 1; i <= r->n; i++) q.change += wp_sol_change_cost(s, r->node[i], r);
        }
        q.helpers_used += used;
    }
    for (int v = 0; v < p->n_visits; v++)
        if (s->route_of[v] < 0) q.unserved += p->unserved_cost[v];
    for (int c = 0; c < p->n_clients; c++) {
        int pair = m->clients[c].helper;
        if (pair >= 0 && s->client_helper[c] != pair) q.broken++;
    }
    *out = q;
}
