/* One contracting variant of a scenario (open house or per district, awards given or to be
 * optimised, staff transfer, continuing pairs) and the market it implies. `solve` runs the
 * scenario's own variant; `compare` runs several. */
#ifndef WP_CONTRACT_VARIANT_H
#define WP_CONTRACT_VARIANT_H

#include <stdbool.h>
#include <stddef.h>
#include <wijkplan/error.h>

#include "contract/market.h"

typedef struct wp_variant {
    int contract_model;         /* enum wp_contract_model */
    int providers_per_district; /* k, per_district only */
    const wp_awards *awards;    /* given awards, or NULL to optimise (per_district) */
    bool staff_transfer;
    bool pairs_continue; /* existing_pairs_continue (per_district) */
    int max_districts;   /* per_district, optimised awards: most districts one provider
                          * may win (0 = no limit) */
} wp_variant;

/* The scenario's own contracting as a variant. */
void wp_variant_from_scenario(const wp_model *m, wp_variant *v);

/* Parses "open_house", "per_district:k" or "per_district:k:m" (k >= 1 providers per district,
 * m >= 1 districts at most per provider), each optionally followed by "+transfer" and (per
 * district) "+continue". Returns false when malformed. */
bool wp_variant_parse(const char *text, wp_variant *v);

/* Canonical name: "open_house" or "per_district:k[:m]", with "+transfer" when staff_transfer
 * and "+continue" when existing pairs continue. */
void wp_variant_name(const wp_variant *v, char *buf, size_t size);

/* The variant's market: awards (given, or optimised with the GLPK model) and transfers.
 * `pairs_bound` receives the award model's bound on pairs kept (-1 when not computed). Not
 * thread-safe (GLPK): build markets one at a time, then solve them in parallel. */
wp_status wp_variant_market(const wp_model *m, const wp_variant *v, double time_limit_s,
                            wp_market *mk, double *pairs_bound, wp_error *err);

#endif
