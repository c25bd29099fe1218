/* Client move: all visits of a multi-visit client go to another candidate helper, re-planned
 * with their days (the pair rule forbids moving them one by one). Tried from the client's first
 * served visit only. */
#include <math.h>

#include "search/insert.h"
#include "search/ls.h"

/* Candidates (nearest first) a client may move to, besides its fixed-pair helper. Each one costs
 * a re-plan of the client's week, tried whenever one of the client's routes changed; with every
 * candidate, local search cost grew with the number of helpers in reach (on the 100k model an
 * iteration in a cluster of 53 helpers cost 2.6 times one in a cluster of 19). A move to a far
 * helper seldom saves travel, and ruin and recreate still offer every candidate. */
#define CLIENT_MOVE_NEAREST 16

/* Cost change of taking every visit of client c out of the plan. */
static double removal_delta(const wp_sol *s, int c)
{
    const wp_instance *p = s->p;
    const wp_client_def *cl = &p->m->clients[c];
    double delta = 0;
    int h = s->client_helper[c];
    int routes_left = s->helper_routes[h];
    for (int q = 0; q < cl->n_visits; q++) {
        int v = cl->first_visit + q, r = s->route_of[v];
        if (r < 0) continue;
        const wp_route *R = &s->routes[r];
        wp_route_eval e =
            wp_eval_join(s, R->helper, R->day, R, s->pos_of[v] - 1, NULL, 0, R, s->pos_of[v] + 1);
        delta += p->w_travel * (e.travel - R->tmin[R->n + 1]) + p->unserved_cost[v] -
                 wp_sol_change_cost(s, v, R);
        if (e.n == 0) {
            delta -= p->w_route;
            if (R->helper == h) routes_left--; /* a substitute's route is not the client's */
        }
    }
    if (routes_left == 0) delta -= p->w_helper;
    if (cl->helper >= 0 && cl->helper == h) delta += p->w_broken;
    return delta;
}

/* Helper g serves a visit of client c (as its substitute): its routes would change when the
 * client leaves, so a plan made on them now would not hold. */
static bool serves_visit_of(const wp_sol *s, int g, int c)
{
    const wp_client_def *cl = &s->p->m->clients[c];
    for (int q = 0; q < cl->n_visits; q++) {
        int r = s->route_of[cl->first_visit + q];
        if (r >= 0 && s->routes[r].helper == g) return true;
    }
    return false;
}

static bool evaluate(wp_ls *ls, int u, int v, wp_move *mv)
{
    (void)v;
    wp_sol *s = ls->s;
    const wp_instance *p = s->p;
    int c = p->visit_client[u];
    const wp_client_def *cl = &p->m->clients[c];
    if (cl->n_visits < 2) return false;
    for (int q = 0; q < cl->n_visits; q++) { /* only from the first served visit */
        int w = cl->first_visit + q;
        if (s->route_of[w] >= 0) {
            if (w != u) return false;
            break;
        }
    }
    int h = s->client_helper[c];
    double out = removal_delta(s, c), best = -WP_MOVE_EPS;
    int best_h = -1;
    wp_client_plan plan;
    int nearest = p->cand_start[c] + CLIENT_MOVE_NEAREST;
    for (int i = p->cand_start[c]; i < p->cand_start[c + 1]; i++) {
        int g = p->cand[i];
        if (i >= nearest && g != cl->helper) continue; /* far helpers: only the client's own */
        if (g == h || serves_visit_of(s, g, c) || !wp_plan_client(s, c, g, &plan)) continue;
        double d = out + plan.delta;
        if (d < best) {
            best = d;
            best_h = g;
        }
    }
    if (best_h < 0) return false;
    *mv = (wp_move){best, u, -1, best_h, c};
    return true;
}

static void apply(wp_ls *ls, const wp_move *mv)
{
    wp_sol *s = ls->s;
    int c = mv->b;
    wp_client_plan plan;
    /* plan first: positions in the new helper's routes do not depend on the old ones */
    if (!wp_plan_client(s, c, mv->a, &plan)) return;
    wp_unassign_client(s, c);
    wp_plan_apply(s, &plan);
}

const wp_ls_operator wp_op_client_move = {"client move", evaluate, apply};
