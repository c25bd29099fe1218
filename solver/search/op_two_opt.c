/* 2-opt within a route: reverse the visits between u and v so that u is followed by v
 * (Croes 1958). */
#include <math.h>

#include "search/ls.h"

static bool evaluate(wp_ls *ls, int u, int v, wp_move *mv)
{
    wp_sol *s = ls->s;
    int ru = s->route_of[u];
    if (ru != s->route_of[v]) return false;
    const wp_route *A = &s->routes[ru];
    int i = s->pos_of[u], j = s->pos_of[v];
    /* u then reversed (i+1..j) when i < j; or reversed (j..i-1) then u's... keep u before v */
    if (j <= i + 1) return false;
    if (!s->p->m->loc_matrix) { /* symmetric travel: only the two joints change */
        double d = wp_route_time(s, A, A->loc[i], A->loc[j]) +
                   wp_route_time(s, A, A->loc[i + 1], A->loc[j + 1]) -
                   (A->tmin[i + 1] - A->tmin[i]) - (A->tmin[j + 1] - A->tmin[j]);
        if (s->p->w_travel * d >= -WP_MOVE_EPS) return false;
    }
    int *mid = wp_ls_eval_nodes(ls, A->n + 2);
    int k = wp_ls_copy_nodes(A, i + 1, j, true, mid);
    wp_route_eval e = wp_eval_join(s, A->helper, A->day, A, i, mid, k, A, j + 1);
    double d = wp_moves_delta(s, ru, &e, -1, NULL, NULL, NULL, 0);
    if (!(d < -WP_MOVE_EPS)) return false;
    *mv = (wp_move){d, u, v, i, j};
    return true;
}

static void apply(wp_ls *ls, const wp_move *mv)
{
    wp_sol *s = ls->s;
    int ru = s->route_of[mv->u];
    const wp_route *A = &s->routes[ru];
    wp_ls_reserve(ls, A->n + 2);
    int *a = ls->buf_a, n = 0;
    n += wp_ls_copy_nodes(A, 1, mv->a, false, a + n);
    n += wp_ls_copy_nodes(A, mv->a + 1, mv->b, true, a + n);
    n += wp_ls_copy_nodes(A, mv->b + 1, A->n, false, a + n);
    wp_sol_set_route(s, ru, a, n);
}

const wp_ls_operator wp_op_two_opt = {"2-opt", evaluate, apply};
