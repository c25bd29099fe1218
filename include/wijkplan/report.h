/* Reports: a self-contained HTML page for a comparison, and GeoJSON for GIS tools. */
#ifndef WIJKPLAN_REPORT_H
#define WIJKPLAN_REPORT_H

#include <wijkplan/error.h>
#include <wijkplan/roster.h>
#include <wijkplan/scenario.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes one HTML file (no network, no scripts) in `lang` ("nl", the default when NULL, or
 * "en"): per variant what changes for clients, helpers and the budget in plain words, the key
 * figures, bar charts, maps of the districts per KPI (travel share, care not delivered, pairs
 * kept, HHI; `map_kpi`, when given, first) with labels and a stepped legend, and per-district
 * tables of every KPI with a CSV download. The scenario (for the maps) is read from
 * `scenario_path`, or else from the comparison's scenario_file. */
wp_status wp_report_html(const char *comparison_path, const char *scenario_path,
                         const char *map_kpi, const char *lang, const char *out_path,
                         wp_error *err);

/* Writes the key figures of a comparison as a markdown table. */
wp_status wp_report_markdown(const char *comparison_path, const char *out_path, wp_error *err);

/* Writes one RFC 5545 calendar per helper with routes, DIR/<helper id>.ics (characters a file
 * system or a link may refuse become '_'), for ISO week `week` ("2026-W49"): one VEVENT per
 * visit in Europe/Amsterdam time, SUMMARY the client id, LOCATION "lat, lon" in WGS 84 (not for
 * planar scenarios), UID "<client>-<visit>-<week>@wijkplan". Creates DIR if missing. A roster
 * naming helpers or clients the scenario lacks is an input error (file roster_path). */
wp_status wp_export_ical(const wp_scenario *s, const wp_roster *r, const char *roster_path,
                         const char *week, const char *dir, wp_error *err);

/* Writes each helper's printable week, DIR/<helper id>.html, and DIR/index.html linking them:
 * per day the route in order with HH:MM arrival, start and end, each leg's travel, the day's
 * care, travel and hours, and a small map; the week's hours against the contract. One page per
 * helper fits one A4 sheet when printed (up to about ten visits a day). `week` (NULL: none)
 * adds dates, `lang` is "nl" (default, NULL) or "en". Ids only. Same checks as the iCal. */
wp_status wp_export_agenda(const wp_scenario *s, const wp_roster *r, const char *roster_path,
                           const char *week, const char *lang, const char *dir, wp_error *err);

/* Writes a GeoJSON FeatureCollection (RFC 7946, longitude/latitude) of the districts, clients
 * and helpers' homes, and (with a roster) the routes and each client's helper. Planar scenarios
 * keep their own coordinates. */
wp_status wp_export_geojson(const wp_scenario *s, const wp_roster *r, const char *out_path,
                            wp_error *err);
/* The same for a comparison: each district feature carries every variant's district KPIs as
 * "<variant>.<kpi>" properties (no routes). */
wp_status wp_export_geojson_comparison(const wp_scenario *s, const char *comparison_path,
                                       const char *out_path, wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
