/* A loaded, validated scenario (wijkplan-scenario/1, see SPEC.md): an opaque handle.
 * Ownership: wp_scenario_load gives the caller a handle to release with wp_scenario_free;
 * wp_scenario_free(NULL) is harmless. Strings returned by accessors belong to the scenario. */
#ifndef WIJKPLAN_SCENARIO_H
#define WIJKPLAN_SCENARIO_H

#include <stdbool.h>
#include <wijkplan/error.h>
#include <wijkplan/roster.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wp_scenario wp_scenario;

/* Reads and validates a scenario file. Relative paths inside it (matrix, districts file)
 * resolve against the file's directory. On error *out is NULL and err lists every problem. */
wp_status wp_scenario_load(const char *path, wp_scenario **out, wp_error *err);

/* Same, from JSON text; `name` names it in messages, `base_dir` resolves relative paths. */
wp_status wp_scenario_load_string(const char *json, const char *name, const char *base_dir,
                                  wp_scenario **out, wp_error *err);

void wp_scenario_free(wp_scenario *s);

const char *wp_scenario_name(const wp_scenario *s);
int wp_scenario_clients(const wp_scenario *s);
int wp_scenario_helpers(const wp_scenario *s);
int wp_scenario_providers(const wp_scenario *s);
int wp_scenario_districts(const wp_scenario *s);
int wp_scenario_visits(const wp_scenario *s);
/* Helpers who can never work: no availability window on any day they are not absent.
 * Writes the first `max` ids (owned by the scenario) and returns how many there are. */
int wp_scenario_idle_helpers(const wp_scenario *s, const char **ids, int max);
/* "sha256:<hex>" of the scenario's bytes as loaded: a roster records it, so that a roster of an
 * edited scenario can be noticed. */
const char *wp_scenario_digest(const wp_scenario *s);

/* A roster made for this scenario names only its helpers and clients. Otherwise an input error
 * (file roster_path) names the first unknown helper and the first unknown client, with how many
 * more there are: a roster of another scenario would give wrong figures, not an error. */
wp_status wp_scenario_check_roster(const wp_scenario *s, const wp_roster *r,
                                   const char *roster_path, wp_error *err);
/* The metric CRS distances are computed in, e.g. "EPSG:28992", or "planar". */
const char *wp_scenario_projected_crs(const wp_scenario *s);

/* Repair (SPEC "Repair"): makes `previous` last week's plan, against which every later solve,
 * KPI and validation of this scenario compares. Ownership of `previous` passes to the scenario,
 * also on failure. A solve then repairs: it starts from that plan and prices each change;
 * rosters record `path` as "previous" and list their changes. */
wp_status wp_scenario_set_previous(wp_scenario *s, wp_roster *previous, const char *path,
                                   wp_error *err);
bool wp_scenario_has_previous(const wp_scenario *s);

/* The waiting list of roster r as CSV, most vulnerable first: one row per client not fully
 * served (client, priority, hours_waiting, visits_waiting, provider, district, reason), sorted by
 * priority, then hours waiting, then id. */
wp_status wp_scenario_write_waiting_list(const wp_scenario *s, const wp_roster *r, const char *path,
                                         wp_csv_dialect dialect, wp_error *err);

/* Writes the part of scenario file `path` in the named districts: their clients, the helpers
 * who live there or are the fixed pair of one of those clients, and the districts. */
wp_status wp_scenario_subset(const char *path, const char *const *districts, int n_districts,
                             const char *out_path, wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
