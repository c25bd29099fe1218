/* A sub-model: some clients (with all their visits) and some helpers of a model, re-indexed
 * densely, with the market restricted to them. The decomposition solves sub-models in
 * parallel; ids, districts and names stay with the parent (the child is for search only). */
#ifndef WP_SEARCH_SUBMODEL_H
#define WP_SEARCH_SUBMODEL_H

#include "contract/market.h"

typedef struct wp_submodel {
    wp_model m;     /* the child; owns its arrays, borrows the parent's travel matrix */
    wp_market mk;   /* the child's market */
    int *client_of; /* child client -> parent client */
    int *helper_of; /* child helper -> parent helper */
    int *visit_of;  /* child visit -> parent visit */
} wp_submodel;

/* Builds the child of `parent` (under market `pmk`) holding clients[0..nc) and helpers[0..nh).
 * A client's fixed pair survives only when its helper is among the helpers. */
void wp_submodel_build(wp_submodel *sm, const wp_model *parent, const wp_market *pmk,
                       const int *clients, int nc, const int *helpers, int nh);
void wp_submodel_free(wp_submodel *sm);

#endif
