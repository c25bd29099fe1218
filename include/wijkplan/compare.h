/* Contracting scenarios side by side (wijkplan-comparison/1, see SPEC.md): open house versus k
 * providers per district, with or without staff transfer; KPIs per district and in total; one
 * roster per variant written beside the comparison. */
#ifndef WIJKPLAN_COMPARE_H
#define WIJKPLAN_COMPARE_H

#include <wijkplan/error.h>
#include <wijkplan/scenario.h>
#include <wijkplan/solve.h>

#ifdef __cplusplus
extern "C" {
#endif

enum wp_transfer_choice { WP_TRANSFER_NO = 0, WP_TRANSFER_YES = 1, WP_TRANSFER_BOTH = 2 };

typedef struct wp_compare_options {
    const char *variants;           /* comma-separated: open_house, per_district:k */
    int staff_transfer;             /* enum wp_transfer_choice, for per_district variants */
    int max_districts_per_provider; /* award model limit; 0 = none */
    wp_solve_options solve; /* seed, threads (shared out over variants), time limit per variant */
    const char *scenario_path; /* recorded (relative to the comparison) for `report` */
} wp_compare_options;

/* Solves every variant (in parallel) and writes the comparison to out_path and each roster
 * beside it. All files are written only when every variant succeeded. */
wp_status wp_compare(const wp_scenario *s, const wp_compare_options *o, const char *out_path,
                     wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
