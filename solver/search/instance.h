/* The read-only search instance derived from a model: per-visit arrays laid out for the hot
 * loops, the search's cost weights, candidate helpers per client and neighbour visits per
 * visit. Built once per solve and shared by all threads. */
#ifndef WP_SEARCH_INSTANCE_H
#define WP_SEARCH_INSTANCE_H

#include <stdbool.h>

#include "contract/market.h"

typedef struct wp_instance {
    const wp_model *m;
    const wp_market *mk; /* who may serve whom (borrowed) */
    int n_visits, n_clients, n_helpers;

    /* per visit */
    int *visit_loc; /* location index */
    int *visit_client;
    double *visit_dur; /* minutes */
    double *visit_load;
    bool *visit_bound;     /* the client has several visits: they must share one helper */
    double *unserved_cost; /* search cost of leaving the visit unserved */

    /* weights of the search objective (the SPEC objective, see problem.c for two deviations) */
    double w_travel; /* per travel minute */
    double w_route;  /* per non-empty route */
    double w_helper; /* per helper used */
    double w_broken; /* per broken pair */
    /* at most what moving one visit can save in pair and change cost (wp_move_visit_delta is
     * never below it; 0 without pairs and previous plan): operators prune on travel first */
    double move_floor;

    /* per helper: travel class; helpers of one class share home position and travel times, so
     * route caches of one are valid for the other (all vehicles of a benchmark depot) */
    int *helper_class;

    /* eligibility by class: clients with equal skills, product and allowed providers (and no
     * exclusions or pinned helper of their own) share a class; helper h may serve class k when
     * bit k of helper_classes[h] is set. Used when there
     * are at most 64 classes (elig_by_class), else wp_eligible is evaluated directly. */
    bool elig_by_class;
    int *client_class;
    uint64_t *helper_classes;

    /* candidate helpers per client: cand[cand_start[c] .. cand_start[c+1]), nearest first;
     * eligible (skills, qualification, contracting) and working on a day some visit allows */
    int *cand_start;
    int *cand;

    /* neighbour visits per visit, nearest first (granular neighbourhoods) */
    int n_neighbours;
    int *neighbours; /* n_visits x n_neighbours, -1 padded */
    /* the reverse: cited[cited_start[v] .. cited_start[v+1]) are the visits that have v among
     * their neighbours (local search re-tests them when v moves) */
    int *cited_start, *cited;
} wp_instance;

/* Builds the problem. `max_candidates` bounds candidate helpers per client (0 = all). */
void wp_instance_build(wp_instance *p, const wp_model *m, const wp_market *mk, int max_candidates,
                       int n_neighbours);
/* The same for one client's insertion alone (intake): candidate helpers of `client` only, no
 * neighbour lists. */
void wp_instance_build_for(wp_instance *p, const wp_model *m, const wp_market *mk,
                           int max_candidates, int client);
void wp_instance_free(wp_instance *p);

/* Helper h may serve client c (skills, qualification, contracting). */
static inline bool wp_instance_eligible(const wp_instance *p, int h, int c)
{
    if (p->elig_by_class) return (p->helper_classes[h] >> p->client_class[c]) & 1u;
    return wp_eligible(p->m, p->mk, h, c);
}

#endif
