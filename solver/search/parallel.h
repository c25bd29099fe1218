/* The parallel search: the metaheuristic on as many threads as given, within a time limit and
 * an iteration budget; deterministic for a seed and thread count unless the time limit cuts it
 * short. Used on a whole instance by the engine and on each cluster by decomposition. */
#ifndef WP_SEARCH_PARALLEL_H
#define WP_SEARCH_PARALLEL_H

#include <stdbool.h>
#include <stdio.h>

#include "contract/market.h"
#include "util/budget.h"

#define WP_REPAIR_BUDGET_SHARE 0.05 /* see wp_search_params.repair_budget_share */

typedef struct wp_search_params {
    unsigned long long seed;
    int threads;
    wp_budget budget;           /* the run's (or a cluster's) part: deadline and iterations */
    FILE *progress;             /* progress lines, or NULL */
    const char *progress_label; /* prefix of each line (a comparison's variant), or NULL */
    bool report_memory;
    bool construction_only;
    /* Share of the default iteration budget a repair searches (SPEC "Repair"): its start plan
     * is last week's, which mostly stands, so a short search settles what changed. */
    double repair_budget_share;
} wp_search_params;

typedef struct wp_search_stats {
    long long iterations;
    long long iterations_given; /* the budget: over all threads, clusters and rounds */
    const char *stopped_by;     /* static string */
    double best_cost;
} wp_search_stats;

void wp_search_params_default(wp_search_params *p);

/* Progress lines of a search: at most one a second unless forced. */
typedef struct wp_search_progress {
    FILE *out;
    const char *label;
    bool memory;
    double start, last;
} wp_search_progress;

struct wp_sol;
void wp_search_report(wp_search_progress *pr, const struct wp_sol *best, long long iterations,
                      bool force);

struct wp_sol;
struct wp_instance;

/* Improves plan `sol` of instance `p` with the ALNS on sp->threads threads until the iteration
 * budget (given, or derived from its seconds) or the deadline. Progress lines go
 * to `out` (or nowhere). */
void wp_search_improve(const struct wp_instance *p, struct wp_sol *sol, const wp_search_params *sp,
                       wp_search_stats *stats, FILE *out);

/* Iterations per second one thread is expected to run on plan s (conservative: half the rate
 * measured on current cores), from its visits and average route length. */
double wp_search_nominal_rate(const struct wp_sol *s);

#endif
