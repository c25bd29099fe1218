/* The first plan of a repair (SPEC "Repair"): last week's routes kept wherever they still hold,
 * the rest re-inserted by the same insertion as every other plan, with the change terms in its
 * cost. */
#ifndef WP_SEARCH_REPAIR_H
#define WP_SEARCH_REPAIR_H

#include "search/solution.h"

/* Builds the start plan of an empty plan s whose model has a previous plan (m->prev):
 * 1. every visit whose previous (helper, day) still works, in last week's order, inside the
 *    unchanged band of its previous start (or its whole window, as a changed time, when only
 *    that fits), if the route, the helper's week and the client's pair rule allow it;
 * 2. every client that lost a visit that way, or has new visits, is re-planned whole by the
 *    insertion (for an absent helper's days: a substitute or the same helper on another day,
 *    whichever the objective prefers), and so is every new client.
 * Returns the number of visits kept in step 1. */
int wp_repair_seed(wp_sol *s);

#endif
