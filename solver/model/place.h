/* Placing a model's locations on a metric plane (travel constants, projection). */
#ifndef WP_MODEL_PLACE_H
#define WP_MODEL_PLACE_H

#include <wijkplan/error.h>

#include "model/model.h"

/* Sets m->x, m->y (projected from m->src_x, m->src_y in m->crs, or copied when planar), the
 * travel constants per mode, projects the districts, and caches distances of small models. Problems
 * name `file` and the JSON path of the location. */
wp_status wp_model_place(wp_model *m, const char *file, wp_error *err);

#endif
