/* The parallel search on one instance: ALNS threads in epochs, sharing the best plan.
 *
 * Threads run independent searches (own generator, plans and buffers) in epochs of a fixed
 * number of iterations. Between epochs, on one thread, the best plan of all (lowest cost, ties
 * to the lowest thread) is shared: every thread keeps it as its best, and the thread whose
 * current plan is worst restarts from it. Epoch lengths, the iteration budget and the
 * temperatures depend only on the input, the seed and the thread count, so the result is the
 * same every run unless the time limit cuts the search short. */
#include "search/parallel.h"

#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/solve.h>

#include "search/alns.h"
#include "search/eject.h"
#include "search/insert.h"
#include "search/recreate.h"
#include "search/instance.h"
#include "search/ls.h"
#include "search/solution.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/progress.h"
#include "util/clock.h"

void wp_search_params_default(wp_search_params *p)
{
    memset(p, 0, sizeof *p);
    p->seed = 1;
    p->threads = 1;
    p->budget = wp_budget_begin(WP_DEFAULT_TIME_LIMIT_S, 0, false);
    p->repair_budget_share = WP_REPAIR_BUDGET_SHARE;
}

double wp_search_nominal_rate(const wp_sol *s)
{
    int served = 0, routes = 0;
    for (int v = 0; v < s->p->n_visits; v++) served += s->route_of[v] >= 0;
    for (int r = 0; r < s->n_routes; r++) routes += s->routes[r].n > 0;
    double n = s->p->n_visits > 10 ? s->p->n_visits : 10;
    double len = routes ? (double)served / routes : 1;
    if (len < 1) len = 1;
    /* fitted on Solomon, ConVRP, the demo and a generated Groningen (bench/README.md): within a
     * factor 2 of measured rates; halved so default runs end by budget, reproducibly */
    return 0.5 * 616000.0 / (pow(n, 0.85) * pow(len, 0.6));
}

static void alns_params(const wp_instance *p, const wp_sol *start, wp_alns_params *par)
{
    int served = 0;
    for (int v = 0; v < p->n_visits; v++) served += start->route_of[v] >= 0;
    double per_visit = served ? p->w_travel * start->travel_min / served : 1;
    if (!(per_visit > 0)) per_visit = 1;
    par->t_start = 0.5 * per_visit;
    par->t_end = 0.005 * per_visit;
    /* Ruins take 4 up to 15% of the clients plus 5, at most 40 (SISR's sizes). When clients
     * have several visits a helper's whole client set is what must change (the pair rule ties
     * the visits), so ruins take a quarter of the clients instead. */
    int nc = p->n_clients;
    double visits_per_client = nc ? (double)p->n_visits / nc : 1;
    double share = visits_per_client > 1.5 ? 0.25 : 0.15;
    par->remove_min = nc < 4 ? 1 : 4;
    par->remove_max = (int)fmin(40, fmax(par->remove_min, share * nc + 5));
    if (par->remove_max > nc) par->remove_max = nc;
    if (par->remove_min > par->remove_max) par->remove_min = par->remove_max;
    par->blink = 0.01;
}

void wp_search_report(wp_search_progress *pr, const wp_sol *best, long long iterations, bool force)
{
    if (!pr->out) return;
    double now = wp_clock_now();
    if (!force && now - pr->last < 1.0) return;
    pr->last = now;
    const wp_instance *p = best->p;
    int unserved = 0;
    double unserved_min = 0;
    for (int v = 0; v < p->n_visits; v++)
        if (best->route_of[v] < 0) unserved++, unserved_min += p->visit_dur[v];
    wp_progress_printf(pr->out, pr->label, now - pr->start, pr->memory,
                       "objective %.1f | unserved %d visits (%.1f h) | travel %.1f h | %lld "
                       "iterations",
                       wp_sol_cost(best), unserved, unserved_min / 60, best->travel_min / 60,
                       iterations);
}

/* Index of the thread with the best plan (ties: lowest index). */
static int best_thread(wp_alns *t, int n)
{
    int b = 0;
    for (int i = 1; i < n; i++)
        if (t[i].best_cost < t[b].best_cost - 1e-9) b = i;
    return b;
}

static void share_best(wp_alns *t, int n)
{
    int b = best_thread(t, n), worst = -1;
    for (int i = 0; i < n; i++) {
        if (i == b) continue;
        if (t[i].best_cost > t[b].best_cost + 1e-9) {
            wp_sol_copy(&t[i].best, &t[b].best);
            t[i].best_cost = t[b].best_cost;
        }
        if (worst < 0 || t[i].cur_cost > t[worst].cur_cost + 1e-9) worst = i;
    }
    if (worst >= 0) wp_alns_adopt(&t[worst], &t[b].best, t[b].best_cost);
}

/* The run: budgets, temperatures and the stopping state shared by all phases. */
typedef struct run {
    wp_alns *t;
    int nt;
    long *ran;
    wp_alns_params par;
    bool time_based;
    double start;         /* the solve's start (time-based progress) */
    long long per_thread; /* iteration budget per thread */
    long long done;       /* iterations done per thread */
    long epoch;
    long n;          /* this epoch: iterations per thread */
    double from, to; /* this epoch: its span of the run, 0..1 */
    bool cut;        /* the time limit stopped the search */
    wp_search_stats *stats;
    wp_search_progress *pr;
} run;

static int served_visits(const wp_sol *s);

/* One epoch of thread i's search. */
static void run_thread_epoch(void *run_, int i)
{
    run *r = run_;
    r->ran[i] = wp_alns_run(&r->t[i], r->n, r->from, r->to, &r->par, r->time_based, r->start);
}

/* Runs epochs until `until` iterations per thread are done (or, time-based, until the clock
 * reaches `until_time`), or until the best plan serves at least `enough` visits (pass -1 to
 * ignore). Returns false when the time limit cut the run. */
static bool run_epochs(run *r, long long until, double until_time, int enough)
{
    while (r->time_based ? wp_clock_now() < until_time : r->done < until) {
        if (enough >= 0 && served_visits(&r->t[best_thread(r->t, r->nt)].best) >= enough) break;
        long n = r->time_based ? r->epoch : (long)fmin((double)r->epoch, (double)(until - r->done));
        double from = (double)r->done / (double)r->per_thread;
        double to = (double)(r->done + n) / (double)r->per_thread;
        /* one plan per thread index: results do not depend on which OS thread runs it */
        r->n = n, r->from = from, r->to = to;
        wp_workers workers = wp_workers_begin();
#pragma omp parallel for num_threads(r->nt) schedule(static, 1)
        for (int i = 0; i < r->nt; i++) wp_worker_run(&workers, run_thread_epoch, r, i);
        wp_workers_check(&workers);
        r->done += n;
        share_best(r->t, r->nt);
        long long total = 0;
        for (int i = 0; i < r->nt; i++) total += r->t[i].iterations;
        r->stats->iterations = total;
        wp_search_report(r->pr, &r->t[best_thread(r->t, r->nt)].best, total, false);
        for (int i = 0; i < r->nt; i++) r->cut |= r->ran[i] < n;
        if (r->cut || wp_clock_now() >= r->par.deadline || wp_interrupted()) {
            r->cut = true;
            return false;
        }
    }
    return true;
}

static int served_visits(const wp_sol *s)
{
    int n = 0;
    for (int v = 0; v < s->p->n_visits; v++) n += s->route_of[v] >= 0;
    return n;
}

/* Every thread continues from plan s, which also becomes its best. */
static void restart_all(run *r, const wp_sol *s)
{
    double cost = wp_sol_cost(s);
    for (int i = 0; i < r->nt; i++) {
        wp_sol_copy(&r->t[i].cur, s);
        wp_sol_copy(&r->t[i].best, s);
        r->t[i].cur_cost = r->t[i].best_cost = cost;
    }
}

/* The helper serving the fewest visits in g, skipping those in `tried`, or -1; *used counts
 * the helpers with a route. */
static int fleet_victim(const wp_sol *g, const bool *tried, int *used)
{
    const wp_instance *p = g->p;
    int victim = -1, fewest = 0;
    *used = 0;
    for (int h = 0; h < p->n_helpers; h++) {
        if (!g->helper_routes[h]) continue;
        ++*used;
        if (tried[h]) continue;
        int n = 0;
        for (int d = 0; d < WP_DAYS; d++) n += g->routes[wp_route_index(h, d)].n;
        if (victim < 0 || n < fewest) victim = h, fewest = n;
    }
    return victim;
}

#define FLEET_ATTEMPTS         6  /* an attempt may use this share of the phase (1/6) */
#define FLEET_MISSES           5  /* victims tried in a row without success before the phase ends */
#define EJECT_STEPS_PER_CLIENT 20 /* ejection-pool steps of an attempt, per client of the plan */

/* Fleet minimisation, when helpers or routes cost something: repeatedly switch off a helper
 * (the one serving the fewest visits, and every unused one), re-plan its clients elsewhere
 * (recreate, then the ejection pool for those that fit nowhere), search, and keep the result only
 * if no visit was lost and the cost fell (cf. the fleet minimisation of Christiaens and Vanden
 * Berghe 2020). An attempt may use a sixth of the phase; after a failure the next-smallest helper
 * is tried, up to FLEET_MISSES in a row. Runs until `end_share` of the budget. */
static void fleet_phase(run *r, double end_share)
{
    const wp_instance *p = r->t[0].p;
    wp_sol trial = {0}, keep = {0};
    wp_sol_init(&trial, p, &r->t[0].clock);
    wp_sol_init(&keep, p, &r->t[0].clock);
    long long phase_end = (long long)(end_share * r->per_thread);
    double phase_time = r->start + end_share * (r->par.deadline - r->start);
    long long attempt_len = (phase_end - r->done) / FLEET_ATTEMPTS;
    double attempt_time = (phase_time - wp_clock_now()) / FLEET_ATTEMPTS;
    if (attempt_len < 1) attempt_len = 1;
    int *clients = wp_malloc(((size_t)p->n_clients + 1) * sizeof(int));
    bool *tried = wp_calloc((size_t)p->n_helpers + 1, sizeof *tried);
    int misses = 0;
    for (;;) {
        if (r->time_based ? wp_clock_now() >= phase_time : r->done >= phase_end) break;
        const wp_sol *g = &r->t[best_thread(r->t, r->nt)].best;
        int used;
        int victim = fleet_victim(g, tried, &used);
        if (victim < 0 || used < 2) break;
        wp_sol_copy(&keep, g);
        double keep_cost = wp_sol_cost(&keep);
        int keep_served = served_visits(&keep);
        wp_sol_copy(&trial, g);
        int n = 0;
        for (int c = 0; c < p->n_clients; c++)
            if (trial.client_helper[c] == victim) {
                wp_unassign_client(&trial, c);
                clients[n++] = c;
            }
        /* the victim and every helper not in use are off: the clients must fit in the rest */
        for (int h = 0; h < p->n_helpers; h++)
            trial.helper_off[h] = h == victim || !g->helper_routes[h];
        wp_recreate(&trial, &r->t[0].rng, clients, n, 0, r->t[0].keys);
        /* an attempt ends once every visit is back, or after its share of the phase */
        long long until = r->done + attempt_len < phase_end ? r->done + attempt_len : phase_end;
        double until_time = fmin(phase_time, wp_clock_now() + attempt_time);
        /* what recreate could not place goes through the ejection pool first */
        wp_eject_place(&trial, &r->t[0].ls, clients, n, EJECT_STEPS_PER_CLIENT * p->n_clients,
                       until_time);
        restart_all(r, &trial);
        bool in_time = r->time_based ? run_epochs(r, 0, until_time, keep_served)
                                     : run_epochs(r, until, 0, keep_served);
        const wp_sol *res = &r->t[best_thread(r->t, r->nt)].best;
        bool success = served_visits(res) >= keep_served && wp_sol_cost(res) < keep_cost - 1e-9;
        wp_progress_printf(r->pr->out, r->pr->label, wp_clock_now() - r->start, false,
                           "fleet: %s without helper %s (%d of %d visits served)",
                           success ? "planned" : "could not plan", p->m->helpers[victim].id,
                           served_visits(res), keep_served);
        if (success) {
            misses = 0;
            memset(tried, 0, (size_t)p->n_helpers * sizeof *tried);
        } else {
            restart_all(r, &keep);
            tried[victim] = true;
            if (++misses >= FLEET_MISSES) break;
        }
        if (!in_time) break;
    }
    /* every helper is available again for the rest of the search */
    for (int i = 0; i < r->nt; i++)
        for (int h = 0; h < p->n_helpers; h++)
            r->t[i].cur.helper_off[h] = r->t[i].best.helper_off[h] = 0;
    wp_free(tried);
    wp_free(clients);
    wp_sol_free(&trial);
    wp_sol_free(&keep);
}

void wp_search_improve(const wp_instance *p, wp_sol *sol, const wp_search_params *sp,
                       wp_search_stats *stats, FILE *out)
{
    const wp_budget *b = &sp->budget;
    wp_search_progress pr_local = {out, sp->progress_label, sp->report_memory, b->start,
                                   wp_clock_now()};
    wp_search_progress *pr = &pr_local;
    run r = {0};
    r.nt = sp->threads > 0 ? sp->threads : 1;
    r.stats = stats;
    r.pr = pr;
    r.start = b->start;
    r.time_based = b->time_based;
    alns_params(p, sol, &r.par);
    r.par.deadline = b->deadline - fmin(0.05 * (b->deadline - b->start), 0.2) - 0.02;
    long long budget = wp_budget_iterations(b, wp_search_nominal_rate(sol), r.nt);
    if (budget < r.nt) budget = r.nt;
    r.per_thread = (budget + r.nt - 1) / r.nt;
    stats->iterations_given += r.per_thread * r.nt;
    r.epoch = (long)fmin(2000, fmax(50, r.per_thread / 40));
    /* the start is a local optimum: local search later only re-tests what changed */
    wp_rng rng;
    wp_rng_seed(&rng, sp->seed, 0);
    wp_ls ls;
    wp_ls_init(&ls, p, &rng);
    wp_ls_run(&ls, sol);
    wp_ls_free(&ls);
    r.t = wp_calloc((size_t)r.nt, sizeof *r.t);
    r.ran = wp_calloc((size_t)r.nt, sizeof *r.ran);
    for (int i = 0; i < r.nt; i++) wp_alns_init(&r.t[i], p, sol, sp->seed, i);
    /* when helpers cost something: search, then try to do without helpers, then search on */
    if (p->w_helper > 0 || p->w_route > 0) {
        run_epochs(&r, (long long)(0.3 * r.per_thread),
                   b->start + 0.3 * (r.par.deadline - b->start), -1);
        if (!r.cut) fleet_phase(&r, 0.75);
    }
    if (!r.cut) run_epochs(&r, r.per_thread, b->deadline, -1);
    stats->stopped_by = r.cut ? "time_limit" : "iterations";
    int winner = best_thread(r.t, r.nt);
    wp_sol_copy(sol, &r.t[winner].best);
    wp_sol_resync(sol);
    for (int i = 0; i < r.nt; i++) wp_alns_free(&r.t[i]);
    wp_free(r.t);
    wp_free(r.ran);
}
