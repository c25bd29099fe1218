/* Or-opt: a string of two or three consecutive visits starting at u moves after its neighbour
 * v, in the same or reversed order (Or 1976). */
#include <math.h>

#include "search/ls.h"

#define MAX_STRING 3

/* What moving each of the string's first visits to v's route costs by itself: HUGE_VAL where
 * the rules forbid it. Computed once for the four strings that start at u, and only for a
 * string whose travel may improve. */
typedef struct string_moves {
    bool known;
    double visit[MAX_STRING];
} string_moves;

static const string_moves *visit_moves(const wp_sol *s, int u, int v, string_moves *out)
{
    if (out->known) return out;
    int ru = s->route_of[u], pu = s->pos_of[u], rv = s->route_of[v];
    const wp_route *A = &s->routes[ru], *B = &s->routes[rv];
    bool fits = true;
    for (int q = 0; q < MAX_STRING; q++) {
        fits = fits && ru != rv && pu + q <= A->n && wp_visit_fits_route(s, A->node[pu + q], B);
        out->visit[q] = ru == rv ? 0 : fits ? wp_move_visit_delta(s, A->node[pu + q], B) : HUGE_VAL;
    }
    out->known = true;
    return out;
}

/* The travel legs the four strings share, each looked up once: into and out of the gap after
 * v, along the string both ways, and what each string's removal saves. */
typedef struct string_legs {
    double into[MAX_STRING];        /* v -> the string's q-th visit */
    double out_of[MAX_STRING];      /* the q-th visit -> v's successor */
    double fwd[MAX_STRING - 1];     /* q-th -> (q+1)-th, in v's route */
    double bwd[MAX_STRING - 1];     /* (q+1)-th -> q-th */
    double removal[MAX_STRING + 1]; /* by length: travel saved where the string was */
} string_legs;

static void string_legs_of(const wp_sol *s, int u, int v, string_legs *l)
{
    int pu = s->pos_of[u], pv = s->pos_of[v];
    const wp_route *A = &s->routes[s->route_of[u]], *B = &s->routes[s->route_of[v]];
    int n = A->n - pu + 1 < MAX_STRING ? A->n - pu + 1 : MAX_STRING; /* visits from u on */
    for (int q = 0; q < n; q++) {
        int a = A->loc[pu + q];
        l->into[q] = wp_route_time(s, B, B->loc[pv], a);
        l->out_of[q] = wp_route_time(s, B, a, B->loc[pv + 1]);
        if (q + 1 < n) {
            int b = A->loc[pu + q + 1];
            l->fwd[q] = wp_route_time(s, B, a, b);
            l->bwd[q] = wp_route_time(s, B, b, a);
        }
    }
    for (int len = 2; len <= n; len++)
        l->removal[len] = (A->tmin[pu + len] - A->tmin[pu - 1]) -
                          wp_route_time(s, A, A->loc[pu - 1], A->loc[pu + len]);
}

static double string_delta(wp_ls *ls, int u, int len, bool reversed, int v, string_moves *sm,
                           const string_legs *l)
{
    const wp_sol *s = ls->s;
    const wp_instance *p = s->p;
    int ru = s->route_of[u], pu = s->pos_of[u], rv = s->route_of[v], pv = s->pos_of[v];
    const wp_route *A = &s->routes[ru], *B = &s->routes[rv];
    if (pu + len - 1 > A->n) return HUGE_VAL;
    if (ru == rv && pv >= pu - 1 && pv <= pu + len - 1) return HUGE_VAL; /* inside or just before */
    /* travel first: the string leaves its place and enters after v; inner legs may turn */
    int first = reversed ? len - 1 : 0, last = reversed ? 0 : len - 1;
    double removal = l->removal[len];
    double ins = l->into[first] + l->out_of[last] - (B->tmin[pv + 1] - B->tmin[pv]);
    for (int q = 0; q + 1 < len; q++) ins += reversed ? l->bwd[q] : l->fwd[q];
    double slack = ru == rv ? 0 : (A->n == len ? p->w_route + p->w_helper : 0);
    double travel = p->w_travel * (ins - removal);
    if (ru != rv && travel + len * p->move_floor - slack >= -WP_MOVE_EPS) return HUGE_VAL;
    /* then the rules: most strings may not move to another helper or day */
    double moves = 0;
    const string_moves *vm = visit_moves(s, u, v, sm);
    for (int q = 0; q < len; q++) moves += vm->visit[q];
    if (moves == HUGE_VAL) return HUGE_VAL;
    if (travel + moves - slack >= -WP_MOVE_EPS) return HUGE_VAL;
    int seg[MAX_STRING];
    wp_ls_copy_nodes(A, pu, pu + len - 1, reversed, seg);
    if (ru != rv) {
        wp_route_eval ea = wp_eval_join(s, A->helper, A->day, A, pu - 1, NULL, 0, A, pu + len);
        if (!ea.feasible) return HUGE_VAL;
        wp_route_eval eb = wp_eval_join(s, B->helper, B->day, B, pv, seg, len, B, pv + 1);
        int to[MAX_STRING] = {rv, rv, rv};
        return wp_moves_delta(s, ru, &ea, rv, &eb, seg, to, len);
    }
    int *mid = wp_ls_eval_nodes(ls, A->n + MAX_STRING + 2), k = 0;
    wp_route_eval e;
    if (pv > pu) { /* [pu..pu+len-1] after pv: prefix(pu-1) + (pu+len..pv) + seg + suffix(pv+1) */
        for (int q = pu + len; q <= pv; q++) mid[k++] = A->node[q];
        for (int q = 0; q < len; q++) mid[k++] = seg[q];
        e = wp_eval_join(s, A->helper, A->day, A, pu - 1, mid, k, A, pv + 1);
    } else { /* prefix(pv) + seg + (pv+1..pu-1) + suffix(pu+len) */
        for (int q = 0; q < len; q++) mid[k++] = seg[q];
        for (int q = pv + 1; q < pu; q++) mid[k++] = A->node[q];
        e = wp_eval_join(s, A->helper, A->day, A, pv, mid, k, A, pu + len);
    }
    return wp_moves_delta(s, ru, &e, -1, NULL, NULL, NULL, 0);
}

static bool evaluate(wp_ls *ls, int u, int v, wp_move *mv)
{
    double best = -WP_MOVE_EPS;
    int best_len = 0, best_rev = 0;
    string_moves sm = {.known = false};
    string_legs legs;
    string_legs_of(ls->s, u, v, &legs);
    for (int len = 2; len <= MAX_STRING; len++)
        for (int rev = 0; rev < 2; rev++) {
            double d = string_delta(ls, u, len, rev, v, &sm, &legs);
            if (d < best) {
                best = d;
                best_len = len;
                best_rev = rev;
            }
        }
    if (!best_len) return false;
    *mv = (wp_move){best, u, v, best_len, best_rev};
    return true;
}

static void apply(wp_ls *ls, const wp_move *mv)
{
    wp_sol *s = ls->s;
    int u = mv->u, v = mv->v, len = mv->a;
    int ru = s->route_of[u], pu = s->pos_of[u], rv = s->route_of[v], pv = s->pos_of[v];
    const wp_route *A = &s->routes[ru], *B = &s->routes[rv];
    int seg[MAX_STRING];
    wp_ls_copy_nodes(A, pu, pu + len - 1, mv->b, seg);
    wp_ls_reserve(ls, A->n + B->n + 4);
    int *a = ls->buf_a, *b = ls->buf_b, na = 0, nb = 0;
    if (ru != rv) {
        for (int q = 1; q <= A->n; q++)
            if (q < pu || q >= pu + len) a[na++] = A->node[q];
        for (int q = 1; q <= B->n; q++) {
            b[nb++] = B->node[q];
            if (q == pv)
                for (int i = 0; i < len; i++) b[nb++] = seg[i];
        }
        wp_sol_set_route(s, ru, a, na);
        wp_sol_set_route(s, rv, b, nb);
        return;
    }
    for (int q = 1; q <= A->n; q++) {
        if (q < pu || q >= pu + len) a[na++] = A->node[q];
        if (q == pv)
            for (int i = 0; i < len; i++) a[na++] = seg[i];
    }
    wp_sol_set_route(s, ru, a, na);
}

const wp_ls_operator wp_op_or_opt = {"or-opt", evaluate, apply};
