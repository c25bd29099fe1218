/* Next week as a planner meets it: from a scenario (and optionally this week's roster), the
 * same municipality a week later with some helpers absent for a few days, some clients gone,
 * some new, some with other hours. Seeded and deterministic. The repair benchmark and tests
 * use it (bench/repair.sh). */
#ifndef WP_NEXTWEEK_H
#define WP_NEXTWEEK_H

#include <wijkplan/error.h>

typedef struct wp_next_week_options {
    const char *roster;  /* this week's roster: "working" helpers are those with routes; NULL =
                          * helpers that are some client's fixed pair */
    double absent_share; /* of working helpers, absent one to three consecutive days (0.05) */
    double leave_share;  /* of clients, gone next week (0.02) */
    double arrive_share; /* new clients, as a share of clients (0.02) */
    double hours_share;  /* of clients, with other hours (0.03) */
    unsigned long long seed;
} wp_next_week_options;

void wp_next_week_options_default(wp_next_week_options *o);

/* Reads scenario `in`, writes next week's scenario to `out` (checked by the loader first).
 * Relative paths inside the scenario (districts file, matrix) are made absolute. */
wp_status wp_next_week(const char *in, const wp_next_week_options *o, const char *out,
                       wp_error *err);

#endif
