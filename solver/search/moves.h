/* The shared machinery of every route-changing move: evaluating a candidate route built from a
 * cached prefix of one route, a few explicit visits, and a cached suffix of another (O(1) plus
 * the explicit part), the rules for where a visit may go, and applying new visit lists.
 *
 * A candidate route for helper h on day d is
 *     prefix(a, 0..i) + mid[0..k) + suffix(b, j..n_b+1)
 * where prefix and suffix come from the caches of routes a and b (either may be the home-only
 * route) and mid lists visit ids. Caches carry the travel times of their own helper's mode; a
 * suffix taken into a route of another mode is recomputed, which keeps results exact. */
#ifndef WP_SEARCH_MOVES_H
#define WP_SEARCH_MOVES_H

#include <stdbool.h>

#include "search/solution.h"

/* The effect of a candidate route. */
typedef struct wp_route_eval {
    bool feasible;   /* windows, hours per day, visits per day, capacity (not the week) */
    double duration; /* end - start when feasible */
    double travel;   /* travel minutes */
    int n;           /* visits */
} wp_route_eval;

/* Evaluates prefix(a, 0..i) + mid + suffix(b, j..). Pass a = NULL for "home" (i ignored) and
 * b = NULL for "home" (j ignored). */
wp_route_eval wp_eval_join(const wp_sol *s, int h, int d, const wp_route *a, int i, const int *mid,
                           int k, const wp_route *b, int j);

/* True when visit v may be planned in route r at all: an allowed day for the visit, a day the
 * helper works, and (when v's client would change helper) a single-visit client the helper is
 * eligible for. Multi-visit clients keep their helper; their visits may change day if the
 * spacing to the client's other visits holds. */
bool wp_visit_fits_route(const wp_sol *s, int v, const wp_route *r);

/* Search-cost change of routes (ra, rb) (rb may be -1 or equal to ra) taking new evaluations,
 * including routes and helpers used, and the weekly limit; returns HUGE_VAL when the week does
 * not fit. `helper_changes` lists visits whose client changes helper (to the helper of the
 * route they land in) with their destination routes, for the pair cost. */
double wp_moves_delta(const wp_sol *s, int ra, const wp_route_eval *ea, int rb,
                      const wp_route_eval *eb, const int *moved, const int *moved_to, int n_moved);

#endif
