/* Turning a plan under search into roster data (times, assignments, transfers, unassigned). */
#ifndef WP_SEARCH_EXTRACT_H
#define WP_SEARCH_EXTRACT_H

#include <wijkplan/roster.h>

#include "search/solution.h"

/* Fills routes, assignments, transfers, unassigned and (per_district) awards of an empty
 * roster. KPIs and solver facts are filled by the caller. */
void wp_extract_roster(const wp_sol *s, wp_roster *out);

/* The start of served visit v as the roster would give it (the route's forward pass from its
 * departure). */
double wp_extract_visit_start(const wp_sol *s, int v);

#endif
