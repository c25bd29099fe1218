/* A weekly plan under search: one route per (helper, day), each with prefix and suffix caches
 * (time segments, distance, travel time, load) so a move is evaluated in O(1); and per-client
 * assignment (the pair rule: all of a client's visits go to one helper).
 *
 * Positions in a route count the helper's home: position 0 is leaving home, 1..n the visits,
 * n+1 coming home. */
#ifndef WP_SEARCH_SOLUTION_H
#define WP_SEARCH_SOLUTION_H

#include <stdbool.h>

#include "search/cost.h"
#include "search/instance.h"
#include "search/tseg.h"

/* A change to a route of at most this many visits stamps all of them: every start time in a
 * short route shifts with it (a home-care day route has five or so visits), and testing them
 * all is cheap. In longer routes only the visits that changed place are stamped. */
#define WP_SHORT_ROUTE 8

typedef struct wp_route {
    int helper;
    int day;
    int n;               /* visits */
    int cap;             /* allocated positions (>= n + 2) */
    int *node;           /* node[1..n]: visit ids; node[0] = node[n+1] = -1 (home) */
    int *loc;            /* loc[0..n+1]: location of each position */
    wp_tseg *fwd;        /* fwd[i]: positions 0..i */
    wp_tseg *bwd;        /* bwd[i]: positions i..n+1 */
    double *km;          /* km[i]: distance from home along the route to position i */
    double *tmin;        /* tmin[i]: travel minutes from home to position i */
    double *load;        /* load[i]: load of visits 1..i */
    int *bound;          /* bound[i]: visits among 1..i that belong to multi-visit clients */
    double *chg;         /* chg[i]: change cost (repair) of visits 1..i in this route */
    double duration;     /* end - start in minutes (0 when empty) */
    unsigned long stamp; /* value of the plan's clock when the route last changed */
} wp_route;

typedef struct wp_sol {
    const wp_instance *p;
    int n_routes;     /* n_helpers x 7 */
    wp_route *routes; /* routes[h * 7 + d] */
    int *route_of;    /* per visit: route index, or -1 when unserved */
    int *pos_of;      /* per visit: position 1..n in its route */
    /* Per visit: the plan's clock when its place (route, predecessor, successor) last changed
     * (or any place of its route, when short: WP_SHORT_ROUTE), and that place; local search
     * re-tests a visit only around places that changed. */
    unsigned long *placed_at;
    int *prev_of, *next_of; /* per visit: the visits before and after it (-1: home) */
    double *early, *late;   /* per visit: start window in force (arrival consistency applied) */
    int *client_helper;     /* per client: the helper all its served visits count for under the
                             * pair rule (wp_pair_helper_of: a substitute's visit counts for the
                             * client's helper of the week), or -1 when no visit is served */
    int *client_served;     /* per client: visits served */
    double *helper_week;    /* per helper: sum of route durations (minutes) */
    int *helper_routes;     /* per helper: non-empty routes */
    /* objective parts, kept up to date by every change */
    double travel_min; /* sum of route travel minutes */
    double unserved;   /* sum of unserved visits' search costs */
    double change;     /* repair: sum of served visits' change costs (search/cost.h) */
    int broken;        /* clients with a pair not served by that helper */
    int routes_used;
    int helpers_used;
    /* A clock shared by every plan of one search thread, advanced on each route change, so
     * stamps never repeat across the candidates that thread tries (local search skips pairs
     * of visits whose places are unchanged since they were last tested). Owned by the thread. */
    unsigned long *clock;
    /* Insertion noise for recreate: each candidate position is skipped with probability
     * `blink` (SISR's blinks); 0 for exact best insertion. `rng` is the thread's generator. */
    double blink;
    struct wp_rng *rng;
    /* Per helper: excluded from this plan (fleet minimisation tries plans without a helper). */
    unsigned char *helper_off;
} wp_sol;

/* Helper h may receive visits in plan s. */
static inline bool wp_sol_helper_on(const wp_sol *s, int h)
{
    return !s->helper_off[h];
}

static inline int wp_route_index(int helper, int day)
{
    return helper * 7 + day;
}

/* An empty plan (every visit unserved); `clock` is the thread's route clock (see wp_sol). */
void wp_sol_init(wp_sol *s, const wp_instance *p, unsigned long *clock);
void wp_sol_free(wp_sol *s);
/* Makes dst an exact copy of src (dst initialised for the same instance, or zeroed); dst keeps
 * its own clock, and routes and visits copied from a plan with another clock are stamped as
 * changed. */
void wp_sol_copy(wp_sol *dst, const wp_sol *src);

/* The search objective. */
double wp_sol_cost(const wp_sol *s);

/* Feasibility of a route with total segment `seg` (home to home), `load` and `n` visits for
 * helper h on day d, ignoring the weekly limit. On success *duration is end - start. */
bool wp_route_fits(const wp_instance *p, int h, int d, wp_tseg seg, double load, int n,
                   double *duration);

/* Weekly hours left for helper h if its route on day d changed to `new_duration`. */
static inline bool wp_week_fits(const wp_sol *s, int h, int d, double new_duration)
{
    double old = s->routes[wp_route_index(h, d)].duration;
    return wp_week_allows(s->p, h, s->helper_week[h] - old + new_duration);
}

/* Change cost of visit v in route r with its window in force. */
static inline double wp_sol_change_cost(const wp_sol *s, int v, const wp_route *r)
{
    return wp_visit_change_cost(s->p, v, r->helper, r->day, s->early[v], s->late[v]);
}

/* Travel minutes between two locations for the helper of route r. */
static inline double wp_route_time(const wp_sol *s, const wp_route *r, int a, int b)
{
    return wp_model_time(s->p->m, a, b, s->p->m->helpers[r->helper].mode);
}

/* The stop segment of visit v with its window in force. */
static inline wp_tseg wp_visit_seg(const wp_sol *s, int v)
{
    return wp_tseg_stop(s->p->visit_dur[v], s->early[v], s->late[v]);
}

/* Segment of positions i..j (inclusive) of route r, built by merging (O(j - i)). */
wp_tseg wp_route_subseg(const wp_sol *s, const wp_route *r, int i, int j);

/* Inserts visit v into route r before position pos (1..n+1) and updates every cache and total.
 * The client's helper must already be the route's helper (see wp_sol_set_helper). */
void wp_sol_insert(wp_sol *s, int v, int r, int pos);
/* Removes visit v from its route. */
void wp_sol_remove(wp_sol *s, int v);
/* Replaces route ri's visits by nodes[0..n) and updates every cache and total; single-visit
 * clients among them get the route's helper. Visits leaving the route must be placed in another
 * route by the same move. */
void wp_sol_set_route(wp_sol *s, int ri, const int *nodes, int n);
/* Records that client c is now served by helper h (or -1), updating the pair count. */
void wp_sol_set_helper(wp_sol *s, int c, int h);
/* Recomputes route r's caches and totals after its node list changed. */
void wp_sol_refresh(wp_sol *s, int r);

/* Every objective part, recomputed from scratch (tests compare it with the kept values). */
typedef struct wp_sol_parts {
    double travel, unserved, change;
    int broken, routes_used, helpers_used;
} wp_sol_parts;
void wp_sol_recount(const wp_sol *s, wp_sol_parts *out);

/* Replaces the kept objective parts by recounted ones, removing floating-point drift. */
void wp_sol_resync(wp_sol *s);

#endif
