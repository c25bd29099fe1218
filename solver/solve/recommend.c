/* Intake recommendations (see wijkplan/recommend.h): the roster becomes a plan under search
 * exactly as it is, and the client is planned with each eligible helper by the same insertion
 * that recreate and repair use (search/insert.h), nothing else moving. Each option is applied,
 * measured and taken out again, so every figure is the plan's own, not an estimate. */
#include <wijkplan/recommend.h>

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/jread.h"

#include "error/guard.h"
#include "io/scenario_load.h"
#include "kpi/kpi.h"
#include "contract/market.h"
#include "model/scenario_internal.h"
#include "search/cost.h"
#include "search/extract.h"
#include "search/insert.h"
#include "search/reasons.h"
#include "search/solution.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/keyed.h"

void wp_recommendations_free(wp_recommendations *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n_options; i++) {
        wp_free(r->options[i].helper);
        wp_free(r->options[i].provider);
        wp_free(r->options[i].visits);
    }
    wp_free(r->options);
    wp_free(r->client);
    wp_free(r->reason);
    wp_free(r);
}

/* The roster's routes as a plan, visits in the roster's order with their whole windows. Each
 * route must name the scenario's helpers and clients and still hold under its rules (days,
 * eligibility, windows and hours), else the roster is not this scenario's: an input error
 * naming the route. A repair's substitutes (a client with two helpers) are taken as they are. */
static wp_status load_plan(wp_sol *s, const wp_roster *r, wp_error *err)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    for (size_t i = 0; i < r->n_routes; i++) {
        const wp_roster_route *rt = &r->routes[i];
        int h = wp_strmap_get(&m->helper_ids, rt->helper);
        if (h < 0 || rt->day < 0 || rt->day >= WP_DAYS || !wp_helper_works(m, h, rt->day))
            return wp_error_add(err, WP_ERR_INPUT, NULL, "roster", 0, 0,
                                "routes[%zu]: helper \"%s\" does not work on that day in the "
                                "scenario; is the roster this scenario's? (run validate)",
                                i, rt->helper);
        int ri = wp_route_index(h, rt->day);
        for (size_t k = 0; k < rt->n_visits; k++) {
            int c = wp_strmap_get(&m->client_ids, rt->visits[k].client);
            int idx = rt->visits[k].visit;
            bool ok = c >= 0 && idx >= 0 && idx < m->clients[c].n_visits;
            int v = ok ? m->clients[c].first_visit + idx : -1;
            ok = ok && s->route_of[v] < 0 && (m->visits[v].days >> rt->day & 1) &&
                 wp_instance_eligible(p, h, c);
            if (!ok)
                return wp_error_add(err, WP_ERR_INPUT, NULL, "roster", 0, 0,
                                    "routes[%zu].visits[%zu]: client \"%s\" visit %d cannot be "
                                    "there in the scenario (run validate)",
                                    i, k, rt->visits[k].client, idx);
            if (s->client_helper[c] < 0) wp_sol_set_helper(s, c, h);
            wp_sol_insert(s, v, ri, s->routes[ri].n + 1);
        }
        const wp_route *R = &s->routes[ri];
        double dur;
        if (R->n && (!wp_route_fits(p, h, rt->day, R->fwd[R->n + 1], R->load[R->n], R->n, &dur) ||
                     !wp_week_allows(p, h, s->helper_week[h])))
            return wp_error_add(err, WP_ERR_INPUT, NULL, "roster", 0, 0,
                                "routes[%zu]: the route of %s on %s breaks its windows or hours in "
                                "the scenario (run validate)",
                                i, rt->helper, wp_day_name(rt->day));
    }
    return WP_OK;
}

/* The SPEC objective's change when plan `p` serves client c, the client's own unserved care
 * aside (so that a client new to the roster and a waiting one compare alike). */
static double added_objective(const wp_sol *s, const wp_client_plan *plan, double added_travel,
                              int routes_added, int helpers_added)
{
    const wp_model *m = s->p->m;
    const wp_objective *o = &m->objective;
    int pair = m->clients[plan->client].helper;
    return o->travel_minute * added_travel + o->helper_day * routes_added +
           o->helper * helpers_added + (pair >= 0 && pair != plan->helper ? o->broken_pair : 0);
}

typedef struct candidate {
    wp_client_plan plan;
    double travel, objective;
    int day[WP_MAX_CLIENT_VISITS];
    double start[WP_MAX_CLIENT_VISITS];
} candidate;

/* Applies the plan, measures it and takes it out again; false unless it serves every visit. */
static bool measure(wp_sol *s, const wp_client_plan *plan, candidate *out)
{
    const wp_model *m = s->p->m;
    if (plan->n_placed != m->clients[plan->client].n_visits) return false;
    double travel = s->travel_min;
    int routes = s->routes_used, helpers = s->helpers_used;
    wp_plan_apply(s, plan);
    out->plan = *plan;
    out->travel = s->travel_min - travel;
    out->objective =
        added_objective(s, plan, out->travel, s->routes_used - routes, s->helpers_used - helpers);
    for (int i = 0; i < plan->n_placed; i++) {
        int v = plan->visit[i];
        out->day[i] = s->routes[s->route_of[v]].day;
        out->start[i] = wp_extract_visit_start(s, v);
    }
    wp_unassign_client(s, plan->client);
    return true;
}

static int cmp_candidate(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->objective != y->objective) return x->objective < y->objective ? -1 : 1;
    return x->plan.helper - y->plan.helper;
}

static void fill_option(const wp_sol *s, const candidate *cd, int rank, wp_recommend_option *o)
{
    const wp_model *m = s->p->m;
    const wp_client_def *cl = &m->clients[cd->plan.client];
    int h = cd->plan.helper, p = s->p->mk->helper_provider[h];
    o->rank = rank;
    o->helper = wp_strdup(m->helpers[h].id);
    o->provider = wp_strdup(m->providers[p].id);
    o->pair_kept = cl->helper == h;
    o->provider_kept = cl->provider < 0 || cl->provider == p;
    o->n_visits = (size_t)cd->plan.n_placed;
    o->visits = wp_calloc(o->n_visits + 1, sizeof *o->visits);
    for (int i = 0; i < cd->plan.n_placed; i++)
        o->visits[i] =
            (wp_recommend_visit){m->visits[cd->plan.visit[i]].index, cd->day[i], cd->start[i]};
    o->added_travel_min = cd->travel;
    o->added_objective = cd->objective;
}

/* The client exists and the roster does not serve it already. */
static wp_status check_inputs(const wp_scenario *sc, const wp_roster *r, const char *client, int *c,
                              wp_error *err)
{
    const wp_model *m = &sc->model;
    *c = wp_strmap_get(&m->client_ids, client);
    if (*c < 0)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--client", 0, 0,
                            "no client \"%s\" in the scenario", client);
    for (size_t i = 0; i < r->n_routes; i++)
        for (size_t k = 0; k < r->routes[i].n_visits; k++)
            if (strcmp(r->routes[i].visits[k].client, client) == 0)
                return wp_error_add(err, WP_ERR_INPUT, NULL, "--client", 0, 0,
                                    "client %s is already served by the roster (helper %s)", client,
                                    r->routes[i].helper);
    return WP_OK;
}

/* Who may serve whom as the roster has it: its awards (per_district) and its transfers. */
static void market_of_roster(const wp_model *m, const wp_roster *r, wp_market *mk)
{
    wp_awards awards = {0};
    bool per_district = m->contracting.model == WP_PER_DISTRICT && r->has_awards;
    if (per_district) {
        awards.n_districts = m->n_districts;
        awards.count = wp_calloc((size_t)m->n_districts + 1, sizeof *awards.count);
        awards.providers = wp_calloc((size_t)m->n_districts + 1, sizeof *awards.providers);
        for (size_t i = 0; i < r->n_awards; i++) {
            int d = wp_strmap_get(&m->district_ids, r->awards[i].district);
            if (d < 0 || awards.providers[d]) continue;
            awards.providers[d] = wp_calloc(r->awards[i].n_providers + 1, sizeof(int));
            for (size_t k = 0; k < r->awards[i].n_providers; k++) {
                int pr = wp_strmap_get(&m->provider_ids, r->awards[i].providers[k]);
                if (pr >= 0) awards.providers[d][awards.count[d]++] = pr;
            }
        }
    }
    int *providers = wp_kpi_helper_providers(m, r);
    wp_market_build(mk, m, m->contracting.model, per_district ? &awards : NULL, providers);
    if (m->contracting.pairs_continue) wp_market_continue_pairs(mk, m);
    wp_free(providers);
    wp_awards_free(&awards);
}

static wp_status recommend_unguarded(const wp_scenario *sc, const wp_roster *r, const char *client,
                                     int k, wp_recommendations **out, wp_error *err)
{
    *out = NULL;
    int c;
    wp_status st = check_inputs(sc, r, client, &c, err);
    if (st != WP_OK) return st;
    const wp_model *m = &sc->model;
    wp_market mk;
    market_of_roster(m, r, &mk);
    wp_instance p;
    /* every eligible helper: a helper living far away may pass the door on some day, and the
     * answer must be the best insertion with everyone else fixed (measured: bench/recommend.sh) */
    wp_instance_build_for(&p, m, &mk, 0, c);
    unsigned long clock = 0;
    wp_sol s;
    wp_sol_init(&s, &p, &clock);
    st = load_plan(&s, r, err);
    if (st != WP_OK) {
        wp_sol_free(&s);
        wp_instance_free(&p);
        wp_market_free(&mk);
        return st;
    }
    candidate *cands =
        wp_calloc((size_t)p.cand_start[c + 1] - (size_t)p.cand_start[c] + 1, sizeof *cands);
    int n = 0;
    wp_client_plan plan;
    for (int i = p.cand_start[c]; i < p.cand_start[c + 1]; i++)
        if (wp_plan_client(&s, c, p.cand[i], &plan) && measure(&s, &plan, &cands[n])) n++;
    qsort(cands, (size_t)n, sizeof *cands, cmp_candidate);
    wp_recommendations *res = wp_calloc(1, sizeof *res);
    res->client = wp_strdup(client);
    res->n_options = (size_t)(n < k ? n : k);
    res->options = wp_calloc(res->n_options + 1, sizeof *res->options);
    for (size_t i = 0; i < res->n_options; i++)
        fill_option(&s, &cands[i], (int)i + 1, &res->options[i]);
    if (n == 0) res->reason = wp_unserved_reason(&s, m->clients[c].first_visit);
    wp_free(cands);
    wp_sol_free(&s);
    wp_instance_free(&p);
    wp_market_free(&mk);
    *out = res;
    return WP_OK;
}

wp_status wp_recommend(const wp_scenario *sc, const wp_roster *r, const char *client, int k,
                       wp_recommendations **out, wp_error *err)
{
    WP_GUARD_RESET(err, "ranking the helpers for the client", *out = NULL,
                   recommend_unguarded(sc, r, client, k, out, err));
}

/* Waiting clients in the order they are offered a place. */
static int waiting_order(const wp_sol *s, int *clients)
{
    const wp_model *m = s->p->m;
    wp_keyed *key = wp_malloc(((size_t)m->n_clients + 1) * sizeof *key);
    int n = 0;
    for (int c = 0; c < m->n_clients; c++) {
        if (s->client_helper[c] >= 0) continue;
        double minutes = 0;
        for (int k = 0; k < m->clients[c].n_visits; k++)
            minutes += m->visits[m->clients[c].first_visit + k].duration;
        key[n++] = (wp_keyed){-(m->clients[c].priority * 1e7 + minutes), c};
    }
    wp_keyed_sort(key, (size_t)n);
    for (int i = 0; i < n; i++) clients[i] = key[i].id;
    wp_free(key);
    return n;
}

static wp_status recommend_waiting_list_unguarded(const wp_scenario *sc, const wp_roster *r,
                                                  wp_roster **out, int *placed, wp_error *err)
{
    *out = NULL;
    *placed = 0;
    const wp_model *m = &sc->model;
    wp_market mk;
    market_of_roster(m, r, &mk);
    wp_instance p;
    wp_instance_build(&p, m, &mk, m->n_helpers > 64 ? 64 : 0, 0);
    unsigned long clock = 0;
    wp_sol s;
    wp_sol_init(&s, &p, &clock);
    wp_status st = load_plan(&s, r, err);
    int *order = wp_malloc(((size_t)m->n_clients + 1) * sizeof *order);
    int n = st == WP_OK ? waiting_order(&s, order) : 0;
    for (int i = 0; i < n; i++) {
        int c = order[i];
        candidate best, cd;
        bool found = false;
        wp_client_plan plan;
        for (int q = p.cand_start[c]; q < p.cand_start[c + 1]; q++)
            if (wp_plan_client(&s, c, p.cand[q], &plan) && measure(&s, &plan, &cd) &&
                (!found || cmp_candidate(&cd, &best) < 0))
                best = cd, found = true;
        if (!found) continue;
        wp_plan_apply(&s, &best.plan);
        (*placed)++;
    }
    if (st == WP_OK) {
        wp_roster *res = wp_calloc(1, sizeof *res);
        res->pairs_bound = r->pairs_bound;
        wp_extract_roster(&s, res);
        res->scenario = wp_strdup(m->name);
        res->contracting = r->contracting ? wp_strdup(r->contracting) : NULL;
        res->solver = r->solver;
        res->solver.version = r->solver.version ? wp_strdup(r->solver.version) : NULL;
        res->solver.stopped_by = r->solver.stopped_by ? wp_strdup(r->solver.stopped_by) : NULL;
        wp_kpi_compute(m, res, -1, &res->kpi);
        *out = res;
    }
    wp_free(order);
    wp_sol_free(&s);
    wp_instance_free(&p);
    wp_market_free(&mk);
    return st;
}

wp_status wp_recommend_waiting_list(const wp_scenario *sc, const wp_roster *r, wp_roster **out,
                                    int *placed, wp_error *err)
{
    WP_GUARD_RESET(err, "planning the waiting list", *out = NULL,
                   recommend_waiting_list_unguarded(sc, r, out, placed, err));
}

static wp_status scenario_load_with_client_unguarded(const char *scenario_path,
                                                     const char *client_path, wp_scenario **out,
                                                     const char **client_id, wp_error *err)
{
    *out = NULL;
    *client_id = NULL;
    size_t len, clen;
    char *text = wp_file_read(scenario_path, &len, "scenario", err);
    if (!text) return WP_ERR_INPUT;
    char *ctext = wp_file_read(client_path, &clen, "client", err);
    cJSON *root = ctext ? wp_json_parse(text, len, scenario_path, err) : NULL;
    cJSON *client = root ? wp_json_parse(ctext, clen, client_path, err) : NULL;
    wp_free(text);
    wp_free(ctext);
    wp_status s = client ? WP_OK : WP_ERR_INPUT;
    const cJSON *id = client ? cJSON_GetObjectItemCaseSensitive(client, "id") : NULL;
    cJSON *clients = root ? cJSON_GetObjectItemCaseSensitive(root, "clients") : NULL;
    if (s == WP_OK && (!cJSON_IsObject(client) || !cJSON_IsString(id)))
        s = wp_error_add(err, WP_ERR_INPUT, client_path, NULL, 0, 0,
                         "must hold one client object with an \"id\", as in a scenario");
    if (s == WP_OK && !cJSON_IsArray(clients))
        s = wp_error_add(err, WP_ERR_INPUT, scenario_path, "clients", 0, 0,
                         "missing: a scenario to add a client to needs its \"clients\"");
    if (s == WP_OK) {
        cJSON_AddItemToArray(clients, client);
        client = NULL;
        wp_scenario *sc = wp_calloc(1, sizeof *sc);
        char *dir = wp_path_dirname(scenario_path);
        s = wp_scenario_load_json(root, scenario_path, dir, &sc->model, err);
        wp_free(dir);
        if (s == WP_OK) {
            *client_id = sc->model.clients[sc->model.n_clients - 1].id;
            *out = sc;
        } else {
            wp_free(sc);
        }
    }
    cJSON_Delete(client);
    cJSON_Delete(root);
    return s;
}

wp_status wp_scenario_load_with_client(const char *scenario_path, const char *client_path,
                                       wp_scenario **out, const char **client_id, wp_error *err)
{
    WP_GUARD_RESET(
        err, "loading the scenario and the client", *client_id = NULL,
        scenario_load_with_client_unguarded(scenario_path, client_path, out, client_id, err));
}
