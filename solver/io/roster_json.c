/* wijkplan-roster/1: writing, strict reading, and releasing roster data. */
#include "io/roster_json.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "error/guard.h"
#include "util/alloc.h"
#include "util/daytime.h"
#include "util/fileio.h"
#include "util/strbuf.h"

#define ROSTER_FORMAT "wijkplan-roster/1"

/* ---- releasing --------------------------------------------------------------------------- */

void wp_roster_free(wp_roster *r)
{
    if (!r) return;
    wp_free(r->scenario);
    wp_free(r->scenario_digest);
    wp_free(r->contracting);
    wp_free(r->solver.version);
    wp_free(r->solver.stopped_by);
    for (size_t i = 0; i < r->n_assignments; i++) {
        wp_roster_assignment *a = &r->assignments[i];
        wp_free(a->client);
        wp_free(a->provider);
        wp_free(a->helper);
        wp_free(a->previous_provider);
        wp_free(a->previous_helper);
    }
    wp_free(r->assignments);
    for (size_t i = 0; i < r->n_routes; i++) {
        for (size_t k = 0; k < r->routes[i].n_visits; k++) wp_free(r->routes[i].visits[k].client);
        wp_free(r->routes[i].visits);
        wp_free(r->routes[i].helper);
    }
    wp_free(r->routes);
    for (size_t i = 0; i < r->n_awards; i++) {
        for (size_t k = 0; k < r->awards[i].n_providers; k++) wp_free(r->awards[i].providers[k]);
        wp_free(r->awards[i].providers);
        wp_free(r->awards[i].district);
    }
    wp_free(r->awards);
    for (size_t i = 0; i < r->n_transfers; i++) {
        wp_free(r->transfers[i].helper);
        wp_free(r->transfers[i].from);
        wp_free(r->transfers[i].to);
    }
    wp_free(r->transfers);
    for (size_t i = 0; i < r->n_unassigned; i++) {
        wp_free(r->unassigned[i].client);
        wp_free(r->unassigned[i].reason);
    }
    wp_free(r->unassigned);
    for (size_t i = 0; i < r->n_changes; i++) {
        wp_free(r->changes[i].client);
        wp_free(r->changes[i].kind);
        wp_free(r->changes[i].from.helper);
        wp_free(r->changes[i].to.helper);
    }
    wp_free(r->changes);
    wp_free(r->previous);
    wp_free(r);
}

/* ---- writing ----------------------------------------------------------------------------- */

#define KPI_FIELDS(X)                                                                              \
    X(clients, int)                                                                                \
    X(clients_fully_served, int)                                                                   \
    X(visits, int)                                                                                 \
    X(visits_served, int)                                                                          \
    X(care_hours, double)                                                                          \
    X(unserved_hours, double)                                                                      \
    X(travel_km, double)                                                                           \
    X(travel_hours, double)                                                                        \
    X(travel_share, double)                                                                        \
    X(pairs_total, int)                                                                            \
    X(pairs_kept, int)                                                                             \
    X(clients_changed_provider, int)                                                               \
    X(helpers_changed_employer, int)                                                               \
    X(helpers_used, int)                                                                           \
    X(helper_days, int)                                                                            \
    X(utilization, double)                                                                         \
    X(cost_eur, double)                                                                            \
    X(objective, double)                                                                           \
    X(clients_changed_helper, int)                                                                 \
    X(waiting_list_clients, int)                                                                   \
    X(wait_hours, double)                                                                          \
    X(travel_minutes, double)                                                                      \
    X(unserved_weighted_minutes, double)

/* Written only for a repair (SPEC "Repair"). */
#define REPAIR_KPI_FIELDS(X)                                                                       \
    X(visits_with_previous, int)                                                                   \
    X(visits_unchanged, int)                                                                       \
    X(visits_changed_time, int)                                                                    \
    X(visits_changed_day, int)                                                                     \
    X(visits_changed_helper, int)                                                                  \
    X(visits_substitute, int)                                                                      \
    X(visits_dropped, int)                                                                         \
    X(clients_contacted, int)

cJSON *wp_kpi_to_json(const wp_kpi *k)
{
    cJSON *o = cJSON_CreateObject();
#define X(name, type) cJSON_AddNumberToObject(o, #name, (double)k->name);
    KPI_FIELDS(X)
    if (k->repair) {
        REPAIR_KPI_FIELDS(X) /* braces: the macro is several statements */
    }
#undef X
    return o;
}

/* A count: a whole number that fits an int (3e10 clients is an error, not INT_MIN). */
static void read_kpi_int(wp_jctx *ctx, const cJSON *obj, const char *key, int *out)
{
    long n;
    if (wp_jget_int(ctx, obj, key, false, 0, INT_MAX, &n)) *out = (int)n;
}

static void read_kpi_double(wp_jctx *ctx, const cJSON *obj, const char *key, double *out)
{
    wp_jget_number(ctx, obj, key, false, -1e300, 1e300, out);
}

bool wp_kpi_from_json(wp_jctx *ctx, const cJSON *obj, bool strict, wp_kpi *k)
{
    memset(k, 0, sizeof *k);
    if (!cJSON_IsObject(obj)) {
        wp_jerr(ctx, NULL, "must be an object, not %s", wp_jtype_name(obj));
        return false;
    }
    int before = ctx->problems;
#define X(name, type) read_kpi_##type(ctx, obj, #name, &k->name);
    KPI_FIELDS(X)
    REPAIR_KPI_FIELDS(X)
#undef X
    k->repair = cJSON_GetObjectItemCaseSensitive(obj, "visits_with_previous") != NULL;
    if (strict) {
        static const char *const keys[] = {
#define X(name, type) #name,
            KPI_FIELDS(X) REPAIR_KPI_FIELDS(X)
#undef X
                "providers_per_district_min",
            "hhi", "pairs_bound", NULL};
        wp_jcheck_keys(ctx, obj, keys);
    }
    return ctx->problems == before;
}

static void add_opt_string(cJSON *o, const char *key, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, key, value);
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *solver_json(const wp_roster_solver *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "version", s->version ? s->version : "");
    cJSON_AddNumberToObject(o, "seed", (double)s->seed);
    cJSON_AddNumberToObject(o, "threads", s->threads);
    cJSON_AddNumberToObject(o, "time_limit_s", s->time_limit_s);
    cJSON_AddNumberToObject(o, "elapsed_s", s->elapsed_s);
    cJSON_AddNumberToObject(o, "peak_memory_mib", s->peak_memory_mib);
    cJSON_AddNumberToObject(o, "iterations", (double)s->iterations);
    if (s->iterations_budget > 0)
        cJSON_AddNumberToObject(o, "iterations_budget", (double)s->iterations_budget);
    cJSON_AddStringToObject(o, "stopped_by", s->stopped_by ? s->stopped_by : "");
    return o;
}

static cJSON *route_json(const wp_roster_route *rt)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "helper", rt->helper);
    cJSON_AddStringToObject(o, "day", wp_day_name(rt->day));
    cJSON_AddNumberToObject(o, "start", rt->start);
    cJSON_AddNumberToObject(o, "end", rt->end);
    cJSON_AddNumberToObject(o, "travel_km", rt->travel_km);
    cJSON_AddNumberToObject(o, "travel_min", rt->travel_min);
    cJSON_AddNumberToObject(o, "load", rt->load);
    cJSON *vs = cJSON_AddArrayToObject(o, "visits");
    for (size_t k = 0; k < rt->n_visits; k++) {
        const wp_roster_visit *v = &rt->visits[k];
        cJSON *vo = cJSON_CreateObject();
        cJSON_AddStringToObject(vo, "client", v->client);
        cJSON_AddNumberToObject(vo, "visit", v->visit);
        cJSON_AddNumberToObject(vo, "arrival", v->arrival);
        cJSON_AddNumberToObject(vo, "start", v->start);
        cJSON_AddNumberToObject(vo, "end", v->end);
        cJSON_AddNumberToObject(vo, "travel_km", v->travel_km);
        cJSON_AddNumberToObject(vo, "travel_min", v->travel_min);
        if (v->substitute) cJSON_AddBoolToObject(vo, "substitute", true);
        cJSON_AddItemToArray(vs, vo);
    }
    return o;
}

static cJSON *plan_ref_json(const wp_roster_plan_ref *p)
{
    if (!p->helper) return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "helper", p->helper);
    cJSON_AddStringToObject(o, "day", wp_day_name(p->day));
    cJSON_AddNumberToObject(o, "start", p->start);
    return o;
}

static cJSON *change_json(const wp_roster_change *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "client", c->client);
    cJSON_AddNumberToObject(o, "visit", c->visit);
    cJSON_AddStringToObject(o, "kind", c->kind);
    cJSON_AddItemToObject(o, "from", plan_ref_json(&c->from));
    cJSON_AddItemToObject(o, "to", plan_ref_json(&c->to));
    return o;
}

/* ---- the roster's members, one builder each, shared by the tree and the streamed writer ---- */

static cJSON *assignment_item(const wp_roster *r, size_t i)
{
    const wp_roster_assignment *a = &r->assignments[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "client", a->client);
    cJSON_AddStringToObject(o, "provider", a->provider);
    cJSON_AddStringToObject(o, "helper", a->helper);
    add_opt_string(o, "previous_provider", a->previous_provider);
    add_opt_string(o, "previous_helper", a->previous_helper);
    cJSON_AddBoolToObject(o, "pair_kept", a->pair_kept);
    return o;
}

static cJSON *route_item(const wp_roster *r, size_t i)
{
    return route_json(&r->routes[i]);
}

static cJSON *transfer_item(const wp_roster *r, size_t i)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "helper", r->transfers[i].helper);
    cJSON_AddStringToObject(o, "from", r->transfers[i].from);
    cJSON_AddStringToObject(o, "to", r->transfers[i].to);
    return o;
}

static cJSON *unassigned_item(const wp_roster *r, size_t i)
{
    const wp_roster_unassigned *u = &r->unassigned[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "client", u->client);
    cJSON_AddNumberToObject(o, "visit", u->visit);
    cJSON_AddNumberToObject(o, "minutes", u->minutes);
    cJSON_AddStringToObject(o, "reason", u->reason);
    return o;
}

static cJSON *change_item(const wp_roster *r, size_t i)
{
    return change_json(&r->changes[i]);
}

static cJSON *awards_json(const wp_roster *r)
{
    cJSON *aw = cJSON_CreateObject();
    for (size_t i = 0; i < r->n_awards; i++) {
        cJSON *list = cJSON_CreateArray();
        for (size_t k = 0; k < r->awards[i].n_providers; k++)
            cJSON_AddItemToArray(list, cJSON_CreateString(r->awards[i].providers[k]));
        cJSON_AddItemToObject(aw, r->awards[i].district, list);
    }
    return aw;
}

static cJSON *kpi_json(const wp_roster *r)
{
    cJSON *kpi = wp_kpi_to_json(&r->kpi);
    if (r->pairs_bound >= 0) cJSON_AddNumberToObject(kpi, "pairs_bound", r->pairs_bound);
    return kpi;
}

typedef cJSON *(*item_builder)(const wp_roster *r, size_t i);

/* The members in output order: a single value, or a list of items; absent when not `present`. */
typedef struct member {
    const char *key;
    bool present;
    cJSON *value;      /* single value (built beforehand), or NULL for a list */
    item_builder item; /* list items */
    size_t n;
} member;

enum { N_MEMBERS = 13 };

static void roster_members(const wp_roster *r, member *m)
{
    member list[N_MEMBERS] = {
        {"format", true, cJSON_CreateString(ROSTER_FORMAT), NULL, 0},
        {"scenario", true, cJSON_CreateString(r->scenario ? r->scenario : ""), NULL, 0},
        {"scenario_digest", r->scenario_digest != NULL,
         r->scenario_digest ? cJSON_CreateString(r->scenario_digest) : NULL, NULL, 0},
        {"solver", true, solver_json(&r->solver), NULL, 0},
        {"contracting", r->contracting != NULL,
         r->contracting ? cJSON_CreateString(r->contracting) : NULL, NULL, 0},
        {"assignments", true, NULL, assignment_item, r->n_assignments},
        {"routes", true, NULL, route_item, r->n_routes},
        {"awards", r->has_awards, r->has_awards ? awards_json(r) : NULL, NULL, 0},
        {"transfers", true, NULL, transfer_item, r->n_transfers},
        {"unassigned", true, NULL, unassigned_item, r->n_unassigned},
        {"previous", r->previous != NULL, r->previous ? cJSON_CreateString(r->previous) : NULL,
         NULL, 0},
        {"changes", r->previous != NULL, NULL, change_item, r->n_changes},
        {"kpi", true, kpi_json(r), NULL, 0},
    };
    memcpy(m, list, sizeof list);
}

cJSON *wp_roster_to_json(const wp_roster *r)
{
    member m[N_MEMBERS];
    roster_members(r, m);
    cJSON *doc = cJSON_CreateObject();
    for (int k = 0; k < N_MEMBERS; k++) {
        if (!m[k].present) continue;
        if (m[k].value) {
            cJSON_AddItemToObject(doc, m[k].key, m[k].value);
            continue;
        }
        cJSON *arr = cJSON_AddArrayToObject(doc, m[k].key);
        for (size_t i = 0; i < m[k].n; i++) cJSON_AddItemToArray(arr, m[k].item(r, i));
    }
    return doc;
}

/* Appends one value unformatted; false when cJSON cannot (out of memory). */
static bool append_json(wp_strbuf *sb, cJSON *value)
{
    char *text = cJSON_PrintUnformatted(value);
    cJSON_Delete(value);
    if (!text) return false;
    wp_sb_append(sb, text);
    wp_free(text);
    return true;
}

/* The roster as text, one member a line and one list item a line, building one item's tree
 * at a time: a national roster never exists twice in memory as a tree. */
static char *roster_text(const wp_roster *r, size_t *len)
{
    member m[N_MEMBERS];
    roster_members(r, m);
    wp_strbuf sb = {0};
    bool ok = true, first = true;
    wp_sb_append(&sb, "{");
    for (int k = 0; k < N_MEMBERS; k++) {
        if (!m[k].present) continue;
        wp_sb_printf(&sb, "%s\n\t\"%s\": ", first ? "" : ",", m[k].key);
        first = false;
        if (m[k].value) {
            ok &= append_json(&sb, m[k].value);
            continue;
        }
        wp_sb_append(&sb, "[");
        for (size_t i = 0; i < m[k].n && ok; i++) {
            wp_sb_append(&sb, i ? ",\n\t\t" : "\n\t\t");
            ok &= append_json(&sb, m[k].item(r, i));
        }
        wp_sb_append(&sb, m[k].n ? "\n\t]" : "]");
    }
    wp_sb_append(&sb, "\n}\n");
    if (!ok) {
        wp_sb_free(&sb);
        return NULL;
    }
    *len = sb.len;
    return wp_sb_take(&sb);
}

wp_status wp_json_write_file(const cJSON *doc, const char *path, wp_error *err)
{
    char *text = wp_json_text(doc, true);
    size_t len = strlen(text);
    text = wp_realloc(text, len + 2);
    text[len++] = '\n';
    text[len] = '\0';
    wp_status s = wp_file_write_atomic(path, text, len, err);
    wp_free(text);
    return s;
}

static wp_status roster_write_json_unguarded(const wp_roster *r, const char *path, wp_error *err)
{
    size_t len = 0;
    char *text = roster_text(r, &len);
    if (!text) return wp_error_add(err, WP_ERR_INTERNAL, path, NULL, 0, 0, "cannot format JSON");
    wp_status s = wp_file_write_atomic(path, text, len, err);
    wp_free(text);
    return s;
}

wp_status wp_roster_write_json(const wp_roster *r, const char *path, wp_error *err)
{
    WP_GUARD(err, "writing the roster", roster_write_json_unguarded(r, path, err));
}

/* ---- reading ----------------------------------------------------------------------------- */

static char *dup_string(wp_jctx *ctx, const cJSON *obj, const char *key, bool required)
{
    const char *s;
    return wp_jget_string(ctx, obj, key, required, &s) ? wp_strdup(s) : NULL;
}

static char *dup_nullable(wp_jctx *ctx, const cJSON *obj, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it || cJSON_IsNull(it)) return NULL;
    return dup_string(ctx, obj, key, false);
}

static double get_num(wp_jctx *ctx, const cJSON *obj, const char *key, bool required)
{
    double v = 0;
    wp_jget_number(ctx, obj, key, required, -1e300, 1e300, &v);
    return v;
}

static void read_visit(wp_jctx *ctx, const cJSON *o, wp_roster_visit *v)
{
    static const char *const keys[] = {"client",    "visit",      "arrival",    "start", "end",
                                       "travel_km", "travel_min", "substitute", NULL};
    if (!cJSON_IsObject(o)) {
        wp_jerr(ctx, NULL, "a visit must be an object");
        return;
    }
    wp_jcheck_keys(ctx, o, keys);
    v->client = dup_string(ctx, o, "client", true);
    long k = 0;
    wp_jget_int(ctx, o, "visit", true, 0, 1000000, &k);
    v->visit = (int)k;
    v->arrival = get_num(ctx, o, "arrival", true);
    v->start = get_num(ctx, o, "start", true);
    v->end = get_num(ctx, o, "end", true);
    v->travel_km = get_num(ctx, o, "travel_km", true);
    v->travel_min = get_num(ctx, o, "travel_min", true);
    wp_jget_bool(ctx, o, "substitute", false, &v->substitute);
}

static void read_route(wp_jctx *ctx, const cJSON *o, wp_roster_route *rt)
{
    static const char *const keys[] = {"helper",     "day",  "start",  "end", "travel_km",
                                       "travel_min", "load", "visits", NULL};
    if (!cJSON_IsObject(o)) {
        wp_jerr(ctx, NULL, "a route must be an object");
        return;
    }
    wp_jcheck_keys(ctx, o, keys);
    rt->helper = dup_string(ctx, o, "helper", true);
    const char *day;
    rt->day = -1;
    if (wp_jget_string(ctx, o, "day", true, &day)) {
        rt->day = wp_day_index(day);
        if (rt->day < 0) wp_jerr(ctx, "day", "unknown day \"%s\"", day);
    }
    rt->start = get_num(ctx, o, "start", true);
    rt->end = get_num(ctx, o, "end", true);
    rt->travel_km = get_num(ctx, o, "travel_km", true);
    rt->travel_min = get_num(ctx, o, "travel_min", true);
    rt->load = get_num(ctx, o, "load", false);
    const cJSON *vs = wp_jget_array(ctx, o, "visits", true);
    if (!vs) return;
    rt->n_visits = (size_t)cJSON_GetArraySize(vs);
    rt->visits = wp_calloc(rt->n_visits + 1, sizeof *rt->visits);
    size_t mark = wp_jpath_key(ctx, "visits"), i = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, vs)
    {
        size_t m2 = wp_jpath_index(ctx, i);
        read_visit(ctx, v, &rt->visits[i++]);
        wp_jpath_pop(ctx, m2);
    }
    wp_jpath_pop(ctx, mark);
}

typedef void (*item_reader)(wp_jctx *ctx, const cJSON *o, void *item);

/* Reads root[key] (an array) into *items of `size` bytes each with `read`. */
static void read_array(wp_jctx *ctx, const cJSON *root, const char *key, bool required,
                       void **items, size_t *n, size_t size, item_reader read)
{
    const cJSON *arr = wp_jget_array(ctx, root, key, required);
    if (!arr) return;
    *n = (size_t)cJSON_GetArraySize(arr);
    *items = wp_calloc(*n + 1, size);
    size_t mark = wp_jpath_key(ctx, key), i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        size_t m2 = wp_jpath_index(ctx, i);
        read(ctx, it, (char *)*items + size * i);
        i++;
        wp_jpath_pop(ctx, m2);
    }
    wp_jpath_pop(ctx, mark);
}

static void read_route_item(wp_jctx *ctx, const cJSON *o, void *item)
{
    read_route(ctx, o, item);
}

static void read_assignment_item(wp_jctx *ctx, const cJSON *o, void *item)
{
    wp_roster_assignment *a = item;
    static const char *const keys[] = {
        "client", "provider", "helper", "previous_provider", "previous_helper", "pair_kept", NULL};
    if (!cJSON_IsObject(o)) {
        wp_jerr(ctx, NULL, "an assignment must be an object");
        return;
    }
    wp_jcheck_keys(ctx, o, keys);
    a->client = dup_string(ctx, o, "client", true);
    a->provider = dup_string(ctx, o, "provider", true);
    a->helper = dup_string(ctx, o, "helper", true);
    a->previous_provider = dup_nullable(ctx, o, "previous_provider");
    a->previous_helper = dup_nullable(ctx, o, "previous_helper");
    wp_jget_bool(ctx, o, "pair_kept", true, &a->pair_kept);
}

static void read_transfer_item(wp_jctx *ctx, const cJSON *o, void *item)
{
    wp_roster_transfer *t = item;
    static const char *const keys[] = {"helper", "from", "to", NULL};
    if (!cJSON_IsObject(o)) {
        wp_jerr(ctx, NULL, "a transfer must be an object");
        return;
    }
    wp_jcheck_keys(ctx, o, keys);
    t->helper = dup_string(ctx, o, "helper", true);
    t->from = dup_string(ctx, o, "from", true);
    t->to = dup_string(ctx, o, "to", true);
}

static void read_unassigned_item(wp_jctx *ctx, const cJSON *o, void *item)
{
    wp_roster_unassigned *u = item;
    static const char *const keys[] = {"client", "visit", "minutes", "reason", NULL};
    if (!cJSON_IsObject(o)) {
        wp_jerr(ctx, NULL, "an unassigned entry must be an object");
        return;
    }
    wp_jcheck_keys(ctx, o, keys);
    u->client = dup_string(ctx, o, "client", true);
    long k = 0;
    wp_jget_int(ctx, o, "visit", true, 0, 1000000, &k);
    u->visit = (int)k;
    u->minutes = get_num(ctx, o, "minutes", false);
    u->reason = dup_string(ctx, o, "reason", false);
}

static void read_plan_ref(wp_jctx *ctx, const cJSON *o, const char *key, wp_roster_plan_ref *p)
{
    const cJSON *it = wp_jget(ctx, o, key, true);
    p->day = -1;
    if (!it || cJSON_IsNull(it)) return;
    size_t mark = wp_jpath_key(ctx, key);
    if (!cJSON_IsObject(it)) {
        wp_jerr(ctx, NULL, "must be an object or null");
    } else {
        static const char *const keys[] = {"helper", "day", "start", NULL};
        wp_jcheck_keys(ctx, it, keys);
        p->helper = dup_string(ctx, it, "helper", true);
        const char *day;
        if (wp_jget_string(ctx, it, "day", true, &day) && (p->day = wp_day_index(day)) < 0)
            wp_jerr(ctx, "day", "unknown day \"%s\"", day);
        p->start = get_num(ctx, it, "start", true);
    }
    wp_jpath_pop(ctx, mark);
}

static void read_change_item(wp_jctx *ctx, const cJSON *o, void *item)
{
    wp_roster_change *c = item;
    static const char *const keys[] = {"client", "visit", "kind", "from", "to", NULL};
    if (!cJSON_IsObject(o)) {
        wp_jerr(ctx, NULL, "a change must be an object");
        return;
    }
    wp_jcheck_keys(ctx, o, keys);
    c->client = dup_string(ctx, o, "client", true);
    long k = 0;
    wp_jget_int(ctx, o, "visit", true, 0, 1000000, &k);
    c->visit = (int)k;
    c->kind = dup_string(ctx, o, "kind", true);
    read_plan_ref(ctx, o, "from", &c->from);
    read_plan_ref(ctx, o, "to", &c->to);
}

static void read_awards(wp_jctx *ctx, const cJSON *root, wp_roster *r)
{
    const cJSON *aw = wp_jget_object(ctx, root, "awards", false);
    if (!aw) return;
    r->has_awards = true;
    r->n_awards = (size_t)cJSON_GetArraySize(aw);
    r->awards = wp_calloc(r->n_awards + 1, sizeof *r->awards);
    size_t mark = wp_jpath_key(ctx, "awards"), i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, aw)
    {
        wp_roster_award *a = &r->awards[i++];
        a->district = wp_strdup(it->string);
        if (!cJSON_IsArray(it)) {
            wp_jerr(ctx, it->string, "must be an array of provider ids");
            continue;
        }
        a->n_providers = (size_t)cJSON_GetArraySize(it);
        a->providers = wp_calloc(a->n_providers + 1, sizeof(char *));
        size_t k = 0;
        const cJSON *p;
        cJSON_ArrayForEach(p, it)
        {
            if (cJSON_IsString(p))
                a->providers[k] = wp_strdup(p->valuestring);
            else {
                a->providers[k] = wp_strdup("");
                wp_jerr(ctx, it->string, "provider ids must be strings");
            }
            k++;
        }
    }
    wp_jpath_pop(ctx, mark);
}

static void read_solver(wp_jctx *ctx, const cJSON *root, wp_roster *r)
{
    const cJSON *s = wp_jget_object(ctx, root, "solver", false);
    if (!s) return;
    size_t mark = wp_jpath_key(ctx, "solver");
    r->solver.version = dup_string(ctx, s, "version", false);
    r->solver.stopped_by = dup_string(ctx, s, "stopped_by", false);
    /* ranges before the casts: a double out of an integer's range is undefined behaviour */
    double v = 0;
    if (wp_jget_number(ctx, s, "seed", false, 0, 1.8e19, &v))
        r->solver.seed = (unsigned long long)v;
    long n;
    if (wp_jget_int(ctx, s, "threads", false, 0, 1000000, &n)) r->solver.threads = (int)n;
    r->solver.time_limit_s = get_num(ctx, s, "time_limit_s", false);
    r->solver.elapsed_s = get_num(ctx, s, "elapsed_s", false);
    r->solver.peak_memory_mib = get_num(ctx, s, "peak_memory_mib", false);
    if (wp_jget_number(ctx, s, "iterations", false, 0, 9e18, &v))
        r->solver.iterations = (long long)v;
    if (wp_jget_number(ctx, s, "iterations_budget", false, 0, 9e18, &v))
        r->solver.iterations_budget = (long long)v;
    wp_jpath_pop(ctx, mark);
}

static wp_status read_roster(const char *path, bool minimal, wp_roster **out, wp_error *err)
{
    *out = NULL;
    size_t len;
    char *text = wp_file_read(path, &len, "roster", err);
    if (!text) return WP_ERR_INPUT;
    cJSON *root = wp_json_parse(text, len, path, err);
    wp_free(text);
    if (!root) return WP_ERR_INPUT;
    wp_jctx ctx;
    wp_jctx_init(&ctx, path, err);
    wp_roster *r = wp_calloc(1, sizeof *r);
    r->pairs_bound = -1;
    if (!cJSON_IsObject(root)) {
        wp_jerr(&ctx, NULL, "a roster must be a JSON object");
    } else {
        static const char *const keys[] = {
            "format",      "scenario", "scenario_digest", "solver",    "contracting",
            "assignments", "routes",   "awards",          "transfers", "unassigned",
            "kpi",         "previous", "changes",         NULL};
        wp_jcheck_keys(&ctx, root, keys);
        const char *fmt;
        if (wp_jget_string(&ctx, root, "format", true, &fmt) && strcmp(fmt, ROSTER_FORMAT) != 0)
            wp_jerr(&ctx, "format", "\"%s\" is not supported (expected \"%s\")", fmt,
                    ROSTER_FORMAT);
        r->scenario = dup_string(&ctx, root, "scenario", false);
        r->scenario_digest = dup_string(&ctx, root, "scenario_digest", false);
        r->contracting = dup_string(&ctx, root, "contracting", false);
        r->previous = dup_string(&ctx, root, "previous", false);
        read_array(&ctx, root, "changes", false, (void **)&r->changes, &r->n_changes,
                   sizeof *r->changes, read_change_item);
        read_solver(&ctx, root, r);
        read_array(&ctx, root, "assignments", !minimal, (void **)&r->assignments, &r->n_assignments,
                   sizeof *r->assignments, read_assignment_item);
        read_array(&ctx, root, "routes", true, (void **)&r->routes, &r->n_routes, sizeof *r->routes,
                   read_route_item);
        read_awards(&ctx, root, r);
        read_array(&ctx, root, "transfers", false, (void **)&r->transfers, &r->n_transfers,
                   sizeof *r->transfers, read_transfer_item);
        read_array(&ctx, root, "unassigned", !minimal, (void **)&r->unassigned, &r->n_unassigned,
                   sizeof *r->unassigned, read_unassigned_item);
        const cJSON *kpi = wp_jget_object(&ctx, root, "kpi", false);
        if (kpi) {
            size_t mark = wp_jpath_key(&ctx, "kpi");
            wp_kpi_from_json(&ctx, kpi, true, &r->kpi);
            const cJSON *bound = cJSON_GetObjectItemCaseSensitive(kpi, "pairs_bound");
            if (cJSON_IsNumber(bound)) r->pairs_bound = bound->valuedouble;
            wp_jpath_pop(&ctx, mark);
        }
    }
    cJSON_Delete(root);
    int problems = ctx.problems;
    wp_jctx_free(&ctx);
    if (problems) {
        wp_roster_free(r);
        return WP_ERR_INPUT;
    }
    *out = r;
    return WP_OK;
}

static wp_status roster_read_json_unguarded(const char *path, wp_roster **out, wp_error *err)
{
    return read_roster(path, false, out, err);
}

wp_status wp_roster_read_json(const char *path, wp_roster **out, wp_error *err)
{
    WP_GUARD_RESET(err, "reading the roster", *out = NULL,
                   roster_read_json_unguarded(path, out, err));
}

/* A repair needs of last week only the routes and who served whom: the rest goes at once, so
 * that a large previous roster costs little memory while the scenario loads. */
static void keep_plan_only(wp_roster *r)
{
    for (size_t i = 0; i < r->n_assignments; i++) {
        wp_roster_assignment *a = &r->assignments[i];
        wp_free(a->provider), wp_free(a->previous_provider), wp_free(a->previous_helper);
        a->provider = a->previous_provider = a->previous_helper = NULL;
    }
    for (size_t i = 0; i < r->n_unassigned; i++) {
        wp_free(r->unassigned[i].client);
        wp_free(r->unassigned[i].reason);
    }
    wp_free(r->unassigned);
    r->unassigned = NULL;
    r->n_unassigned = 0;
}

static wp_status roster_read_previous_unguarded(const char *path, wp_roster **out, wp_error *err)
{
    wp_status s = read_roster(path, true, out, err);
    if (s == WP_OK) keep_plan_only(*out);
    return s;
}

wp_status wp_roster_read_previous(const char *path, wp_roster **out, wp_error *err)
{
    WP_GUARD_RESET(err, "reading the previous roster", *out = NULL,
                   roster_read_previous_unguarded(path, out, err));
}
