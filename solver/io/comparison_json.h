/* Writing one variant of a wijkplan-comparison/1 document: its contracting, awards, KPIs in
 * total and per district. The figures are computed by compare/; this module only spells them. */
#ifndef WP_IO_COMPARISON_JSON_H
#define WP_IO_COMPARISON_JSON_H

#include <cjson/cJSON.h>
#include <wijkplan/kpi.h>

#include "contract/variant.h"

/* One district of one variant: the providers serving it (indices) and its KPIs. */
typedef struct wp_comparison_district {
    int n_providers;
    const int *providers;
    wp_kpi kpi;
    double hhi;
} wp_comparison_district;

/* One variant as solved. `awards` is NULL unless the market has awards; `pairs_bound` is
 * negative when not computed; `districts` has one entry per model district. */
typedef struct wp_comparison_variant {
    const char *name;
    const wp_variant *variant;
    const wp_awards *awards;
    const wp_kpi *kpi;
    double hhi;
    int providers_per_district_min;
    double pairs_bound;
    const wp_comparison_district *districts;
    const char *roster_file; /* relative to the comparison file */
} wp_comparison_variant;

cJSON *wp_comparison_variant_to_json(const wp_model *m, const wp_comparison_variant *cv);

#endif
