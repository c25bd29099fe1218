/* 2-opt*: routes of two helpers on the same day exchange tails so that u is followed by v
 * (Potvin and Rousseau 1995). Only visits of single-visit clients may change helper. */
#include <math.h>

#include "search/ls.h"

/* Every visit of r from position `from` on may move to route `to`. */
static bool tail_fits(const wp_sol *s, const wp_route *r, int from, const wp_route *to)
{
    for (int q = from; q <= r->n; q++)
        if (!wp_visit_fits_route(s, r->node[q], to)) return false;
    return true;
}

static bool evaluate(wp_ls *ls, int u, int v, wp_move *mv)
{
    wp_sol *s = ls->s;
    int ru = s->route_of[u], rv = s->route_of[v];
    if (ru == rv) return false;
    const wp_route *A = &s->routes[ru], *B = &s->routes[rv];
    if (A->day != B->day || A->helper == B->helper) return false;
    int pu = s->pos_of[u], pv = s->pos_of[v];
    /* A' = A[0..pu] + B[pv..], B' = B[0..pv-1] + A[pu+1..] */
    if (B->bound[B->n] - B->bound[pv - 1] > 0 || A->bound[A->n] - A->bound[pu] > 0) return false;
    const wp_instance *p = s->p;
    if (p->helper_class[A->helper] == p->helper_class[B->helper]) {
        /* tails keep their inner legs: only the two joints change */
        double d = wp_route_time(s, A, A->loc[pu], B->loc[pv]) +
                   wp_route_time(s, A, B->loc[pv - 1], A->loc[pu + 1]) -
                   (A->tmin[pu + 1] - A->tmin[pu]) - (B->tmin[pv] - B->tmin[pv - 1]);
        /* tails may save pair costs and change costs, at most all of them */
        double slack = (p->w_broken > 0 ? p->w_broken * (A->n + B->n) : 0) + A->chg[A->n] +
                       B->chg[B->n] + (pu == 0 || pv == 1 ? 2 * (p->w_route + p->w_helper) : 0);
        if (p->w_travel * d - slack >= -WP_MOVE_EPS) return false;
    }
    if (!tail_fits(s, B, pv, A) || !tail_fits(s, A, pu + 1, B)) return false;
    wp_route_eval ea = wp_eval_join(s, A->helper, A->day, A, pu, NULL, 0, B, pv);
    if (!ea.feasible) return false;
    wp_route_eval eb = wp_eval_join(s, B->helper, B->day, B, pv - 1, NULL, 0, A, pu + 1);
    if (!eb.feasible) return false;
    wp_ls_reserve(ls, A->n + B->n + 2);
    int *moved = ls->buf_a, *to = ls->buf_b, n = 0;
    for (int q = pv; q <= B->n; q++) moved[n] = B->node[q], to[n++] = ru;
    for (int q = pu + 1; q <= A->n; q++) moved[n] = A->node[q], to[n++] = rv;
    double d = wp_moves_delta(s, ru, &ea, rv, &eb, moved, to, n);
    if (!(d < -WP_MOVE_EPS)) return false;
    *mv = (wp_move){d, u, v, pu, pv};
    return true;
}

static void apply(wp_ls *ls, const wp_move *mv)
{
    wp_sol *s = ls->s;
    int ru = s->route_of[mv->u], rv = s->route_of[mv->v], pu = mv->a, pv = mv->b;
    const wp_route *A = &s->routes[ru], *B = &s->routes[rv];
    wp_ls_reserve(ls, A->n + B->n + 2);
    int *a = ls->buf_a, *b = ls->buf_b, na = 0, nb = 0;
    na += wp_ls_copy_nodes(A, 1, pu, false, a);
    na += wp_ls_copy_nodes(B, pv, B->n, false, a + na);
    nb += wp_ls_copy_nodes(B, 1, pv - 1, false, b);
    nb += wp_ls_copy_nodes(A, pu + 1, A->n, false, b + nb);
    wp_sol_set_route(s, ru, a, na);
    wp_sol_set_route(s, rv, b, nb);
}

const wp_ls_operator wp_op_two_opt_star = {"2-opt*", evaluate, apply};
