/* The search's cost evaluator: every weight of the objective that depends on where one visit or
 * one client is planned lives here, so operators, insertion and the repair seeding ask one place
 * (as PyVRP's CostEvaluator keeps weights out of its operators). Route travel, routes used and
 * helpers used are summed by moves.c and solution.c from these same weights.
 *
 * The change terms of a repair depend on a visit's (helper, day) and on its window in force:
 * a visit in its previous route whose window in force lies within WP_UNCHANGED_MIN of its
 * previous start is certainly unchanged; with a wider window it is priced as changed_time, an
 * upper bound (the roster's KPIs classify the start actually planned). */
#ifndef WP_SEARCH_COST_H
#define WP_SEARCH_COST_H

#include <stdbool.h>

#include "model/previous.h"
#include "search/instance.h"

#define WP_WEEK_TOL 1e-6 /* minutes: rounding, not work, beyond a helper's weekly hours */

/* The weekly limit, with one tolerance for every caller. */
static inline bool wp_week_allows(const wp_instance *p, int h, double week_minutes)
{
    return week_minutes <= p->m->helpers[h].week_min + WP_WEEK_TOL;
}

/* The start window [lo, hi] that keeps visit v unchanged in its previous route (intersected
 * with [early, late]); false when the visit has no previous plan or the band is empty. */
static inline bool wp_unchanged_band(const wp_instance *p, int v, double early, double late,
                                     double *lo, double *hi)
{
    const wp_previous *pv = p->m->prev;
    if (!pv || pv->visit_day[v] < 0) return false;
    double t = pv->visit_start[v];
    *lo = early > t - WP_UNCHANGED_MIN ? early : t - WP_UNCHANGED_MIN;
    *hi = late < t + WP_UNCHANGED_MIN ? late : t + WP_UNCHANGED_MIN;
    return *lo <= *hi;
}

/* Change cost of visit v served by helper h on day d with window in force [early, late]. */
static inline double wp_visit_change_cost(const wp_instance *p, int v, int h, int d, double early,
                                          double late)
{
    const wp_model *m = p->m;
    const wp_previous *pv = m->prev;
    if (!pv || pv->visit_day[v] < 0) return 0;
    double t = pv->visit_start[v];
    bool near = early >= t - WP_UNCHANGED_MIN - 1e-9 && late <= t + WP_UNCHANGED_MIN + 1e-9;
    return wp_change_weight(&m->objective, wp_change_of(m, v, h, d, near));
}

/* Search cost of client c counting for helper h under the pair rule, with respect to its pair. */
static inline double wp_pair_cost(const wp_instance *p, int c, int h)
{
    int pair = p->m->clients[c].helper;
    return (pair >= 0 && pair != h) ? p->w_broken : 0.0;
}

/* Change of the pair cost when client c goes from counting for helper `from` to `to`. */
static inline double wp_pair_delta(const wp_instance *p, int c, int from, int to)
{
    return from == to ? 0.0 : wp_pair_cost(p, c, to) - wp_pair_cost(p, c, from);
}

#endif
