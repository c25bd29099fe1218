/* A run's budget: when it began, by when it must end, and how much work it was given.
 *
 * One budget is made per run (a solve, a repair, one variant of a comparison) from the user's
 * time limit and iterations, and every piece of work split off it (the award model, a
 * decomposition round, a cluster, the repair search) gets its part from wp_budget_part, so
 * the rules for sharing live here. Work is counted in iterations: given (--iterations), or
 * derived once from the *given* seconds at a nominal rate, never from the time left, so that
 * the same input, seed and threads give the same iterations however long loading took. */
#ifndef WP_UTIL_BUDGET_H
#define WP_UTIL_BUDGET_H

#include <stdbool.h>

typedef struct wp_budget {
    double start;         /* wp_clock_now() when this budget (or part) began */
    double deadline;      /* wp_clock_now() value by which the work must be done */
    double seconds;       /* time given: work is derived from it */
    long long iterations; /* work given over all threads; 0 = derive from `seconds` */
    bool time_based;      /* work until the deadline instead (not reproducible) */
} wp_budget;

/* A budget from now: `seconds` of time, `iterations` of work (0 = derived). */
wp_budget wp_budget_begin(double seconds, long long iterations, bool time_based);

/* The part of b for work that takes `share` of b's work and runs beside `parallel` - 1 others
 * like it: share of b's iterations (truncated) and seconds, and share x parallel of b's time span,
 * from now and never past b's deadline. */
wp_budget wp_budget_part(const wp_budget *b, double share, int parallel);

/* What is left of b from now, with `keep` of the remaining time (a safety margin below 1);
 * the work given is b's. */
wp_budget wp_budget_rest(const wp_budget *b, double keep);

/* The iterations b gives work on `threads` threads at `rate` iterations per second per thread:
 * the given iterations, else rate x threads x seconds (truncated). */
long long wp_budget_iterations(const wp_budget *b, double rate, int threads);

/* Seconds to b's deadline (negative once past). */
double wp_budget_left(const wp_budget *b);

#endif
