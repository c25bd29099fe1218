/* The first plan: fixed pairs kept where the helper can take them, then regret insertion of
 * whole clients, most vulnerable (highest priority) first. */
#ifndef WP_SEARCH_CONSTRUCT_H
#define WP_SEARCH_CONSTRUCT_H

#include "search/solution.h"

/* Inserts every unserved client of s that can be placed. `clients` restricts the work to a
 * list (NULL = all clients). */
void wp_construct(wp_sol *s, const int *clients, int n_clients);

/* Regret insertion of the listed unserved clients (NULL = all) into the current plan. */
void wp_regret_insert(wp_sol *s, const int *clients, int n_clients);

#endif
