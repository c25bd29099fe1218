/* Deciding staff transfers from awards and fixed pairs. */
#include "contract/transfer.h"

#include <stdlib.h>

#include "model/districts.h"
#include "util/alloc.h"

static bool awarded(const wp_awards *a, int d, int p)
{
    for (int k = 0; k < a->count[d]; k++)
        if (a->providers[d][k] == p) return true;
    return false;
}

int *wp_transfers_decide(const wp_model *m, const wp_awards *a)
{
    int D = m->n_districts, P = m->n_providers;
    int *prov = wp_malloc(((size_t)m->n_helpers + 1) * sizeof *prov);
    double *pairs = wp_calloc((size_t)m->n_helpers * (size_t)D + 1, sizeof *pairs);
    for (int c = 0; c < m->n_clients; c++) {
        const wp_client_def *cl = &m->clients[c];
        if (cl->helper >= 0 && cl->district >= 0) pairs[(size_t)cl->helper * D + cl->district]++;
    }
    bool *wins_any = wp_calloc((size_t)P + 1, sizeof *wins_any);
    for (int d = 0; d < D; d++)
        for (int k = 0; k < a->count[d]; k++) wins_any[a->providers[d][k]] = true;
    for (int h = 0; h < m->n_helpers; h++) {
        int own = m->helpers[h].provider;
        const double *hp = pairs + (size_t)h * D;
        prov[h] = own;
        double total = 0;
        for (int d = 0; d < D; d++) total += hp[d];
        if (total == 0) {
            if (wins_any[own]) continue;
            int home = m->helpers[h].home;
            int d = wp_district_at(m, m->x[home], m->y[home]);
            if (d >= 0 && a->count[d] > 0) prov[h] = a->providers[d][0];
            continue;
        }
        double best_kept = -1, best_districts = -1;
        int best = own;
        for (int p = 0; p < P; p++) {
            double kept = 0, districts = 0;
            for (int d = 0; d < D; d++)
                if (hp[d] > 0 && awarded(a, d, p)) {
                    kept += hp[d];
                    districts++;
                }
            /* the own provider wins ties: nobody changes employer without a gain */
            bool better = kept > best_kept || (kept == best_kept && p == own) ||
                          (kept == best_kept && best != own && districts > best_districts);
            if (better) {
                best_kept = kept;
                best_districts = districts;
                best = p;
            }
        }
        prov[h] = best;
    }
    wp_free(wins_any);
    wp_free(pairs);
    return prov;
}
