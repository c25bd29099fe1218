/* Decomposition of large instances into helper clusters searched in parallel (decompose.c). */
#ifndef WP_SEARCH_DECOMPOSE_H
#define WP_SEARCH_DECOMPOSE_H

#include <stdbool.h>

#include "search/parallel.h"
#include "search/solution.h"

/* True when the instance is large enough for decomposition to pay off. */
bool wp_decompose_wanted(const wp_instance *p);

/* No cluster has more helpers than this. */
#define WP_DECOMPOSE_MAX_HELPERS 60

/* Cluster number of every helper for round `variant` (0 or 1: the second round's clusters are
 * shifted); returns the number of clusters, each non-empty. Helpers of different providers never
 * share a cluster when providers are independent (open house, every client's provider known). */
int wp_decompose_clusters(const wp_instance *p, int variant, int *cluster);

/* Improves the plan cluster by cluster, in two rounds with shifted clusters, then offers the
 * unserved clients every candidate helper. */
void wp_decompose_improve(const wp_instance *p, wp_sol *sol, const wp_search_params *sp,
                          wp_search_stats *stats);

#endif
