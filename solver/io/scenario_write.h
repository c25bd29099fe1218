/* Building wijkplan-scenario/1 JSON for importers, the generator and subsets, and writing it
 * only after the loader has accepted it (so nothing is left that the solver would reject). */
#ifndef WP_IO_SCENARIO_WRITE_H
#define WP_IO_SCENARIO_WRITE_H

#include <cjson/cJSON.h>
#include <wijkplan/error.h>

/* A scenario skeleton: format, name, crs and (planar) travel speed. */
cJSON *wp_emit_scenario(const char *name, const char *crs);
/* [x, y] */
cJSON *wp_emit_point(double x, double y);
/* [from, to] in minutes */
cJSON *wp_emit_window(double from, double to);
/* Vehicle k of a benchmark fleet as a helper: id "v<k>", provider "fleet", home at the depot,
 * weekly hours and capacity; the caller adds availability. Added to `helpers`. */
cJSON *wp_emit_vehicle(cJSON *helpers, int k, double depot_x, double depot_y, double hours_per_week,
                       double capacity);

/* A benchmark's objective: travel minutes, every visit served first (1,000 per unserved
 * minute), `helper_cost` per helper used, nothing for pairs or helper days. */
void wp_emit_benchmark_objective(cJSON *doc, double helper_cost);

/* Serialises `doc`, checks it with the scenario loader (relative paths resolved against the
 * output's directory) and writes it to `out_path` all or nothing. */
wp_status wp_emit_write(const cJSON *doc, const char *out_path, wp_error *err);

#endif
