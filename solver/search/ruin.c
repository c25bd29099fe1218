/* Ruin operators (see ruin.h). All work at client level and stop at ctx->target clients. */
#include "search/ruin.h"

#include <math.h>
#include <stdlib.h>

#include "search/insert.h"

void wp_ruin_take(wp_ruin_ctx *ctx, int c)
{
    if (ctx->mark[c]) return;
    ctx->mark[c] = 1;
    ctx->removed[ctx->n_removed++] = c;
    if (ctx->s->client_helper[c] >= 0) wp_unassign_client(ctx->s, c);
}

static bool full(const wp_ruin_ctx *ctx)
{
    return ctx->n_removed >= ctx->target;
}

/* A served neighbour of a random unserved visit, whose client joins the ruin; or -1. */
static int next_to_unserved(wp_ruin_ctx *ctx)
{
    const wp_sol *s = ctx->s;
    const wp_instance *p = s->p;
    int n = p->n_visits, unserved = 0;
    for (int v = 0; v < n; v++) unserved += s->route_of[v] < 0;
    if (!unserved) return -1;
    int pick = (int)wp_rng_below(ctx->rng, (uint32_t)unserved), u = 0;
    while (s->route_of[u] >= 0 || pick--) u++;
    const int *nb = p->neighbours + (size_t)u * (size_t)p->n_neighbours;
    for (int k = 0; k < p->n_neighbours && nb[k] >= 0; k++)
        if (s->route_of[nb[k]] >= 0) {
            wp_ruin_take(ctx, p->visit_client[u]);
            return nb[k];
        }
    return -1;
}

/* A random served visit, or -1 when nothing is served. In a repair, every second seed lies next
 * to an unserved visit: the plan mostly stands, and what it lacks is room where the unserved
 * visits are. */
static int random_served(wp_ruin_ctx *ctx)
{
    const wp_sol *s = ctx->s;
    int n = s->p->n_visits;
    if (s->p->m->prev && wp_rng_below(ctx->rng, 2)) {
        int v = next_to_unserved(ctx);
        if (v >= 0) return v;
    }
    for (int tries = 0; tries < 32; tries++) {
        int v = (int)wp_rng_below(ctx->rng, (uint32_t)n);
        if (s->route_of[v] >= 0) return v;
    }
    for (int v = 0; v < n; v++)
        if (s->route_of[v] >= 0) return v;
    return -1;
}

/* ---- SISR strings ------------------------------------------------------------------------
 * Strings of consecutive visits are cut from routes met while walking the neighbours of a seed
 * visit (C. Christiaens, G. Vanden Berghe (2020), "Slack induction by string removals for
 * vehicle routing problems", Transportation Science 54(2):417-433). */
static void strings(wp_ruin_ctx *ctx)
{
    wp_sol *s = ctx->s;
    const wp_instance *p = s->p;
    int seed = random_served(ctx);
    if (seed < 0) return;
    const int l_max = 10;
    double avg = 0;
    int used = 0;
    for (int r = 0; r < s->n_routes; r++)
        if (s->routes[r].n) avg += s->routes[r].n, used++;
    avg = used ? avg / used : 1;
    double ls_max = fmin(l_max, avg);
    double ks_max = 4.0 * ctx->target / (1 + ls_max) - 1;
    int ks = (int)(wp_rng_unit(ctx->rng) * ks_max) + 1;
    int *ruined_routes = ctx->scratch, n_ruined = 0;
    const int *nb = p->neighbours + (size_t)seed * (size_t)p->n_neighbours;
    for (int k = -1; k < p->n_neighbours && n_ruined < ks && !full(ctx); k++) {
        int v = k < 0 ? seed : nb[k];
        if (v < 0) break;
        int r = s->route_of[v];
        if (r < 0) continue;
        bool seen = false;
        for (int i = 0; i < n_ruined && !seen; i++) seen = ruined_routes[i] == r;
        if (seen) continue;
        ruined_routes[n_ruined++] = r;
        const wp_route *R = &s->routes[r];
        int cap = (int)fmin(R->n, ls_max);
        int len = 1 + (int)wp_rng_below(ctx->rng, (uint32_t)cap);
        int pos = s->pos_of[v];
        int first = pos - (int)wp_rng_below(ctx->rng, (uint32_t)len);
        if (first < 1) first = 1;
        if (first + len - 1 > R->n) first = R->n - len + 1;
        int clients[16], nc = 0;
        for (int q = first; q < first + len && nc < 16; q++)
            clients[nc++] = p->visit_client[R->node[q]];
        for (int i = 0; i < nc && !full(ctx); i++) wp_ruin_take(ctx, clients[i]);
    }
}

/* ---- random ------------------------------------------------------------------------------ */
static void random_clients(wp_ruin_ctx *ctx)
{
    for (int tries = 0; tries < 4 * ctx->target && !full(ctx); tries++) {
        int v = random_served(ctx);
        if (v < 0) return;
        wp_ruin_take(ctx, ctx->s->p->visit_client[v]);
    }
}

/* ---- related (Shaw 1998): nearest clients of a seed, with a few random skips ------------- */
static void related(wp_ruin_ctx *ctx)
{
    wp_sol *s = ctx->s;
    const wp_instance *p = s->p;
    int seed = random_served(ctx);
    if (seed < 0) return;
    wp_ruin_take(ctx, p->visit_client[seed]);
    const int *nb = p->neighbours + (size_t)seed * (size_t)p->n_neighbours;
    for (int k = 0; k < p->n_neighbours && !full(ctx); k++) {
        int v = nb[k];
        if (v < 0) break;
        if (s->route_of[v] < 0 || wp_rng_unit(ctx->rng) < 0.2) continue;
        wp_ruin_take(ctx, p->visit_client[v]);
    }
}

/* ---- worst: clients whose visits cost the most travel, chosen with a bias ---------------- */
static void worst(wp_ruin_ctx *ctx)
{
    wp_sol *s = ctx->s;
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    int *cands = ctx->scratch, n = 0;
    for (int c = 0; c < p->n_clients; c++) {
        if (s->client_helper[c] < 0) continue;
        double saving = 0;
        const wp_client_def *cl = &m->clients[c];
        for (int q = 0; q < cl->n_visits; q++) {
            int v = cl->first_visit + q, r = s->route_of[v];
            if (r < 0) continue;
            const wp_route *R = &s->routes[r];
            int i = s->pos_of[v];
            int mode = m->helpers[R->helper].mode;
            saving += (R->tmin[i + 1] - R->tmin[i - 1]) -
                      wp_model_time(m, R->loc[i - 1], R->loc[i + 1], mode);
        }
        ctx->scores[c] = saving * (0.8 + 0.4 * wp_rng_unit(ctx->rng)); /* noise */
        cands[n++] = c;
    }
    /* partial selection of the top `target`: O(n target), no full sort */
    const double *sc = ctx->scores;
    for (int i = 0; i < n && !full(ctx); i++) {
        int best = i;
        for (int j = i + 1; j < n; j++)
            if (sc[cands[j]] > sc[cands[best]] ||
                (sc[cands[j]] == sc[cands[best]] && cands[j] < cands[best]))
                best = j;
        int t = cands[i];
        cands[i] = cands[best];
        cands[best] = t;
        wp_ruin_take(ctx, cands[i]);
    }
}

/* ---- route: every client of one or two routes near each other ---------------------------- */
static void route(wp_ruin_ctx *ctx)
{
    wp_sol *s = ctx->s;
    const wp_instance *p = s->p;
    int seed = random_served(ctx);
    if (seed < 0) return;
    int r = s->route_of[seed];
    for (int round = 0; round < 2 && !full(ctx) && r >= 0; round++) {
        const wp_route *R = &s->routes[r];
        int clients[256], nc = 0;
        for (int q = 1; q <= R->n && nc < 256; q++) clients[nc++] = p->visit_client[R->node[q]];
        for (int i = 0; i < nc && !full(ctx); i++) wp_ruin_take(ctx, clients[i]);
        /* next: the route of the nearest still-served neighbour */
        const int *nb = p->neighbours + (size_t)seed * (size_t)p->n_neighbours;
        r = -1;
        for (int k = 0; k < p->n_neighbours && r < 0; k++)
            if (nb[k] >= 0 && s->route_of[nb[k]] >= 0) r = s->route_of[nb[k]];
    }
}

const wp_ruin_operator wp_ruin_strings = {"strings", strings};
const wp_ruin_operator wp_ruin_random = {"random", random_clients};
const wp_ruin_operator wp_ruin_related = {"related", related};
const wp_ruin_operator wp_ruin_worst = {"worst", worst};
const wp_ruin_operator wp_ruin_route = {"route", route};
