/* wijkplan-comparison/1 variants as JSON (SPEC "Comparison"). */
#include "io/comparison_json.h"

#include "io/roster_json.h"

static cJSON *contracting_json(const wp_variant *v)
{
    cJSON *c = cJSON_CreateObject();
    bool pd = v->contract_model == WP_PER_DISTRICT;
    cJSON_AddStringToObject(c, "model", pd ? "per_district" : "open_house");
    if (pd) {
        cJSON_AddNumberToObject(c, "providers_per_district", v->providers_per_district);
        cJSON_AddStringToObject(c, "awards", v->awards ? "given" : "optimize");
        if (v->max_districts && !v->awards)
            cJSON_AddNumberToObject(c, "max_districts_per_provider", v->max_districts);
    }
    cJSON_AddBoolToObject(c, "staff_transfer", v->staff_transfer);
    if (v->pairs_continue) cJSON_AddBoolToObject(c, "existing_pairs_continue", true);
    return c;
}

static cJSON *awards_json(const wp_model *m, const wp_awards *aw)
{
    cJSON *a = cJSON_CreateObject();
    for (int d = 0; d < m->n_districts; d++) {
        cJSON *list = cJSON_CreateArray();
        for (int k = 0; k < aw->count[d]; k++)
            cJSON_AddItemToArray(list, cJSON_CreateString(m->providers[aw->providers[d][k]].id));
        cJSON_AddItemToObject(a, m->districts[d].id, list);
    }
    return a;
}

static cJSON *district_json(const wp_model *m, int d, const wp_comparison_district *cd)
{
    cJSON *dj = cJSON_CreateObject();
    cJSON_AddStringToObject(dj, "id", m->districts[d].id);
    if (m->districts[d].name) cJSON_AddStringToObject(dj, "name", m->districts[d].name);
    cJSON *pl = cJSON_AddArrayToObject(dj, "providers");
    for (int k = 0; k < cd->n_providers; k++)
        cJSON_AddItemToArray(pl, cJSON_CreateString(m->providers[cd->providers[k]].id));
    cJSON *kj = wp_kpi_to_json(&cd->kpi);
    cJSON_AddNumberToObject(kj, "hhi", cd->hhi);
    cJSON_AddNumberToObject(kj, "providers", cd->n_providers);
    cJSON_AddItemToObject(dj, "kpi", kj);
    return dj;
}

cJSON *wp_comparison_variant_to_json(const wp_model *m, const wp_comparison_variant *cv)
{
    cJSON *v = cJSON_CreateObject();
    cJSON_AddStringToObject(v, "name", cv->name);
    cJSON_AddItemToObject(v, "contracting", contracting_json(cv->variant));
    if (cv->awards) cJSON_AddItemToObject(v, "awards", awards_json(m, cv->awards));
    cJSON *districts = cJSON_CreateArray();
    for (int d = 0; d < m->n_districts; d++)
        cJSON_AddItemToArray(districts, district_json(m, d, &cv->districts[d]));
    cJSON *kj = wp_kpi_to_json(cv->kpi);
    cJSON_AddNumberToObject(kj, "providers_per_district_min", cv->providers_per_district_min);
    cJSON_AddNumberToObject(kj, "hhi", cv->hhi);
    if (cv->pairs_bound >= 0) cJSON_AddNumberToObject(kj, "pairs_bound", cv->pairs_bound);
    cJSON_AddItemToObject(v, "kpi", kj);
    cJSON_AddItemToObject(v, "districts", districts);
    cJSON_AddStringToObject(v, "roster", cv->roster_file);
    return v;
}
