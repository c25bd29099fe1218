/* Scenario JSON writing shared by importers, the generator and subsets. */
#include "io/scenario_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error/guard.h"
#include "io/jread.h"
#include "io/scenario_load.h"
#include "util/alloc.h"
#include "util/fileio.h"

cJSON *wp_emit_scenario(const char *name, const char *crs)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "format", "wijkplan-scenario/1");
    cJSON_AddStringToObject(doc, "name", name);
    cJSON_AddStringToObject(doc, "crs", crs);
    return doc;
}

cJSON *wp_emit_point(double x, double y)
{
    cJSON *a = cJSON_CreateArray();
    cJSON_AddItemToArray(a, cJSON_CreateNumber(x));
    cJSON_AddItemToArray(a, cJSON_CreateNumber(y));
    return a;
}

cJSON *wp_emit_window(double from, double to)
{
    return wp_emit_point(from, to);
}

cJSON *wp_emit_vehicle(cJSON *helpers, int k, double depot_x, double depot_y, double hours_per_week,
                       double capacity)
{
    cJSON *h = cJSON_CreateObject();
    char id[32];
    snprintf(id, sizeof id, "v%d", k);
    cJSON_AddStringToObject(h, "id", id);
    cJSON_AddStringToObject(h, "provider", "fleet");
    cJSON_AddItemToObject(h, "home", wp_emit_point(depot_x, depot_y));
    cJSON_AddNumberToObject(h, "hours_per_week", hours_per_week);
    cJSON_AddNumberToObject(h, "capacity", capacity);
    cJSON_AddItemToArray(helpers, h);
    return h;
}

void wp_emit_benchmark_objective(cJSON *doc, double helper_cost)
{
    cJSON *obj = cJSON_AddObjectToObject(doc, "objective");
    cJSON_AddNumberToObject(obj, "unserved_minute", 1000);
    cJSON_AddNumberToObject(obj, "broken_pair", 0);
    cJSON_AddNumberToObject(obj, "travel_minute", 1);
    cJSON_AddNumberToObject(obj, "helper_day", 0);
    cJSON_AddNumberToObject(obj, "helper", helper_cost);
}

wp_status wp_emit_write(const cJSON *doc, const char *out_path, wp_error *err)
{
    char *text = wp_json_text(doc, true);
    size_t len = strlen(text);
    char *dir = wp_path_dirname(out_path);
    wp_model m;
    wp_error *check = wp_error_local();
    wp_status s = wp_scenario_load_text(text, len, out_path, dir, &m, check);
    if (s == WP_OK) {
        wp_model_free(&m);
        text = wp_realloc(text, len + 2);
        text[len++] = '\n';
        text[len] = '\0';
        s = wp_file_write_atomic(out_path, text, len, err);
    } else {
        /* The importer let something through that the loader rejects: say what. */
        for (size_t i = 0; i < check->count; i++) {
            wp_problem *p = &check->items[i];
            wp_error_add(err, p->status, p->file, p->path, p->line, p->column,
                         "the imported scenario would be rejected: %s",
                         p->message ? p->message : "(no message)");
        }
    }
    wp_error_local_free(check);
    wp_free(dir);
    wp_free(text);
    return s;
}
