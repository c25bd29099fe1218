/* Staff transfer: helpers of providers that lost a district follow their clients to a winner. */
#ifndef WP_CONTRACT_TRANSFER_H
#define WP_CONTRACT_TRANSFER_H

#include "model/model.h"

/* Each helper's provider after transfers under `awards` (caller frees). A helper moves when a
 * winning provider keeps more of its fixed pairs than its own provider does (ties: the winner
 * with more of those districts, then scenario order); a helper without pairs whose provider won
 * no district moves to a winner of the district it lives in. */
int *wp_transfers_decide(const wp_model *m, const wp_awards *awards);

#endif
