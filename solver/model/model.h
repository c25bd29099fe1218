/* The flat problem: user ids mapped to dense indices once, coordinates projected once, times in
 * minutes and distances in kilometres (planar: the instance's own units). After loading, the
 * search never sees strings, latitudes or JSON.
 *
 * Ownership: a wp_model owns every array and string it points to; wp_model_free releases them.
 * Glossary (README): client, helper, provider, district, visit (one required stop of a client in
 * the week), route (one helper's tour on one day), pair (a client's current fixed helper). */
#ifndef WP_MODEL_MODEL_H
#define WP_MODEL_MODEL_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "geo/polygon.h"
#include "util/daytime.h"
#include "util/strmap.h"

typedef uint64_t wp_skillset; /* bit k = model->skill_names[k]; at most 64 distinct skills */

enum wp_mode { WP_MODE_BIKE, WP_MODE_EBIKE, WP_MODE_CAR, WP_MODE_WALK, WP_MODE_COUNT };
enum wp_product { WP_PRODUCT_HO = 0, WP_PRODUCT_HO_PLUS = 1, WP_PRODUCT_COUNT };
enum wp_contract_model { WP_OPEN_HOUSE, WP_PER_DISTRICT };
enum wp_pair_policy { WP_PAIRS_SOFT, WP_PAIRS_HARD };

#define WP_UNLIMITED_VISITS 1000000 /* max_visits_per_day when not given */

typedef struct wp_window {
    double from; /* minutes since 00:00; a visit may start at from .. to inclusive */
    double to;
} wp_window;

typedef struct wp_provider_def {
    char *id;
    char *name;                      /* NULL when not given */
    double tariff[WP_PRODUCT_COUNT]; /* EUR per care hour; NAN when not given */
    char *extra_json;                /* the provider's "extra" object, verbatim; or NULL */
} wp_provider_def;

typedef struct wp_helper_def {
    char *id;
    int provider;           /* provider index as in the scenario (before transfers) */
    int home;               /* location index: every route starts and ends here */
    int mode;               /* enum wp_mode */
    double week_min;        /* hours_per_week x 60: limit on the sum of route durations */
    double day_max_min;     /* max_hours_per_day x 60; INFINITY when not given */
    int max_visits_per_day; /* WP_UNLIMITED_VISITS when not given */
    int qualification;      /* enum wp_product: HO+ may serve HO */
    wp_skillset skills;
    double capacity; /* load per route; INFINITY when not given */
    uint8_t absent;  /* bit d: absent on day d (no route) */
    int avail_start; /* windows of day d: model->avail[avail_start + avail_off[d] ..] */
    uint8_t avail_off[WP_DAYS + 1]; /* offsets per day, avail_off[7] = number of windows */
    char *extra_json;
} wp_helper_def;

typedef struct wp_visit_def {
    int client;       /* owning client */
    int index;        /* index within the client's visits (roster "visit") */
    double duration;  /* minutes of care, >= 0 */
    uint8_t days;     /* allowed days, bit d = day d; never 0 */
    wp_window window; /* start window, the same on every allowed day */
    double load;      /* against helper capacity (benchmarks); 0 by default */
    /* The planner's pin (SPEC "pin"), a hard rule. The loader narrows `days` and `window` to
     * the pinned day and start and the client's eligible helpers to the pinned helper, so the
     * search needs no special case: a pinned visit can only be where it is pinned. */
    int pin_helper;     /* -1 when not pinned to a helper */
    int pin_day;        /* -1 when not pinned to a day */
    double pin_start;   /* NAN when not pinned to a start */
    uint8_t given_days; /* days and window as the scenario gives them (before the pin) */
    wp_window given_window;
    char *blocked; /* why the visit can never be planned (a pin that cannot hold), or
                    * NULL; such a visit has days == 0 */
} wp_visit_def;

typedef struct wp_client_def {
    char *id;
    int location;       /* location index */
    int district;       /* district index, or -1 when the scenario has no districts */
    int provider;       /* provider the client chose, or -1 */
    int helper;         /* current fixed pair, or -1 */
    int product;        /* enum wp_product */
    wp_skillset skills; /* the helper must have all of these */
    int priority;       /* 1..5, 5 = most vulnerable */
    int first_visit;    /* visits are model->visits[first_visit .. first_visit+n_visits) */
    int n_visits;
    int min_days_between;   /* two visits lie at least this many days apart */
    double consistency_min; /* arrival_consistency_min; negative when not given */
    int *excluded;          /* excluded_helpers: helper indices, ascending */
    int n_excluded;
    int pin_helper; /* the helper a pin of one of its visits names, or -1 (-2 in a sub-model
                     * that lacks that helper) */
    char *extra_json;
} wp_client_def;

typedef struct wp_objective {
    double unserved_minute; /* per unserved minute x priority */
    double broken_pair;
    double travel_minute;
    double helper_day; /* per non-empty route */
    double helper;     /* per helper with at least one route */
    /* repair only (SPEC "Repair"): per visit changed against its previous plan */
    double changed_helper;
    double changed_day;
    double changed_time;
    double substitute_visit;
} wp_objective;

/* Awards per district: providers[d][0 .. count[d]) may serve clients of district d. */
typedef struct wp_awards {
    int n_districts;
    int *count;
    int **providers;
} wp_awards;

/* How clients are contracted: the scenario's choice, or a variant of it under `compare`. */
typedef struct wp_contracting {
    int model;                  /* enum wp_contract_model */
    int providers_per_district; /* per_district: k */
    bool awards_given;          /* false: "optimize" */
    wp_awards awards;           /* the given awards (when awards_given) */
    bool staff_transfer;
    bool pairs_continue; /* existing_pairs_continue: a fixed pair may go on across the award */
} wp_contracting;

/* Last week's plan of a repair (model/previous.h has the rules over it). */
typedef struct wp_previous {
    char *path;           /* the previous roster's path as given (the roster's "previous") */
    int n_routes;         /* the previous roster's routes (none in sub-models) */
    char **route_helper;  /* per previous route: its helper's id as written there */
    int *visit_route;     /* per visit: index of its previous route, or -1: no previous plan */
    int *visit_pos;       /* per visit: its position in that route */
    int *visit_helper;    /* per visit: previous helper in this model, or -1 (none, or gone) */
    int *visit_day;       /* per visit: previous day 0..6, or -1 when no previous plan */
    double *visit_start;  /* per visit: previous start, minutes */
    int *week_helper;     /* per client: its helper for the week (SPEC), or -1 */
    int visits_with_plan; /* visits that have a previous plan */
} wp_previous;

typedef struct wp_model {
    char *name;
    char digest[72];     /* "sha256:" and the hex digest of the scenario's bytes as read */
    char *crs;           /* as written in the scenario */
    char *projected_crs; /* the metric CRS used for distances ("planar" for planar) */
    char *district_crs;  /* CRS of an external districts file; NULL = the scenario's */
    bool planar;
    char *extra_json; /* top-level "extra" */

    /* Travel model: dist_km = straight line x km_per_unit; minutes = dist_km / speed. */
    double detour;
    double speed_kmh[WP_MODE_COUNT];
    double planar_speed;              /* planar units per minute */
    double km_per_unit;               /* projected unit -> km, including the detour */
    double km_per_min[WP_MODE_COUNT]; /* speed per mode in km (or planar units) per minute */
    double min_per_km[WP_MODE_COUNT]; /* its inverse, for the hot path */

    /* Locations: clients first (client i at i), then helper homes. */
    int n_locations;
    double *x, *y;         /* projected */
    double *src_x, *src_y; /* as given (lon/lat for EPSG:4326) */

    /* Optional measured matrix overriding the computed values between listed locations. */
    int *loc_matrix; /* per location: row in the matrix, or -1 (NULL when no matrix) */
    int n_matrix;
    double *matrix_min;   /* n_matrix x n_matrix minutes */
    double *matrix_km;    /* n_matrix x n_matrix km */
    bool matrix_borrowed; /* matrix_min/km belong to a parent model (sub-models) */

    /* Optional dense distance cache for small instances (km, n_locations^2), or NULL. */
    double *dist_cache;

    int n_skills;
    char **skill_names;

    int n_providers, n_helpers, n_clients, n_visits, n_districts, n_avail;
    wp_provider_def *providers;
    wp_helper_def *helpers;
    wp_client_def *clients;
    wp_visit_def *visits;
    wp_district_def *districts;
    wp_window *avail;

    wp_strmap provider_ids, helper_ids, client_ids, district_ids;

    wp_contracting contracting;
    int pair_policy; /* enum wp_pair_policy */
    wp_objective objective;

    /* Last week's plan when repairing (model/previous.h), or NULL. */
    wp_previous *prev;
} wp_model;

void wp_model_free(wp_model *m);
/* Frees what district d owns (not d itself). */
void wp_district_free(wp_district_def *d);

/* Frees the arrays of a previous plan (not p itself). */
void wp_previous_free(wp_previous *p);
void wp_awards_free(wp_awards *a);
/* Deep copy into an empty dst. */
void wp_awards_copy(wp_awards *dst, const wp_awards *src);

/* Travel between two locations: kilometres (planar: units) and minutes for a mode. */
static inline double wp_model_dist(const wp_model *m, int a, int b)
{
    if (a == b) return 0.0;
    if (m->loc_matrix) {
        int ia = m->loc_matrix[a], ib = m->loc_matrix[b];
        if (ia >= 0 && ib >= 0) return m->matrix_km[(long)ia * m->n_matrix + ib];
    }
    if (m->dist_cache) return m->dist_cache[(long)a * m->n_locations + b];
    double dx = m->x[a] - m->x[b], dy = m->y[a] - m->y[b];
    return sqrt(dx * dx + dy * dy) * m->km_per_unit;
}

static inline double wp_model_time(const wp_model *m, int a, int b, int mode)
{
    if (a == b) return 0.0;
    if (m->loc_matrix) {
        int ia = m->loc_matrix[a], ib = m->loc_matrix[b];
        if (ia >= 0 && ib >= 0) return m->matrix_min[(long)ia * m->n_matrix + ib];
    }
    return wp_model_dist(m, a, b) * m->min_per_km[mode];
}

/* Builds the dense distance cache when it fits a core's L2 cache; a pure speed-up (the same
 * values as computed from the coordinates). */
void wp_model_cache_distances(wp_model *m);

/* Availability windows of helper h on day d. */
static inline const wp_window *wp_helper_windows(const wp_model *m, int h, int d, int *count)
{
    const wp_helper_def *hp = &m->helpers[h];
    *count = hp->avail_off[d + 1] - hp->avail_off[d];
    return m->avail + hp->avail_start + hp->avail_off[d];
}

/* True when helper h may work on day d at all (a window, not absent). */
static inline bool wp_helper_works(const wp_model *m, int h, int d)
{
    const wp_helper_def *hp = &m->helpers[h];
    return !(hp->absent & (1u << d)) && hp->avail_off[d + 1] > hp->avail_off[d];
}

/* Skills and qualification allow helper h to serve client c (contracting not considered). */
static inline bool wp_helper_qualified(const wp_model *m, int h, int c)
{
    const wp_helper_def *hp = &m->helpers[h];
    const wp_client_def *cp = &m->clients[c];
    return (cp->skills & ~hp->skills) == 0 && hp->qualification >= cp->product;
}

/* The client accepts helper h: not one of its excluded_helpers, and the pinned one if a pin
 * names a helper. */
static inline bool wp_client_accepts(const wp_model *m, int h, int c)
{
    const wp_client_def *cp = &m->clients[c];
    if (cp->pin_helper != -1 && cp->pin_helper != h) return false; /* -2: pinned elsewhere */
    for (int i = 0; i < cp->n_excluded; i++)
        if (cp->excluded[i] == h) return false;
    return true;
}

/* Client c's fixed pair could be kept under some contracting: it has one, and that helper is
 * qualified and accepted (not excluded, not contradicted by a pin). The award model's pair
 * bound counts only these. */
static inline bool wp_pair_keepable(const wp_model *m, int c)
{
    int h = m->clients[c].helper;
    return h >= 0 && wp_helper_qualified(m, h, c) && wp_client_accepts(m, h, c);
}

/* Unserved cost of one visit as the SPEC's objective counts it. */
static inline double wp_visit_unserved_cost(const wp_model *m, int v)
{
    const wp_visit_def *vd = &m->visits[v];
    return m->objective.unserved_minute * vd->duration * m->clients[vd->client].priority;
}

const char *wp_mode_name(int mode);
int wp_mode_index(const char *name);
const char *wp_product_name(int product);

#endif
