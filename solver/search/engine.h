/* The search engine's entry: construction or repair seed, then the parallel search (directly or
 * cluster by cluster), then the roster. */
#ifndef WP_SEARCH_ENGINE_H
#define WP_SEARCH_ENGINE_H

#include <wijkplan/roster.h>

#include "search/parallel.h"

/* Plans the model under market mk and fills the roster's routes, assignments, transfers,
 * unassigned and awards. */
void wp_search_solve(const wp_model *m, const wp_market *mk, const wp_search_params *sp,
                     wp_roster *out, wp_search_stats *stats);

#endif
