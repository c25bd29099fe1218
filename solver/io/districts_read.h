/* Districts of a scenario: inline GeoJSON polygons or a FeatureCollection file. */
#ifndef WP_IO_DISTRICTS_READ_H
#define WP_IO_DISTRICTS_READ_H

#include <cjson/cJSON.h>

#include "io/jread.h"
#include "model/model.h"

/* Reads root.districts (array, or path with root.district_id_property) into m->districts and
 * indexes their ids. Problems go to ctx (the scenario) or name the districts file. */
void wp_districts_read(wp_model *m, const cJSON *root, const char *base_dir, wp_jctx *ctx);

/* Reads a GeoJSON Polygon or MultiPolygon object into d's rings (source coordinates in d->lon,
 * d->lat; d->x, d->y are allocated as copies to be projected in place). Reports a broken
 * polygon (wrong type or nesting, ring under 4 positions, ring not closed, non-finite
 * coordinates, no area at all) at the context's current path. Rings without area are dropped and
 * self-crossing rings accepted: simplified official boundaries contain both. */
bool wp_geom_parse(wp_jctx *ctx, const cJSON *geometry, wp_district_def *d);

#endif
