/* KPIs from a roster and the scenario alone: the one function every output uses. */
#ifndef WP_KPI_KPI_H
#define WP_KPI_KPI_H

#include <wijkplan/kpi.h>
#include <wijkplan/roster.h>

#include "model/model.h"

/* Computes the KPIs of roster r over all clients (district < 0) or over the clients of one
 * district. Travel is recomputed from the scenario along the roster's visit order; a leg counts
 * for the district of the visit it reaches, the way home for the district of the last visit.
 * Entries naming unknown helpers or clients are skipped (the validator reports them). */
void wp_kpi_compute(const wp_model *m, const wp_roster *r, int district, wp_kpi *out);

/* The same over a set of districts (in_set[d] true); NULL means every client. */
void wp_kpi_compute_set(const wp_model *m, const wp_roster *r, const bool *in_set, wp_kpi *out);

/* Herfindahl-Hirschman index (0..10000) of providers' shares of served care hours. */
double wp_kpi_hhi(const wp_model *m, const wp_roster *r, int district);

/* A repair's change list (SPEC "Repair"): every served or unassigned visit that had a previous
 * plan (m->prev) and is not unchanged, sorted by client id then visit, into r->changes. Nothing
 * when m has no previous plan. */
void wp_kpi_changes(const wp_model *m, wp_roster *r);

/* The waiting list as CSV (see wp_scenario_write_waiting_list). */
wp_status wp_kpi_write_waiting_list(const wp_model *m, const wp_roster *r, const char *path,
                                    wp_csv_dialect dialect, wp_error *err);

/* Effective provider of every helper after the roster's transfers (caller frees). */
int *wp_kpi_helper_providers(const wp_model *m, const wp_roster *r);

#endif
