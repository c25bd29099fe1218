/* The scenario generator: realistic Dutch municipalities from CBS wijken (districts with
 * population), seeded and deterministic (same options and seed, same bytes).
 *
 * Clients are placed inside districts in proportion to inhabitants aged 65+, helpers where
 * people live, providers with market shares (a few large ones and a tail), current fixed pairs
 * from an open-house history: each client's helper works for the client's provider, chosen
 * among nearby colleagues at random rather than optimally. Calibration figures and their
 * sources: ../shared/DOMAIN.md and README.md. */
#ifndef WP_GENERATE_H
#define WP_GENERATE_H

#include <stdbool.h>
#include <wijkplan/error.h>

#define WP_GEN_MAX_SELECT 512
#define WP_GEN_MAX_GROUPS 32

typedef struct wp_gen_group {
    const char *name;   /* district id and name in the scenario, e.g. "Zuid" */
    const char *wijken; /* comma-separated CBS wijkcodes grouped into it */
} wp_gen_group;

typedef struct wp_gen_options {
    const char *geo_path;                  /* CBS wijken FeatureCollection (EPSG:4326) */
    const char *select[WP_GEN_MAX_SELECT]; /* municipalities: name, GMxxxx or xxxx code */
    int n_select;
    bool all;        /* the whole country */
    int clients;     /* 0: per_1000 x inhabitants / 1000 */
    double per_1000; /* household-support clients per 1,000 inhabitants */
    int helpers;     /* 0: clients / clients_per_helper */
    double clients_per_helper;
    double capacity_factor; /* helper contract hours / care hours */
    int providers;          /* providers in the market */
    int large_providers;    /* of which large */
    double large_share;     /* market share of the large ones together */
    double pair_share;      /* clients with a current fixed helper */
    double hoplus_share;    /* clients with product HO+ */
    double dementia_share, psychiatry_share;
    unsigned long long seed;
    const char *name;
    wp_gen_group groups[WP_GEN_MAX_GROUPS]; /* districts = groups of wijken (none: one per wijk) */
    int n_groups;
} wp_gen_options;

void wp_gen_options_default(wp_gen_options *o);

/* Writes the scenario to out_path (checked by the loader first). */
wp_status wp_generate(const wp_gen_options *o, const char *out_path, wp_error *err);

#endif
