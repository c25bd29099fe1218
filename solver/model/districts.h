/* Districts of a scenario once read (io/districts_read.h): projected with the locations, and
 * each client's district found by point-in-polygon unless it names one. */
#ifndef WP_MODEL_DISTRICTS_H
#define WP_MODEL_DISTRICTS_H

#include <wijkplan/error.h>

#include "geo/project.h"
#include "model/model.h"

/* Projects district geometry; `scenario_pj` transforms the scenario CRS to m->projected_crs. */
wp_status wp_districts_project(wp_model *m, wp_projector *scenario_pj, const char *file,
                               wp_error *err);

/* Sets each client's district: the named one (`named[c]`, may be NULL) or the one containing its
 * location. A client outside every district is an error when districts exist. */
wp_status wp_districts_assign(wp_model *m, const char *const *named, const char *file,
                              wp_error *err);

/* The district containing projected point (x, y), or -1. */
int wp_district_at(const wp_model *m, double x, double y);

#endif
