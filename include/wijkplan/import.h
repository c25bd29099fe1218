/* Importers: each reads files as published or exported and writes a wijkplan-scenario/1 that
 * the loader accepts; malformed input is reported with file and line. Nothing is written on
 * error. */
#ifndef WIJKPLAN_IMPORT_H
#define WIJKPLAN_IMPORT_H

#include <wijkplan/error.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wp_solomon_options {
    double vehicle_cost; /* objective "helper" weight: > 0 for vehicles-first (hierarchical) */
    int fleet;           /* 0 = the file's vehicle count */
} wp_solomon_options;

/* Solomon / Gehring-Homberger VRPTW text: planar CRS, helpers v1..vK at the depot, customer N
 * becomes client "N" with one visit on mon (window [ready, due], duration = service time,
 * load = demand); travel time = Euclidean distance. */
wp_status wp_import_solomon(const char *path, const wp_solomon_options *o, const char *out_path,
                            wp_error *err);

typedef struct wp_convrp_options {
    int fleet;          /* helpers; 0 = enough for the busiest day plus slack (see README) */
    double consistency; /* arrival_consistency_min L for every client; < 0 = none */
} wp_convrp_options;

/* ConVRP instances of Groer, Golden and Wasil (TSPLIB-like, NUM_DAYS, DEMAND_SECTION with -1
 * for no visit, SVC_TIME_SECTION, DEPOT_SECTION): one client per customer with a visit on each
 * day it has demand, all served by one helper (the pair rule), route duration limit and
 * capacity from the file. */
wp_status wp_import_convrp(const char *path, const wp_convrp_options *o, const char *out_path,
                           wp_error *err);

typedef struct wp_csv_options {
    const char *clients;   /* clients.csv */
    const char *helpers;   /* helpers.csv */
    const char *providers; /* providers.csv */
    const char *districts; /* districts GeoJSON (optional) */
    const char *district_id_property;
    const char *crs;  /* CRS of x/y columns (default EPSG:4326 with lon/lat columns) */
    const char *name; /* scenario name */
} wp_csv_options;

/* Spreadsheet export (SPEC "Spreadsheet input"): comma or semicolon separated (with decimal
 * commas), UTF-8 with or without BOM, RFC 4180 quoting. */
wp_status wp_import_csv(const wp_csv_options *o, const char *out_path, wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
