/* The solve pipeline: variant -> market -> problem -> construction and search -> roster. */
#include <wijkplan/solve.h>

#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/version.h>

#include "contract/awards.h"

#include "error/guard.h"
#include "contract/transfer.h"
#include "kpi/kpi.h"
#include "contract/market.h"
#include "model/previous.h"
#include "model/scenario_internal.h"
#include "search/construct.h"
#include "search/engine.h"
#include "search/extract.h"
#include "solve/solve.h"
#include "util/alloc.h"
#include "util/clock.h"

void wp_solve_options_default(wp_solve_options *o)
{
    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->threads = 0;
    o->time_limit_s = WP_DEFAULT_TIME_LIMIT_S;
    o->iterations = 0;
    o->progress = NULL;
}

static int resolve_threads(const wp_solve_options *o)
{
    int t = o->threads > 0 ? o->threads : omp_get_num_procs();
    return t < 1 ? 1 : t;
}

static void fill_solver_facts(wp_roster *r, const wp_solve_options *o, int threads,
                              const wp_search_stats *st, const wp_budget *budget)
{
    r->solver.version = wp_strdup(WP_VERSION_STRING);
    r->solver.seed = o->seed;
    r->solver.threads = threads;
    r->solver.time_limit_s = budget->seconds;
    r->solver.iterations = st->iterations;
    r->solver.iterations_budget = st->iterations_given;
    r->solver.stopped_by = wp_strdup(st->stopped_by);
    r->solver.elapsed_s = wp_clock_now() - budget->start;
    r->solver.peak_memory_mib = wp_peak_rss_mib();
}

wp_status wp_solve_market(const wp_model *m, const wp_variant *v, const wp_market *mk,
                          double pairs_bound, const wp_solve_options *o, const wp_budget *budget,
                          wp_roster **out, wp_error *err)
{
    (void)err;
    int threads = resolve_threads(o);
    wp_search_params sp;
    wp_search_params_default(&sp);
    sp.seed = o->seed;
    sp.threads = threads;
    sp.budget = *budget;
    sp.progress = o->progress;
    sp.progress_label = o->progress_label;
    sp.report_memory = o->report_memory;
    sp.construction_only = o->construction_only;
    wp_search_stats stats;
    wp_roster *r = wp_calloc(1, sizeof *r);
    r->pairs_bound = pairs_bound;
    wp_search_solve(m, mk, &sp, r, &stats);
    char name[64];
    wp_variant_name(v, name, sizeof name);
    r->scenario = wp_strdup(m->name);
    r->scenario_digest = m->digest[0] ? wp_strdup(m->digest) : NULL;
    r->contracting = wp_strdup(name);
    wp_kpi_compute(m, r, -1, &r->kpi);
    if (m->prev) {
        r->previous = wp_strdup(m->prev->path);
        wp_kpi_changes(m, r);
    }
    fill_solver_facts(r, o, threads, &stats, budget);
    *out = r;
    return WP_OK;
}

wp_status wp_solve_options_check(const wp_solve_options *o, wp_error *err)
{
    if (o->threads < 0 || o->threads > WP_MAX_THREADS)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "threads", 0, 0,
                            "must be between 0 (all cores) and %d, not %d", WP_MAX_THREADS,
                            o->threads);
    if (!(o->time_limit_s > 0 && o->time_limit_s <= WP_MAX_TIME_LIMIT_S))
        return wp_error_add(err, WP_ERR_INPUT, NULL, "time_limit_s", 0, 0,
                            "must be more than 0 and at most %.0f seconds (a week), not %g",
                            WP_MAX_TIME_LIMIT_S, o->time_limit_s);
    if (o->iterations < 0)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "iterations", 0, 0,
                            "must not be negative, not %lld", o->iterations);
    return WP_OK;
}

wp_budget wp_solve_budget(const wp_solve_options *o)
{
    return wp_budget_begin(o->time_limit_s, o->iterations, o->time_based);
}

wp_status wp_solve_variant(const wp_model *m, const wp_variant *v, const wp_solve_options *o,
                           wp_roster **out, wp_error *err)
{
    *out = NULL;
    wp_status checked = wp_solve_options_check(o, err);
    if (checked != WP_OK) return checked;
    wp_budget whole = wp_solve_budget(o);
    wp_budget awards = wp_budget_part(&whole, WP_AWARD_SHARE, 1);
    wp_market mk;
    double bound;
    wp_status s = wp_variant_market(m, v, awards.deadline - awards.start, &mk, &bound, err);
    if (s != WP_OK) return s;
    s = wp_solve_market(m, v, &mk, bound, o, &whole, out, err);
    wp_market_free(&mk);
    return s;
}

static wp_status solve_unguarded(const wp_scenario *sc, const wp_solve_options *o, wp_roster **out,
                                 wp_error *err)
{
    wp_variant v;
    wp_variant_from_scenario(&sc->model, &v);
    return wp_solve_variant(&sc->model, &v, o, out, err);
}

wp_status wp_solve(const wp_scenario *sc, const wp_solve_options *o, wp_roster **out, wp_error *err)
{
    WP_GUARD_RESET(err, "planning", *out = NULL, solve_unguarded(sc, o, out, err));
}
