/* The local-search driver: passes over the served visits in random order, each tried against
 * its granular neighbours with every operator, first improvement. */
#include "search/ls.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

static const wp_ls_operator *const operators[] = {
    &wp_op_relocate, &wp_op_swap, &wp_op_two_opt_star, &wp_op_or_opt, &wp_op_two_opt,
};
#define N_PAIR_OPS (int)(sizeof operators / sizeof *operators)

/* Operators that look at a visit alone, not at a neighbour. */
static const wp_ls_operator *const solo_operators[] = {&wp_op_day_change, &wp_op_client_move};
#define N_SOLO_OPS (int)(sizeof solo_operators / sizeof *solo_operators)

void wp_ls_init(wp_ls *ls, const wp_instance *p, wp_rng *rng)
{
    memset(ls, 0, sizeof *ls);
    ls->rng = rng;
    ls->tested_at = wp_calloc((size_t)p->n_visits + 1, sizeof *ls->tested_at);
    ls->order = wp_malloc(((size_t)p->n_visits + 1) * sizeof *ls->order);
    ls->listed = wp_calloc((size_t)p->n_visits + 1, sizeof *ls->listed);
    wp_ls_reserve(ls, 64);
}

void wp_ls_free(wp_ls *ls)
{
    wp_free(ls->tested_at);
    wp_free(ls->order);
    wp_free(ls->listed);
    wp_free(ls->buf_a);
    wp_free(ls->buf_b);
    wp_free(ls->buf_eval);
    memset(ls, 0, sizeof *ls);
}

void wp_ls_reserve(wp_ls *ls, int n)
{
    if (n <= ls->buf_cap) return;
    int cap = ls->buf_cap ? ls->buf_cap : 64;
    while (cap < n) cap *= 2;
    ls->buf_a = wp_realloc_array(ls->buf_a, (size_t)cap, sizeof *ls->buf_a);
    ls->buf_b = wp_realloc_array(ls->buf_b, (size_t)cap, sizeof *ls->buf_b);
    ls->buf_eval = wp_realloc_array(ls->buf_eval, (size_t)cap, sizeof *ls->buf_eval);
    ls->buf_cap = cap;
}

int wp_ls_copy_nodes(const wp_route *r, int from, int to, bool reverse, int *dst)
{
    int n = 0;
    if (from > to) return 0;
    if (reverse)
        for (int q = to; q >= from; q--) dst[n++] = r->node[q];
    else
        for (int q = from; q <= to; q++) dst[n++] = r->node[q];
    return n;
}

static void shuffle(wp_rng *rng, int *a, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)wp_rng_below(rng, (uint32_t)i + 1), t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* Tries every operator on u; applies the first improving move. Pairs are tested when the place
 * of one of their visits changed; the operators on u alone (another day, another helper for the
 * whole client) whenever u's route changed, since what they test depends on the whole route. */
static bool improve_visit(wp_ls *ls, int u)
{
    wp_sol *s = ls->s;
    const wp_instance *p = s->p;
    unsigned long since = ls->tested_at[u];
    bool u_moved = s->placed_at[u] > since;
    wp_move mv;
    const int *nb = p->neighbours + (size_t)u * (size_t)p->n_neighbours;
    for (int k = 0; k < p->n_neighbours; k++) {
        int v = nb[k];
        if (v < 0) break;
        if (s->route_of[v] < 0) continue;
        if (!u_moved && s->placed_at[v] <= since) continue;
        for (int o = 0; o < N_PAIR_OPS; o++) {
            if (operators[o]->evaluate(ls, u, v, &mv)) {
                operators[o]->apply(ls, &mv);
                ls->moves[o]++;
                return true;
            }
        }
    }
    if (s->routes[s->route_of[u]].stamp > since)
        for (int o = 0; o < N_SOLO_OPS; o++)
            if (solo_operators[o]->evaluate(ls, u, -1, &mv)) {
                solo_operators[o]->apply(ls, &mv);
                ls->moves[N_PAIR_OPS + o]++;
                return true;
            }
    return false;
}

/* Lists (in ls->order) the served visits whose route changed after `since` and the visits that
 * have a visit placed after `since` as a neighbour: the only visits with an untested move. */
static int list_work(wp_ls *ls, const wp_sol *s, unsigned long since)
{
    const wp_instance *p = s->p;
    unsigned long pass = ++ls->pass;
    int n = 0;
    for (int v = 0; v < p->n_visits; v++) {
        if (s->route_of[v] < 0 || s->routes[s->route_of[v]].stamp <= since) continue;
        if (ls->listed[v] != pass) ls->listed[v] = pass, ls->order[n++] = v;
        if (s->placed_at[v] <= since) continue;
        for (int j = p->cited_start[v]; j < p->cited_start[v + 1]; j++) {
            int u = p->cited[j];
            if (s->route_of[u] >= 0 && ls->listed[u] != pass)
                ls->listed[u] = pass, ls->order[n++] = u;
        }
    }
    return n;
}

long wp_ls_run(wp_ls *ls, wp_sol *s)
{
    ls->s = s;
    const wp_instance *p = s->p;
    long applied = 0, limit = 100000L * (p->n_visits + 1); /* a safety net */
    unsigned long since = ls->settled;
    for (;;) {
        unsigned long pass_start = *s->clock;
        int n = list_work(ls, s, since);
        shuffle(ls->rng, ls->order, n);
        bool improved = false;
        for (int i = 0; i < n; i++) {
            int u = ls->order[i];
            if (s->route_of[u] < 0) continue;
            unsigned long now = *s->clock;
            if (improve_visit(ls, u)) {
                applied++;
                improved = true;
                i--; /* keep improving the same visit while it finds moves */
                if (applied > limit) break;
            } else {
                ls->tested_at[u] = now;
            }
        }
        if (!improved || applied > limit) break;
        since = pass_start;
    }
    ls->settled = *s->clock;
    return applied;
}
