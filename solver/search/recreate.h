/* Recreate: greedy insertion of whole clients with blinks, in one of several orders
 * (C. Christiaens, G. Vanden Berghe 2020: random, demand, far, close). */
#ifndef WP_SEARCH_RECREATE_H
#define WP_SEARCH_RECREATE_H

#include "search/solution.h"
#include "util/rng.h"

/* Inserts clients[0..n) (unserved) one by one at their cheapest plan over candidate helpers,
 * skipping positions with probability `blink`. The order is chosen at random among: random,
 * most vulnerable and largest first, farthest from the others first, closest first. */
void wp_recreate(wp_sol *s, wp_rng *rng, int *clients, int n, double blink, double *keys);

#endif
