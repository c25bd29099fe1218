/* The independent validator: recomputes a roster's times, distances, rules, KPIs and objective
 * from the scenario alone, sharing no bookkeeping with the solver. */
#ifndef WIJKPLAN_VALIDATE_H
#define WIJKPLAN_VALIDATE_H

#include <stdio.h>
#include <wijkplan/error.h>
#include <wijkplan/roster.h>
#include <wijkplan/scenario.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wp_validation {
    char **violations; /* one line each */
    size_t n_violations;
    size_t cap;
    wp_kpi recomputed; /* KPIs recomputed from the scenario and the roster's routes */
} wp_validation;

void wp_validation_free(wp_validation *v);

/* Contracting to validate against when it differs from the scenario's (compare variants). */
typedef struct wp_validate_options {
    const char *variant; /* "open_house" or "per_district:k", or NULL for the scenario's */
    int staff_transfer;  /* -1: as the scenario says; 0 or 1 to override */
    double tolerance;    /* absolute tolerance on times and reported numbers (default 1e-6) */
} wp_validate_options;

void wp_validate_options_default(wp_validate_options *o);

/* Checks every rule. Returns WP_OK when the check ran (see v->n_violations for the verdict) or
 * an input error when the variant is malformed. */
wp_status wp_validate(const wp_scenario *s, const wp_roster *r, const wp_validate_options *o,
                      wp_validation *v, wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
