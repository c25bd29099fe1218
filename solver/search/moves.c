/* Candidate-route evaluation and move rules shared by all operators. */
#include "search/moves.h"

#include <math.h>
#include <stdlib.h>

/* Change cost of visits from..to of route r if they were in route (h, d). */
static double moved_change(const wp_sol *s, const wp_route *r, int from, int to, int h, int d)
{
    if (!s->p->m->prev) return 0;
    if (r->helper == h && r->day == d) return r->chg[to] - r->chg[from - 1];
    double c = 0;
    for (int q = from; q <= to; q++)
        c +=
            wp_visit_change_cost(s->p, r->node[q], h, d, s->early[r->node[q]], s->late[r->node[q]]);
    return c;
}

wp_route_eval wp_eval_join(const wp_sol *s, int h, int d, const wp_route *a, int i, const int *mid,
                           int k, const wp_route *b, int j)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    const wp_helper_def *hd = &m->helpers[h];
    int mode = hd->mode, home = hd->home;
    wp_tseg seg;
    double travel, load, change = 0;
    int n, last;
    if (a) {
        seg = a->fwd[i];
        travel = a->tmin[i];
        load = a->load[i];
        n = i;
        last = a->loc[i];
        if (i > 0) change = moved_change(s, a, 1, i, h, d);
    } else {
        seg = wp_tseg_home();
        travel = load = 0;
        n = 0;
        last = home;
    }
    if (b && j <= b->n) change += moved_change(s, b, j, b->n, h, d);
    for (int q = 0; q < k; q++) {
        int v = mid[q], lv = p->visit_loc[v];
        if (m->prev) change += wp_visit_change_cost(p, v, h, d, s->early[v], s->late[v]);
        double t = wp_model_time(m, last, lv, mode);
        seg = wp_tseg_merge(seg, wp_visit_seg(s, v), t);
        travel += t;
        load += p->visit_load[v];
        n++;
        last = lv;
    }
    if (b && p->helper_class[b->helper] == p->helper_class[h]) {
        double t = wp_model_time(m, last, b->loc[j], mode);
        seg = wp_tseg_merge(seg, b->bwd[j], t);
        travel += t + (b->tmin[b->n + 1] - b->tmin[j]);
        load += b->load[b->n] - b->load[j - 1];
        n += b->n + 1 - j;
    } else {
        if (b) /* another helper's tail: walk it with this helper's travel times */
            for (int q = j; q <= b->n; q++) {
                int v = b->node[q], lv = p->visit_loc[v];
                double t = wp_model_time(m, last, lv, mode);
                seg = wp_tseg_merge(seg, wp_visit_seg(s, v), t);
                travel += t;
                load += p->visit_load[v];
                n++;
                last = lv;
            }
        double t = wp_model_time(m, last, home, mode);
        seg = wp_tseg_merge(seg, wp_tseg_home(), t);
        travel += t;
    }
    wp_route_eval e = {true, 0, travel, change, n};
    if (n == 0) {
        e.travel = 0;
        return e;
    }
    e.feasible = wp_route_fits(p, h, d, seg, load, n, &e.duration);
    return e;
}

bool wp_visit_fits_route(const wp_sol *s, int v, const wp_route *r)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    if (!(m->visits[v].days >> r->day & 1) || !wp_helper_works(m, r->helper, r->day) ||
        !wp_sol_helper_on(s, r->helper))
        return false;
    int c = p->visit_client[v];
    if (s->client_helper[c] != r->helper && !wp_instance_eligible(p, r->helper, c)) return false;
    if (s->client_helper[c] != wp_pair_helper_of(m, c, r->helper, r->day) && p->visit_bound[v] &&
        s->client_served[c] > 1)
        return false;
    if (!p->visit_bound[v]) return true;
    const wp_client_def *cl = &m->clients[c];
    int spacing = cl->min_days_between > 1 ? cl->min_days_between : 1;
    for (int q = 0; q < cl->n_visits; q++) {
        int u = cl->first_visit + q;
        if (u == v || s->route_of[u] < 0) continue;
        if (abs(s->routes[s->route_of[u]].day - r->day) < spacing) return false;
    }
    return true;
}

static double old_travel(const wp_route *r)
{
    return r->tmin[r->n + 1];
}

double wp_moves_delta(const wp_sol *s, int ra, const wp_route_eval *ea, int rb,
                      const wp_route_eval *eb, const int *moved, const int *moved_to, int n_moved)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    if (rb == ra) rb = -1;
    const wp_route *A = &s->routes[ra], *B = rb >= 0 ? &s->routes[rb] : NULL;
    if (!ea->feasible || (B && !eb->feasible)) return HUGE_VAL;
    double delta = p->w_travel * (ea->travel - old_travel(A)) + (ea->change - A->chg[A->n]);
    int routes = (ea->n > 0) - (A->n > 0);
    if (B) {
        delta += p->w_travel * (eb->travel - old_travel(B)) + (eb->change - B->chg[B->n]);
        routes += (eb->n > 0) - (B->n > 0);
    }
    delta += p->w_route * routes;
    /* weekly hours and helpers used, per helper touched */
    int ha = A->helper, hb = B ? B->helper : -1;
    double week_a = s->helper_week[ha] - A->duration + ea->duration;
    int nonempty_a = s->helper_routes[ha] - (A->n > 0) + (ea->n > 0);
    if (B && hb == ha) {
        week_a += eb->duration - B->duration;
        nonempty_a += (eb->n > 0) - (B->n > 0);
    }
    if (!wp_week_allows(p, ha, week_a)) return HUGE_VAL;
    delta += p->w_helper * ((nonempty_a > 0) - (s->helper_routes[ha] > 0));
    if (B && hb != ha) {
        double week_b = s->helper_week[hb] - B->duration + eb->duration;
        if (!wp_week_allows(p, hb, week_b)) return HUGE_VAL;
        int nonempty_b = s->helper_routes[hb] - (B->n > 0) + (eb->n > 0);
        delta += p->w_helper * ((nonempty_b > 0) - (s->helper_routes[hb] > 0));
    }
    for (int q = 0; q < n_moved; q++) {
        int c = p->visit_client[moved[q]];
        const wp_route *R = &s->routes[moved_to[q]];
        delta +=
            wp_pair_delta(p, c, s->client_helper[c], wp_pair_helper_of(m, c, R->helper, R->day));
    }
    return delta;
}
