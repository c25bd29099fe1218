/* Optimised awards: which k providers win each district, from a mixed-integer model on GLPK.
 *
 * Stage 1 maximises the fixed pairs that can be kept: without staff transfer a pair survives
 * when its helper's provider wins the client's district; with transfer a helper may move to one
 * winning provider and keeps the pairs in every district that provider won. Its optimum is an
 * upper bound on pairs kept by any roster under the variant (reported as pairs_bound).
 * Stage 2 keeps that many pairs and maximises clients who keep their provider, minus hours the
 * winners cannot cover with their helpers' contract hours (without transfer), with travel from
 * the winners' helpers' homes to the district as a tie-breaker. */
#ifndef WP_CONTRACT_AWARDS_H
#define WP_CONTRACT_AWARDS_H

#include <stdbool.h>
#include <wijkplan/error.h>

#include "model/model.h"

typedef struct wp_award_options {
    int k; /* providers per district */
    bool staff_transfer;
    int max_districts_per_provider; /* 0 = no limit */
    double care_share;              /* share of contract hours available for care (default 0.85) */
    double time_limit_s;            /* per stage */
} wp_award_options;

void wp_award_options_default(wp_award_options *o);

/* Fills `out` (caller frees with wp_awards_free) and the pairs bound: the stage-1 optimum, or
 * its LP relaxation when GLPK could not prove optimality in time. When the model yields no
 * integer solution, awards come from a greedy start improved by swaps (limits respected). */
wp_status wp_awards_optimize(const wp_model *m, const wp_award_options *o, wp_awards *out,
                             double *pairs_bound, wp_error *err);

#endif
