/* The ALNS loop of one search thread. */
#include "search/alns.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "search/recreate.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/clock.h"

static const wp_ruin_operator *const ruins[WP_RUIN_OPS] = {
    &wp_ruin_strings, &wp_ruin_random, &wp_ruin_related, &wp_ruin_worst, &wp_ruin_route,
};

/* Ropke and Pisinger's scores: a new best, an improvement of the current, an acceptance. */
#define SCORE_BEST     33.0
#define SCORE_BETTER   9.0
#define SCORE_ACCEPTED 13.0
#define REACTION       0.1
#define SEGMENT        100

void wp_alns_init(wp_alns *a, const wp_instance *p, const wp_sol *start, unsigned long long seed,
                  int stream)
{
    memset(a, 0, sizeof *a);
    a->p = p;
    wp_rng_seed(&a->rng, seed, (uint64_t)stream + 1);
    wp_sol_init(&a->cur, p, &a->clock);
    wp_sol_init(&a->cand, p, &a->clock);
    wp_sol_init(&a->best, p, &a->clock);
    wp_sol_copy(&a->cur, start);
    wp_sol_copy(&a->best, start);
    a->cur_cost = a->best_cost = wp_sol_cost(start);
    wp_ls_init(&a->ls, p, &a->rng);
    a->ruin.rng = &a->rng;
    a->ruin.removed = wp_malloc(((size_t)p->n_clients + 1) * sizeof(int));
    a->ruin.mark = wp_calloc((size_t)p->n_clients + 1, 1);
    a->ruin.scratch = wp_malloc(((size_t)p->n_visits + p->n_clients + 1) * sizeof(int));
    a->ruin.scores = wp_calloc((size_t)p->n_clients + 1, sizeof(double));
    a->keys = wp_calloc((size_t)p->n_clients + 1, sizeof(double));
    a->retry = wp_malloc(((size_t)p->n_clients + 1) * sizeof(int));
    for (int i = 0; i < WP_RUIN_OPS; i++) a->weight[i] = 1.0;
}

void wp_alns_free(wp_alns *a)
{
    wp_sol_free(&a->cur);
    wp_sol_free(&a->cand);
    wp_sol_free(&a->best);
    wp_ls_free(&a->ls);
    wp_free(a->ruin.removed);
    wp_free(a->ruin.mark);
    wp_free(a->ruin.scratch);
    wp_free(a->ruin.scores);
    wp_free(a->keys);
    wp_free(a->retry);
    memset(a, 0, sizeof *a);
}

void wp_alns_adopt(wp_alns *a, const wp_sol *s, double cost)
{
    wp_sol_copy(&a->cur, s);
    a->cur_cost = cost;
    if (cost < a->best_cost) {
        wp_sol_copy(&a->best, s);
        a->best_cost = cost;
    }
}

static int pick_ruin(wp_alns *a)
{
    double total = 0;
    for (int i = 0; i < WP_RUIN_OPS; i++) total += a->weight[i];
    double u = wp_rng_unit(&a->rng) * total;
    for (int i = 0; i < WP_RUIN_OPS; i++) {
        u -= a->weight[i];
        if (u < 0) return i;
    }
    return WP_RUIN_OPS - 1;
}

static void update_weights(wp_alns *a)
{
    for (int i = 0; i < WP_RUIN_OPS; i++) {
        if (a->uses[i])
            a->weight[i] = (1 - REACTION) * a->weight[i] + REACTION * a->score[i] / a->uses[i];
        if (a->weight[i] < 0.05) a->weight[i] = 0.05;
        a->score[i] = 0;
        a->uses[i] = 0;
    }
}

/* Clients to re-insert: the ones just taken out plus a few that were unserved already. */
static int gather_retry(wp_alns *a)
{
    wp_ruin_ctx *r = &a->ruin;
    int n = 0;
    for (int i = 0; i < r->n_removed; i++) a->retry[n++] = r->removed[i];
    const wp_sol *s = &a->cand;
    int extra = 0, nc = a->p->n_clients;
    int start = nc ? (int)wp_rng_below(&a->rng, (uint32_t)nc) : 0;
    for (int k = 0; k < nc && extra < 8; k++) {
        int c = (start + k) % nc;
        if (s->client_helper[c] < 0 && !r->mark[c]) {
            a->retry[n++] = c;
            extra++;
        }
    }
    for (int i = 0; i < r->n_removed; i++) r->mark[r->removed[i]] = 0;
    return n;
}

static void iterate(wp_alns *a, double temperature, const wp_alns_params *par)
{
    wp_sol_copy(&a->cand, &a->cur);
    int op = pick_ruin(a);
    wp_ruin_ctx *r = &a->ruin;
    r->s = &a->cand;
    r->n_removed = 0;
    int span = par->remove_max - par->remove_min + 1;
    r->target = par->remove_min + (span > 0 ? (int)wp_rng_below(&a->rng, (uint32_t)span) : 0);
    ruins[op]->run(r);
    int n = gather_retry(a);
    wp_recreate(&a->cand, &a->rng, a->retry, n, par->blink, a->keys);
    wp_ls_run(&a->ls, &a->cand);
    double cost = wp_sol_cost(&a->cand);
    a->uses[op]++;
    double threshold = a->cur_cost - temperature * log(wp_rng_unit(&a->rng) + 1e-300);
    if (cost < threshold) {
        bool better = cost < a->cur_cost - 1e-9;
        wp_sol tmp = a->cur;
        a->cur = a->cand;
        a->cand = tmp;
        a->cur_cost = cost;
        a->accepted++;
        if (cost < a->best_cost - 1e-9) {
            wp_sol_copy(&a->best, &a->cur);
            a->best_cost = cost;
            a->improvements++;
            a->score[op] += SCORE_BEST;
        } else {
            a->score[op] += better ? SCORE_BETTER : SCORE_ACCEPTED;
        }
    }
    if (++a->iterations % SEGMENT == 0) update_weights(a);
}

long wp_alns_run(wp_alns *a, long n, double from, double to, const wp_alns_params *par,
                 bool time_based, double start)
{
    double span = par->deadline - start;
    for (long i = 0; i < n; i++) {
        double progress = 0;
        if (time_based || (i & 15) == 0) {
            double now = wp_clock_now();
            if (now >= par->deadline || wp_interrupted()) return i;
            if (time_based) progress = span > 0 ? (now - start) / span : 1;
        }
        if (!time_based) progress = from + (to - from) * (double)i / (double)(n > 0 ? n : 1);
        if (progress > 1) progress = 1;
        double t = par->t_start * pow(par->t_end / par->t_start, progress);
        iterate(a, t, par);
        /* periodic resynchronisation of the kept totals against floating-point drift */
        if ((a->iterations & 1023) == 0) {
            wp_sol_resync(&a->cur);
            a->cur_cost = wp_sol_cost(&a->cur);
        }
    }
    return n;
}
