/* Decomposition of large instances into helper clusters searched in parallel (decompose.c). */
#ifndef WP_SEARCH_DECOMPOSE_H
#define WP_SEARCH_DECOMPOSE_H

#include <stdbool.h>

#include "search/engine.h"
#include "search/solution.h"

/* True when the instance is large enough for decomposition to pay off. */
bool wp_decompose_wanted(const wp_instance *p);

/* Improves the plan cluster by cluster, in two rounds with shifted clusters, then offers the
 * unserved clients every candidate helper. */
void wp_decompose_improve(const wp_instance *p, wp_sol *sol, const wp_search_params *sp,
                          wp_search_stats *stats);

#endif
