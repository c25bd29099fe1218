/* Ruin operators: each takes clients out of a plan (all their visits, so recreate can re-plan
 * them whole under the pair rule) and lists them. */
#ifndef WP_SEARCH_RUIN_H
#define WP_SEARCH_RUIN_H

#include "search/solution.h"
#include "util/rng.h"

typedef struct wp_ruin_ctx {
    wp_sol *s;
    wp_rng *rng;
    int *removed; /* clients taken out, in order */
    int n_removed;
    int target;          /* how many clients to take out */
    unsigned char *mark; /* per client: already taken out */
    int *scratch;        /* n_visits ints */
    double *scores;      /* n_clients doubles */
} wp_ruin_ctx;

typedef struct wp_ruin_operator {
    const char *name;
    void (*run)(wp_ruin_ctx *ctx);
} wp_ruin_operator;

extern const wp_ruin_operator wp_ruin_strings; /* SISR adjacent strings (Christiaens 2020) */
extern const wp_ruin_operator wp_ruin_random;
extern const wp_ruin_operator wp_ruin_related; /* Shaw: near in space and time */
extern const wp_ruin_operator wp_ruin_worst;   /* the costliest clients, randomised */
extern const wp_ruin_operator wp_ruin_route;   /* whole routes */

/* Takes client c out (all its visits) unless it already is; records it. */
void wp_ruin_take(wp_ruin_ctx *ctx, int c);

#endif
