/* GeoJSON polygons: parsing with checks, bounding boxes, even-odd containment, area. */
#include "geo/polygon.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

double wp_ring_signed_area(const double *x, const double *y, int n)
{
    double a = 0;
    for (int i = 0; i + 1 < n; i++) a += x[i] * y[i + 1] - x[i + 1] * y[i];
    return a / 2;
}

void wp_geom_update_bbox(wp_district_def *d)
{
    int n = d->n_polys ? d->ring_start[d->poly_start[d->n_polys]] : 0;
    d->bbox[0] = d->bbox[1] = DBL_MAX;
    d->bbox[2] = d->bbox[3] = -DBL_MAX;
    for (int i = 0; i < n; i++) {
        if (d->x[i] < d->bbox[0]) d->bbox[0] = d->x[i];
        if (d->y[i] < d->bbox[1]) d->bbox[1] = d->y[i];
        if (d->x[i] > d->bbox[2]) d->bbox[2] = d->x[i];
        if (d->y[i] > d->bbox[3]) d->bbox[3] = d->y[i];
    }
}

static bool ring_crossings_odd(const double *x, const double *y, int n, double px, double py)
{
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        if ((y[i] > py) != (y[j] > py) && px < (x[j] - x[i]) * (py - y[i]) / (y[j] - y[i]) + x[i])
            inside = !inside;
    }
    return inside;
}

bool wp_geom_contains(const wp_district_def *d, double x, double y)
{
    if (x < d->bbox[0] || x > d->bbox[2] || y < d->bbox[1] || y > d->bbox[3]) return false;
    for (int p = 0; p < d->n_polys; p++) {
        bool inside = false;
        for (int r = d->poly_start[p]; r < d->poly_start[p + 1]; r++) {
            int s = d->ring_start[r], n = d->ring_start[r + 1] - s;
            if (ring_crossings_odd(d->x + s, d->y + s, n, x, y)) inside = !inside;
        }
        if (inside) return true;
    }
    return false;
}

double wp_geom_area(const wp_district_def *d)
{
    double total = 0;
    for (int p = 0; p < d->n_polys; p++) {
        for (int r = d->poly_start[p]; r < d->poly_start[p + 1]; r++) {
            int s = d->ring_start[r], n = d->ring_start[r + 1] - s;
            double a = fabs(wp_ring_signed_area(d->x + s, d->y + s, n));
            total += (r == d->poly_start[p]) ? a : -a;
        }
    }
    return total;
}
