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
    double change;   /* repair: change cost of the route's visits (search/cost.h) */
    int n;           /* visits */
} wp_route_eval;

/* Evaluates prefix(a, 0..i) + mid + suffix(b, j..). Pass a = NULL for "home" (i ignored) and
 * b = NULL for "home" (j ignored). */
wp_route_eval wp_eval_join(const wp_sol *s, int h, int d, const wp_route *a, int i, const int *mid,
                           int k, const wp_route *b, int j);

/* True when visit v may be planned in route r at all: an allowed day for the visit, a day the
 * helper works, a helper eligible for the client, and the pair rule: the visit counts for the
 * client's helper (wp_pair_helper_of), unless it is a single-visit client or the client's only
 * served visit, whose helper may change. Visits may change day if the spacing to the client's
 * other visits holds. */
bool wp_visit_fits_route(const wp_sol *s, int v, const wp_route *r);

/* Search-cost change of routes (ra, rb) (rb may be -1 or equal to ra) taking new evaluations,
 * including routes and helpers used, change costs, and the weekly limit; returns HUGE_VAL when
 * the week does not fit. `moved` lists visits that change route, with their destination routes,
 * for the pair cost. */
double wp_moves_delta(const wp_sol *s, int ra, const wp_route_eval *ea, int rb,
                      const wp_route_eval *eb, const int *moved, const int *moved_to, int n_moved);

/* Pair and change cost of moving visit u from its route to route `to` alone (a bound that
 * operators add to their travel-only pruning, so that no move that saves a change is pruned). */
static inline double wp_move_visit_delta(const wp_sol *s, int u, const wp_route *to)
{
    const wp_instance *p = s->p;
    int c = p->visit_client[u];
    double d =
        wp_pair_delta(p, c, s->client_helper[c], wp_pair_helper_of(p->m, c, to->helper, to->day));
    if (p->m->prev)
        d += wp_sol_change_cost(s, u, to) - wp_sol_change_cost(s, u, &s->routes[s->route_of[u]]);
    return d;
}

#endif
