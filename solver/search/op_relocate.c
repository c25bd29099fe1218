/* Relocate: visit u moves to just after or just before its neighbour v (same or other route). */
#include <math.h>

#include "search/ls.h"

/* Travel added by placing u after position t of route B. */
static double insertion_travel(const wp_sol *s, int u, const wp_route *B, int t)
{
    int lu = s->p->visit_loc[u];
    return wp_route_time(s, B, B->loc[t], lu) + wp_route_time(s, B, lu, B->loc[t + 1]) -
           (B->tmin[t + 1] - B->tmin[t]);
}

/* Evaluates u placed after position t of v's route, adding `ins` travel; `move_delta` is the
 * pair and change cost of moving u there (wp_move_visit_delta). Returns the cost change or
 * HUGE_VAL. */
static double relocate_delta(wp_ls *ls, int u, int rv, int t, double ins, double removal_gain,
                             double move_delta)
{
    const wp_sol *s = ls->s;
    int ru = s->route_of[u], pu = s->pos_of[u];
    const wp_route *A = &s->routes[ru], *B = &s->routes[rv];
    /* travel first: most candidates fail here without any time-window work */
    double bound = s->p->w_travel * (ins - removal_gain) + move_delta;
    if (A->n == 1 && ru != rv) bound -= s->p->w_route + s->p->w_helper;
    if (bound >= -WP_MOVE_EPS) return HUGE_VAL;
    if (ru != rv) {
        wp_route_eval ea = wp_eval_join(s, A->helper, A->day, A, pu - 1, NULL, 0, A, pu + 1);
        if (!ea.feasible) return HUGE_VAL;
        wp_route_eval eb = wp_eval_join(s, B->helper, B->day, B, t, &u, 1, B, t + 1);
        return wp_moves_delta(s, ru, &ea, rv, &eb, &u, &rv, 1);
    }
    if (t == pu || t == pu - 1) return HUGE_VAL; /* already there */
    int *mid = wp_ls_eval_nodes(ls, A->n + 2), k = 0;
    wp_route_eval e;
    if (pu < t) { /* ... u, x..t, ... -> ... x..t, u, ... */
        for (int q = pu + 1; q <= t; q++) mid[k++] = A->node[q];
        mid[k++] = u;
        e = wp_eval_join(s, A->helper, A->day, A, pu - 1, mid, k, A, t + 1);
    } else { /* ... t, x..(pu-1), u ... -> ... t, u, x.. */
        mid[k++] = u;
        for (int q = t + 1; q < pu; q++) mid[k++] = A->node[q];
        e = wp_eval_join(s, A->helper, A->day, A, t, mid, k, A, pu + 1);
    }
    return wp_moves_delta(s, ru, &e, -1, NULL, NULL, NULL, 0);
}

/* False when u placed next to v cannot improve whatever the pair and change cost: most
 * candidates end here, before the rules are tested. */
static bool may_improve(const wp_sol *s, int u, int rv, const double ins[2], double removal_gain)
{
    const wp_instance *p = s->p;
    int ru = s->route_of[u];
    const wp_route *A = &s->routes[ru];
    double floor = ru != rv ? p->move_floor - (A->n == 1 ? p->w_route + p->w_helper : 0) : 0;
    for (int k = 0; k < 2; k++)
        if (p->w_travel * (ins[k] - removal_gain) + floor < -WP_MOVE_EPS) return true;
    return false;
}

static bool evaluate(wp_ls *ls, int u, int v, wp_move *mv)
{
    wp_sol *s = ls->s;
    int rv = s->route_of[v], pv = s->pos_of[v];
    if (s->p->visit_client[u] == s->p->visit_client[v] && s->route_of[u] != rv) return false;
    int ru = s->route_of[u], pu = s->pos_of[u];
    const wp_route *A = &s->routes[ru];
    double removal_gain =
        (A->tmin[pu + 1] - A->tmin[pu - 1]) - wp_route_time(s, A, A->loc[pu - 1], A->loc[pu + 1]);
    /* before v (after position pv - 1) and after v */
    const wp_route *B = &s->routes[rv];
    double ins[2] = {insertion_travel(s, u, B, pv - 1), insertion_travel(s, u, B, pv)};
    if (!may_improve(s, u, rv, ins, removal_gain)) return false;
    if (ru != rv && !wp_visit_fits_route(s, u, &s->routes[rv])) return false;
    double pair_delta = ru != rv ? wp_move_visit_delta(s, u, &s->routes[rv]) : 0;
    double best = -WP_MOVE_EPS;
    int best_t = -1;
    for (int t = pv - 1; t <= pv; t++) {
        double d = relocate_delta(ls, u, rv, t, ins[t - (pv - 1)], removal_gain, pair_delta);
        if (d < best) {
            best = d;
            best_t = t;
        }
    }
    if (best_t < 0) return false;
    *mv = (wp_move){best, u, v, best_t, rv};
    return true;
}

static void apply(wp_ls *ls, const wp_move *mv)
{
    wp_sol *s = ls->s;
    int u = mv->u, ru = s->route_of[u], pu = s->pos_of[u], rv = mv->b, t = mv->a;
    const wp_route *A = &s->routes[ru], *B = &s->routes[rv];
    wp_ls_reserve(ls, A->n + B->n + 2);
    int *a = ls->buf_a, *b = ls->buf_b, na = 0, nb = 0;
    if (ru != rv) {
        for (int q = 1; q <= A->n; q++)
            if (q != pu) a[na++] = A->node[q];
        for (int q = 1; q <= B->n; q++) {
            b[nb++] = B->node[q];
            if (q == t) b[nb++] = u;
        }
        if (t == 0) { /* first position */
            for (int q = nb; q > 0; q--) b[q] = b[q - 1];
            b[0] = u;
            nb++;
        }
        wp_sol_set_route(s, ru, a, na);
        wp_sol_set_route(s, rv, b, nb);
        return;
    }
    if (t == 0) a[na++] = u;
    for (int q = 1; q <= A->n; q++) {
        if (q != pu) a[na++] = A->node[q];
        if (q == t) a[na++] = u;
    }
    wp_sol_set_route(s, ru, a, na);
}

const wp_ls_operator wp_op_relocate = {"relocate", evaluate, apply};
