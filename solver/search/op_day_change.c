/* Day change: visit u moves to the best position in its helper's route on another allowed day,
 * keeping the client's visits min_days_between_visits apart. */
#include <math.h>

#include "search/ls.h"

static bool evaluate(wp_ls *ls, int u, int v, wp_move *mv)
{
    (void)v;
    wp_sol *s = ls->s;
    const wp_model *m = s->p->m;
    int ru = s->route_of[u], pu = s->pos_of[u];
    const wp_route *A = &s->routes[ru];
    uint8_t days = m->visits[u].days & ~(1u << A->day);
    if (!days) return false;
    wp_route_eval ea = wp_eval_join(s, A->helper, A->day, A, pu - 1, NULL, 0, A, pu + 1);
    if (!ea.feasible) return false;
    double best = -WP_MOVE_EPS;
    int best_r = -1, best_t = -1;
    for (int d = 0; d < WP_DAYS; d++) {
        if (!(days >> d & 1)) continue;
        int rb = wp_route_index(A->helper, d);
        const wp_route *B = &s->routes[rb];
        if (!wp_visit_fits_route(s, u, B)) continue;
        for (int t = 0; t <= B->n; t++) {
            wp_route_eval eb = wp_eval_join(s, B->helper, d, B, t, &u, 1, B, t + 1);
            double delta = wp_moves_delta(s, ru, &ea, rb, &eb, &u, &rb, 1);
            if (delta < best) {
                best = delta;
                best_r = rb;
                best_t = t;
            }
        }
    }
    if (best_r < 0) return false;
    *mv = (wp_move){best, u, -1, best_r, best_t};
    return true;
}

static void apply(wp_ls *ls, const wp_move *mv)
{
    wp_sol *s = ls->s;
    int u = mv->u, ru = s->route_of[u], pu = s->pos_of[u], rb = mv->a, t = mv->b;
    const wp_route *A = &s->routes[ru], *B = &s->routes[rb];
    wp_ls_reserve(ls, A->n + B->n + 2);
    int *a = ls->buf_a, *b = ls->buf_b, na = 0, nb = 0;
    for (int q = 1; q <= A->n; q++)
        if (q != pu) a[na++] = A->node[q];
    if (t == 0) b[nb++] = u;
    for (int q = 1; q <= B->n; q++) {
        b[nb++] = B->node[q];
        if (q == t) b[nb++] = u;
    }
    wp_sol_set_route(s, ru, a, na);
    wp_sol_set_route(s, rb, b, nb);
}

const wp_ls_operator wp_op_day_change = {"day change", evaluate, apply};
