/* Decomposition for large municipalities: helpers are clustered (by provider when contracting
 * makes providers independent, then by where they live), each cluster with the clients its
 * helpers serve becomes a sub-model searched on its own, clusters run in parallel, and a second
 * round with shifted clusters lets clients cross the first round's borders. A final regret pass
 * offers the still unserved clients every candidate helper.
 *
 * Every cluster's result depends only on its own input, seed and budget, and results are merged
 * in cluster order, so the outcome does not depend on which thread ran what. */
#include "search/decompose.h"

#include <float.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/previous.h"
#include "search/submodel.h"
#include "search/construct.h"
#include "search/parallel.h"
#include "search/insert.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/progress.h"
#include "util/keyed.h"
#include "util/clock.h"

#define DECOMPOSE_MIN_CLIENTS 1500 /* below this one search sees everything */
#define TARGET_HELPERS        40   /* helpers per cluster: about 400 clients */
#define KMEANS_ROUNDS         8

bool wp_decompose_wanted(const wp_instance *p)
{
    return p->n_clients >= DECOMPOSE_MIN_CLIENTS && p->n_helpers >= 2 * TARGET_HELPERS;
}

/* Under open house with every client's provider chosen, no helper ever serves another
 * provider's client: providers are independent sub-problems. */
static bool providers_independent(const wp_instance *p)
{
    if (p->mk->contract_model != WP_OPEN_HOUSE) return false;
    for (int c = 0; c < p->n_clients; c++)
        if (p->m->clients[c].provider < 0) return false;
    return true;
}

/* k-means on helper homes: farthest-point start (shifted by `variant`), Lloyd iterations. */
static void kmeans(const wp_model *m, const int *helpers, int n, int k, int variant, int *label)
{
    double *cx = wp_malloc(((size_t)k + 1) * sizeof *cx),
           *cy = wp_malloc(((size_t)k + 1) * sizeof *cy);
    double *best = wp_malloc(((size_t)n + 1) * sizeof *best);
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) {
        mx += m->x[m->helpers[helpers[i]].home] / n;
        my += m->y[m->helpers[helpers[i]].home] / n;
    }
    /* first centre: nearest to the mean (variant 0) or farthest from it (variant 1) */
    int first = 0;
    double fd = variant ? -1 : DBL_MAX;
    for (int i = 0; i < n; i++) {
        int loc = m->helpers[helpers[i]].home;
        double d = hypot(m->x[loc] - mx, m->y[loc] - my);
        if (variant ? d > fd : d < fd) fd = d, first = i;
    }
    for (int i = 0; i < n; i++) best[i] = DBL_MAX;
    int pick = first;
    for (int c = 0; c < k; c++) {
        int loc = m->helpers[helpers[pick]].home;
        cx[c] = m->x[loc];
        cy[c] = m->y[loc];
        double far = -1;
        for (int i = 0; i < n; i++) {
            int li = m->helpers[helpers[i]].home;
            double d = hypot(m->x[li] - cx[c], m->y[li] - cy[c]);
            if (d < best[i]) best[i] = d;
            if (best[i] > far) far = best[i], pick = i;
        }
    }
    double *sx = wp_malloc(((size_t)k + 1) * sizeof *sx),
           *sy = wp_malloc(((size_t)k + 1) * sizeof *sy);
    int *cnt = wp_malloc(((size_t)k + 1) * sizeof *cnt);
    for (int round = 0; round < KMEANS_ROUNDS; round++) {
        memset(sx, 0, (size_t)k * sizeof *sx);
        memset(sy, 0, (size_t)k * sizeof *sy);
        memset(cnt, 0, (size_t)k * sizeof *cnt);
        for (int i = 0; i < n; i++) {
            int loc = m->helpers[helpers[i]].home, b = 0;
            double bd = DBL_MAX;
            for (int c = 0; c < k; c++) {
                double d = (m->x[loc] - cx[c]) * (m->x[loc] - cx[c]) +
                           (m->y[loc] - cy[c]) * (m->y[loc] - cy[c]);
                if (d < bd) bd = d, b = c;
            }
            label[i] = b;
            sx[b] += m->x[loc];
            sy[b] += m->y[loc];
            cnt[b]++;
        }
        for (int c = 0; c < k; c++)
            if (cnt[c]) cx[c] = sx[c] / cnt[c], cy[c] = sy[c] / cnt[c];
    }
    wp_free(cx), wp_free(cy), wp_free(best), wp_free(sx), wp_free(sy), wp_free(cnt);
}

/* Gives the helpers `list` one or more new cluster numbers from *next. k-means leaves clusters of
 * very unequal size where helpers live densely (up to four times the target), and a search's
 * cost per visit grows with its cluster's size, so oversized clusters are cut in halves along
 * their longer side until none exceeds WP_DECOMPOSE_MAX_HELPERS. */
static void split_cluster(const wp_model *m, wp_keyed *list, int n, int *cluster, int *next)
{
    if (n <= WP_DECOMPOSE_MAX_HELPERS) {
        for (int i = 0; i < n; i++) cluster[list[i].id] = *next;
        ++*next;
        return;
    }
    double x0 = DBL_MAX, y0 = DBL_MAX, x1 = -DBL_MAX, y1 = -DBL_MAX;
    for (int i = 0; i < n; i++) {
        int loc = m->helpers[list[i].id].home;
        x0 = fmin(x0, m->x[loc]), x1 = fmax(x1, m->x[loc]);
        y0 = fmin(y0, m->y[loc]), y1 = fmax(y1, m->y[loc]);
    }
    bool by_x = x1 - x0 >= y1 - y0;
    for (int i = 0; i < n; i++) {
        int loc = m->helpers[list[i].id].home;
        list[i].key = by_x ? m->x[loc] : m->y[loc];
    }
    wp_keyed_sort(list, (size_t)n);
    /* cut where the pieces come out closest to the target size */
    long pieces = lround((double)n / TARGET_HELPERS);
    if (pieces < 2) pieces = 2;
    int left = (int)(n * (pieces / 2) / pieces);
    split_cluster(m, list, left, cluster, next);
    split_cluster(m, list + left, n - left, cluster, next);
}

int wp_decompose_clusters(const wp_instance *p, int variant, int *cluster)
{
    const wp_model *m = p->m;
    int nh = m->n_helpers, groups = 1;
    int *group = wp_calloc((size_t)nh + 1, sizeof *group);
    if (providers_independent(p)) {
        groups = m->n_providers;
        for (int h = 0; h < nh; h++) group[h] = p->mk->helper_provider[h];
    }
    int *members = wp_malloc(((size_t)nh + 1) * sizeof *members),
        *label = wp_malloc(((size_t)nh + 1) * sizeof *label);
    wp_keyed *list = wp_malloc(((size_t)nh + 1) * sizeof *list);
    int next = 0;
    for (int g = 0; g < groups; g++) {
        int n = 0;
        for (int h = 0; h < nh; h++)
            if (group[h] == g) members[n++] = h;
        if (!n) continue;
        int k = (int)lround((double)n / TARGET_HELPERS) + variant;
        if (k < 1) k = 1;
        if (k > n) k = n;
        kmeans(m, members, n, k, variant, label);
        /* numbered in k-means order; clusters that ended empty are skipped */
        for (int c = 0; c < k; c++) {
            int size = 0;
            for (int i = 0; i < n; i++)
                if (label[i] == c) list[size++] = (wp_keyed){0, members[i]};
            if (size) split_cluster(m, list, size, cluster, &next);
        }
    }
    wp_free(group), wp_free(members), wp_free(label), wp_free(list);
    return next;
}

/* What a cluster's search hands back: its helpers' routes and its clients' helpers. */
typedef struct cluster_result {
    int n_clients;
    int *clients; /* parent clients */
    int *helper;  /* per client: parent helper or -1 */
    int n_routes;
    int *route_index;     /* parent route index per route */
    int *route_start;     /* n_routes + 1 offsets into nodes */
    int *nodes;           /* parent visits */
    double *early, *late; /* per parent visit of the cluster's clients, in client order */
    long long iterations;
    long long iterations_given;
    bool skipped; /* the round's time was up before the cluster started: the plan stays as it was */
    bool cut;     /* the round's time ended the cluster's search before its budget */
} cluster_result;

static void free_result(cluster_result *r)
{
    wp_free(r->clients), wp_free(r->helper), wp_free(r->route_index), wp_free(r->route_start);
    wp_free(r->nodes), wp_free(r->early), wp_free(r->late);
    memset(r, 0, sizeof *r);
}

typedef struct plan_ctx {
    const wp_instance *p;
    const wp_sol *sol;
    const wp_search_params *sp;
    const int *pos_in_cluster; /* per parent client: its index in its cluster's client list */
    int round;
    const wp_budget *round_budget; /* this round's part of the run's budget */
    int threads;                   /* clusters searched at once */
    int clusters;                  /* in this round */
    int done;                      /* clusters finished so far (progress only) */
    double last_report;            /* when the last progress line was printed */
} plan_ctx;

/* Loads the parent plan's routes of the cluster's helpers into the child plan. */
static void load_child(const plan_ctx *x, const wp_submodel *sm, wp_sol *child)
{
    const wp_model *cm = &sm->m;
    const wp_sol *sol = x->sol;
    for (int i = 0; i < cm->n_clients; i++) {
        int pc = sm->client_of[i];
        const wp_client_def *pcl = &x->p->m->clients[pc];
        for (int k = 0; k < pcl->n_visits; k++) {
            child->early[cm->clients[i].first_visit + k] = sol->early[pcl->first_visit + k];
            child->late[cm->clients[i].first_visit + k] = sol->late[pcl->first_visit + k];
        }
    }
    for (int h = 0; h < cm->n_helpers; h++)
        for (int d = 0; d < WP_DAYS; d++) {
            const wp_route *R = &sol->routes[wp_route_index(sm->helper_of[h], d)];
            for (int q = 1; q <= R->n; q++) {
                int v = R->node[q], pc = x->p->visit_client[v];
                int ci = x->pos_in_cluster[pc];
                int cv = cm->clients[ci].first_visit + (v - x->p->m->clients[pc].first_visit);
                int ph = wp_pair_helper_of(cm, ci, h, d);
                if (child->client_helper[ci] != ph) wp_sol_set_helper(child, ci, ph);
                wp_sol_insert(child, cv, wp_route_index(h, d), q);
            }
        }
}

static void store_result(const wp_submodel *sm, const wp_sol *child, cluster_result *out)
{
    const wp_model *cm = &sm->m;
    out->n_clients = cm->n_clients;
    out->clients = wp_malloc(((size_t)cm->n_clients + 1) * sizeof(int));
    out->helper = wp_malloc(((size_t)cm->n_clients + 1) * sizeof(int));
    out->early = wp_malloc(((size_t)cm->n_visits + 1) * sizeof(double));
    out->late = wp_malloc(((size_t)cm->n_visits + 1) * sizeof(double));
    for (int i = 0; i < cm->n_clients; i++) {
        out->clients[i] = sm->client_of[i];
        int h = child->client_helper[i];
        out->helper[i] = h >= 0 ? sm->helper_of[h] : -1;
    }
    memcpy(out->early, child->early, (size_t)cm->n_visits * sizeof(double));
    memcpy(out->late, child->late, (size_t)cm->n_visits * sizeof(double));
    int routes = 0, nodes = 0;
    for (int r = 0; r < child->n_routes; r++)
        if (child->routes[r].n) routes++, nodes += child->routes[r].n;
    out->route_index = wp_malloc(((size_t)routes + 1) * sizeof(int));
    out->route_start = wp_malloc(((size_t)routes + 2) * sizeof(int));
    out->nodes = wp_malloc(((size_t)nodes + 1) * sizeof(int));
    int k = 0, w = 0;
    for (int r = 0; r < child->n_routes; r++) {
        const wp_route *R = &child->routes[r];
        if (!R->n) continue;
        out->route_index[k] = wp_route_index(sm->helper_of[R->helper], R->day);
        out->route_start[k++] = w;
        for (int q = 1; q <= R->n; q++) out->nodes[w++] = sm->visit_of[R->node[q]];
    }
    out->route_start[k] = w;
    out->n_routes = routes;
}

/* A progress line as clusters finish, at most once a second; called by the thread that finished
 * one. Only the output's timing depends on the threads, never the plan. */
static void cluster_finished(plan_ctx *x)
{
    const wp_search_params *sp = x->sp;
#pragma omp critical(wp_decompose_progress)
    {
        x->done++;
        double now = wp_clock_now();
        if (sp->progress && now - x->last_report >= 1.0 && x->done < x->clusters) {
            wp_progress_printf(sp->progress, sp->progress_label, now - sp->budget.start,
                               sp->report_memory, "round %d: %d of %d clusters done", x->round + 1,
                               x->done, x->clusters);
            x->last_report = now;
        }
    }
}

/* What the threads of a round share: the clusters (clients and helpers) and their results. */
typedef struct round_work {
    plan_ctx *x;
    const int *order, *c_list, *c_start, *h_list, *h_start;
    cluster_result *res;
} round_work;

static void plan_cluster(plan_ctx *x, int index, const int *clients, int nc, const int *helpers,
                         int nh, cluster_result *out);

/* The j-th cluster in the order of the round. */
static void plan_jth_cluster(void *work, int j)
{
    const round_work *w = work;
    int i = w->order[j];
    plan_cluster(w->x, i, w->c_list + w->c_start[i], w->c_start[i + 1] - w->c_start[i],
                 w->h_list + w->h_start[i], w->h_start[i + 1] - w->h_start[i], &w->res[i]);
}

/* Searches one cluster on its own. */
static void plan_cluster(plan_ctx *x, int index, const int *clients, int nc, const int *helpers,
                         int nh, cluster_result *out)
{
    if (wp_budget_left(x->round_budget) <= 0 || wp_interrupted()) {
        out->skipped = true;
        cluster_finished(x);
        return;
    }
    wp_submodel sm;
    wp_submodel_build(&sm, x->p->m, x->p->mk, clients, nc, helpers, nh);
    wp_instance inst;
    wp_instance_build(&inst, &sm.m, &sm.mk, nh > 64 ? 32 : 0, 24);
    unsigned long clock = 0;
    wp_sol child;
    wp_sol_init(&child, &inst, &clock);
    load_child(x, &sm, &child);
    wp_search_params sp = *x->sp;
    sp.threads = 1;
    sp.seed = x->sp->seed * 1000003ULL + (unsigned long long)x->round * 7919ULL +
              (unsigned long long)index;
    /* the cluster's share of the round's work, by visits; its time is that share of what the
     * round's threads have together */
    const wp_budget *rb = x->round_budget;
    double visits = x->p->n_visits > 0 ? x->p->n_visits : 1;
    sp.budget = wp_budget_part(rb, inst.n_visits / visits, x->threads);
    if (!sp.budget.time_based) sp.budget.deadline = rb->deadline; /* work ends it, not time */
    /* derived work at the cluster's own nominal rate: either way independent of threads and
     * of which thread runs it */
    double work = (double)wp_budget_iterations(&sp.budget, wp_search_nominal_rate(&child), 1);
    sp.budget.iterations = (long long)fmax(50, work);
    sp.progress = NULL;
    wp_search_stats st = {0};
    if (inst.n_visits > 0) wp_search_improve(&inst, &child, &sp, &st, NULL);
    store_result(&sm, &child, out);
    out->iterations = st.iterations;
    out->iterations_given = st.iterations_given;
    out->cut = st.stopped_by && strcmp(st.stopped_by, "time_limit") == 0;
    wp_sol_free(&child);
    wp_instance_free(&inst);
    wp_submodel_free(&sm);
    cluster_finished(x);
}

/* Replaces the cluster's part of the parent plan by its result. */
static void merge(wp_sol *sol, const cluster_result *r)
{
    const wp_instance *p = sol->p;
    for (int i = 0; i < r->n_clients; i++) wp_unassign_client(sol, r->clients[i]);
    int v = 0;
    for (int i = 0; i < r->n_clients; i++) {
        const wp_client_def *cl = &p->m->clients[r->clients[i]];
        for (int k = 0; k < cl->n_visits; k++, v++) {
            sol->early[cl->first_visit + k] = r->early[v];
            sol->late[cl->first_visit + k] = r->late[v];
        }
        if (r->helper[i] >= 0) wp_sol_set_helper(sol, r->clients[i], r->helper[i]);
    }
    for (int k = 0; k < r->n_routes; k++)
        for (int q = r->route_start[k]; q < r->route_start[k + 1]; q++)
            wp_sol_insert(sol, r->nodes[q], r->route_index[k], q - r->route_start[k] + 1);
}

static void report_round(const wp_search_params *sp, const wp_sol *s, int round, int clusters)
{
    if (!sp->progress) return;
    int unserved = 0;
    for (int v = 0; v < s->p->n_visits; v++) unserved += s->route_of[v] < 0;
    wp_progress_printf(
        sp->progress, sp->progress_label, wp_clock_now() - sp->budget.start, sp->report_memory,
        "round %d: %d clusters | objective %.1f | unserved %d visits | travel %.1f h", round + 1,
        clusters, wp_sol_cost(s), unserved, s->travel_min / 60);
}

static int find_root(int *parent, int i)
{
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

/* A substitute serves a visit of a client whose helper is in another cluster: both clusters
 * become one, so that every route a cluster loads holds only its own clients' visits. Labels
 * stay in the order of the lowest original cluster. Returns the new number of clusters. */
static int join_substitutes(const wp_sol *sol, int *hcl, int k)
{
    const wp_instance *p = sol->p;
    int *parent = wp_malloc(((size_t)k + 1) * sizeof *parent);
    for (int i = 0; i < k; i++) parent[i] = i;
    for (int v = 0; v < p->n_visits; v++) {
        int r = sol->route_of[v], h = sol->client_helper[p->visit_client[v]];
        if (r < 0 || h < 0) continue;
        int a = find_root(parent, hcl[sol->routes[r].helper]), b = find_root(parent, hcl[h]);
        if (a != b) parent[a > b ? a : b] = a < b ? a : b;
    }
    int *label = wp_malloc(((size_t)k + 1) * sizeof *label), n = 0;
    for (int i = 0; i < k; i++) label[i] = find_root(parent, i) == i ? n++ : -1;
    for (int h = 0; h < p->n_helpers; h++) hcl[h] = label[find_root(parent, hcl[h])];
    wp_free(label);
    wp_free(parent);
    return n;
}

/* Cluster indices by number of clients, largest first (ties: lower index first). */
static int *largest_first(const int *c_start, int k)
{
    wp_keyed *by = wp_malloc(((size_t)k + 1) * sizeof *by);
    for (int i = 0; i < k; i++) by[i] = (wp_keyed){-(double)(c_start[i + 1] - c_start[i]), i};
    wp_keyed_sort(by, (size_t)k);
    int *order = wp_malloc(((size_t)k + 1) * sizeof *order);
    for (int i = 0; i < k; i++) order[i] = by[i].id;
    wp_free(by);
    return order;
}

static void run_round(wp_sol *sol, const wp_search_params *sp, int round, const wp_budget *budget,
                      wp_search_stats *stats)
{
    const wp_instance *p = sol->p;
    const wp_model *m = p->m;
    int nh = m->n_helpers, nc = m->n_clients;
    int *hcl = wp_malloc(((size_t)nh + 1) * sizeof *hcl);
    int k = wp_decompose_clusters(p, round, hcl);
    if (m->prev) k = join_substitutes(sol, hcl, k);
    /* clients follow their helper; unserved ones go to their nearest candidate's cluster */
    int *ccl = wp_malloc(((size_t)nc + 1) * sizeof *ccl);
    for (int c = 0; c < nc; c++) {
        int h = sol->client_helper[c];
        if (h < 0 && p->cand_start[c + 1] > p->cand_start[c]) h = p->cand[p->cand_start[c]];
        ccl[c] = h >= 0 ? hcl[h] : -1;
    }
    int *c_start = wp_calloc((size_t)k + 2, sizeof *c_start),
        *h_start = wp_calloc((size_t)k + 2, sizeof *h_start);
    for (int c = 0; c < nc; c++)
        if (ccl[c] >= 0) c_start[ccl[c] + 1]++;
    for (int h = 0; h < nh; h++) h_start[hcl[h] + 1]++;
    for (int i = 0; i < k; i++) c_start[i + 1] += c_start[i], h_start[i + 1] += h_start[i];
    int *c_list = wp_malloc(((size_t)nc + 1) * sizeof *c_list),
        *h_list = wp_malloc(((size_t)nh + 1) * sizeof *h_list);
    int *pos = wp_malloc(((size_t)nc + 1) * sizeof *pos);
    int *fill = wp_malloc(((size_t)k + 1) * sizeof *fill);
    memcpy(fill, c_start, (size_t)k * sizeof *fill);
    for (int c = 0; c < nc; c++)
        if (ccl[c] >= 0) {
            pos[c] = fill[ccl[c]] - c_start[ccl[c]];
            c_list[fill[ccl[c]]++] = c;
        }
    memcpy(fill, h_start, (size_t)k * sizeof *fill);
    for (int h = 0; h < nh; h++) h_list[fill[hcl[h]]++] = h;
    int nt = sp->threads > 0 ? sp->threads : 1;
    plan_ctx x = {.p = p,
                  .sol = sol,
                  .sp = sp,
                  .pos_in_cluster = pos,
                  .round = round,
                  .round_budget = budget,
                  .threads = nt,
                  .clusters = k,
                  .last_report = wp_clock_now()};
    cluster_result *res = wp_calloc((size_t)k + 1, sizeof *res);
    /* largest clusters first, so that no thread is left with a big one at the end of the round;
     * results still merge in cluster order */
    int *order = largest_first(c_start, k);
    round_work work = {&x, order, c_list, c_start, h_list, h_start, res};
    wp_workers workers = wp_workers_begin();
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
    for (int j = 0; j < k; j++) wp_worker_run(&workers, plan_jth_cluster, &work, j);
    wp_workers_check(&workers);
    wp_free(order);
    for (int i = 0; i < k; i++) {
        if (res[i].skipped || res[i].cut) stats->stopped_by = "time_limit";
        if (!res[i].skipped) merge(sol, &res[i]);
        stats->iterations += res[i].iterations;
        stats->iterations_given += res[i].iterations_given;
        free_result(&res[i]);
    }
    wp_free(res), wp_free(fill), wp_free(pos), wp_free(c_list), wp_free(h_list), wp_free(c_start),
        wp_free(h_start);
    wp_free(ccl), wp_free(hcl);
    report_round(sp, sol, round, k);
}

void wp_decompose_improve(const wp_instance *p, wp_sol *sol, const wp_search_params *sp,
                          wp_search_stats *stats)
{
    /* a second round with shifted clusters lets clients cross cluster borders; a repair, whose
     * clients mostly stay where they were, spends its whole share in one round */
    static const double round_share[] = {0.55, 0.35}, one_round[] = {0.9};
    const double *share = p->m->prev ? one_round : round_share;
    int rounds = p->m->prev ? 1 : 2;
    /* the rounds share what is left after construction, keeping 5% for the regret pass */
    wp_budget left = wp_budget_rest(&sp->budget, 0.95);
    stats->stopped_by = "iterations";
    for (int round = 0; round < rounds; round++) {
        double span = share[round] * (left.deadline - left.start);
        if (wp_interrupted()) break;
        if (wp_clock_now() + span > sp->budget.deadline) { /* no time for this round's work */
            stats->stopped_by = "time_limit";
            break;
        }
        wp_budget rb = wp_budget_part(&left, share[round], 1);
        run_round(sol, sp, round, &rb, stats);
    }
    /* whoever is still unserved may take any candidate helper */
    wp_regret_insert(sol, NULL, p->n_clients);
    wp_sol_resync(sol);
    if (wp_budget_left(&sp->budget) <= 0) stats->stopped_by = "time_limit";
}
