/* Intake (SPEC "Recommendation: where a new client fits"): the k best ways to serve all of one
 * client's visits by one helper, inserted into a roster's routes without moving anyone else.
 * Ownership: wp_recommend gives the caller a result to release with wp_recommendations_free
 * (NULL is harmless). */
#ifndef WIJKPLAN_RECOMMEND_H
#define WIJKPLAN_RECOMMEND_H

#include <stdbool.h>
#include <stddef.h>
#include <wijkplan/error.h>
#include <wijkplan/roster.h>
#include <wijkplan/scenario.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wp_recommend_visit {
    int visit;    /* index of the client's visit */
    int day;      /* mon = 0 .. sun = 6 */
    double start; /* minutes since 00:00 */
} wp_recommend_visit;

typedef struct wp_recommend_option {
    int rank; /* 1 = best */
    char *helper;
    char *provider;
    bool pair_kept;     /* the helper is the client's fixed pair */
    bool provider_kept; /* the helper works for the provider the client chose (or none chosen) */
    wp_recommend_visit *visits;
    size_t n_visits;
    double added_travel_min;
    double added_objective; /* the objective's change, the client's own unserved care aside */
} wp_recommend_option;

typedef struct wp_recommendations {
    char *client;
    wp_recommend_option *options; /* best first */
    size_t n_options;
    char *reason; /* when there is no option: why, in the words of "unassigned"; else NULL */
} wp_recommendations;

/* The k best options for client `client` (an id of the scenario that the roster does not
 * serve). The roster must be valid for the scenario (input error otherwise, as for an unknown
 * client or one the roster already serves). */
wp_status wp_recommend(const wp_scenario *s, const wp_roster *r, const char *client, int k,
                       wp_recommendations **out, wp_error *err);

void wp_recommendations_free(wp_recommendations *r);

/* The planner's "fill the gaps": every client the roster serves not at all gets its best option
 * (greedy, most vulnerable first: priority, then hours, then id), inserted so that later
 * clients see it. *out is the roster with them inserted (KPIs recomputed); *placed counts them. */
wp_status wp_recommend_waiting_list(const wp_scenario *s, const wp_roster *r, wp_roster **out,
                                    int *placed, wp_error *err);

/* Writes wijkplan-recommendations/1 JSON, all or nothing. */
wp_status wp_recommendations_write_json(const wp_recommendations *r, const char *path,
                                        wp_error *err);

/* Loads a scenario with one more client, read from a file holding one client object as in the
 * scenario; *client_id receives its id (owned by the scenario). */
wp_status wp_scenario_load_with_client(const char *scenario_path, const char *client_path,
                                       wp_scenario **out, const char **client_id, wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
