/* Engine entry: build the search instance, construct (or seed a repair from last week's
 * plan), improve with the parallel search or by decomposition, extract the roster. */
#include "search/engine.h"

#include "search/construct.h"
#include "search/decompose.h"
#include "search/extract.h"
#include "search/instance.h"
#include "search/repair.h"
#include "search/solution.h"
#include "util/interrupt.h"
#include "util/clock.h"

void wp_search_solve(const wp_model *m, const wp_market *mk, const wp_search_params *sp,
                     wp_roster *out, wp_search_stats *stats)
{
    wp_search_progress pr = {sp->progress, sp->progress_label, sp->report_memory, sp->budget.start,
                             wp_clock_now()};
    wp_instance prob;
    wp_instance_build(&prob, m, mk, m->n_helpers > 64 ? 32 : 0, 24);
    unsigned long clock = 0;
    wp_sol sol;
    wp_sol_init(&sol, &prob, &clock);
    wp_search_params rp = *sp;
    if (m->prev) {
        wp_repair_seed(&sol);
        /* a share of the default work: the work is derived from that share of the given
         * seconds (by the plain search at the instance's rate, by decomposition at each
         * cluster's), while the deadline stays, so a slow machine still finishes it */
        if (rp.budget.iterations <= 0 && !rp.budget.time_based)
            rp.budget.seconds *= rp.repair_budget_share;
    } else {
        wp_construct(&sol, NULL, 0);
    }
    stats->iterations = stats->iterations_given = 0;
    stats->stopped_by = "construction";
    wp_search_report(&pr, &sol, 0, false);
    if (!rp.construction_only && prob.n_visits > 0 && wp_budget_left(&rp.budget) > 0 &&
        !wp_interrupted()) {
        if (wp_decompose_wanted(&prob))
            wp_decompose_improve(&prob, &sol, &rp, stats);
        else
            wp_search_improve(&prob, &sol, &rp, stats, rp.progress);
    }
    if (wp_interrupted()) stats->stopped_by = "interrupted"; /* SIGINT or SIGTERM */
    stats->best_cost = wp_sol_cost(&sol);
    if (wp_clock_now() - sp->budget.start > 1.0)
        wp_search_report(&pr, &sol, stats->iterations, true);
    wp_extract_roster(&sol, out);
    wp_sol_free(&sol);
    wp_instance_free(&prob);
}
