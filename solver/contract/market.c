/* Allowed-provider sets per client, and effective helper providers. */
#include "contract/market.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

static void set_bit(uint64_t *set, int p)
{
    set[p >> 6] |= (uint64_t)1 << (p & 63);
}

void wp_market_free(wp_market *mk)
{
    wp_awards_free(&mk->awards);
    wp_free(mk->helper_provider);
    wp_free(mk->sets);
    wp_free(mk->client_set);
    wp_free(mk->pair_continue);
    memset(mk, 0, sizeof *mk);
}

void wp_market_build(wp_market *mk, const wp_model *m, int contract_model, const wp_awards *awards,
                     const int *helper_provider)
{
    memset(mk, 0, sizeof *mk);
    mk->contract_model = contract_model;
    mk->helper_provider = wp_malloc(((size_t)m->n_helpers + 1) * sizeof(int));
    for (int h = 0; h < m->n_helpers; h++)
        mk->helper_provider[h] = helper_provider ? helper_provider[h] : m->helpers[h].provider;
    mk->words = (m->n_providers + 63) / 64;
    if (mk->words == 0) mk->words = 1;
    bool per_district = contract_model == WP_PER_DISTRICT && m->n_districts > 0;
    if (per_district && awards) {
        mk->has_awards = true;
        wp_awards_copy(&mk->awards, awards);
    }
    /* Set 0 allows everyone; then one set per provider (open house) or per district. */
    mk->n_sets = 1 + (per_district ? m->n_districts : m->n_providers);
    mk->sets = wp_calloc((size_t)mk->n_sets * (size_t)mk->words, sizeof(uint64_t));
    for (int p = 0; p < m->n_providers; p++) set_bit(mk->sets, p);
    for (int i = 1; i < mk->n_sets; i++) {
        uint64_t *set = mk->sets + (size_t)i * (size_t)mk->words;
        if (!per_district)
            set_bit(set, i - 1);
        else if (awards)
            for (int k = 0; k < awards->count[i - 1]; k++)
                set_bit(set, awards->providers[i - 1][k]);
        else
            memcpy(set, mk->sets, (size_t)mk->words * sizeof(uint64_t));
    }
    mk->client_set = wp_malloc(((size_t)m->n_clients + 1) * sizeof(int));
    for (int c = 0; c < m->n_clients; c++) {
        const wp_client_def *cl = &m->clients[c];
        if (per_district)
            mk->client_set[c] = cl->district >= 0 ? 1 + cl->district : 0;
        else
            mk->client_set[c] = cl->provider >= 0 ? 1 + cl->provider : 0;
    }
}

void wp_market_of_scenario(wp_market *mk, const wp_model *m)
{
    const wp_contracting *c = &m->contracting;
    wp_market_build(mk, m, c->model, c->awards_given ? &c->awards : NULL, NULL);
    if (c->pairs_continue) wp_market_continue_pairs(mk, m);
}

void wp_market_continue_pairs(wp_market *mk, const wp_model *m)
{
    if (mk->contract_model != WP_PER_DISTRICT) return;
    wp_free(mk->pair_continue);
    mk->pair_continue = wp_malloc(((size_t)m->n_clients + 1) * sizeof(int));
    for (int c = 0; c < m->n_clients; c++) mk->pair_continue[c] = m->clients[c].helper;
}

bool wp_market_provider_allowed(const wp_market *mk, int c, int p)
{
    const uint64_t *set = mk->sets + (size_t)mk->client_set[c] * (size_t)mk->words;
    return (set[p >> 6] >> (p & 63)) & 1u;
}
