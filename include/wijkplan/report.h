/* Reports: a self-contained HTML page for a comparison, and GeoJSON for GIS tools. */
#ifndef WIJKPLAN_REPORT_H
#define WIJKPLAN_REPORT_H

#include <wijkplan/error.h>
#include <wijkplan/roster.h>
#include <wijkplan/scenario.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes one HTML file (no network, no scripts): key figures per variant, bar charts, maps of
 * the districts coloured by `map_kpi` (a district KPI name, e.g. "travel_share"), and the
 * per-district tables. The scenario is read from `scenario_path`, or else from the comparison's
 * scenario_file. */
wp_status wp_report_html(const char *comparison_path, const char *scenario_path,
                         const char *map_kpi, const char *out_path, wp_error *err);

/* Writes the key figures of a comparison as a markdown table. */
wp_status wp_report_markdown(const char *comparison_path, const char *out_path, wp_error *err);

/* Writes a GeoJSON FeatureCollection (RFC 7946, longitude/latitude) of the districts, clients
 * and helpers' homes, and (with a roster) the routes and each client's helper. Planar scenarios
 * keep their own coordinates. */
/* Writes one RFC 5545 calendar per helper with routes, DIR/<helper id>.ics (characters a file
 * system may refuse become '_'), for ISO week `week` ("2026-W49"): one VEVENT per visit in
 * Europe/Amsterdam time, SUMMARY the client id, LOCATION "lat, lon" in WGS 84 (not for planar
 * scenarios), UID "<client>-<visit>-<week>@wijkplan". Creates DIR if missing. */
wp_status wp_export_ical(const wp_scenario *s, const wp_roster *r, const char *week,
                         const char *dir, wp_error *err);

wp_status wp_export_geojson(const wp_scenario *s, const wp_roster *r, const char *out_path,
                            wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
