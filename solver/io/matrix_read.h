/* Measured travel matrix (e.g. from an OSRM or Valhalla table answer) overriding computed
 * times and distances between the locations it lists. */
#ifndef WP_IO_MATRIX_READ_H
#define WP_IO_MATRIX_READ_H

#include <wijkplan/error.h>

#include "model/model.h"

/* Reads `rel` (resolved against base_dir) and links every model location whose source
 * coordinates equal a matrix location (within 1e-7 CRS units) to its row. A missing file or a
 * wrong shape is an input error naming the matrix file. */
wp_status wp_matrix_load(wp_model *m, const char *rel, const char *base_dir,
                         const char *scenario_file, wp_error *err);

#endif
