/* Client insertion: per-visit best positions, then a small branch-and-bound over days that
 * keeps spacing and weekly hours, then the arrival-consistency band. */
#include "search/insert.h"

#include "search/cost.h"
#include "util/rng.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

bool wp_best_position(const wp_sol *s, int v, int ri, double early, double late, int *pos,
                      double *dcost, double *dduration)
{
    const wp_instance *p = s->p;
    const wp_route *r = &s->routes[ri];
    int h = r->helper, d = r->day;
    if (!wp_helper_works(p->m, h, d) || !wp_sol_helper_on(s, h)) return false;
    int lv = p->visit_loc[v];
    wp_tseg stop = wp_tseg_stop(p->visit_dur[v], early, late);
    double best = DBL_MAX, best_dur = 0;
    int best_pos = -1;
    if (r->n == 0) {
        double t0 = wp_route_time(s, r, p->m->helpers[h].home, lv);
        double t1 = wp_route_time(s, r, lv, p->m->helpers[h].home);
        wp_tseg seg = wp_tseg_merge(wp_tseg_merge(wp_tseg_home(), stop, t0), wp_tseg_home(), t1);
        double dur;
        if (!wp_route_fits(p, h, d, seg, p->visit_load[v], 1, &dur) || !wp_week_fits(s, h, d, dur))
            return false;
        *pos = 1;
        *dcost =
            p->w_travel * (t0 + t1) + p->w_route + wp_visit_change_cost(p, v, h, d, early, late);
        *dduration = dur;
        return true;
    }
    double load = r->load[r->n] + p->visit_load[v];
    const wp_helper_def *hd = &p->m->helpers[h];
    if (r->n + 1 > hd->max_visits_per_day || load > hd->capacity + 1e-9) return false;
    double week_other = s->helper_week[h] - r->duration;
    for (int i = 1; i <= r->n + 1; i++) {
        int a = r->loc[i - 1], b = r->loc[i];
        double ta = wp_route_time(s, r, a, lv), tb = wp_route_time(s, r, lv, b);
        double dt = ta + tb - (r->tmin[i] - r->tmin[i - 1]);
        double c = p->w_travel * dt;
        if (c >= best) continue;
        if (s->blink > 0 && wp_rng_unit(s->rng) < s->blink) continue;
        wp_tseg seg = wp_tseg_merge(wp_tseg_merge(r->fwd[i - 1], stop, ta), r->bwd[i], tb);
        double dur;
        if (!wp_route_fits(p, h, d, seg, load, r->n + 1, &dur) ||
            !wp_week_allows(p, h, week_other + dur))
            continue;
        best = c;
        best_pos = i;
        best_dur = dur;
    }
    if (best_pos < 0) return false;
    *pos = best_pos;
    *dcost = best + wp_visit_change_cost(p, v, h, d, early, late);
    *dduration = best_dur - r->duration;
    return true;
}

/* ---- day choice -------------------------------------------------------------------------- */

/* One way to place one visit: a route (the client's helper on one day, or a substitute on a day
 * the client's helper of the week is absent), a position, and the window in force there. */
typedef struct option {
    int day, route, pos, helper;
    double cost, dur;   /* cost delta and duration delta of placing the visit there */
    double early, late; /* window in force */
    double helper_left; /* the route's helper's weekly minutes left before this visit */
} option;

typedef struct day_search {
    int k; /* visits considered */
    int helper;
    int n_opt[WP_MAX_CLIENT_VISITS];
    option opt[WP_MAX_CLIENT_VISITS][WP_DAYS];
    double skip[WP_MAX_CLIENT_VISITS]; /* cost of leaving visit i unserved */
    int spacing;
    bool ordered; /* identical visits: days increase with i */
    double week_left;
    int choice[WP_MAX_CLIENT_VISITS], best_choice[WP_MAX_CLIENT_VISITS];
    double best;
    double min_rest[WP_MAX_CLIENT_VISITS + 1]; /* lower bound of the cost of visits i.. */
    long nodes;
} day_search;

static bool spacing_ok(const day_search *ds, int i, int day)
{
    for (int j = 0; j < i; j++) {
        int c = ds->choice[j];
        if (c < 0) continue;
        int dj = ds->opt[j][c].day;
        int gap = day > dj ? day - dj : dj - day;
        if (gap < ds->spacing || gap == 0) return false;
        if (ds->ordered && day < dj) return false;
    }
    return true;
}

/* A substitute taking two of the client's visits must have the week for both. */
static bool substitute_week_ok(const day_search *ds, int i, const option *op)
{
    double used = op->dur;
    for (int j = 0; j < i; j++) {
        int c = ds->choice[j];
        if (c >= 0 && ds->opt[j][c].helper == op->helper) used += ds->opt[j][c].dur;
    }
    return used <= op->helper_left + WP_WEEK_TOL;
}

static void dfs(day_search *ds, int i, double cost, double week)
{
    if (++ds->nodes > 50000) return;
    if (cost + ds->min_rest[i] >= ds->best) return;
    if (i == ds->k) {
        ds->best = cost;
        memcpy(ds->best_choice, ds->choice, sizeof ds->choice);
        return;
    }
    for (int o = 0; o < ds->n_opt[i]; o++) {
        const option *op = &ds->opt[i][o];
        bool own = op->helper == ds->helper;
        if (own ? week + op->dur > ds->week_left : !substitute_week_ok(ds, i, op)) continue;
        if (!spacing_ok(ds, i, op->day)) continue;
        ds->choice[i] = o;
        dfs(ds, i + 1, cost + op->cost, week + (own ? op->dur : 0));
    }
    ds->choice[i] = -1;
    dfs(ds, i + 1, cost + ds->skip[i], week);
}

static bool visits_identical(const wp_model *m, const wp_client_def *c)
{
    const wp_visit_def *a = &m->visits[c->first_visit];
    for (int i = 1; i < c->n_visits; i++) {
        const wp_visit_def *b = &m->visits[c->first_visit + i];
        if (a->duration != b->duration || a->days != b->days || a->load != b->load ||
            a->window.from != b->window.from || a->window.to != b->window.to)
            return false;
    }
    return true;
}

static int cmp_option(const void *a, const void *b)
{
    const option *x = a, *y = b;
    if (x->cost != y->cost) return x->cost < y->cost ? -1 : 1;
    return x->day - y->day;
}

/* The best placement of visit v in route ri with window [e, l], as an option. */
static bool route_option(const wp_sol *s, int v, int ri, double e, double l, option *out)
{
    int pos;
    double dc, dd;
    if (!wp_best_position(s, v, ri, e, l, &pos, &dc, &dd)) return false;
    const wp_route *r = &s->routes[ri];
    int h = r->helper;
    double left = s->p->m->helpers[h].week_min - s->helper_week[h];
    *out = (option){r->day, ri, pos, h, dc, dd, e, l, left};
    return true;
}

static void keep_cheaper(option *best, bool *have, const option *o)
{
    if (!*have || o->cost < best->cost) *best = *o;
    *have = true;
}

/* Helpers tried as substitutes: the client's nearest candidates. */
#define SUBSTITUTES_TRIED 16

/* The best way to place visit v on day d for a client served by h: h's own route (in the repair,
 * inside the unchanged band of the previous start when that fits), or, when h is the client's
 * helper of the week and absent on d, the best substitute. */
static bool day_option(const wp_sol *s, int c, int v, int h, int d, option *out)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    bool have = false;
    option o;
    double e = s->early[v], l = s->late[v];
    if (wp_helper_works(m, h, d)) {
        if (wp_pair_helper_of(m, c, h, d) != h) return false; /* would count for another helper */
        int ri = wp_route_index(h, d);
        if (route_option(s, v, ri, e, l, &o)) keep_cheaper(out, &have, &o);
        double lo, hi;
        const wp_previous *pv = m->prev;
        if (pv && pv->visit_helper[v] == h && pv->visit_day[v] == d &&
            wp_unchanged_band(p, v, e, l, &lo, &hi) && (lo > e || hi < l) &&
            route_option(s, v, ri, lo, hi, &o))
            keep_cheaper(out, &have, &o);
        return have;
    }
    /* h does not work on d: a substitute may, when h is the client's helper of the week */
    int week_helper = m->prev ? m->prev->week_helper[c] : -1;
    if (week_helper != h || !(m->helpers[h].absent >> d & 1)) return false;
    int tried = 0;
    for (int k = p->cand_start[c]; k < p->cand_start[c + 1] && tried < SUBSTITUTES_TRIED; k++) {
        int g = p->cand[k];
        if (g == h || !wp_helper_works(m, g, d) || !wp_sol_helper_on(s, g)) continue;
        tried++;
        if (route_option(s, v, wp_route_index(g, d), e, l, &o)) {
            if (s->helper_routes[g] == 0) o.cost += p->w_helper;
            keep_cheaper(out, &have, &o);
        }
    }
    return have;
}

/* ---- arrival consistency ----------------------------------------------------------------- */

/* Earliest and latest start of visit v if inserted at (ri, pos) with window [e, l], within the
 * route's availability. */
static void start_interval(const wp_sol *s, int v, int ri, int pos, double e, double l, double *lo,
                           double *hi)
{
    const wp_instance *p = s->p;
    const wp_route *r = &s->routes[ri];
    int nw;
    const wp_window *w = wp_helper_windows(p->m, r->helper, r->day, &nw);
    double from = nw ? w[0].from : 0, to = nw ? w[nw - 1].to : 1e9;
    int lv = p->visit_loc[v];
    wp_tseg pre = r->fwd[pos - 1], suf = r->bwd[pos];
    double start_pre = pre.early > from ? pre.early : from;
    double a = start_pre + pre.dur + wp_route_time(s, r, r->loc[pos - 1], lv);
    double suf_late = suf.late < to - suf.dur ? suf.late : to - suf.dur;
    double b = suf_late - wp_route_time(s, r, lv, r->loc[pos]) - p->visit_dur[v];
    *lo = a > e ? a : e;
    *hi = b < l ? b : l;
}

/* Narrows the placed visits' windows to one band [tau, tau + X]; false if none exists or a
 * route no longer fits with the narrowed window. */
static bool consistency_band(const wp_sol *s, double X, wp_client_plan *plan)
{
    if (plan->n_placed < 2) return true;
    double lo = -DBL_MAX, hi = DBL_MAX;
    for (int i = 0; i < plan->n_placed; i++) {
        double a, b;
        start_interval(s, plan->visit[i], plan->route[i], plan->pos[i], plan->early[i],
                       plan->late[i], &a, &b);
        if (a - X > lo) lo = a - X;
        if (b < hi) hi = b;
    }
    if (lo > hi + 1e-9) return false;
    double tau = (lo + hi) / 2;
    const wp_instance *p = s->p;
    for (int i = 0; i < plan->n_placed; i++) {
        int v = plan->visit[i];
        double e = plan->early[i] > tau ? plan->early[i] : tau;
        double l = plan->late[i] < tau + X ? plan->late[i] : tau + X;
        if (e > l) return false;
        const wp_route *r = &s->routes[plan->route[i]];
        int pos = plan->pos[i], lv = p->visit_loc[v];
        wp_tseg seg =
            wp_tseg_merge(wp_tseg_merge(r->fwd[pos - 1], wp_tseg_stop(p->visit_dur[v], e, l),
                                        wp_route_time(s, r, r->loc[pos - 1], lv)),
                          r->bwd[pos], wp_route_time(s, r, lv, r->loc[pos]));
        double dur;
        if (!wp_route_fits(p, r->helper, r->day, seg, r->load[r->n] + p->visit_load[v], r->n + 1,
                           &dur))
            return false;
        /* a narrower window may only lower the change cost: keep the plan's figure */
        plan->early[i] = e;
        plan->late[i] = l;
    }
    return true;
}

/* ---- the client plan --------------------------------------------------------------------- */

bool wp_plan_client(const wp_sol *s, int c, int h, wp_client_plan *plan)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    const wp_client_def *cl = &m->clients[c];
    day_search ds;
    memset(&ds, 0, sizeof ds);
    ds.k = cl->n_visits < WP_MAX_CLIENT_VISITS ? cl->n_visits : WP_MAX_CLIENT_VISITS;
    ds.helper = h;
    ds.spacing = cl->min_days_between;
    ds.ordered = cl->n_visits > 1 && visits_identical(m, cl);
    ds.week_left = m->helpers[h].week_min - s->helper_week[h] + WP_WEEK_TOL;
    int any = 0;
    for (int i = 0; i < ds.k; i++) {
        int v = cl->first_visit + i;
        ds.skip[i] = p->unserved_cost[v];
        uint8_t days = m->visits[v].days;
        for (int d = 0; d < WP_DAYS; d++) {
            if (!(days >> d & 1)) continue;
            option o;
            if (day_option(s, c, v, h, d, &o)) ds.opt[i][ds.n_opt[i]++] = o;
        }
        qsort(ds.opt[i], (size_t)ds.n_opt[i], sizeof(option), cmp_option);
        any += ds.n_opt[i];
    }
    if (!any) return false;
    ds.min_rest[ds.k] = 0;
    for (int i = ds.k - 1; i >= 0; i--) {
        double lb = ds.skip[i];
        if (ds.n_opt[i] && ds.opt[i][0].cost < lb) lb = ds.opt[i][0].cost;
        ds.min_rest[i] = ds.min_rest[i + 1] + lb;
    }
    /* Visits beyond the plannable ones stay unserved whatever happens. */
    ds.best = DBL_MAX;
    for (int i = 0; i < ds.k; i++) ds.choice[i] = -1;
    dfs(&ds, 0, 0.0, 0.0);
    if (ds.best == DBL_MAX) return false;
    plan->client = c;
    plan->helper = h;
    plan->n_placed = 0;
    double delta = 0;
    bool own_route = false;
    for (int i = 0; i < ds.k; i++) {
        int o = ds.best_choice[i];
        if (o < 0) continue;
        const option *op = &ds.opt[i][o];
        int v = cl->first_visit + i, j = plan->n_placed++;
        plan->visit[j] = v;
        plan->route[j] = op->route;
        plan->pos[j] = op->pos;
        plan->early[j] = op->early;
        plan->late[j] = op->late;
        delta += op->cost - p->unserved_cost[v];
        own_route |= op->helper == h;
    }
    if (plan->n_placed == 0) return false;
    if (cl->consistency_min >= 0 && !consistency_band(s, cl->consistency_min, plan)) return false;
    if (own_route && s->helper_routes[h] == 0) delta += p->w_helper;
    delta += wp_pair_delta(p, c, -1, h); /* from unserved, even when planned before removal */
    plan->delta = delta;
    return true;
}

bool wp_cheapest_plan(const wp_sol *s, int c, double below, bool complete, wp_client_plan *best)
{
    const wp_instance *p = s->p;
    wp_client_plan plan;
    bool found = false;
    for (int k = p->cand_start[c]; k < p->cand_start[c + 1]; k++) {
        if (!wp_plan_client(s, c, p->cand[k], &plan)) continue;
        if (complete && plan.n_placed < p->m->clients[c].n_visits) continue;
        if (plan.delta < below - 1e-9) {
            below = plan.delta;
            *best = plan;
            found = true;
        }
    }
    return found;
}

void wp_plan_apply(wp_sol *s, const wp_client_plan *plan)
{
    wp_sol_set_helper(s, plan->client, plan->helper);
    for (int i = 0; i < plan->n_placed; i++) {
        int v = plan->visit[i];
        s->early[v] = plan->early[i];
        s->late[v] = plan->late[i];
        wp_sol_insert(s, v, plan->route[i], plan->pos[i]);
    }
}

void wp_unassign_client(wp_sol *s, int c)
{
    const wp_instance *p = s->p;
    const wp_client_def *cl = &p->m->clients[c];
    for (int i = 0; i < cl->n_visits; i++) {
        int v = cl->first_visit + i;
        if (s->route_of[v] >= 0) wp_sol_remove(s, v);
        s->early[v] = p->m->visits[v].window.from;
        s->late[v] = p->m->visits[v].window.to;
    }
    wp_sol_set_helper(s, c, -1);
}
