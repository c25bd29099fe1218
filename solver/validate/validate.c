/* The independent validator. It reads only the scenario (through the loader and the travel
 * formula) and the roster, and rechecks every rule of SPEC.md "Rules a roster must keep",
 * every reported time, distance and load, and every KPI including the objective. It shares no
 * state with the solver: nothing here looks at search structures. */
#include <wijkplan/validate.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi/kpi.h"

#include "error/guard.h"
#include "model/previous.h"
#include "model/scenario_internal.h"
#include "contract/variant.h"
#include "util/alloc.h"
#include "util/daytime.h"

void wp_validate_options_default(wp_validate_options *o)
{
    memset(o, 0, sizeof *o);
    o->staff_transfer = -1;
    o->tolerance = 1e-6;
}

void wp_validation_free(wp_validation *v)
{
    if (!v) return;
    for (size_t i = 0; i < v->n_violations; i++) wp_free(v->violations[i]);
    wp_free(v->violations);
    memset(v, 0, sizeof *v);
}

#define MAX_REPORTED 10000

static void violation(wp_validation *v, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void violation(wp_validation *v, const char *fmt, ...)
{
    if (v->n_violations >= MAX_REPORTED) {
        v->n_violations++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *s = wp_vstrdupf(fmt, ap);
    va_end(ap);
    WP_PUSH(v->violations, v->n_violations, v->cap, s);
}

typedef struct checker {
    const wp_model *m;
    const wp_roster *r;
    wp_validation *out;
    double tol;
    int contract_model;
    int k;             /* per_district: providers per district */
    int max_districts; /* per_district:k:m: most districts one provider wins (0: no limit) */
    bool staff_transfer;
    bool pairs_continue;  /* per_district: a fixed pair may go on across the award */
    int *helper_provider; /* after the roster's transfers */
    bool *award;          /* per_district: [d * P + p] awarded */
    int *visit_route;     /* per visit: route index serving it, or -1 */
    int *visit_day;
    double *visit_start;
    int *visit_unassigned; /* per visit: times listed in unassigned */
    int *client_helper;    /* per client: helper of its served visits that are not a substitute's
                            * (-1 none, -2 several) */
    double *helper_week;
    int *substitutes; /* per client: visits served by a substitute */
} checker;

static bool near(double a, double b, double tol)
{
    return fabs(a - b) <= tol * (1 + fabs(b) * 1e-3);
}

/* ---- contracting, awards, transfers ------------------------------------------------------ */

static void check_transfers(checker *c)
{
    const wp_model *m = c->m;
    const wp_roster *r = c->r;
    c->helper_provider = wp_kpi_helper_providers(m, r);
    bool *seen = wp_calloc((size_t)m->n_helpers + 1, sizeof *seen);
    if (r->n_transfers && !c->staff_transfer)
        violation(c->out, "transfers: %zu helpers change employer but staff transfer is off",
                  r->n_transfers);
    for (size_t i = 0; i < r->n_transfers; i++) {
        const wp_roster_transfer *t = &r->transfers[i];
        int h = wp_strmap_get(&m->helper_ids, t->helper);
        int from = wp_strmap_get(&m->provider_ids, t->from);
        int to = wp_strmap_get(&m->provider_ids, t->to);
        if (h < 0) {
            violation(c->out, "transfers[%zu]: unknown helper \"%s\"", i, t->helper);
            continue;
        }
        if (to < 0) violation(c->out, "transfers[%zu]: unknown provider \"%s\"", i, t->to);
        if (from != m->helpers[h].provider)
            violation(c->out, "transfers[%zu]: helper %s works for %s, not \"%s\"", i, t->helper,
                      m->providers[m->helpers[h].provider].id, t->from);
        if (seen[h]) violation(c->out, "transfers[%zu]: helper %s transferred twice", i, t->helper);
        seen[h] = true;
    }
    wp_free(seen);
}

static void check_awards(checker *c)
{
    const wp_model *m = c->m;
    const wp_roster *r = c->r;
    int D = m->n_districts, P = m->n_providers;
    if (c->contract_model != WP_PER_DISTRICT) return;
    c->award = wp_calloc((size_t)D * (size_t)P + 1, sizeof *c->award);
    if (!r->has_awards) {
        violation(c->out, "awards: per_district contracting needs the roster's awards");
        return;
    }
    bool *listed = wp_calloc((size_t)D + 1, sizeof *listed);
    for (size_t i = 0; i < r->n_awards; i++) {
        const wp_roster_award *a = &r->awards[i];
        int d = wp_strmap_get(&m->district_ids, a->district);
        if (d < 0) {
            violation(c->out, "awards.%s: unknown district", a->district);
            continue;
        }
        listed[d] = true;
        for (size_t k = 0; k < a->n_providers; k++) {
            int p = wp_strmap_get(&m->provider_ids, a->providers[k]);
            if (p < 0)
                violation(c->out, "awards.%s: unknown provider \"%s\"", a->district,
                          a->providers[k]);
            else
                c->award[d * P + p] = true;
        }
        const wp_contracting *sc = &m->contracting;
        bool given =
            sc->model == WP_PER_DISTRICT && sc->awards_given && c->k == sc->providers_per_district;
        if (given) {
            for (int p = 0; p < P; p++) {
                bool want = false;
                for (int k = 0; k < sc->awards.count[d]; k++)
                    want |= sc->awards.providers[d][k] == p;
                if (want != c->award[d * P + p]) {
                    violation(c->out, "awards.%s: differs from the scenario's awards", a->district);
                    break;
                }
            }
        } else {
            /* with a cap on districts per provider, fewer may be left for a district */
            int want = c->k < P ? c->k : P;
            if (c->max_districts > 0 ? (int)a->n_providers > want : (int)a->n_providers != want)
                violation(c->out, "awards.%s: %zu providers, expected %s%d per district",
                          a->district, a->n_providers, c->max_districts > 0 ? "at most " : "",
                          want);
        }
    }
    for (int d = 0; d < D; d++)
        if (!listed[d]) violation(c->out, "awards: district %s has no award", m->districts[d].id);
    for (int p = 0; p < P && c->max_districts > 0; p++) {
        int won = 0;
        for (int d = 0; d < D; d++) won += c->award[d * P + p];
        if (won > c->max_districts)
            violation(c->out, "awards: provider %s wins %d districts, at most %d allowed",
                      m->providers[p].id, won, c->max_districts);
    }
    wp_free(listed);
}

/* ---- routes ------------------------------------------------------------------------------ */

static bool in_availability(const wp_model *m, int h, int d, double start, double end, double tol)
{
    int nw;
    const wp_window *w = wp_helper_windows(m, h, d, &nw);
    for (int k = 0; k < nw; k++)
        if (start >= w[k].from - tol && end <= w[k].to + tol) return true;
    return false;
}

/* A pinned visit is served exactly as pinned: that helper, that day, that start (0.5 min). */
static void check_pin(checker *c, size_t ri, size_t k, int v, int h, int day, double start)
{
    const wp_model *m = c->m;
    const wp_visit_def *vd = &m->visits[v];
    const char *id = m->clients[vd->client].id;
    if (vd->pin_helper >= 0 && vd->pin_helper != h)
        violation(c->out, "routes[%zu].visits[%zu] (%s): pinned to helper %s, served by %s", ri, k,
                  id, m->helpers[vd->pin_helper].id, m->helpers[h].id);
    if (vd->pin_day >= 0 && vd->pin_day != day)
        violation(c->out, "routes[%zu].visits[%zu] (%s): pinned to %s, served on %s", ri, k, id,
                  wp_day_name(vd->pin_day), wp_day_name(day));
    if (!isnan(vd->pin_start) && fabs(start - vd->pin_start) > 0.5)
        violation(c->out, "routes[%zu].visits[%zu] (%s): pinned to start at %.1f, starts at %.1f",
                  ri, k, id, vd->pin_start, start);
}

static void check_visit(checker *c, size_t ri, size_t k, int h, int day, double *t, int *prev,
                        double *km, double *tmin, double *load)
{
    const wp_model *m = c->m;
    const wp_roster_route *rt = &c->r->routes[ri];
    const wp_roster_visit *rv = &rt->visits[k];
    const wp_helper_def *hd = &m->helpers[h];
    int ci = wp_strmap_get(&m->client_ids, rv->client);
    if (ci < 0) {
        violation(c->out, "routes[%zu].visits[%zu]: unknown client \"%s\"", ri, k, rv->client);
        return;
    }
    const wp_client_def *cl = &m->clients[ci];
    if (rv->visit < 0 || rv->visit >= cl->n_visits) {
        violation(c->out, "routes[%zu].visits[%zu]: client %s has no visit %d", ri, k, cl->id,
                  rv->visit);
        return;
    }
    int v = cl->first_visit + rv->visit;
    const wp_visit_def *vd = &m->visits[v];
    if (c->visit_route[v] >= 0)
        violation(c->out, "routes[%zu].visits[%zu]: visit %d of client %s is planned twice", ri, k,
                  rv->visit, cl->id);
    c->visit_route[v] = (int)ri;
    c->visit_day[v] = day;
    c->visit_start[v] = rv->start;
    double leg_km = wp_model_dist(m, *prev, cl->location);
    double leg_min = wp_model_time(m, *prev, cl->location, hd->mode);
    double arrival = *t + leg_min;
    const char *where = cl->id;
    if (!near(rv->travel_km, leg_km, c->tol) || !near(rv->travel_min, leg_min, c->tol))
        violation(c->out,
                  "routes[%zu].visits[%zu] (%s): travel %.6g km / %.6g min, recomputed %.6g km / "
                  "%.6g min",
                  ri, k, where, rv->travel_km, rv->travel_min, leg_km, leg_min);
    if (!near(rv->arrival, arrival, c->tol))
        violation(c->out, "routes[%zu].visits[%zu] (%s): arrival %.6f, recomputed %.6f", ri, k,
                  where, rv->arrival, arrival);
    if (rv->start < arrival - c->tol)
        violation(
            c->out,
            "routes[%zu].visits[%zu] (%s): starts at %.6f before the helper can arrive at %.6f", ri,
            k, where, rv->start, arrival);
    const wp_window *win = &vd->given_window;
    if (rv->start < win->from - c->tol || rv->start > win->to + c->tol)
        violation(c->out, "routes[%zu].visits[%zu] (%s): start %.6f outside its window [%g, %g]",
                  ri, k, where, rv->start, win->from, win->to);
    check_pin(c, ri, k, v, h, day, rv->start);
    for (int i = 0; i < cl->n_excluded; i++)
        if (cl->excluded[i] == h)
            violation(c->out,
                      "routes[%zu].visits[%zu] (%s): helper %s is one of the client's "
                      "excluded_helpers",
                      ri, k, where, hd->id);
    bool substitute = wp_is_substitute(m, ci, h, day);
    if (rv->substitute && !substitute)
        violation(c->out,
                  "routes[%zu].visits[%zu] (%s): marked substitute, but the client's helper of "
                  "the week %s",
                  ri, k, where,
                  !m->prev                        ? "is unknown (validate with --previous)"
                  : m->prev->week_helper[ci] < 0  ? "does not exist"
                  : m->prev->week_helper[ci] == h ? "serves it"
                                                  : "is not absent that day");
    else if (!rv->substitute && substitute)
        violation(c->out,
                  "routes[%zu].visits[%zu] (%s): a substitute for absent helper %s, not marked "
                  "\"substitute\"",
                  ri, k, where, m->helpers[m->prev->week_helper[ci]].id);
    if (!(vd->given_days >> day & 1))
        violation(c->out, "routes[%zu].visits[%zu] (%s): %s is not an allowed day", ri, k, where,
                  wp_day_name(day));
    if (!near(rv->end, rv->start + vd->duration, c->tol))
        violation(c->out, "routes[%zu].visits[%zu] (%s): end %.6f, expected start + %g", ri, k,
                  where, rv->end, vd->duration);
    if (!wp_helper_qualified(m, h, ci))
        violation(
            c->out,
            "routes[%zu].visits[%zu] (%s): helper %s lacks the client's skills or qualification",
            ri, k, where, hd->id);
    int p = c->helper_provider[h];
    if (c->contract_model == WP_PER_DISTRICT) {
        bool continues = c->pairs_continue && cl->helper == h;
        if (c->award && cl->district >= 0 && !c->award[cl->district * m->n_providers + p] &&
            !continues)
            violation(c->out,
                      "routes[%zu].visits[%zu] (%s): provider %s is not awarded district %s", ri, k,
                      where, m->providers[p].id, m->districts[cl->district].id);
    } else if (cl->provider >= 0 && p != cl->provider) {
        violation(c->out,
                  "routes[%zu].visits[%zu] (%s): helper of %s serves a client of %s (open house)",
                  ri, k, where, m->providers[p].id, m->providers[cl->provider].id);
    }
    if (substitute) {
        c->substitutes[ci]++;
    } else if (c->client_helper[ci] == -1) {
        c->client_helper[ci] = h;
    } else if (c->client_helper[ci] != h) {
        c->client_helper[ci] = -2;
    }
    *km += leg_km;
    *tmin += leg_min;
    *load += vd->load;
    *t = rv->end;
    *prev = cl->location;
}

static void check_route(checker *c, size_t ri, bool *seen_day)
{
    const wp_model *m = c->m;
    const wp_roster_route *rt = &c->r->routes[ri];
    int h = wp_strmap_get(&m->helper_ids, rt->helper);
    if (h < 0) {
        violation(c->out, "routes[%zu]: unknown helper \"%s\"", ri, rt->helper);
        return;
    }
    const wp_helper_def *hd = &m->helpers[h];
    int d = rt->day;
    if (d < 0 || d >= WP_DAYS) {
        violation(c->out, "routes[%zu]: invalid day", ri);
        return;
    }
    if (seen_day[h * WP_DAYS + d])
        violation(c->out, "routes[%zu]: helper %s has two routes on %s", ri, hd->id,
                  wp_day_name(d));
    seen_day[h * WP_DAYS + d] = true;
    if (hd->absent >> d & 1)
        violation(c->out, "routes[%zu]: helper %s is absent on %s", ri, hd->id, wp_day_name(d));
    else if (!in_availability(m, h, d, rt->start, rt->end, c->tol))
        violation(c->out,
                  "routes[%zu]: helper %s works %.6f-%.6f on %s, outside every availability window",
                  ri, hd->id, rt->start, rt->end, wp_day_name(d));
    if (rt->end - rt->start > hd->day_max_min + c->tol)
        violation(c->out, "routes[%zu]: %.1f minutes exceed helper %s's %.1f minutes per day", ri,
                  rt->end - rt->start, hd->id, hd->day_max_min);
    if ((long)rt->n_visits > hd->max_visits_per_day)
        violation(c->out, "routes[%zu]: %zu visits exceed helper %s's %d per day", ri, rt->n_visits,
                  hd->id, hd->max_visits_per_day);
    if (rt->n_visits == 0) violation(c->out, "routes[%zu]: route without visits", ri);
    double t = rt->start, km = 0, tmin = 0, load = 0;
    int prev = hd->home;
    for (size_t k = 0; k < rt->n_visits; k++)
        check_visit(c, ri, k, h, d, &t, &prev, &km, &tmin, &load);
    double home_min = wp_model_time(m, prev, hd->home, hd->mode);
    km += wp_model_dist(m, prev, hd->home);
    tmin += home_min;
    if (rt->end < t + home_min - c->tol)
        violation(c->out,
                  "routes[%zu]: helper %s is home at %.6f, before the way home ends at %.6f", ri,
                  hd->id, rt->end, t + home_min);
    if (!near(rt->travel_km, km, c->tol) || !near(rt->travel_min, tmin, c->tol))
        violation(c->out, "routes[%zu]: travel %.6g km / %.6g min, recomputed %.6g km / %.6g min",
                  ri, rt->travel_km, rt->travel_min, km, tmin);
    if (load > hd->capacity + c->tol)
        violation(c->out, "routes[%zu]: load %g exceeds helper %s's capacity %g", ri, load, hd->id,
                  hd->capacity);
    if (!near(rt->load, load, c->tol))
        violation(c->out, "routes[%zu]: load %g, recomputed %g", ri, rt->load, load);
    c->helper_week[h] += rt->end - rt->start;
}

/* ---- clients ----------------------------------------------------------------------------- */

static void check_clients(checker *c)
{
    const wp_model *m = c->m;
    for (size_t i = 0; i < c->r->n_unassigned; i++) {
        const wp_roster_unassigned *u = &c->r->unassigned[i];
        int ci = wp_strmap_get(&m->client_ids, u->client);
        if (ci < 0 || u->visit < 0 || u->visit >= m->clients[ci].n_visits) {
            violation(c->out, "unassigned[%zu]: unknown client or visit (%s, %d)", i, u->client,
                      u->visit);
            continue;
        }
        int v = m->clients[ci].first_visit + u->visit;
        c->visit_unassigned[v]++;
        if (!near(u->minutes, m->visits[v].duration, c->tol))
            violation(c->out, "unassigned[%zu]: %g minutes, the visit takes %g", i, u->minutes,
                      m->visits[v].duration);
    }
    for (int ci = 0; ci < m->n_clients; ci++) {
        const wp_client_def *cl = &m->clients[ci];
        double lo = INFINITY, hi = -INFINITY;
        for (int k = 0; k < cl->n_visits; k++) {
            int v = cl->first_visit + k;
            int times = (c->visit_route[v] >= 0) + c->visit_unassigned[v];
            if (times == 0)
                violation(c->out, "client %s visit %d is neither planned nor unassigned", cl->id,
                          k);
            if (times > 1)
                violation(c->out, "client %s visit %d is listed %d times", cl->id, k, times);
            if (c->visit_route[v] < 0) continue;
            if (c->visit_start[v] < lo) lo = c->visit_start[v];
            if (c->visit_start[v] > hi) hi = c->visit_start[v];
            for (int j = 0; j < k; j++) {
                int u = cl->first_visit + j;
                if (c->visit_route[u] < 0) continue;
                int gap = abs(c->visit_day[v] - c->visit_day[u]);
                if (gap == 0) /* README: a client's visits are on different days, always */
                    violation(c->out, "client %s visits %d and %d are both on %s", cl->id, j, k,
                              wp_day_name(c->visit_day[v]));
                else if (gap < cl->min_days_between)
                    violation(c->out,
                              "client %s visits %d and %d are %d days apart, at least %d required",
                              cl->id, j, k, gap, cl->min_days_between);
            }
        }
        if (c->client_helper[ci] == -2)
            violation(c->out, "client %s is served by more than one helper (pair rule)", cl->id);
        if (c->client_helper[ci] == -1 && c->substitutes[ci])
            c->client_helper[ci] = m->prev->week_helper[ci]; /* only substitutes: the pair holds */
        if (cl->consistency_min >= 0 && hi - lo > cl->consistency_min + c->tol)
            violation(
                c->out,
                "client %s visits start %.1f minutes apart in time of day, at most %g allowed",
                cl->id, hi - lo, cl->consistency_min);
    }
    for (int h = 0; h < m->n_helpers; h++)
        if (c->helper_week[h] > m->helpers[h].week_min + c->tol)
            violation(c->out, "helper %s works %.1f minutes this week, contract %.1f",
                      m->helpers[h].id, c->helper_week[h], m->helpers[h].week_min);
}

static bool same_id(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

static void check_assignments(checker *c)
{
    const wp_model *m = c->m;
    bool *listed = wp_calloc((size_t)m->n_clients + 1, sizeof *listed);
    for (size_t i = 0; i < c->r->n_assignments; i++) {
        const wp_roster_assignment *a = &c->r->assignments[i];
        int ci = wp_strmap_get(&m->client_ids, a->client);
        if (ci < 0) {
            violation(c->out, "assignments[%zu]: unknown client \"%s\"", i, a->client);
            continue;
        }
        const wp_client_def *cl = &m->clients[ci];
        if (listed[ci]) violation(c->out, "assignments[%zu]: client %s assigned twice", i, cl->id);
        listed[ci] = true;
        int h = c->client_helper[ci];
        if (h < 0) {
            violation(c->out, "assignments[%zu]: client %s has no planned visit", i, cl->id);
            continue;
        }
        const char *prev_p = cl->provider >= 0 ? m->providers[cl->provider].id : NULL;
        const char *prev_h = cl->helper >= 0 ? m->helpers[cl->helper].id : NULL;
        if (!same_id(a->helper, m->helpers[h].id))
            violation(c->out, "assignments[%zu]: client %s is planned with %s, not %s", i, cl->id,
                      m->helpers[h].id, a->helper);
        if (!same_id(a->provider, m->providers[c->helper_provider[h]].id))
            violation(c->out, "assignments[%zu]: provider %s, but helper %s works for %s", i,
                      a->provider, m->helpers[h].id, m->providers[c->helper_provider[h]].id);
        if (!same_id(a->previous_provider, prev_p) || !same_id(a->previous_helper, prev_h))
            violation(c->out, "assignments[%zu]: previous provider/helper differ from the scenario",
                      i);
        if (a->pair_kept != (cl->helper >= 0 && cl->helper == h))
            violation(c->out, "assignments[%zu]: pair_kept is %s but should be %s", i,
                      a->pair_kept ? "true" : "false", a->pair_kept ? "false" : "true");
    }
    for (int ci = 0; ci < m->n_clients; ci++)
        if (c->client_helper[ci] >= 0 && !listed[ci])
            violation(c->out, "client %s is planned but has no assignment", m->clients[ci].id);
    wp_free(listed);
}

/* ---- KPIs -------------------------------------------------------------------------------- */

static void check_kpi(checker *c)
{
    const wp_kpi *rep = &c->r->kpi;
    wp_kpi k;
    wp_kpi_compute(c->m, c->r, -1, &k);
    c->out->recomputed = k;
#define CHECK(name)                                                                                \
    do {                                                                                           \
        if (!near((double)rep->name, (double)k.name, 1e-6 + 1e-9 * fabs((double)k.name)))          \
            violation(c->out, "kpi.%s: reported %.10g, recomputed %.10g", #name,                   \
                      (double)rep->name, (double)k.name);                                          \
    } while (0)
    CHECK(clients);
    CHECK(clients_fully_served);
    CHECK(visits);
    CHECK(visits_served);
    CHECK(care_hours);
    CHECK(unserved_hours);
    CHECK(travel_km);
    CHECK(travel_hours);
    CHECK(travel_share);
    CHECK(pairs_total);
    CHECK(pairs_kept);
    CHECK(clients_changed_provider);
    CHECK(helpers_changed_employer);
    CHECK(helpers_used);
    CHECK(helper_days);
    CHECK(utilization);
    CHECK(cost_eur);
    CHECK(objective);
    if (k.repair) {
        if (!rep->repair) violation(c->out, "kpi: a repair's change KPIs are missing");
        CHECK(visits_with_previous);
        CHECK(visits_unchanged);
        CHECK(visits_changed_time);
        CHECK(visits_changed_day);
        CHECK(visits_changed_helper);
        CHECK(visits_substitute);
        CHECK(visits_dropped);
        CHECK(clients_contacted);
    }
#undef CHECK
}

static bool same_ref(const wp_roster_plan_ref *a, const wp_roster_plan_ref *b)
{
    if (!a->helper || !b->helper) return !a->helper && !b->helper;
    return strcmp(a->helper, b->helper) == 0 && a->day == b->day &&
           fabs(a->start - b->start) < 1e-6;
}

/* The roster's change list against the one recomputed from the previous plan. */
static void check_changes(checker *c)
{
    const wp_roster *r = c->r;
    if (!c->m->prev) return;
    wp_roster mine = {0};
    mine.routes = r->routes;
    mine.n_routes = r->n_routes;
    wp_kpi_changes(c->m, &mine);
    if (mine.n_changes != r->n_changes)
        violation(c->out, "changes: %zu listed, %zu recomputed from the previous roster",
                  r->n_changes, mine.n_changes);
    for (size_t i = 0; i < mine.n_changes && i < r->n_changes; i++) {
        const wp_roster_change *a = &r->changes[i], *b = &mine.changes[i];
        if (strcmp(a->client, b->client) != 0 || a->visit != b->visit ||
            strcmp(a->kind, b->kind) != 0 || !same_ref(&a->from, &b->from) ||
            !same_ref(&a->to, &b->to)) {
            violation(c->out, "changes[%zu]: %s visit %d %s, recomputed %s visit %d %s", i,
                      a->client, a->visit, a->kind, b->client, b->visit, b->kind);
            break;
        }
    }
    for (size_t i = 0; i < mine.n_changes; i++) {
        wp_free(mine.changes[i].client);
        wp_free(mine.changes[i].kind);
        wp_free(mine.changes[i].from.helper);
        wp_free(mine.changes[i].to.helper);
    }
    wp_free(mine.changes);
}

static wp_status validate_unguarded(const wp_scenario *s, const wp_roster *r,
                                    const wp_validate_options *o, wp_validation *v, wp_error *err)
{
    memset(v, 0, sizeof *v);
    wp_validate_options defaults;
    if (!o) {
        wp_validate_options_default(&defaults);
        o = &defaults;
    }
    const wp_model *m = &s->model;
    checker c = {.m = m, .r = r, .out = v, .tol = o->tolerance > 0 ? o->tolerance : 1e-6};
    c.contract_model = m->contracting.model;
    c.k = m->contracting.providers_per_district;
    c.staff_transfer = m->contracting.staff_transfer;
    c.pairs_continue = m->contracting.pairs_continue;
    if (o->variant) {
        wp_variant var;
        if (!wp_variant_parse(o->variant, &var))
            return wp_error_add(err, WP_ERR_INPUT, NULL, "--variant", 0, 0,
                                "\"%s\" is not open_house or per_district:k[:m]", o->variant);
        c.contract_model = var.contract_model;
        c.k = var.providers_per_district;
        c.max_districts = var.max_districts;
        c.pairs_continue = var.pairs_continue;
        if (var.staff_transfer) c.staff_transfer = true;
    }
    if (o->staff_transfer >= 0) c.staff_transfer = o->staff_transfer;
    if (c.contract_model == WP_PER_DISTRICT && m->n_districts == 0)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--variant", 0, 0,
                            "per_district needs a scenario with districts");
    if (r->scenario && m->name && strcmp(r->scenario, m->name) != 0)
        violation(v, "scenario: roster is for \"%s\", not \"%s\"", r->scenario, m->name);
    check_transfers(&c);
    check_awards(&c);
    size_t nv = (size_t)m->n_visits + 1;
    c.visit_route = wp_malloc(nv * sizeof(int));
    c.visit_day = wp_calloc(nv, sizeof(int));
    c.visit_start = wp_calloc(nv, sizeof(double));
    c.visit_unassigned = wp_calloc(nv, sizeof(int));
    for (size_t i = 0; i < nv; i++) c.visit_route[i] = -1;
    c.client_helper = wp_malloc(((size_t)m->n_clients + 1) * sizeof(int));
    for (int i = 0; i < m->n_clients; i++) c.client_helper[i] = -1;
    c.helper_week = wp_calloc((size_t)m->n_helpers + 1, sizeof(double));
    c.substitutes = wp_calloc((size_t)m->n_clients + 1, sizeof(int));
    bool *seen_day = wp_calloc((size_t)m->n_helpers * WP_DAYS + 1, sizeof *seen_day);
    for (size_t i = 0; i < r->n_routes; i++) check_route(&c, i, seen_day);
    check_clients(&c);
    check_assignments(&c);
    check_kpi(&c);
    check_changes(&c);
    wp_free(seen_day);
    wp_free(c.visit_route);
    wp_free(c.visit_day);
    wp_free(c.visit_start);
    wp_free(c.visit_unassigned);
    wp_free(c.client_helper);
    wp_free(c.helper_week);
    wp_free(c.substitutes);
    wp_free(c.helper_provider);
    wp_free(c.award);
    return WP_OK;
}

wp_status wp_validate(const wp_scenario *s, const wp_roster *r, const wp_validate_options *o,
                      wp_validation *v, wp_error *err)
{
    WP_GUARD_RESET(err, "validating the roster", memset(v, 0, sizeof *v),
                   validate_unguarded(s, r, o, v, err));
}
