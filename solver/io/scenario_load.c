/* wijkplan-scenario/1 loader: JSON -> validated, projected, indexed wp_model.
 *
 * Pass 1 reads every entity with typed getters (reporting presence, type, range, unknown
 * fields) and keeps references as strings. Pass 2 resolves ids, projects coordinates, places
 * clients in districts and reads the matrix. Nothing is half-built on failure: the model is
 * freed and only the problem list remains. */
#include "io/scenario_load.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/districts_read.h"
#include "model/districts.h"
#include "model/place.h"
#include "model/resolve.h"
#include "io/matrix_read.h"
#include "error/guard.h"
#include "io/jread.h"
#include "io/jtime.h"
#include "model/pins.h"
#include "util/alloc.h"
#include "util/sha256.h"
#include "util/fileio.h"

#define SCENARIO_FORMAT "wijkplan-scenario/1"

typedef struct loader {
    wp_jctx ctx;
    wp_model *m;
    const char *base_dir;
    wp_refs ref;                  /* references kept as strings until every id is known */
    const char **client_district; /* per client: the district it names, or NULL */
    size_t avail_cap;
} loader;

static char *extra_of(const cJSON *obj)
{
    const cJSON *extra = cJSON_GetObjectItemCaseSensitive(obj, "extra");
    return extra ? wp_json_text(extra, false) : NULL;
}

/* ---- skills ------------------------------------------------------------------------------ */

static int skill_index(loader *L, const char *name)
{
    wp_model *m = L->m;
    for (int k = 0; k < m->n_skills; k++)
        if (strcmp(m->skill_names[k], name) == 0) return k;
    if (m->n_skills >= 64) return -1;
    m->skill_names = wp_realloc_array(m->skill_names, (size_t)m->n_skills + 1, sizeof(char *));
    m->skill_names[m->n_skills] = wp_strdup(name);
    return m->n_skills++;
}

static void read_skills(loader *L, const cJSON *obj, wp_skillset *out)
{
    const cJSON *arr = wp_jget_array(&L->ctx, obj, "skills", false);
    if (!arr) return;
    size_t mark = wp_jpath_key(&L->ctx, "skills");
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        size_t m2 = wp_jpath_index(&L->ctx, i++);
        if (!cJSON_IsString(it) || !*it->valuestring) {
            wp_jerr(&L->ctx, NULL, "a skill must be a non-empty string, not %s", wp_jtype_name(it));
        } else {
            int k = skill_index(L, it->valuestring);
            if (k < 0)
                wp_jerr(&L->ctx, NULL, "more than 64 distinct skills are not supported");
            else
                *out |= (wp_skillset)1 << k;
        }
        wp_jpath_pop(&L->ctx, m2);
    }
    wp_jpath_pop(&L->ctx, mark);
}

/* ---- small typed values ------------------------------------------------------------------ */

/* Ranges of the numbers a scenario may hold (README "Limits"): beyond them sums of times,
 * distances and loads would overflow or lose all precision. Planar scenarios (benchmarks) use
 * their own units, so their times may be larger than a real week. */
#define MAX_COORDINATE     1e9
#define MAX_LOAD           1e9
#define MAX_PLANAR_MINUTES 1e7
#define MAX_PLANAR_HOURS   1e6

static double max_week_hours(const loader *L)
{
    return L->m->planar ? MAX_PLANAR_HOURS : 7 * 24;
}

static bool read_point(loader *L, const cJSON *obj, const char *key, bool required, double *x,
                       double *y)
{
    const cJSON *it = wp_jget(&L->ctx, obj, key, required);
    if (!it) return false;
    if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) != 2) {
        wp_jerr(&L->ctx, key, "must be a two-element array [x, y] (GeoJSON order: [lon, lat])");
        return false;
    }
    const cJSON *a = it->child, *b = a->next;
    if (!cJSON_IsNumber(a) || !cJSON_IsNumber(b)) {
        wp_jerr(&L->ctx, key, "coordinates must be numbers");
        return false;
    }
    if (!isfinite(a->valuedouble) || !isfinite(b->valuedouble)) {
        wp_jerr(&L->ctx, key, "coordinates must be finite numbers");
        return false;
    }
    if (fabs(a->valuedouble) > MAX_COORDINATE || fabs(b->valuedouble) > MAX_COORDINATE) {
        wp_jerr(&L->ctx, key, "coordinates must be between -1e9 and 1e9");
        return false;
    }
    *x = a->valuedouble;
    *y = b->valuedouble;
    return true;
}

static bool read_enum(loader *L, const cJSON *obj, const char *key, const char *const *names,
                      int *out)
{
    const char *s;
    if (!wp_jget_string(&L->ctx, obj, key, false, &s)) return false;
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0) {
            *out = i;
            return true;
        }
    char allowed[256] = "";
    for (int i = 0; names[i]; i++) {
        strncat(allowed, i ? ", " : "", sizeof allowed - strlen(allowed) - 1);
        strncat(allowed, names[i], sizeof allowed - strlen(allowed) - 1);
    }
    wp_jerr(&L->ctx, key, "\"%s\" is not one of %s", s, allowed);
    return false;
}

static const char *const product_names[] = {"HO", "HO+", NULL};
static const char *const mode_names[] = {"bike", "ebike", "car", "walk", NULL};

/* ---- top-level sections ------------------------------------------------------------------ */

static void read_travel(loader *L, const cJSON *root)
{
    wp_model *m = L->m;
    m->detour = 1.3;
    m->speed_kmh[WP_MODE_BIKE] = 15;
    m->speed_kmh[WP_MODE_EBIKE] = 18;
    m->speed_kmh[WP_MODE_CAR] = 30;
    m->speed_kmh[WP_MODE_WALK] = 5;
    m->planar_speed = 1.0;
    const cJSON *t = wp_jget_object(&L->ctx, root, "travel", false);
    if (!t) return;
    size_t mark = wp_jpath_key(&L->ctx, "travel");
    static const char *const keys[] = {"detour", "speed_kmh", "speed", "matrix", NULL};
    wp_jcheck_keys(&L->ctx, t, keys);
    wp_jget_number(&L->ctx, t, "detour", false, 1.0, 100.0, &m->detour);
    wp_jget_positive(&L->ctx, t, "speed", false, &m->planar_speed);
    const cJSON *sp = wp_jget_object(&L->ctx, t, "speed_kmh", false);
    if (sp) {
        size_t m2 = wp_jpath_key(&L->ctx, "speed_kmh");
        wp_jcheck_keys(&L->ctx, sp, mode_names);
        for (int k = 0; k < WP_MODE_COUNT; k++)
            wp_jget_positive(&L->ctx, sp, mode_names[k], false, &m->speed_kmh[k]);
        wp_jpath_pop(&L->ctx, m2);
    }
    wp_jpath_pop(&L->ctx, mark);
}

static void read_providers(loader *L, const cJSON *root)
{
    wp_model *m = L->m;
    const cJSON *arr = wp_jget_array(&L->ctx, root, "providers", false);
    if (!arr) return;
    m->n_providers = cJSON_GetArraySize(arr);
    m->providers = wp_calloc((size_t)m->n_providers + 1, sizeof *m->providers);
    size_t mark = wp_jpath_key(&L->ctx, "providers");
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        wp_provider_def *p = &m->providers[i];
        size_t m2 = wp_jpath_index(&L->ctx, (size_t)i++);
        p->tariff[0] = p->tariff[1] = NAN;
        if (!cJSON_IsObject(it)) {
            wp_jerr(&L->ctx, NULL, "a provider must be an object, not %s", wp_jtype_name(it));
            wp_jpath_pop(&L->ctx, m2);
            continue;
        }
        static const char *const keys[] = {"id", "name", "tariff", NULL};
        wp_jcheck_keys(&L->ctx, it, keys);
        const char *s;
        if (wp_jget_id(&L->ctx, it, "id", true, &s)) p->id = wp_strdup(s);
        if (wp_jget_string(&L->ctx, it, "name", false, &s)) p->name = wp_strdup(s);
        const cJSON *tar = wp_jget_object(&L->ctx, it, "tariff", false);
        if (tar) {
            size_t m3 = wp_jpath_key(&L->ctx, "tariff");
            wp_jcheck_keys(&L->ctx, tar, product_names);
            for (int k = 0; k < WP_PRODUCT_COUNT; k++)
                wp_jget_number(&L->ctx, tar, product_names[k], false, 0, 1e6, &p->tariff[k]);
            wp_jpath_pop(&L->ctx, m3);
        }
        p->extra_json = extra_of(it);
        wp_jpath_pop(&L->ctx, m2);
    }
    wp_jpath_pop(&L->ctx, mark);
}

static int cmp_window(const void *a, const void *b)
{
    const wp_window *x = a, *y = b;
    return (x->from > y->from) - (x->from < y->from);
}

static void push_window(loader *L, wp_window w)
{
    wp_model *m = L->m;
    size_t count = (size_t)m->n_avail;
    WP_PUSH(m->avail, count, L->avail_cap, w);
    m->n_avail = (int)count;
}

static void default_availability(loader *L, wp_helper_def *h)
{
    h->avail_start = L->m->n_avail;
    for (int d = 0; d < WP_DAYS; d++) {
        h->avail_off[d] = (uint8_t)(L->m->n_avail - h->avail_start);
        if (d < 5) push_window(L, (wp_window){8 * 60, 17 * 60});
    }
    h->avail_off[WP_DAYS] = (uint8_t)(L->m->n_avail - h->avail_start);
}

static void read_availability(loader *L, const cJSON *obj, wp_helper_def *h)
{
    const cJSON *av = wp_jget_object(&L->ctx, obj, "availability", false);
    if (!av) { /* absent, or of the wrong type (already reported) */
        default_availability(L, h);
        return;
    }
    size_t mark = wp_jpath_key(&L->ctx, "availability");
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL};
    wp_jcheck_keys(&L->ctx, av, days);
    h->avail_start = L->m->n_avail;
    for (int d = 0; d < WP_DAYS; d++) {
        h->avail_off[d] = (uint8_t)(L->m->n_avail - h->avail_start);
        const cJSON *list = wp_jget_array(&L->ctx, av, days[d], false);
        if (!list) continue;
        size_t m2 = wp_jpath_key(&L->ctx, days[d]);
        int first = L->m->n_avail;
        size_t i = 0;
        const cJSON *w;
        cJSON_ArrayForEach(w, list)
        {
            size_t m3 = wp_jpath_index(&L->ctx, i++);
            wp_window win;
            if (i > 32)
                wp_jerr(&L->ctx, NULL, "more than 32 windows on one day");
            else if (wp_jwindow(&L->ctx, w, false, &win))
                push_window(L, win);
            wp_jpath_pop(&L->ctx, m3);
        }
        int n = L->m->n_avail - first;
        if (n > 1) qsort(L->m->avail + first, (size_t)n, sizeof(wp_window), cmp_window);
        for (int k = first + 1; k < first + n; k++)
            if (L->m->avail[k].from < L->m->avail[k - 1].to)
                wp_jerr(&L->ctx, NULL, "windows overlap (merge them into one)");
        wp_jpath_pop(&L->ctx, m2);
    }
    h->avail_off[WP_DAYS] = (uint8_t)(L->m->n_avail - h->avail_start);
    wp_jpath_pop(&L->ctx, mark);
}

static void read_helper(loader *L, const cJSON *it, int i)
{
    wp_model *m = L->m;
    wp_helper_def *h = &m->helpers[i];
    h->provider = -1;
    h->home = m->n_clients + i;
    h->mode = WP_MODE_BIKE;
    h->day_max_min = INFINITY;
    h->max_visits_per_day = WP_UNLIMITED_VISITS;
    h->qualification = WP_PRODUCT_HO;
    h->capacity = INFINITY;
    if (!cJSON_IsObject(it)) {
        wp_jerr(&L->ctx, NULL, "a helper must be an object, not %s", wp_jtype_name(it));
        default_availability(L, h);
        return;
    }
    static const char *const keys[] = {"id",
                                       "provider",
                                       "home",
                                       "mode",
                                       "hours_per_week",
                                       "max_hours_per_day",
                                       "max_visits_per_day",
                                       "qualification",
                                       "skills",
                                       "availability",
                                       "capacity",
                                       "absent",
                                       NULL};
    wp_jcheck_keys(&L->ctx, it, keys);
    const char *s;
    if (wp_jget_id(&L->ctx, it, "id", true, &s)) h->id = wp_strdup(s);
    if (wp_jget_id(&L->ctx, it, "provider", true, &s)) L->ref.helper_provider[i] = s;
    read_point(L, it, "home", true, &m->src_x[h->home], &m->src_y[h->home]);
    read_enum(L, it, "mode", mode_names, &h->mode);
    double v;
    if (wp_jget_positive(&L->ctx, it, "hours_per_week", true, &v)) {
        if (v > max_week_hours(L))
            wp_jerr(&L->ctx, "hours_per_week", "%g hours is more than a week has", v);
        h->week_min = v * 60;
    }
    if (wp_jget_positive(&L->ctx, it, "max_hours_per_day", false, &v)) {
        if (v > (L->m->planar ? MAX_PLANAR_HOURS : 48))
            wp_jerr(&L->ctx, "max_hours_per_day", "must be at most %g hours, not %g",
                    L->m->planar ? MAX_PLANAR_HOURS : 48, v);
        h->day_max_min = v * 60;
    }
    long n;
    if (wp_jget_int(&L->ctx, it, "max_visits_per_day", false, 1, WP_UNLIMITED_VISITS, &n))
        h->max_visits_per_day = (int)n;
    read_enum(L, it, "qualification", product_names, &h->qualification);
    read_skills(L, it, &h->skills);
    read_availability(L, it, h);
    wp_jget_number(&L->ctx, it, "capacity", false, 0, MAX_LOAD, &h->capacity);
    const cJSON *absent = wp_jget(&L->ctx, it, "absent", false);
    if (absent) {
        size_t mark = wp_jpath_key(&L->ctx, "absent");
        wp_jdays(&L->ctx, absent, true, &h->absent);
        wp_jpath_pop(&L->ctx, mark);
    }
    h->extra_json = extra_of(it);
}

static void read_helpers(loader *L, const cJSON *root)
{
    wp_model *m = L->m;
    const cJSON *arr = wp_jget_array(&L->ctx, root, "helpers", false);
    m->n_helpers = arr ? cJSON_GetArraySize(arr) : 0;
    m->helpers = wp_calloc((size_t)m->n_helpers + 1, sizeof *m->helpers);
    L->ref.helper_provider = wp_calloc((size_t)m->n_helpers + 1, sizeof(char *));
    if (!arr) return;
    size_t mark = wp_jpath_key(&L->ctx, "helpers");
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        size_t m2 = wp_jpath_index(&L->ctx, (size_t)i);
        read_helper(L, it, i++);
        wp_jpath_pop(&L->ctx, m2);
    }
    wp_jpath_pop(&L->ctx, mark);
}

/* Defaults a client's visits inherit. */
typedef struct client_defaults {
    uint8_t days;
    wp_window window;
} client_defaults;

static int count_client_visits(const cJSON *it)
{
    const cJSON *visits = cJSON_GetObjectItemCaseSensitive(it, "visits");
    if (cJSON_IsArray(visits)) return cJSON_GetArraySize(visits);
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(it, "visits_per_week");
    if (cJSON_IsNumber(n) && n->valuedouble >= 1 && n->valuedouble <= 50)
        return (int)n->valuedouble;
    return 1;
}

static bool duration_ok(loader *L, double v)
{
    /* Benchmarks converted from CVRP carry stops without service time; real visits take time. */
    return L->m->planar ? v >= 0 : v > 0;
}

/* "pin": {"helper", "day", "start"}, any of them; resolved and checked in model/pins.c. */
static void read_pin(loader *L, const cJSON *vj, wp_visit_def *v)
{
    const cJSON *pin = wp_jget_object(&L->ctx, vj, "pin", false);
    if (!pin) return;
    size_t mark = wp_jpath_key(&L->ctx, "pin");
    static const char *const keys[] = {"helper", "day", "start", NULL};
    wp_jcheck_keys(&L->ctx, pin, keys);
    if (!pin->child) wp_jerr(&L->ctx, NULL, "a pin names at least one of helper, day, start");
    const char *s;
    if (wp_jget_id(&L->ctx, pin, "helper", false, &s))
        L->ref.visit_pin_helper[v - L->m->visits] = s;
    if (wp_jget_string(&L->ctx, pin, "day", false, &s)) {
        v->pin_day = wp_day_index(s);
        if (v->pin_day < 0)
            wp_jerr(&L->ctx, "day", "must be one of mon, tue, wed, thu, fri, sat, sun");
    }
    const cJSON *start = wp_jget(&L->ctx, pin, "start", false);
    if (start) {
        size_t m2 = wp_jpath_key(&L->ctx, "start");
        wp_jtime(&L->ctx, start, &v->pin_start);
        wp_jpath_pop(&L->ctx, m2);
    }
    wp_jpath_pop(&L->ctx, mark);
}

static void read_explicit_visit(loader *L, const cJSON *vj, wp_visit_def *v,
                                const client_defaults *def)
{
    v->days = def->days;
    v->window = def->window;
    if (!cJSON_IsObject(vj)) {
        wp_jerr(&L->ctx, NULL, "a visit must be an object, not %s", wp_jtype_name(vj));
        return;
    }
    static const char *const keys[] = {"duration_min", "day", "days", "window",
                                       "load",         "pin", NULL};
    wp_jcheck_keys(&L->ctx, vj, keys);
    double dur;
    if (wp_jget_number(&L->ctx, vj, "duration_min", true, -HUGE_VAL, HUGE_VAL, &dur)) {
        if (!duration_ok(L, dur))
            wp_jerr(&L->ctx, "duration_min", "must be greater than 0, not %g", dur);
        else if (dur > (L->m->planar ? MAX_PLANAR_MINUTES : 24 * 60 * 7))
            wp_jerr(&L->ctx, "duration_min", "%g minutes is longer than %s", dur,
                    L->m->planar ? "1e7 minutes (planar scenarios)" : "a week");
        else
            v->duration = dur;
    }
    const cJSON *day = wp_jget(&L->ctx, vj, "day", false);
    const cJSON *days = wp_jget(&L->ctx, vj, "days", false);
    if (day && days) {
        wp_jerr(&L->ctx, "days", "give either \"day\" or \"days\", not both");
    } else if (day) {
        int d = cJSON_IsString(day) ? wp_day_index(day->valuestring) : -1;
        if (d < 0)
            wp_jerr(&L->ctx, "day", "must be one of mon, tue, wed, thu, fri, sat, sun");
        else
            v->days = (uint8_t)(1u << d);
    } else if (days) {
        size_t mark = wp_jpath_key(&L->ctx, "days");
        wp_jdays(&L->ctx, days, false, &v->days);
        wp_jpath_pop(&L->ctx, mark);
    }
    const cJSON *win = wp_jget(&L->ctx, vj, "window", false);
    if (win) {
        size_t mark = wp_jpath_key(&L->ctx, "window");
        wp_jwindow(&L->ctx, win, true, &v->window);
        wp_jpath_pop(&L->ctx, mark);
    }
    wp_jget_number(&L->ctx, vj, "load", false, 0, MAX_LOAD, &v->load);
    read_pin(L, vj, v);
}

static void read_client_visits(loader *L, const cJSON *it, wp_client_def *c,
                               const client_defaults *def)
{
    wp_model *m = L->m;
    const cJSON *visits = wp_jget(&L->ctx, it, "visits", false);
    const cJSON *hours = wp_jget(&L->ctx, it, "hours_per_week", false);
    const cJSON *per_week = wp_jget(&L->ctx, it, "visits_per_week", false);
    for (int k = 0; k < c->n_visits; k++) {
        wp_visit_def *v = &m->visits[c->first_visit + k];
        v->client = (int)(c - m->clients);
        v->index = k;
        v->days = def->days;
        v->window = def->window;
        v->pin_helper = v->pin_day = -1;
        v->pin_start = NAN;
    }
    if (visits && hours) {
        wp_jerr(&L->ctx, "visits", "give either \"visits\" or \"hours_per_week\", not both");
        return;
    }
    if (!visits && !hours) {
        wp_jerr(&L->ctx, NULL, "missing required field: give \"hours_per_week\" or \"visits\"");
        return;
    }
    if (visits) {
        if (per_week) wp_jerr(&L->ctx, "visits_per_week", "goes with hours_per_week, not visits");
        if (!cJSON_IsArray(visits) || cJSON_GetArraySize(visits) == 0) {
            wp_jerr(&L->ctx, "visits", "must be a non-empty array of visits");
            return;
        }
        size_t mark = wp_jpath_key(&L->ctx, "visits");
        int k = 0;
        const cJSON *vj;
        cJSON_ArrayForEach(vj, visits)
        {
            size_t m2 = wp_jpath_index(&L->ctx, (size_t)k);
            read_explicit_visit(L, vj, &m->visits[c->first_visit + k], def);
            k++;
            wp_jpath_pop(&L->ctx, m2);
        }
        wp_jpath_pop(&L->ctx, mark);
        return;
    }
    double h;
    long n = 1;
    if (!wp_jget_positive(&L->ctx, it, "hours_per_week", true, &h)) return;
    if (h > max_week_hours(L)) {
        wp_jerr(&L->ctx, "hours_per_week", "%g hours is more than a week has", h);
        return;
    }
    if (per_week && !wp_jget_int(&L->ctx, it, "visits_per_week", false, 1, 50, &n)) return;
    for (int k = 0; k < c->n_visits; k++) m->visits[c->first_visit + k].duration = h * 60 / n;
}

/* A list of ids (strings), reported where an item is not one; returns how many were kept. */
static int read_id_list(loader *L, const cJSON *arr, const char *kind, const char ***out)
{
    *out = wp_calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(char *));
    int n = 0;
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        size_t mark = wp_jpath_index(&L->ctx, i++);
        if (cJSON_IsString(it))
            (*out)[n++] = it->valuestring;
        else
            wp_jerr(&L->ctx, NULL, "a %s id must be a string, not %s", kind, wp_jtype_name(it));
        wp_jpath_pop(&L->ctx, mark);
    }
    return n;
}

static void read_excluded(loader *L, const cJSON *client, int i)
{
    const cJSON *ex = wp_jget_array(&L->ctx, client, "excluded_helpers", false);
    if (!ex) return;
    size_t mark = wp_jpath_key(&L->ctx, "excluded_helpers");
    L->ref.n_excluded[i] = read_id_list(L, ex, "helper", &L->ref.excluded[i]);
    wp_jpath_pop(&L->ctx, mark);
}

static void read_client(loader *L, const cJSON *it, int i)
{
    wp_model *m = L->m;
    wp_client_def *c = &m->clients[i];
    c->location = i;
    c->district = c->provider = c->helper = -1;
    c->product = WP_PRODUCT_HO;
    c->priority = 3;
    c->consistency_min = -1;
    c->pin_helper = -1;
    client_defaults def = {0x1F, {8 * 60, 17 * 60}};
    if (!cJSON_IsObject(it)) {
        wp_jerr(&L->ctx, NULL, "a client must be an object, not %s", wp_jtype_name(it));
        return;
    }
    static const char *const keys[] = {"id",
                                       "location",
                                       "district",
                                       "provider",
                                       "helper",
                                       "product",
                                       "skills",
                                       "priority",
                                       "hours_per_week",
                                       "visits_per_week",
                                       "days",
                                       "window",
                                       "min_days_between_visits",
                                       "arrival_consistency_min",
                                       "visits",
                                       "excluded_helpers",
                                       NULL};
    wp_jcheck_keys(&L->ctx, it, keys);
    const char *s;
    if (wp_jget_id(&L->ctx, it, "id", true, &s)) c->id = wp_strdup(s);
    read_point(L, it, "location", true, &m->src_x[i], &m->src_y[i]);
    if (wp_jget_id(&L->ctx, it, "district", false, &s)) L->client_district[i] = s;
    if (wp_jget_id(&L->ctx, it, "provider", false, &s)) L->ref.client_provider[i] = s;
    if (wp_jget_id(&L->ctx, it, "helper", false, &s)) L->ref.client_helper[i] = s;
    read_enum(L, it, "product", product_names, &c->product);
    read_skills(L, it, &c->skills);
    long n;
    if (wp_jget_int(&L->ctx, it, "priority", false, 1, 5, &n)) c->priority = (int)n;
    const cJSON *days = wp_jget(&L->ctx, it, "days", false);
    if (days) {
        size_t mark = wp_jpath_key(&L->ctx, "days");
        wp_jdays(&L->ctx, days, false, &def.days);
        wp_jpath_pop(&L->ctx, mark);
    }
    const cJSON *win = wp_jget(&L->ctx, it, "window", false);
    if (win) {
        size_t mark = wp_jpath_key(&L->ctx, "window");
        wp_jwindow(&L->ctx, win, true, &def.window);
        wp_jpath_pop(&L->ctx, mark);
    }
    c->min_days_between = c->n_visits > 1 ? 1 : 0;
    if (wp_jget_int(&L->ctx, it, "min_days_between_visits", false, 0, 6, &n))
        c->min_days_between = (int)n;
    wp_jget_number(&L->ctx, it, "arrival_consistency_min", false, 0, HUGE_VAL, &c->consistency_min);
    read_excluded(L, it, i);
    read_client_visits(L, it, c, &def);
    c->extra_json = extra_of(it);
}

static void read_clients(loader *L, const cJSON *root)
{
    wp_model *m = L->m;
    const cJSON *arr = wp_jget_array(&L->ctx, root, "clients", false);
    m->n_clients = arr ? cJSON_GetArraySize(arr) : 0;
    m->clients = wp_calloc((size_t)m->n_clients + 1, sizeof *m->clients);
    L->ref.client_provider = wp_calloc((size_t)m->n_clients + 1, sizeof(char *));
    L->ref.client_helper = wp_calloc((size_t)m->n_clients + 1, sizeof(char *));
    L->client_district = wp_calloc((size_t)m->n_clients + 1, sizeof(char *));
    L->ref.n_excluded = wp_calloc((size_t)m->n_clients + 1, sizeof(int));
    L->ref.excluded = wp_calloc((size_t)m->n_clients + 1, sizeof(char **));
    if (!arr) {
        L->ref.visit_pin_helper = wp_calloc(1, sizeof(char *));
        return;
    }
    /* Visits are laid out client by client, so count them first. */
    int total = 0, i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        int k = cJSON_IsObject(it) ? count_client_visits(it) : 0;
        m->clients[i].first_visit = total;
        m->clients[i].n_visits = k;
        total += k;
        i++;
    }
    m->n_visits = total;
    m->visits = wp_calloc((size_t)total + 1, sizeof *m->visits);
    L->ref.visit_pin_helper = wp_calloc((size_t)total + 1, sizeof(char *));
    size_t mark = wp_jpath_key(&L->ctx, "clients");
    i = 0;
    cJSON_ArrayForEach(it, arr)
    {
        size_t m2 = wp_jpath_index(&L->ctx, (size_t)i);
        read_client(L, it, i++);
        wp_jpath_pop(&L->ctx, m2);
    }
    wp_jpath_pop(&L->ctx, mark);
}

/* The given awards: district id -> non-empty list of provider ids. */
static void read_awards(loader *L, const cJSON *aw)
{
    size_t mark = wp_jpath_key(&L->ctx, "awards");
    L->ref.awards = wp_calloc((size_t)cJSON_GetArraySize(aw) + 1, sizeof *L->ref.awards);
    const cJSON *it;
    cJSON_ArrayForEach(it, aw)
    {
        size_t m2 = wp_jpath_key(&L->ctx, it->string);
        if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) == 0) {
            wp_jerr(&L->ctx, NULL, "must be a non-empty array of provider ids");
        } else {
            wp_award_ref *a = &L->ref.awards[L->ref.n_awards++];
            a->district = it->string;
            a->n = read_id_list(L, it, "provider", &a->providers);
        }
        wp_jpath_pop(&L->ctx, m2);
    }
    wp_jpath_pop(&L->ctx, mark);
}

static void read_contracting(loader *L, const cJSON *root)
{
    wp_contracting *c = &L->m->contracting;
    c->model = WP_OPEN_HOUSE;
    c->providers_per_district = 1;
    c->awards_given = false;
    const cJSON *obj = wp_jget_object(&L->ctx, root, "contracting", false);
    if (!obj) return;
    size_t mark = wp_jpath_key(&L->ctx, "contracting");
    static const char *const keys[] = {"model",          "providers_per_district",  "awards",
                                       "staff_transfer", "existing_pairs_continue", NULL};
    wp_jcheck_keys(&L->ctx, obj, keys);
    static const char *const models[] = {"open_house", "per_district", NULL};
    read_enum(L, obj, "model", models, &c->model);
    long k;
    if (wp_jget_int(&L->ctx, obj, "providers_per_district", false, 1, 1000, &k))
        c->providers_per_district = (int)k;
    wp_jget_bool(&L->ctx, obj, "staff_transfer", false, &c->staff_transfer);
    wp_jget_bool(&L->ctx, obj, "existing_pairs_continue", false, &c->pairs_continue);
    const cJSON *aw = wp_jget(&L->ctx, obj, "awards", false);
    if (aw) {
        if (cJSON_IsString(aw) && strcmp(aw->valuestring, "optimize") == 0) {
            c->awards_given = false;
        } else if (cJSON_IsObject(aw)) {
            c->awards_given = true;
            read_awards(L, aw);
        } else {
            wp_jerr(&L->ctx, "awards",
                    "must be \"optimize\" or an object of district ids to provider id lists");
        }
    }
    wp_jpath_pop(&L->ctx, mark);
}

static void read_policy_objective(loader *L, const cJSON *root)
{
    wp_model *m = L->m;
    m->pair_policy = WP_PAIRS_SOFT;
    const cJSON *pol = wp_jget_object(&L->ctx, root, "policy", false);
    if (pol) {
        size_t mark = wp_jpath_key(&L->ctx, "policy");
        static const char *const keys[] = {"fixed_pairs", NULL};
        wp_jcheck_keys(&L->ctx, pol, keys);
        static const char *const values[] = {"soft", "hard", NULL};
        read_enum(L, pol, "fixed_pairs", values, &m->pair_policy);
        wp_jpath_pop(&L->ctx, mark);
    }
    m->objective = (wp_objective){1000, 600, 1, 0, 0, 240, 60, 20, 120};
    const cJSON *obj = wp_jget_object(&L->ctx, root, "objective", false);
    if (!obj) return;
    size_t mark = wp_jpath_key(&L->ctx, "objective");
    static const char *const keys[] = {
        "unserved_minute", "broken_pair", "travel_minute", "helper_day",       "helper",
        "changed_helper",  "changed_day", "changed_time",  "substitute_visit", NULL};
    wp_jcheck_keys(&L->ctx, obj, keys);
    wp_objective *o = &m->objective;
    wp_jget_number(&L->ctx, obj, "unserved_minute", false, 0, HUGE_VAL, &o->unserved_minute);
    wp_jget_number(&L->ctx, obj, "broken_pair", false, 0, HUGE_VAL, &o->broken_pair);
    wp_jget_number(&L->ctx, obj, "travel_minute", false, 0, HUGE_VAL, &o->travel_minute);
    wp_jget_number(&L->ctx, obj, "helper_day", false, 0, HUGE_VAL, &o->helper_day);
    wp_jget_number(&L->ctx, obj, "helper", false, 0, HUGE_VAL, &o->helper);
    wp_jget_number(&L->ctx, obj, "changed_helper", false, 0, HUGE_VAL, &o->changed_helper);
    wp_jget_number(&L->ctx, obj, "changed_day", false, 0, HUGE_VAL, &o->changed_day);
    wp_jget_number(&L->ctx, obj, "changed_time", false, 0, HUGE_VAL, &o->changed_time);
    wp_jget_number(&L->ctx, obj, "substitute_visit", false, 0, HUGE_VAL, &o->substitute_visit);
    wp_jpath_pop(&L->ctx, mark);
}

/* ---- entry points ------------------------------------------------------------------------ */

static void free_refs(loader *L)
{
    wp_refs *r = &L->ref;
    wp_free(r->helper_provider);
    wp_free(r->client_provider);
    wp_free(r->client_helper);
    for (int c = 0; r->excluded && c < L->m->n_clients; c++) wp_free(r->excluded[c]);
    wp_free(r->excluded);
    wp_free(r->n_excluded);
    wp_free(r->visit_pin_helper);
    for (int i = 0; i < r->n_awards; i++) wp_free(r->awards[i].providers);
    wp_free(r->awards);
    wp_free(L->client_district);
    memset(r, 0, sizeof *r);
}

static wp_status fail(loader *L, wp_status s)
{
    free_refs(L);
    wp_jctx_free(&L->ctx);
    wp_model_free(L->m);
    return s == WP_OK ? WP_ERR_INPUT : s;
}

static void read_header(loader *L, const cJSON *root)
{
    wp_model *m = L->m;
    static const char *const keys[] = {
        "format",    "name",    "crs",     "travel",      "districts", "district_id_property",
        "providers", "helpers", "clients", "contracting", "policy",    "objective",
        NULL};
    wp_jcheck_keys(&L->ctx, root, keys);
    const char *s;
    if (wp_jget_string(&L->ctx, root, "format", true, &s) && strcmp(s, SCENARIO_FORMAT) != 0)
        wp_jerr(&L->ctx, "format", "\"%s\" is not supported (expected \"%s\")", s, SCENARIO_FORMAT);
    if (wp_jget_string(&L->ctx, root, "name", false, &s))
        m->name = wp_strdup(s);
    else
        m->name = wp_strdup(wp_path_basename(L->ctx.file));
    m->crs = wp_strdup("EPSG:4326");
    if (wp_jget_id(&L->ctx, root, "crs", false, &s)) {
        wp_free(m->crs);
        m->crs = wp_strdup(s);
    }
    m->planar = strcmp(m->crs, "planar") == 0;
    if (!m->planar && wp_crs_check(m->crs, L->ctx.file, "crs", L->ctx.err) != WP_OK)
        L->ctx.problems++;
    m->extra_json = extra_of(root);
}

wp_status wp_scenario_load_json(const cJSON *root, const char *file, const char *base_dir,
                                wp_model *m, wp_error *err)
{
    memset(m, 0, sizeof *m);
    loader L = {.m = m, .base_dir = base_dir};
    wp_error *local = err ? NULL : wp_error_local();
    wp_error *e = err ? err : local;
    size_t before = e->count + e->dropped;
    wp_jctx_init(&L.ctx, file, e);
    if (!cJSON_IsObject(root)) {
        wp_jerr(&L.ctx, NULL, "a scenario must be a JSON object, not %s", wp_jtype_name(root));
        wp_error_local_free(local);
        return fail(&L, WP_ERR_INPUT);
    }
    read_header(&L, root);
    read_travel(&L, root);
    read_providers(&L, root);
    /* Locations: clients first, then helper homes; sized before either is read. */
    const cJSON *ca = cJSON_GetObjectItemCaseSensitive(root, "clients");
    const cJSON *ha = cJSON_GetObjectItemCaseSensitive(root, "helpers");
    int nc = cJSON_IsArray(ca) ? cJSON_GetArraySize(ca) : 0;
    int nh = cJSON_IsArray(ha) ? cJSON_GetArraySize(ha) : 0;
    m->n_locations = nc + nh;
    m->src_x = wp_calloc((size_t)m->n_locations + 1, sizeof *m->src_x);
    m->src_y = wp_calloc((size_t)m->n_locations + 1, sizeof *m->src_y);
    m->n_clients = nc; /* read_helper needs it for home indices */
    read_helpers(&L, root);
    read_clients(&L, root);
    read_contracting(&L, root);
    read_policy_objective(&L, root);
    wp_districts_read(m, root, L.base_dir, &L.ctx);
    const char *matrix_path = NULL;
    const cJSON *travel = cJSON_GetObjectItemCaseSensitive(root, "travel");
    if (cJSON_IsObject(travel)) wp_jget_string(&L.ctx, travel, "matrix", false, &matrix_path);
    if (e->count + e->dropped > before) {
        wp_error_local_free(local);
        return fail(&L, wp_error_status(e));
    }

    wp_model_resolve(m, &L.ref, file, e);
    if (e->count + e->dropped == before) wp_pins_apply(m, file, e);
    if (e->count + e->dropped > before) {
        wp_error_local_free(local);
        return fail(&L, wp_error_status(e));
    }
    wp_status s = wp_model_place(m, file, e);
    if (s == WP_OK) s = wp_districts_assign(m, L.client_district, file, e);
    if (s == WP_OK && matrix_path) s = wp_matrix_load(m, matrix_path, base_dir, file, e);
    if (s == WP_OK && e->count + e->dropped > before) s = wp_error_status(e);
    if (s != WP_OK) {
        wp_error_local_free(local);
        return fail(&L, s);
    }
    free_refs(&L);
    wp_jctx_free(&L.ctx);
    wp_error_local_free(local);
    return WP_OK;
}

wp_status wp_scenario_load_text(const char *text, size_t len, const char *file,
                                const char *base_dir, wp_model *m, wp_error *err)
{
    memset(m, 0, sizeof *m);
    cJSON *root = wp_json_parse(text, len, file, err);
    if (!root) return WP_ERR_INPUT;
    wp_status s = wp_scenario_load_json(root, file, base_dir, m, err);
    cJSON_Delete(root);
    char hex[65];
    wp_sha256_hex(text, len, hex);
    snprintf(m->digest, sizeof m->digest, "sha256:%s", hex);
    return s;
}

wp_status wp_scenario_load_file(const char *path, wp_model *m, wp_error *err)
{
    memset(m, 0, sizeof *m);
    size_t len;
    char *text = wp_file_read(path, &len, "scenario", err);
    if (!text) return WP_ERR_INPUT;
    char *dir = wp_path_dirname(path);
    wp_status s = wp_scenario_load_text(text, len, path, dir, m, err);
    wp_free(dir);
    wp_free(text);
    return s;
}
