/* Building the search instance: visit arrays, weights, candidate helpers, neighbour lists.
 *
 * The search minimises the SPEC objective with three deliberate deviations, documented in
 * README: a visit without duration (CVRP-derived benchmarks) still costs one minute when left
 * unserved, so stops are not dropped for free; under fixed_pairs "hard" a broken pair costs
 * more than any travel it could save; and in a repair, leaving a visit that had a previous plan
 * unserved also costs changed_helper (the reported objective always uses the SPEC weights). */
#include "search/instance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geo/grid.h"
#include "model/previous.h"
#include "util/alloc.h"
#include "util/keyed.h"

static void build_visits(wp_instance *p)
{
    const wp_model *m = p->m;
    int n = m->n_visits;
    p->visit_loc = wp_malloc(((size_t)n + 1) * sizeof(int));
    p->visit_client = wp_malloc(((size_t)n + 1) * sizeof(int));
    p->visit_dur = wp_malloc(((size_t)n + 1) * sizeof(double));
    p->visit_load = wp_malloc(((size_t)n + 1) * sizeof(double));
    p->visit_bound = wp_malloc(((size_t)n + 1) * sizeof(bool));
    p->unserved_cost = wp_malloc(((size_t)n + 1) * sizeof(double));
    for (int v = 0; v < n; v++) {
        const wp_visit_def *vd = &m->visits[v];
        const wp_client_def *c = &m->clients[vd->client];
        p->visit_loc[v] = c->location;
        p->visit_client[v] = vd->client;
        p->visit_dur[v] = vd->duration;
        p->visit_load[v] = vd->load;
        p->visit_bound[v] = c->n_visits > 1;
        double minutes = vd->duration < 1.0 ? 1.0 : vd->duration;
        p->unserved_cost[v] = m->objective.unserved_minute * minutes * c->priority;
        /* repair: dropping a planned visit is a change too (a call to the client), so a new
         * client does not take an existing client's place for free */
        if (m->prev && m->prev->visit_day[v] >= 0)
            p->unserved_cost[v] += m->objective.changed_helper;
    }
}

static void build_weights(wp_instance *p)
{
    const wp_objective *o = &p->m->objective;
    p->w_travel = o->travel_minute;
    p->w_route = o->helper_day;
    p->w_helper = o->helper;
    p->w_broken = o->broken_pair;
    if (p->m->pair_policy == WP_PAIRS_HARD) {
        double strong = o->unserved_minute * 60;
        if (o->travel_minute * 1e5 > strong) strong = o->travel_minute * 1e5;
        if (strong > p->w_broken) p->w_broken = strong;
    }
    bool pairs = false;
    for (int c = 0; c < p->m->n_clients && !pairs; c++) pairs = p->m->clients[c].helper >= 0;
    p->move_floor = pairs ? -p->w_broken : 0;
    if (p->m->prev) {
        double most = fmax(fmax(o->changed_helper, o->changed_day),
                           fmax(o->changed_time, o->substitute_visit));
        p->move_floor -= fmax(most, 0);
    }
}

/* Days on which some visit of client c may take place. */
static uint8_t client_days(const wp_model *m, int c)
{
    uint8_t days = 0;
    const wp_client_def *cl = &m->clients[c];
    for (int k = 0; k < cl->n_visits; k++) days |= m->visits[cl->first_visit + k].days;
    return days;
}

static bool helper_can_take(const wp_model *m, const wp_market *mk, int h, int c, uint8_t days)
{
    if (!wp_eligible(m, mk, h, c)) return false;
    for (int d = 0; d < WP_DAYS; d++)
        if ((days >> d & 1) && wp_helper_works(m, h, d)) return true;
    return false;
}

typedef struct cand_filter {
    const wp_model *m;
    const wp_market *mk;
    int client;
    uint8_t days;
    int home_base; /* grid ids are location ids; helper = id - home_base */
} cand_filter;

static int accept_helper(int id, void *ctx)
{
    const cand_filter *f = ctx;
    return helper_can_take(f->m, f->mk, id - f->home_base, f->client, f->days);
}

/* Grids of the helpers each allowed-provider set admits, when those fit in a few times the
 * helpers (open house: one set per provider); else NULL and one grid with a filter is used. */
static wp_grid *set_grids(const wp_instance *p, const int *homes)
{
    const wp_model *m = p->m;
    const wp_market *mk = p->mk;
    int ns = mk->n_sets, nh = m->n_helpers;
    bool *used = wp_calloc((size_t)ns + 1, sizeof *used);
    for (int c = 0; c < m->n_clients; c++) used[mk->client_set[c]] = true;
    long total = 0;
    int *members = wp_malloc(((size_t)nh + 1) * sizeof *members);
    for (int k = 0; k < ns; k++) {
        if (!used[k]) continue;
        const uint64_t *set = mk->sets + (size_t)k * (size_t)mk->words;
        for (int h = 0; h < nh; h++)
            total += (set[mk->helper_provider[h] >> 6] >> (mk->helper_provider[h] & 63)) & 1;
    }
    wp_grid *grids = NULL;
    if (total <= 4L * nh + 64) {
        grids = wp_calloc((size_t)ns + 1, sizeof *grids);
        for (int k = 0; k < ns; k++) {
            if (!used[k]) continue;
            const uint64_t *set = mk->sets + (size_t)k * (size_t)mk->words;
            int n = 0;
            for (int h = 0; h < nh; h++)
                if ((set[mk->helper_provider[h] >> 6] >> (mk->helper_provider[h] & 63)) & 1)
                    members[n++] = homes[h];
            wp_grid_build(&grids[k], m->x, m->y, members, n, 2.0);
        }
    }
    wp_free(members);
    wp_free(used);
    return grids;
}

static bool listed(const int *ids, int n, int id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id) return true;
    return false;
}

/* Helpers grouped by class (same home and mode): members of class rep r are
 * members[start[r] .. start[r + 1]), in helper order. */
typedef struct class_members {
    int *start, *members;
} class_members;

static class_members group_classes(const wp_instance *p)
{
    int nh = p->n_helpers;
    class_members cm = {wp_calloc((size_t)nh + 2, sizeof(int)),
                        wp_malloc(((size_t)nh + 1) * sizeof(int))};
    for (int h = 0; h < nh; h++) cm.start[p->helper_class[h] + 1]++;
    for (int h = 0; h < nh; h++) cm.start[h + 1] += cm.start[h];
    int *fill = wp_malloc(((size_t)nh + 1) * sizeof(int));
    memcpy(fill, cm.start, (size_t)nh * sizeof(int));
    for (int h = 0; h < nh; h++) cm.members[fill[p->helper_class[h]]++] = h;
    wp_free(fill);
    return cm;
}

/* Helpers who share a home (a depot, an office) are equally near every client, so the nearest
 * k would be the same few of them for every client and the rest never used. Each client gets
 * its own members of such a class instead, starting at an offset of its own, so that together
 * the clients reach every member (issue: 1000 customers at one depot served by 32 of 250). */
static void spread_over_class(const wp_instance *p, const class_members *cm, const cand_filter *f,
                              int *buf, int got)
{
    for (int i = 0; i < got; i++) {
        int rep = p->helper_class[buf[i]];
        int size = cm->start[rep + 1] - cm->start[rep];
        bool seen = false; /* each class once, at its first entry */
        for (int j = 0; j < i && !seen; j++) seen = p->helper_class[buf[j]] == rep;
        if (size <= 1 || seen) continue;
        int taken = 0; /* how many of the class the nearest-k list holds */
        for (int j = 0; j < got; j++) taken += p->helper_class[buf[j]] == rep;
        if (taken >= size) continue;
        uint64_t z = (uint64_t)f->client * 0x9E3779B97F4A7C15ull;
        int offset = (int)((z >> 33) % (uint64_t)size), next = 0;
        for (int j = 0; j < got; j++) {
            if (p->helper_class[buf[j]] != rep) continue;
            for (; next < size; next++) {
                int h = cm->members[cm->start[rep] + (offset + next) % size];
                if (helper_can_take(f->m, f->mk, h, f->client, f->days)) break;
            }
            if (next < size) buf[j] = cm->members[cm->start[rep] + (offset + next++) % size];
        }
    }
}

/* Candidates of every client, or (only >= 0) of that one client alone, the others getting
 * none. */
static void build_candidates(wp_instance *p, int max_candidates, int only)
{
    const wp_model *m = p->m;
    int nc = m->n_clients, nh = m->n_helpers;
    bool all = max_candidates <= 0 || max_candidates >= nh;
    int k = all ? nh : max_candidates;
    p->cand_start = wp_malloc(((size_t)nc + 1) * sizeof(int));
    size_t cap = (size_t)(only >= 0 ? 1 : nc) * (size_t)(k + 2) + 1, used = 0;
    p->cand = wp_malloc(cap * sizeof(int));
    int *homes = wp_malloc(((size_t)nh + 1) * sizeof(int));
    for (int h = 0; h < nh; h++) homes[h] = m->helpers[h].home;
    wp_grid grid = {0};
    wp_grid *by_set = all ? NULL : set_grids(p, homes);
    if (!all && !by_set) wp_grid_build(&grid, m->x, m->y, homes, nh, 2.0);
    int *buf = wp_malloc(((size_t)k + 3) * sizeof(int));
    wp_keyed *byd = all ? wp_malloc(((size_t)nh + 1) * sizeof *byd) : NULL;
    class_members classes = all ? (class_members){NULL, NULL} : group_classes(p);
    for (int c = 0; c < nc; c++) {
        p->cand_start[c] = (int)used;
        if (only >= 0 && c != only) continue;
        uint8_t days = client_days(m, c);
        int loc = m->clients[c].location;
        int got = 0;
        if (all) {
            for (int h = 0; h < nh; h++)
                if (helper_can_take(m, p->mk, h, c, days))
                    byd[got++] = (wp_keyed){wp_model_dist(m, loc, m->helpers[h].home), h};
            wp_keyed_sort(byd, (size_t)got);
            for (int i = 0; i < got; i++) buf[i] = byd[i].id;
        } else {
            cand_filter f = {m, p->mk, c, days, m->n_clients};
            const wp_grid *g = by_set ? &by_set[p->mk->client_set[c]] : &grid;
            got = wp_grid_nearest(g, m->x[loc], m->y[loc], k, -1, accept_helper, &f, buf);
            for (int i = 0; i < got; i++) buf[i] -= m->n_clients;
            spread_over_class(p, &classes, &f, buf, got);
            int pair = m->clients[c].helper;
            if (pair >= 0 && !listed(buf, got, pair) && helper_can_take(m, p->mk, pair, c, days))
                buf[got++] = pair;
        }
        /* repair: the client's helper of the week, even when absent on every allowed day (its
         * plan then places the visits with substitutes) */
        int week = m->prev ? m->prev->week_helper[c] : -1;
        if (week >= 0 && !listed(buf, got, week) && wp_eligible(m, p->mk, week, c))
            buf[got++] = week;
        for (int i = 0; i < got; i++) p->cand[used++] = buf[i];
    }
    p->cand_start[nc] = (int)used;
    if (by_set) {
        for (int i = 0; i < p->mk->n_sets; i++) wp_grid_free(&by_set[i]);
        wp_free(by_set);
    }
    wp_free(byd);
    wp_free(buf);
    wp_free(homes);
    wp_free(classes.start);
    wp_free(classes.members);
    wp_grid_free(&grid);
}

/* Granular neighbours: the nearest visits of other clients that can share a day with the
 * visit (a visit on a day another can never take is useless to every pair operator). */
static void build_neighbours(wp_instance *p, int k)
{
    const wp_model *m = p->m;
    int n = p->n_visits;
    p->n_neighbours = k < n - 1 ? k : (n > 1 ? n - 1 : 0);
    k = p->n_neighbours;
    p->neighbours = wp_malloc(((size_t)n * (size_t)k + 1) * sizeof(int));
    if (k == 0) return;
    int nc = m->n_clients;
    int *locs = wp_malloc(((size_t)nc + 1) * sizeof(int));
    for (int c = 0; c < nc; c++) locs[c] = m->clients[c].location;
    wp_grid grid;
    wp_grid_build(&grid, m->x, m->y, locs, nc, 2.0);
    int want = 4 * k + 1, *near = wp_malloc(((size_t)want + 1) * sizeof(int));
    for (int v = 0; v < n; v++) {
        int loc = p->visit_loc[v], own = p->visit_client[v];
        uint8_t days = m->visits[v].days;
        int *out = p->neighbours + (size_t)v * (size_t)k, w = 0;
        /* widen the search until k day-compatible visits are found (or every client seen) */
        for (int ask = 2 * k + 1; w < k; ask *= 2) {
            if (ask > nc) ask = nc;
            int got = wp_grid_nearest(&grid, m->x[loc], m->y[loc], ask, -1, NULL, NULL,
                                      near = wp_realloc_array(near, (size_t)ask + 1, sizeof *near));
            w = 0;
            for (int i = 0; i < got && w < k; i++) {
                if (near[i] == own) continue;
                const wp_client_def *cl = &m->clients[near[i]];
                for (int j = 0; j < cl->n_visits && w < k; j++) {
                    int u = cl->first_visit + j;
                    if (m->visits[u].days & days) out[w++] = u;
                }
            }
            if (ask == nc) break;
        }
        while (w < k) out[w++] = -1;
    }
    wp_free(near);
    wp_free(locs);
    wp_grid_free(&grid);
}

/* The reverse of the neighbour lists (counting sort by neighbour). */
static void build_citations(wp_instance *p)
{
    int nv = p->n_visits, k = p->n_neighbours;
    p->cited_start = wp_calloc((size_t)nv + 2, sizeof *p->cited_start);
    p->cited = wp_malloc(((size_t)nv * (size_t)k + 1) * sizeof *p->cited);
    for (int u = 0; u < nv; u++)
        for (int j = 0; j < k && p->neighbours[(size_t)u * k + j] >= 0; j++)
            p->cited_start[p->neighbours[(size_t)u * k + j] + 1]++;
    for (int v = 0; v < nv; v++) p->cited_start[v + 1] += p->cited_start[v];
    int *fill = wp_malloc(((size_t)nv + 1) * sizeof *fill);
    memcpy(fill, p->cited_start, (size_t)nv * sizeof *fill);
    for (int u = 0; u < nv; u++)
        for (int j = 0; j < k && p->neighbours[(size_t)u * k + j] >= 0; j++)
            p->cited[fill[p->neighbours[(size_t)u * k + j]]++] = u;
    wp_free(fill);
}

static void build_helper_classes(wp_instance *p)
{
    const wp_model *m = p->m;
    int nh = m->n_helpers;
    p->helper_class = wp_malloc(((size_t)nh + 1) * sizeof(int));
    for (int h = 0; h < nh; h++) {
        const wp_helper_def *a = &m->helpers[h];
        p->helper_class[h] = h;
        /* share the class of an earlier helper at the same place with the same mode; homes of
         * large instances rarely coincide, so only a short look-back is needed */
        for (int g = h - 1; g >= 0 && g >= h - 64; g--) {
            const wp_helper_def *b = &m->helpers[g];
            bool same_matrix_row =
                !m->loc_matrix || m->loc_matrix[a->home] == m->loc_matrix[b->home];
            if (a->mode == b->mode && m->x[a->home] == m->x[b->home] &&
                m->y[a->home] == m->y[b->home] && same_matrix_row) {
                p->helper_class[h] = p->helper_class[g];
                break;
            }
        }
    }
}

static void build_eligibility(wp_instance *p)
{
    const wp_model *m = p->m;
    int nc = m->n_clients, nh = m->n_helpers, n_classes = 0;
    p->client_class = wp_malloc(((size_t)nc + 1) * sizeof(int));
    int rep[64]; /* a representative client per class */
    for (int c = 0; c < nc; c++) {
        const wp_client_def *cl = &m->clients[c];
        /* a client with its own exclusions or a pinned helper shares no class */
        bool own = cl->n_excluded > 0 || cl->pin_helper != -1 ||
                   (p->mk->pair_continue && p->mk->pair_continue[c] >= 0);
        int k = own ? n_classes : 0;
        for (; k < n_classes; k++) {
            const wp_client_def *r = &m->clients[rep[k]];
            if (r->skills == cl->skills && r->product == cl->product &&
                p->mk->client_set[rep[k]] == p->mk->client_set[c] && r->n_excluded == 0 &&
                r->pin_helper == -1 && !(p->mk->pair_continue && p->mk->pair_continue[rep[k]] >= 0))
                break;
        }
        if (k == n_classes) {
            if (n_classes == 64) {
                p->elig_by_class = false;
                return;
            }
            rep[n_classes++] = c;
        }
        p->client_class[c] = k;
    }
    p->helper_classes = wp_calloc((size_t)nh + 1, sizeof(uint64_t));
    for (int h = 0; h < nh; h++)
        for (int k = 0; k < n_classes; k++)
            if (wp_eligible(m, p->mk, h, rep[k])) p->helper_classes[h] |= (uint64_t)1 << k;
    p->elig_by_class = true;
}

static void instance_build(wp_instance *p, const wp_model *m, const wp_market *mk,
                           int max_candidates, int n_neighbours, int only)
{
    memset(p, 0, sizeof *p);
    p->m = m;
    p->mk = mk;
    p->n_visits = m->n_visits;
    p->n_clients = m->n_clients;
    p->n_helpers = m->n_helpers;
    build_visits(p);
    build_weights(p);
    build_helper_classes(p);
    build_eligibility(p);
    build_candidates(p, max_candidates, only);
    build_neighbours(p, n_neighbours);
    build_citations(p);
}

void wp_instance_build(wp_instance *p, const wp_model *m, const wp_market *mk, int max_candidates,
                       int n_neighbours)
{
    instance_build(p, m, mk, max_candidates, n_neighbours, -1);
}

void wp_instance_build_for(wp_instance *p, const wp_model *m, const wp_market *mk,
                           int max_candidates, int client)
{
    instance_build(p, m, mk, max_candidates, 0, client);
}

void wp_instance_free(wp_instance *p)
{
    wp_free(p->visit_loc);
    wp_free(p->visit_client);
    wp_free(p->visit_dur);
    wp_free(p->visit_load);
    wp_free(p->visit_bound);
    wp_free(p->unserved_cost);
    wp_free(p->helper_class);
    wp_free(p->client_class);
    wp_free(p->helper_classes);
    wp_free(p->cand_start);
    wp_free(p->cand);
    wp_free(p->neighbours);
    wp_free(p->cited_start);
    wp_free(p->cited);
    memset(p, 0, sizeof *p);
}
