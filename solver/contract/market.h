/* Who may serve whom: contracting (open house or per district), awards and staff transfers
 * reduced to one allowed-provider set per client and one effective provider per helper. */
#ifndef WP_CONTRACT_MARKET_H
#define WP_CONTRACT_MARKET_H

#include <wijkplan/error.h>

#include "model/model.h"

/* Who may serve whom once contracting, awards and transfers are fixed (contract/market.c).
 * Each solve, repair, intake and compare variant builds its own. */
typedef struct wp_market {
    int contract_model;   /* enum wp_contract_model */
    bool has_awards;      /* per_district with awards known */
    wp_awards awards;     /* per_district: awarded providers per district */
    int *helper_provider; /* effective provider per helper after transfers */
    int n_sets;           /* distinct allowed-provider sets */
    int words;            /* 64-bit words per set */
    uint64_t *sets;       /* n_sets x words bitsets over providers */
    int *client_set;      /* per client: index of its allowed-provider set */
    int *pair_continue;   /* per_district with existing_pairs_continue: per client, its fixed
                           * pair's helper, allowed whatever its provider; -1; NULL when off */
} wp_market;

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
 * when awards are to be optimised). */
void wp_market_of_scenario(wp_market *mk, const wp_model *m);

/* True when provider p may serve client c under market mk. */
bool wp_market_provider_allowed(const wp_market *mk, int c, int p);

/* Contracting allows helper h (at its effective provider) to serve client c. */
static inline bool wp_market_allows(const wp_market *mk, int h, int c)
{
    if (mk->pair_continue && mk->pair_continue[c] == h) return true;
    int p = mk->helper_provider[h];
    const uint64_t *set = mk->sets + (long)mk->client_set[c] * mk->words;
    return (set[p >> 6] >> (p & 63)) & 1u;
}

static inline bool wp_eligible(const wp_model *m, const wp_market *mk, int h, int c)
{
    return wp_helper_qualified(m, h, c) && wp_client_accepts(m, h, c) && wp_market_allows(mk, h, c);
}

#endif
