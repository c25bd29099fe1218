/* Loading a wijkplan-scenario/1 file into the flat model, with validation in two passes:
 * typed getters for presence, type and defaults, then semantic checks (ids, references,
 * geometry, projection, matrix). Every problem is reported with file and JSON path. */
#ifndef WP_IO_SCENARIO_LOAD_H
#define WP_IO_SCENARIO_LOAD_H

#include <cjson/cJSON.h>
#include <wijkplan/error.h>

#include "model/model.h"

/* Loads `path`. Relative paths inside (matrix, districts file) resolve against its directory.
 * On failure the model is left empty and the problems are in err. */
wp_status wp_scenario_load_file(const char *path, wp_model *m, wp_error *err);

/* Loads from JSON text; `file` names it in messages, `base_dir` resolves relative paths. */
wp_status wp_scenario_load_text(const char *text, size_t len, const char *file,
                                const char *base_dir, wp_model *m, wp_error *err);

/* Loads from a parsed tree (not modified). */
wp_status wp_scenario_load_json(const cJSON *root, const char *file, const char *base_dir,
                                wp_model *m, wp_error *err);

#endif
