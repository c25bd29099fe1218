/* Budgets and their parts (see budget.h for the rules). */
#include "util/budget.h"

#include <math.h>

#include "util/clock.h"

wp_budget wp_budget_begin(double seconds, long long iterations, bool time_based)
{
    double now = wp_clock_now();
    return (wp_budget){.start = now,
                       .deadline = now + seconds,
                       .seconds = seconds,
                       .iterations = iterations,
                       .time_based = time_based};
}

wp_budget wp_budget_part(const wp_budget *b, double share, int parallel)
{
    double now = wp_clock_now();
    double time_share = share * (parallel > 1 ? parallel : 1);
    return (wp_budget){.start = now,
                       .deadline = fmin(b->deadline, now + time_share * (b->deadline - b->start)),
                       .seconds = time_share * b->seconds,
                       .iterations =
                           b->iterations > 0 ? (long long)(share * (double)b->iterations) : 0,
                       .time_based = b->time_based};
}

wp_budget wp_budget_rest(const wp_budget *b, double keep)
{
    double now = wp_clock_now();
    wp_budget r = *b;
    r.start = now;
    r.deadline = now + keep * (b->deadline - now);
    return r;
}

long long wp_budget_iterations(const wp_budget *b, double rate, int threads)
{
    if (b->iterations > 0) return b->iterations;
    return (long long)(rate * threads * b->seconds);
}

double wp_budget_left(const wp_budget *b)
{
    return b->deadline - wp_clock_now();
}
