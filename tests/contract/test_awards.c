/* The award model on small cases checked by enumeration. (The comparison built on it, with
 * staff transfers and the HTML report, is tested in tests/compare/.) */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wijkplan/compare.h>
#include <wijkplan/report.h>

#include "contract/awards.h"
#include "io/roster_json.h"
#include "support/support.h"
#include "util/alloc.h"
#include "util/rng.h"
#include "util/strbuf.h"

/* Most pairs any award of k providers per district keeps (enumeration of every award). */
static double brute_force_pairs(const wp_model *m, int k, bool transfer, int limit)
{
    int D = m->n_districts, P = m->n_providers;
    int subsets[16], ns = 0; /* k-subsets of providers as bit masks */
    for (int mask = 0; mask < (1 << P); mask++)
        if (__builtin_popcount((unsigned)mask) == k) subsets[ns++] = mask;
    double best = -1;
    int total = 1;
    for (int d = 0; d < D; d++) total *= ns;
    for (int combo = 0; combo < total; combo++) {
        int award[8], x = combo;
        for (int d = 0; d < D; d++, x /= ns) award[d] = subsets[x % ns];
        bool over = false; /* no provider above the limit */
        for (int p = 0; p < P && limit > 0; p++) {
            int wins = 0;
            for (int d = 0; d < D; d++) wins += award[d] >> p & 1;
            over |= wins > limit;
        }
        if (over) continue;
        double kept = 0;
        for (int h = 0; h < m->n_helpers; h++) {
            double best_h = 0;
            for (int p = 0; p < P; p++) {
                if (!transfer && p != m->helpers[h].provider) continue;
                double n = 0;
                for (int c = 0; c < m->n_clients; c++)
                    if (m->clients[c].helper == h && (award[m->clients[c].district] >> p & 1)) n++;
                if (n > best_h) best_h = n;
            }
            kept += best_h;
        }
        if (kept > best) best = kept;
    }
    return best;
}

static void award_model_matches_enumeration(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 6; seed++)
        for (int k = 1; k <= 2; k++)
            for (int transfer = 0; transfer <= 1; transfer++)
                for (int limit = 0; limit <= (k == 1);
                     limit++) { /* none; with k = 1 also at most 1 */
                    char *json = ts_award_scenario(seed, k);
                    wp_scenario *s = ts_scenario(json);
                    wp_award_options o;
                    wp_award_options_default(&o);
                    o.k = k;
                    o.staff_transfer = transfer;
                    o.max_districts_per_provider = limit;
                    wp_awards a;
                    double bound;
                    assert_int_equal(wp_awards_optimize(&s->model, &o, &a, &bound, NULL), WP_OK);
                    double expected = brute_force_pairs(&s->model, k, transfer, limit);
                    if (bound != expected)
                        fail_msg(
                            "seed %llu k %d transfer %d limit %d: model bound %g, enumeration %g",
                            (unsigned long long)seed, k, transfer, limit, bound, expected);
                    for (int d = 0; d < a.n_districts; d++) assert_int_equal(a.count[d], k);
                    for (int p = 0; p < s->model.n_providers && limit > 0; p++) {
                        int wins = 0;
                        for (int d = 0; d < a.n_districts; d++)
                            for (int j = 0; j < a.count[d]; j++) wins += a.providers[d][j] == p;
                        assert_true(wins <= limit);
                    }
                    wp_awards_free(&a);
                    wp_scenario_free(s);
                    wp_free(json);
                }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(award_model_matches_enumeration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
