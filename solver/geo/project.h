/* Projection of scenario coordinates to a metric CRS with PROJ: RD New (EPSG:28992) inside the
 * Netherlands, the local UTM zone elsewhere. Used once at load time. */
#ifndef WP_GEO_PROJECT_H
#define WP_GEO_PROJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <wijkplan/error.h>

typedef struct wp_projector wp_projector;

/* Checks that PROJ knows `crs`. On failure reports it at `file`/`path` and returns
 * WP_ERR_INPUT. */
wp_status wp_crs_check(const char *crs, const char *file, const char *path, wp_error *err);

/* True when `crs` is geographic (longitude/latitude in degrees). `crs` must be known. */
bool wp_crs_is_geographic(const char *crs);

/* Creates a projector from `crs` to the metric CRS chosen for the points (x[i], y[i]) given in
 * `crs` (GeoJSON axis order: x = longitude/easting). `target` receives e.g. "EPSG:28992". */
wp_status wp_projector_create(const char *crs, const double *x, const double *y, size_t n,
                              wp_projector **out, char target[32], wp_error *err);

/* Same, to an explicit target CRS. */
wp_status wp_projector_create_to(const char *crs, const char *target, wp_projector **out,
                                 wp_error *err);

/* Transforms n points in place. Returns the index of the first point that could not be
 * transformed, or n when all succeeded. */
size_t wp_project_points(wp_projector *p, double *x, double *y, size_t n);

void wp_projector_free(wp_projector *p);

/* Test hook: the Nth projector set-up or wp_project_points call from now on fails (0: none). */
void wp_proj_fail_after(long n);

#endif
