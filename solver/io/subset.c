/* A scenario restricted to some districts: their clients, the helpers who live there or are
 * the pair of one of those clients, the districts themselves. For solving a district alone. */
#define _XOPEN_SOURCE 700
#include <wijkplan/scenario.h>

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "model/districts.h"

#include "error/guard.h"
#include "io/scenario_write.h"
#include "io/jread.h"
#include "model/scenario_internal.h"
#include "util/alloc.h"
#include "util/fileio.h"

/* Detaches the items of array `key` whose index is not kept. */
static void keep_items(cJSON *root, const char *key, const bool *keep)
{
    cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!cJSON_IsArray(arr)) return;
    int n = cJSON_GetArraySize(arr);
    for (int i = n - 1; i >= 0; i--)
        if (!keep[i]) cJSON_DeleteItemFromArray(arr, i);
}

/* Relative file references made absolute, so the subset may live elsewhere. */
static void absolute_ref(cJSON *obj, const char *key, const char *base_dir)
{
    cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsString(it) || it->valuestring[0] == '/') return;
    char *joined = wp_path_join(base_dir, it->valuestring);
    char *abs = realpath(joined, NULL);
    cJSON_SetValuestring(it, abs ? abs : joined);
    wp_free(abs);
    wp_free(joined);
}

static wp_status scenario_subset_unguarded(const char *path, const char *const *districts,
                                           int n_districts, const char *out_path, wp_error *err)
{
    wp_scenario *sc;
    wp_status s = wp_scenario_load(path, &sc, err);
    if (s != WP_OK) return s;
    const wp_model *m = &sc->model;
    bool *chosen = wp_calloc((size_t)m->n_districts + 1, sizeof *chosen);
    for (int i = 0; i < n_districts && s == WP_OK; i++) {
        int d = wp_strmap_get(&m->district_ids, districts[i]);
        if (d < 0)
            s = wp_error_add(err, WP_ERR_INPUT, path, "districts", 0, 0, "no district \"%s\"",
                             districts[i]);
        else
            chosen[d] = true;
    }
    size_t len;
    char *text = s == WP_OK ? wp_file_read(path, &len, "scenario", err) : NULL;
    cJSON *root = text ? wp_json_parse(text, len, path, err) : NULL;
    wp_free(text);
    if (s == WP_OK && !root) s = WP_ERR_INPUT;
    if (s == WP_OK) {
        bool *keep_c = wp_calloc((size_t)m->n_clients + 1, sizeof *keep_c);
        bool *keep_h = wp_calloc((size_t)m->n_helpers + 1, sizeof *keep_h);
        for (int c = 0; c < m->n_clients; c++) {
            keep_c[c] = m->clients[c].district >= 0 && chosen[m->clients[c].district];
            if (keep_c[c] && m->clients[c].helper >= 0) keep_h[m->clients[c].helper] = true;
        }
        for (int h = 0; h < m->n_helpers; h++) {
            int home = m->helpers[h].home, d = wp_district_at(m, m->x[home], m->y[home]);
            if (d >= 0 && chosen[d]) keep_h[h] = true;
        }
        keep_items(root, "clients", keep_c);
        keep_items(root, "helpers", keep_h);
        cJSON *ds = cJSON_GetObjectItemCaseSensitive(root, "districts");
        if (cJSON_IsArray(ds)) keep_items(root, "districts", chosen);
        char *dir = wp_path_dirname(path);
        absolute_ref(root, "districts", dir);
        absolute_ref(cJSON_GetObjectItemCaseSensitive(root, "travel"), "matrix", dir);
        wp_free(dir);
        cJSON *awards = cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(root, "contracting"), "awards");
        if (cJSON_IsObject(awards))
            for (int d = 0; d < m->n_districts; d++)
                if (!chosen[d]) cJSON_DeleteItemFromObjectCaseSensitive(awards, m->districts[d].id);
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "name");
        char *new_name =
            wp_strdupf("%s (%d district%s)", cJSON_IsString(name) ? name->valuestring : "scenario",
                       n_districts, n_districts == 1 ? "" : "s");
        cJSON_DeleteItemFromObjectCaseSensitive(root, "name");
        cJSON_AddStringToObject(root, "name", new_name);
        wp_free(new_name);
        s = wp_emit_write(root, out_path, err);
        wp_free(keep_c);
        wp_free(keep_h);
    }
    cJSON_Delete(root);
    wp_free(chosen);
    wp_scenario_free(sc);
    return s;
}

wp_status wp_scenario_subset(const char *path, const char *const *districts, int n_districts,
                             const char *out_path, wp_error *err)
{
    WP_GUARD(err, "writing the scenario subset",
             scenario_subset_unguarded(path, districts, n_districts, out_path, err));
}
