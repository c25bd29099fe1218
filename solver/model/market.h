/* Who may serve whom: contracting (open house or per district), awards and staff transfers
 * reduced to one allowed-provider set per client and one effective provider per helper. */
#ifndef WP_MODEL_MARKET_H
#define WP_MODEL_MARKET_H

#include <wijkplan/error.h>

#include "model/model.h"

/* Builds a market for model m under contracting `model` (enum wp_contract_model). `awards`
 * (per_district; NULL = every provider everywhere, as before awards are optimised) and
 * `helper_provider` (after transfers; NULL = as in the scenario) are copied. */
void wp_market_build(wp_market *mk, const wp_model *m, int contract_model, const wp_awards *awards,
                     const int *helper_provider);
void wp_market_free(wp_market *mk);

/* existing_pairs_continue (per_district): each client's fixed pair may go on across the award,
 * whatever the provider of its helper (Groningen 2023). No effect under open house. */
void wp_market_continue_pairs(wp_market *mk, const wp_model *m);

/* The scenario's own market, from its contracting section (given awards, or every provider
 * when awards are to be optimised). Called by the loader. */
void wp_model_default_market(wp_model *m);

/* True when provider p may serve client c under market mk. */
bool wp_market_provider_allowed(const wp_market *mk, int c, int p);

#endif
