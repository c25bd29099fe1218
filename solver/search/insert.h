/* Inserting a whole client: all its visits to one helper (the pair rule), each on an allowed day
 * where the helper works, days at least min_days_between_visits apart, within the helper's
 * weekly hours, and (arrival_consistency_min) starting within a band of the same time of day.
 * Visits that cannot be placed stay unserved; the plan says which. */
#ifndef WP_SEARCH_INSERT_H
#define WP_SEARCH_INSERT_H

#include <stdbool.h>

#include "search/solution.h"

#define WP_MAX_CLIENT_VISITS 7 /* visits of one client are planned on distinct days */

typedef struct wp_client_plan {
    int client;
    int helper;
    int n_placed;
    int visit[WP_MAX_CLIENT_VISITS]; /* visit ids placed */
    int route[WP_MAX_CLIENT_VISITS]; /* their routes */
    int pos[WP_MAX_CLIENT_VISITS];   /* positions before insertion (see wp_plan_apply) */
    double early[WP_MAX_CLIENT_VISITS], late[WP_MAX_CLIENT_VISITS]; /* windows in force */
    double delta; /* change of the search cost if applied */
} wp_client_plan;

/* Best position for visit v (window [early, late]) in route ri of the current solution.
 * Returns false when no position is feasible (weekly hours included). */
bool wp_best_position(const wp_sol *s, int v, int ri, double early, double late, int *pos,
                      double *dcost, double *dduration);

/* The cheapest plan for unserved client c with helper h: which visits go on which day at which
 * position, leaving a visit unserved only when that is cheaper or unavoidable. Returns false
 * when no visit fits. */
bool wp_plan_client(const wp_sol *s, int c, int h, wp_client_plan *plan);

/* The cheapest plan for unserved client c over its candidate helpers whose delta is below
 * `below` (by more than 1e-9; a later helper must beat an earlier one by as much), placing every
 * visit when `complete`. Returns false when there is none. */
bool wp_cheapest_plan(const wp_sol *s, int c, double below, bool complete, wp_client_plan *best);

/* Applies a plan made on the current solution. */
void wp_plan_apply(wp_sol *s, const wp_client_plan *plan);

/* Removes every served visit of client c and clears its helper. */
void wp_unassign_client(wp_sol *s, int c);

#endif
