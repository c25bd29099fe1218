/* Solving one contracting variant: the market (contract/variant.h), the search, and the roster
 * with its KPIs. */
#ifndef WP_SOLVE_SOLVE_H
#define WP_SOLVE_SOLVE_H

#include <wijkplan/roster.h>
#include <wijkplan/solve.h>

#include "contract/variant.h"
#include "util/budget.h"

/* Share of a run's time the award model may use (it is part of the run's limit). */
#define WP_AWARD_SHARE 0.1

/* The run's budget from the options: made once, when the run begins. */
wp_budget wp_solve_budget(const wp_solve_options *o);

/* Solves the model under a market built by wp_variant_market, within `budget` (the roster
 * records its seconds as the time limit and the time since its start as elapsed).
 * Thread-safe: the model and the market are only read. */
wp_status wp_solve_market(const wp_model *m, const wp_variant *v, const wp_market *mk,
                          double pairs_bound, const wp_solve_options *o, const wp_budget *budget,
                          wp_roster **out, wp_error *err);

/* Both steps. */
wp_status wp_solve_variant(const wp_model *m, const wp_variant *v, const wp_solve_options *o,
                           wp_roster **out, wp_error *err);

#endif
