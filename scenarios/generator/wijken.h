/* CBS wijken for the generator: selection by municipality, population, geometry, sampling. */
#ifndef WP_GEN_WIJKEN_H
#define WP_GEN_WIJKEN_H

#include <stdbool.h>
#include <wijkplan/error.h>

#include "model/model.h"
#include "util/rng.h"

typedef struct wp_wijk {
    char *code;         /* wijkcode, e.g. WK001400 */
    char *name;         /* wijknaam */
    char *municipality; /* gemeentenaam */
    double inhabitants;
    double elderly;       /* inhabitants aged 65+ (estimated from the rounded percentage) */
    double density;       /* inhabitants per km2 */
    wp_district_def geom; /* lon/lat in both x,y and lon,lat */
    char *geometry_json;  /* the feature's geometry, verbatim */
} wp_wijk;

typedef struct wp_wijken {
    wp_wijk *items;
    int n;
} wp_wijken;

/* Loads the wijken of the selected municipalities (names or codes; all when `all`) that have
 * inhabitants. Unknown municipality names are errors. */
wp_status wp_wijken_load(const char *path, const char *const *select, int n_select, bool all,
                         wp_wijken *out, wp_error *err);
void wp_wijken_free(wp_wijken *w);

/* A uniformly random point inside the wijk (lon/lat, rounded to 1e-5 degrees). */
void wp_wijk_sample(const wp_wijk *w, wp_rng *rng, double *lon, double *lat);

/* Splits `total` over weights by largest remainder (deterministic). */
void wp_apportion(const double *weights, int n, int total, int *out);

#endif
