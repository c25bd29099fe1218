/* A small fence around GLPK: validated model building, error hooks installed (GLPK otherwise
 * aborts the process on misuse), time limits, named rows and columns, mapped return codes. */
#ifndef WP_MIP_MIP_H
#define WP_MIP_MIP_H

#include <stdbool.h>
#include <wijkplan/error.h>

typedef struct wp_mip wp_mip;

enum wp_var_kind { WP_VAR_CONTINUOUS, WP_VAR_BINARY };

wp_mip *wp_mip_create(const char *name, bool maximize);
void wp_mip_free(wp_mip *mip);

/* Adds a variable with bounds [lo, hi] and objective coefficient; returns its column (1-based). */
int wp_mip_var(wp_mip *mip, const char *name, int kind, double lo, double hi, double obj);
/* Adds sum(coef[i] * x[cols[i]]) in [lo, hi] (use -HUGE_VAL / HUGE_VAL for open sides). */
int wp_mip_row(wp_mip *mip, const char *name, int n, const int *cols, const double *coef, double lo,
               double hi);
void wp_mip_set_obj(wp_mip *mip, int col, double coef);

typedef enum wp_mip_result {
    WP_MIP_OPTIMAL,
    WP_MIP_FEASIBLE, /* time limit hit with an integer solution */
    WP_MIP_INFEASIBLE,
    WP_MIP_FAILED, /* no solution: time limit before any, or a GLPK failure */
} wp_mip_result;

/* Solves the LP relaxation then branch-and-cut, both within time_limit_s in all. */
wp_mip_result wp_mip_solve(wp_mip *mip, double time_limit_s);
double wp_mip_value(const wp_mip *mip, int col);
double wp_mip_objective(const wp_mip *mip);
/* True when wp_mip_solve solved the LP relaxation to optimality (not cut by the time limit). */
bool wp_mip_has_lp_bound(const wp_mip *mip);

/* Objective of the LP relaxation (after wp_mip_solve): a bound on the MIP optimum when
 * wp_mip_has_lp_bound. */
double wp_mip_lp_objective(const wp_mip *mip);

#endif
