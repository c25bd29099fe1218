/* One search thread: adaptive large neighbourhood search (Ropke and Pisinger 2006) with the
 * ruin operators of ruin.h, blink recreate, local search on every candidate, and simulated
 * annealing acceptance (the SISR criterion: accept when the new cost is below the current
 * cost minus T ln U). The thread owns its plans, generator and buffers; the model is shared
 * read-only, so threads never touch each other's memory. */
#ifndef WP_SEARCH_ALNS_H
#define WP_SEARCH_ALNS_H

#include "search/ls.h"
#include "search/ruin.h"
#include "search/solution.h"

#define WP_RUIN_OPS 5

typedef struct wp_alns_params {
    double t_start; /* temperature at progress 0, in search-cost units */
    double t_end;   /* temperature at progress 1 */
    int remove_min; /* clients per ruin */
    int remove_max;
    double blink;    /* recreate noise */
    double deadline; /* wp_clock_now() value at which to stop early */
} wp_alns_params;

typedef struct wp_alns {
    const wp_instance *p;
    wp_rng rng;
    unsigned long clock;
    wp_sol cur, cand, best;
    double cur_cost, best_cost;
    wp_ls ls;
    wp_ruin_ctx ruin;
    double *keys;               /* recreate order keys, per client */
    int *retry;                 /* clients to insert this iteration */
    double weight[WP_RUIN_OPS]; /* adaptive operator weights */
    double score[WP_RUIN_OPS];
    int uses[WP_RUIN_OPS];
    long long iterations, accepted, improvements;
} wp_alns;

/* Starts a thread's search from `start` (copied). `stream` separates the threads' generators. */
void wp_alns_init(wp_alns *a, const wp_instance *p, const wp_sol *start, unsigned long long seed,
                  int stream);
void wp_alns_free(wp_alns *a);

/* Runs up to n iterations with the temperature moving from progress `from` to `to` (fractions
 * of the whole run) or, when `time_based`, following the clock towards the deadline given
 * `start`. Returns the iterations run (fewer when the deadline passed). */
long wp_alns_run(wp_alns *a, long n, double from, double to, const wp_alns_params *par,
                 bool time_based, double start);

/* Adopts plan `s` (cost `cost`) as the current plan, and as the best if it is better. */
void wp_alns_adopt(wp_alns *a, const wp_sol *s, double cost);

#endif
