/* Contracting variants: parsing and naming them, and the market each implies (awards given or
 * optimised with the GLPK model, then staff transfer and continuing pairs). */
#include "contract/variant.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract/awards.h"
#include "contract/transfer.h"
#include "util/alloc.h"

void wp_variant_from_scenario(const wp_model *m, wp_variant *v)
{
    const wp_contracting *c = &m->contracting;
    memset(v, 0, sizeof *v);
    v->contract_model = c->model;
    v->providers_per_district = c->providers_per_district;
    v->awards = c->awards_given ? &c->awards : NULL;
    v->staff_transfer = c->staff_transfer;
    v->pairs_continue = c->pairs_continue;
}

/* Strips a trailing "+transfer" or "+continue" from name[0..*len), setting its flag. */
static bool strip_suffix(const char *name, size_t *len, wp_variant *v)
{
    static const char *const suffix[] = {"+transfer", "+continue"};
    for (int i = 0; i < 2; i++) {
        size_t n = strlen(suffix[i]);
        if (*len > n && strncmp(name + *len - n, suffix[i], n) == 0) {
            *len -= n;
            if (i == 0)
                v->staff_transfer = true;
            else
                v->pairs_continue = true;
            return true;
        }
    }
    return false;
}

bool wp_variant_parse(const char *full, wp_variant *v)
{
    memset(v, 0, sizeof *v);
    char text[64];
    size_t len = strlen(full);
    if (len >= sizeof text) return false;
    while (strip_suffix(full, &len, v)) {
    }
    memcpy(text, full, len);
    text[len] = '\0';
    if (strcmp(text, "open_house") == 0) {
        if (v->pairs_continue) return false; /* pairs continue across awards only */
        v->contract_model = WP_OPEN_HOUSE;
        return true;
    }
    const char *prefix = "per_district:";
    size_t n = strlen(prefix);
    if (strncmp(text, prefix, n) != 0) return false;
    char *end;
    long k = strtol(text + n, &end, 10);
    if (end == text + n || k < 1 || k > 1000) return false;
    long most = 0;
    if (*end == ':') {
        const char *at = end + 1;
        most = strtol(at, &end, 10);
        if (end == at || most < 1 || most > 100000) return false;
    }
    if (*end) return false;
    v->contract_model = WP_PER_DISTRICT;
    v->providers_per_district = (int)k;
    v->max_districts = (int)most;
    return true;
}

void wp_variant_name(const wp_variant *v, char *buf, size_t size)
{
    const char *transfer = v->staff_transfer ? "+transfer" : "";
    if (v->contract_model == WP_OPEN_HOUSE)
        snprintf(buf, size, "open_house%s", transfer);
    else if (v->max_districts)
        snprintf(buf, size, "per_district:%d:%d%s%s", v->providers_per_district, v->max_districts,
                 transfer, v->pairs_continue ? "+continue" : "");
    else
        snprintf(buf, size, "per_district:%d%s%s", v->providers_per_district, transfer,
                 v->pairs_continue ? "+continue" : "");
}

/* With existing pairs continuing, every keepable pair survives any award: that is the bound. */
static double continuing_pairs(const wp_model *m)
{
    double n = 0;
    for (int c = 0; c < m->n_clients; c++) n += wp_pair_keepable(m, c);
    return n;
}

wp_status wp_variant_market(const wp_model *m, const wp_variant *v, double time_limit_s,
                            wp_market *mk, double *pairs_bound, wp_error *err)
{
    *pairs_bound = -1;
    wp_awards awards = {0};
    const wp_awards *use = NULL;
    if (v->contract_model == WP_PER_DISTRICT) {
        if (m->n_districts == 0)
            return wp_error_add(err, WP_ERR_INPUT, NULL, "contracting", 0, 0,
                                "per_district contracting needs districts");
        if (v->awards) {
            use = v->awards;
        } else {
            wp_award_options ao;
            wp_award_options_default(&ao);
            ao.k = v->providers_per_district;
            ao.staff_transfer = v->staff_transfer;
            ao.max_districts_per_provider = v->max_districts;
            ao.time_limit_s = time_limit_s;
            wp_status s = wp_awards_optimize(m, &ao, &awards, pairs_bound, err);
            if (s != WP_OK) return s;
            use = &awards;
        }
    }
    int *helper_provider = NULL;
    if (v->staff_transfer && use) helper_provider = wp_transfers_decide(m, use);
    wp_market_build(mk, m, v->contract_model, use, helper_provider);
    if (v->pairs_continue && v->contract_model == WP_PER_DISTRICT) {
        wp_market_continue_pairs(mk, m);
        *pairs_bound = continuing_pairs(m);
    }
    wp_free(helper_provider);
    wp_awards_free(&awards);
    return WP_OK;
}
