/* wijkplan-recommendations/1: writing intake options (SPEC "Recommendation"). */
#include <wijkplan/recommend.h>

#include <cjson/cJSON.h>

#include "io/roster_json.h"

#include "error/guard.h"
#include "util/daytime.h"

#define RECOMMEND_FORMAT "wijkplan-recommendations/1"

static wp_status recommendations_write_json_unguarded(const wp_recommendations *r, const char *path,
                                                      wp_error *err)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "format", RECOMMEND_FORMAT);
    cJSON_AddStringToObject(doc, "client", r->client);
    cJSON *opts = cJSON_AddArrayToObject(doc, "options");
    for (size_t i = 0; i < r->n_options; i++) {
        const wp_recommend_option *o = &r->options[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddNumberToObject(j, "rank", o->rank);
        cJSON_AddStringToObject(j, "helper", o->helper);
        cJSON_AddStringToObject(j, "provider", o->provider);
        cJSON_AddBoolToObject(j, "pair_kept", o->pair_kept);
        cJSON_AddBoolToObject(j, "provider_kept", o->provider_kept);
        cJSON *vs = cJSON_AddArrayToObject(j, "visits");
        for (size_t q = 0; q < o->n_visits; q++) {
            cJSON *v = cJSON_CreateObject();
            cJSON_AddNumberToObject(v, "visit", o->visits[q].visit);
            cJSON_AddStringToObject(v, "day", wp_day_name(o->visits[q].day));
            cJSON_AddNumberToObject(v, "start", o->visits[q].start);
            cJSON_AddItemToArray(vs, v);
        }
        cJSON_AddNumberToObject(j, "added_travel_min", o->added_travel_min);
        cJSON_AddNumberToObject(j, "added_objective", o->added_objective);
        cJSON_AddItemToArray(opts, j);
    }
    if (r->reason)
        cJSON_AddStringToObject(doc, "reason", r->reason);
    else
        cJSON_AddNullToObject(doc, "reason");
    wp_status s = wp_json_write_file(doc, path, err);
    cJSON_Delete(doc);
    return s;
}

wp_status wp_recommendations_write_json(const wp_recommendations *r, const char *path,
                                        wp_error *err)
{
    WP_GUARD(err, "writing the recommendations",
             recommendations_write_json_unguarded(r, path, err));
}
