/* District geometry: GeoJSON Polygon and MultiPolygon parsing, checks and point-in-polygon. */
#ifndef WP_GEO_POLYGON_H
#define WP_GEO_POLYGON_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "json/jread.h"
#include "model/model.h"

/* Reads a GeoJSON Polygon or MultiPolygon object into d's rings (source coordinates in d->lon,
 * d->lat; d->x, d->y are allocated as copies to be projected in place). Reports a broken
 * polygon (wrong type or nesting, ring under 4 positions, ring not closed, non-finite
 * coordinates, no area at all) at the context's current path. Rings without area are dropped and
 * self-crossing rings accepted: simplified official boundaries contain both. */
bool wp_geom_parse(wp_jctx *ctx, const cJSON *geometry, wp_district_def *d);

/* Recomputes d->bbox from the projected coordinates. */
void wp_geom_update_bbox(wp_district_def *d);

/* Even-odd point-in-polygon over every polygon of d (holes excluded), projected coordinates.
 * Points on an edge may fall either way. */
bool wp_geom_contains(const wp_district_def *d, double x, double y);

/* Area in projected units squared (outer rings minus holes). */
double wp_geom_area(const wp_district_def *d);

#endif
