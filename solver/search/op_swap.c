/* Swap: visits u and v exchange places (same or different routes). */
#include <math.h>

#include "search/ls.h"

static bool evaluate(wp_ls *ls, int u, int v, wp_move *mv)
{
    wp_sol *s = ls->s;
    const wp_instance *p = s->p;
    if (p->visit_client[u] == p->visit_client[v]) return false;
    int ru = s->route_of[u], rv = s->route_of[v], pu = s->pos_of[u], pv = s->pos_of[v];
    const wp_route *A = &s->routes[ru], *B = &s->routes[rv];
    double d;
    if (ru != rv) {
        int lu = p->visit_loc[u], lv = p->visit_loc[v];
        double da = wp_route_time(s, A, A->loc[pu - 1], lv) +
                    wp_route_time(s, A, lv, A->loc[pu + 1]) - (A->tmin[pu + 1] - A->tmin[pu - 1]);
        double db = wp_route_time(s, B, B->loc[pv - 1], lu) +
                    wp_route_time(s, B, lu, B->loc[pv + 1]) - (B->tmin[pv + 1] - B->tmin[pv - 1]);
        if (p->w_travel * (da + db) + 2 * p->move_floor >= -WP_MOVE_EPS) return false;
        if (!wp_visit_fits_route(s, u, B) || !wp_visit_fits_route(s, v, A)) return false;
        double moves = wp_move_visit_delta(s, u, B) + wp_move_visit_delta(s, v, A);
        if (p->w_travel * (da + db) + moves >= -WP_MOVE_EPS) return false;
        wp_route_eval ea = wp_eval_join(s, A->helper, A->day, A, pu - 1, &v, 1, A, pu + 1);
        if (!ea.feasible) return false;
        wp_route_eval eb = wp_eval_join(s, B->helper, B->day, B, pv - 1, &u, 1, B, pv + 1);
        int moved[2] = {u, v}, to[2] = {rv, ru};
        d = wp_moves_delta(s, ru, &ea, rv, &eb, moved, to, 2);
    } else {
        int lo = pu < pv ? pu : pv, hi = pu < pv ? pv : pu, k = 0;
        int *mid = wp_ls_eval_nodes(ls, A->n + 2);
        mid[k++] = A->node[hi];
        for (int q = lo + 1; q < hi; q++) mid[k++] = A->node[q];
        mid[k++] = A->node[lo];
        wp_route_eval e = wp_eval_join(s, A->helper, A->day, A, lo - 1, mid, k, A, hi + 1);
        d = wp_moves_delta(s, ru, &e, -1, NULL, NULL, NULL, 0);
    }
    if (!(d < -WP_MOVE_EPS)) return false;
    *mv = (wp_move){d, u, v, 0, 0};
    return true;
}

static void apply(wp_ls *ls, const wp_move *mv)
{
    wp_sol *s = ls->s;
    int u = mv->u, v = mv->v, ru = s->route_of[u], rv = s->route_of[v];
    int pu = s->pos_of[u], pv = s->pos_of[v];
    const wp_route *A = &s->routes[ru], *B = &s->routes[rv];
    wp_ls_reserve(ls, A->n + B->n + 2);
    int *a = ls->buf_a, *b = ls->buf_b;
    int na = wp_ls_copy_nodes(A, 1, A->n, false, a);
    if (ru == rv) {
        a[pu - 1] = v;
        a[pv - 1] = u;
        wp_sol_set_route(s, ru, a, na);
        return;
    }
    int nb = wp_ls_copy_nodes(B, 1, B->n, false, b);
    a[pu - 1] = v;
    b[pv - 1] = u;
    wp_sol_set_route(s, ru, a, na);
    wp_sol_set_route(s, rv, b, nb);
}

const wp_ls_operator wp_op_swap = {"swap", evaluate, apply};
