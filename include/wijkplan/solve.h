/* Solving a scenario into a roster. */
#ifndef WIJKPLAN_SOLVE_H
#define WIJKPLAN_SOLVE_H

#include <stdio.h>
#include <wijkplan/error.h>
#include <wijkplan/roster.h>
#include <wijkplan/scenario.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wp_solve_options {
    unsigned long long seed;    /* same seed and threads: same roster */
    int threads;                /* search threads (OpenMP); 0 = as many as the machine has */
    double time_limit_s;        /* wall-clock limit for the whole solve */
    long long iterations;       /* search iterations over all threads; 0 = a budget derived from
                                 * the time limit, small enough to end before it on a current core */
    bool time_based;            /* search until the time limit instead (benchmarks; the result
                                 * then depends on machine speed) */
    FILE *progress;             /* progress lines (at most one a second), or NULL */
    const char *progress_label; /* prefix of each progress line, e.g. a variant's name, or NULL */
    bool report_memory;         /* add resident memory to progress lines */
    bool construction_only;     /* stop after the first valid roster */
} wp_solve_options;

#define WP_MAX_THREADS          1024     /* more would only exhaust memory or the OpenMP runtime */
#define WP_MAX_TIME_LIMIT_S     604800.0 /* a week */
#define WP_DEFAULT_TIME_LIMIT_S 30.0

void wp_solve_options_default(wp_solve_options *o);

/* Options within their ranges: threads 0..WP_MAX_THREADS, time limit in (0, a week],
 * iterations not negative. Otherwise an input error naming the field. Every solve checks. */
wp_status wp_solve_options_check(const wp_solve_options *o, wp_error *err);

/* Solves the scenario under its own contracting. The roster is always valid: what cannot be
 * served is listed in roster->unassigned with the reason. */
wp_status wp_solve(const wp_scenario *s, const wp_solve_options *o, wp_roster **out, wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
