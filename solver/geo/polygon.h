/* District geometry: polygons with holes, bounding boxes, point-in-polygon and area. */
#ifndef WP_GEO_POLYGON_H
#define WP_GEO_POLYGON_H

#include <stdbool.h>

/* A district polygon set. Rings are stored flat: ring r has points [ring_start[r],
 * ring_start[r+1]); polygon p has rings [poly_start[p], poly_start[p+1]), the first being the
 * outer ring and the others holes. */
typedef struct wp_district_def {
    char *id;
    char *name;
    int n_polys;
    int *poly_start;   /* n_polys + 1 */
    int *ring_start;   /* n_rings + 1 */
    double *x, *y;     /* projected coordinates (metres or planar units) */
    double *lon, *lat; /* coordinates as given in the source (for maps and GeoJSON) */
    double bbox[4];    /* projected min x, min y, max x, max y */
    char *extra_json;
} wp_district_def;

/* Signed area of a closed ring of n positions (positive counter-clockwise). */
double wp_ring_signed_area(const double *x, const double *y, int n);

/* Recomputes d->bbox from the projected coordinates. */
void wp_geom_update_bbox(wp_district_def *d);

/* Even-odd point-in-polygon over every polygon of d (holes excluded), projected coordinates.
 * Points on an edge may fall either way. */
bool wp_geom_contains(const wp_district_def *d, double x, double y);

/* Area in projected units squared (outer rings minus holes). */
double wp_geom_area(const wp_district_def *d);

#endif
