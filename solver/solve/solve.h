/* Solving one contracting variant: the market (contract/variant.h), the search, and the roster
 * with its KPIs. */
#ifndef WP_SOLVE_SOLVE_H
#define WP_SOLVE_SOLVE_H

#include <wijkplan/roster.h>
#include <wijkplan/solve.h>

#include "contract/variant.h"

/* Solves the model under a market built by wp_variant_market. Thread-safe: the model and the
 * market are only read. */
wp_status wp_solve_market(const wp_model *m, const wp_variant *v, const wp_market *mk,
                          double pairs_bound, const wp_solve_options *o, wp_roster **out,
                          wp_error *err);

/* Both steps. */
wp_status wp_solve_variant(const wp_model *m, const wp_variant *v, const wp_solve_options *o,
                           wp_roster **out, wp_error *err);

#endif
