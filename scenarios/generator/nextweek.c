#define _XOPEN_SOURCE 700 /* realpath */
/* Next week's scenario from this week's (see nextweek.h). Works on the scenario's JSON tree, so
 * every field it does not touch is carried over as written. */
#include "nextweek.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/roster.h>

#include "io/scenario_write.h"
#include "io/jread.h"
#include "error/guard.h"
#include "util/alloc.h"
#include "util/daytime.h"
#include "util/fileio.h"
#include "util/rng.h"
#include "util/strmap.h"

void wp_next_week_options_default(wp_next_week_options *o)
{
    memset(o, 0, sizeof *o);
    o->absent_share = 0.05;
    o->leave_share = 0.02;
    o->arrive_share = 0.02;
    o->hours_share = 0.03;
    o->seed = 1;
}

/* Exactly round(share x n) of n items, chosen uniformly (partial Fisher-Yates). */
static bool *pick(wp_rng *rng, int n, double share)
{
    bool *chosen = wp_calloc((size_t)n + 1, sizeof *chosen);
    int k = (int)lround(share * n);
    if (k > n) k = n;
    int *idx = wp_malloc(((size_t)n + 1) * sizeof *idx);
    for (int i = 0; i < n; i++) idx[i] = i;
    for (int i = 0; i < k; i++) {
        int j = i + (int)wp_rng_below(rng, (uint32_t)(n - i));
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        chosen[idx[i]] = true;
    }
    wp_free(idx);
    return chosen;
}

/* Helpers who work this week: with routes in the roster, or some client's fixed pair. */
static bool *working_helpers(const cJSON *helpers, const cJSON *clients, const wp_roster *r)
{
    int n = cJSON_GetArraySize(helpers), i = 0;
    wp_strmap ids;
    wp_strmap_init(&ids);
    const cJSON *it;
    cJSON_ArrayForEach(it, helpers)
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(it, "id");
        if (cJSON_IsString(id)) wp_strmap_put(&ids, id->valuestring, i);
        i++;
    }
    bool *working = wp_calloc((size_t)n + 1, sizeof *working);
    if (r) {
        for (size_t k = 0; k < r->n_routes; k++) {
            int h = wp_strmap_get(&ids, r->routes[k].helper);
            if (h >= 0) working[h] = true;
        }
    } else {
        cJSON_ArrayForEach(it, clients)
        {
            const cJSON *h = cJSON_GetObjectItemCaseSensitive(it, "helper");
            int k = cJSON_IsString(h) ? wp_strmap_get(&ids, h->valuestring) : -1;
            if (k >= 0) working[k] = true;
        }
    }
    wp_strmap_free(&ids);
    return working;
}

/* One to three consecutive weekdays off (sick or on leave). */
static void make_absent(cJSON *helper, wp_rng *rng)
{
    int len = 1 + (int)wp_rng_below(rng, 3);
    int first = (int)wp_rng_below(rng, (uint32_t)(5 - len + 1));
    cJSON *days = cJSON_CreateArray();
    for (int d = first; d < first + len; d++)
        cJSON_AddItemToArray(days, cJSON_CreateString(wp_day_name(d)));
    cJSON_DeleteItemFromObjectCaseSensitive(helper, "absent");
    cJSON_AddItemToObject(helper, "absent", days);
}

static void absences(cJSON *helpers, const bool *working, double share, wp_rng *rng)
{
    int n = cJSON_GetArraySize(helpers), nw = 0;
    for (int i = 0; i < n; i++) nw += working[i];
    bool *chosen = pick(rng, nw, share);
    int w = 0, i = 0;
    cJSON *it;
    cJSON_ArrayForEach(it, helpers)
    {
        if (working[i++] && chosen[w++]) make_absent(it, rng);
    }
    wp_free(chosen);
}

/* Other hours: half an hour to an hour more or less a week, or a visit 15 minutes longer or
 * shorter; never below half an hour. */
static void change_hours(cJSON *client, wp_rng *rng)
{
    double sign = wp_rng_below(rng, 2) ? 1 : -1;
    cJSON *hours = cJSON_GetObjectItemCaseSensitive(client, "hours_per_week");
    if (cJSON_IsNumber(hours)) {
        double h = hours->valuedouble + sign * (wp_rng_below(rng, 2) ? 0.5 : 1.0);
        cJSON_SetNumberValue(hours, h < 0.5 ? 0.5 : h);
        return;
    }
    cJSON *visits = cJSON_GetObjectItemCaseSensitive(client, "visits");
    int n = cJSON_GetArraySize(visits);
    if (n <= 0) return;
    cJSON *v = cJSON_GetArrayItem(visits, (int)wp_rng_below(rng, (uint32_t)n));
    cJSON *dur = cJSON_GetObjectItemCaseSensitive(v, "duration_min");
    if (cJSON_IsNumber(dur)) {
        double d = dur->valuedouble + sign * 15;
        cJSON_SetNumberValue(dur, d < 30 ? 30 : d);
    }
}

/* A new client like a random existing one, living next door to it (a step of a thousandth of
 * the way towards another client: inside the same district in any CRS), without a fixed pair. */
static cJSON *new_client(const cJSON *clients, int n, int number, wp_rng *rng)
{
    const cJSON *a = cJSON_GetArrayItem(clients, (int)wp_rng_below(rng, (uint32_t)n));
    const cJSON *b = cJSON_GetArrayItem(clients, (int)wp_rng_below(rng, (uint32_t)n));
    cJSON *c = cJSON_Duplicate(a, true);
    char id[32];
    snprintf(id, sizeof id, "N%05d", number);
    cJSON_ReplaceItemInObjectCaseSensitive(c, "id", cJSON_CreateString(id));
    cJSON_DeleteItemFromObjectCaseSensitive(c, "helper");
    cJSON_DeleteItemFromObjectCaseSensitive(c, "extra");
    const cJSON *la = cJSON_GetObjectItemCaseSensitive(a, "location");
    const cJSON *lb = cJSON_GetObjectItemCaseSensitive(b, "location");
    double t = 0.001 * wp_rng_unit(rng);
    double x = cJSON_GetArrayItem(la, 0)->valuedouble * (1 - t) +
               cJSON_GetArrayItem(lb, 0)->valuedouble * t;
    double y = cJSON_GetArrayItem(la, 1)->valuedouble * (1 - t) +
               cJSON_GetArrayItem(lb, 1)->valuedouble * t;
    cJSON *loc = cJSON_CreateArray();
    cJSON_AddItemToArray(loc, cJSON_CreateNumber(x));
    cJSON_AddItemToArray(loc, cJSON_CreateNumber(y));
    cJSON_ReplaceItemInObjectCaseSensitive(c, "location", loc);
    return c;
}

/* A relative path inside the scenario resolves against its directory; next week's file may
 * live elsewhere. */
static void absolute_path(cJSON *obj, const char *key, const char *dir)
{
    cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsString(it) || it->valuestring[0] == '/') return;
    char *joined = wp_strdupf("%s/%s", dir, it->valuestring);
    char *real = realpath(joined, NULL);
    cJSON_SetValuestring(it, real ? real : joined);
    wp_free(real);
    wp_free(joined);
}

static wp_status next_week_unguarded(const char *in, const wp_next_week_options *o, const char *out,
                                     wp_error *err)
{
    size_t len;
    char *text = wp_file_read(in, &len, "scenario", err);
    if (!text) return WP_ERR_INPUT;
    cJSON *doc = wp_json_parse(text, len, in, err);
    wp_free(text);
    if (!doc) return WP_ERR_INPUT;
    wp_roster *r = NULL;
    wp_status s = o->roster ? wp_roster_read_previous(o->roster, &r, err) : WP_OK;
    cJSON *helpers = cJSON_GetObjectItemCaseSensitive(doc, "helpers");
    cJSON *clients = cJSON_GetObjectItemCaseSensitive(doc, "clients");
    if (s == WP_OK && (!cJSON_IsArray(helpers) || !cJSON_IsArray(clients)))
        s = wp_error_add(err, WP_ERR_INPUT, in, NULL, 0, 0, "a scenario needs helpers and clients");
    if (s == WP_OK) {
        wp_rng rng;
        wp_rng_seed(&rng, o->seed, 77);
        bool *working = working_helpers(helpers, clients, r);
        absences(helpers, working, o->absent_share, &rng);
        wp_free(working);
        int n = cJSON_GetArraySize(clients);
        bool *leave = pick(&rng, n, o->leave_share);
        bool *hours = pick(&rng, n, o->hours_share);
        int arrive = (int)lround(o->arrive_share * n);
        for (int i = 0; i < arrive && n > 0; i++)
            cJSON_AddItemToArray(clients, new_client(clients, n, i + 1, &rng));
        for (int i = n - 1; i >= 0; i--) {
            if (leave[i])
                cJSON_DeleteItemFromArray(clients, i);
            else if (hours[i])
                change_hours(cJSON_GetArrayItem(clients, i), &rng);
        }
        wp_free(leave);
        wp_free(hours);
        char *dir = wp_path_dirname(in);
        absolute_path(doc, "districts", dir);
        absolute_path(cJSON_GetObjectItemCaseSensitive(doc, "travel"), "matrix", dir);
        wp_free(dir);
        s = wp_emit_write(doc, out, err);
    }
    wp_roster_free(r);
    cJSON_Delete(doc);
    return s;
}

wp_status wp_next_week(const char *in, const wp_next_week_options *o, const char *out,
                       wp_error *err)
{
    WP_GUARD(err, "generating the next week", next_week_unguarded(in, o, out, err));
}
