/* A weekly roster (wijkplan-roster/1, see SPEC.md) as plain data, with its JSON and CSV forms.
 * Ownership: a wp_roster and everything it points to is owned by whoever holds the roster and
 * released with wp_roster_free (NULL is harmless). Ids are strings as in the scenario. */
#ifndef WIJKPLAN_ROSTER_H
#define WIJKPLAN_ROSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <wijkplan/error.h>
#include <wijkplan/kpi.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wp_roster_visit {
    char *client;
    int visit;      /* index of the client's visit */
    double arrival; /* minutes since 00:00 of the route's day */
    double start;
    double end;
    double travel_km; /* the leg that reaches this visit */
    double travel_min;
    bool substitute; /* repair: served instead of the client's absent helper of the week */
} wp_roster_visit;

typedef struct wp_roster_route {
    char *helper;
    int day;          /* mon = 0 .. sun = 6 */
    double start;     /* leaves home */
    double end;       /* back home */
    double travel_km; /* including the way home */
    double travel_min;
    double load;
    wp_roster_visit *visits;
    size_t n_visits;
} wp_roster_route;

typedef struct wp_roster_assignment {
    char *client;
    char *provider; /* the helper's provider after any transfer */
    char *helper;
    char *previous_provider; /* the provider the client chose, or NULL */
    char *previous_helper;   /* the client's fixed pair before, or NULL */
    bool pair_kept;
} wp_roster_assignment;

typedef struct wp_roster_unassigned {
    char *client;
    int visit;
    double minutes;
    char *reason;
} wp_roster_unassigned;

typedef struct wp_roster_transfer {
    char *helper;
    char *from;
    char *to;
} wp_roster_transfer;

typedef struct wp_roster_award {
    char *district;
    char **providers;
    size_t n_providers;
} wp_roster_award;

/* One visit of a repair that differs from its previous plan (SPEC "Repair"). */
typedef struct wp_roster_plan_ref {
    char *helper; /* NULL for "to" of an unassigned visit */
    int day;
    double start;
} wp_roster_plan_ref;

typedef struct wp_roster_change {
    char *client;
    int visit;
    char *kind; /* changed_time, changed_day, changed_helper, substitute, unassigned */
    wp_roster_plan_ref from, to;
} wp_roster_change;

typedef struct wp_roster_solver {
    char *version;
    unsigned long long seed;
    int threads;
    double time_limit_s;
    double elapsed_s;
    double peak_memory_mib;      /* peak resident memory of the process */
    long long iterations;        /* search iterations run */
    long long iterations_budget; /* iterations the search was given (from --iterations, or
                                  * derived once from the time limit); 0 when unknown */
    char *stopped_by;            /* "iterations", "stagnation", "time_limit", "construction" */
} wp_roster_solver;

typedef struct wp_roster {
    char *scenario;        /* the scenario's name */
    char *scenario_digest; /* "sha256:..." of the scenario file it was made from, or NULL */
    char *contracting;     /* "open_house" or "per_district:k", with "+transfer" */
    wp_roster_solver solver;
    wp_roster_assignment *assignments;
    size_t n_assignments;
    wp_roster_route *routes; /* sorted by helper (scenario order), then day */
    size_t n_routes;
    wp_roster_award *awards; /* per_district only */
    size_t n_awards;
    bool has_awards;
    wp_roster_transfer *transfers; /* staff transfer only */
    size_t n_transfers;
    wp_roster_unassigned *unassigned;
    size_t n_unassigned;
    wp_kpi kpi;
    double pairs_bound;        /* upper bound on pairs kept from the award model, or -1 */
    char *previous;            /* repair: the previous roster's path as given, else NULL */
    wp_roster_change *changes; /* repair: sorted by client, then visit */
    size_t n_changes;
} wp_roster;

void wp_roster_free(wp_roster *r);

/* Writes the roster as wijkplan-roster/1 JSON, all or nothing. */
wp_status wp_roster_write_json(const wp_roster *r, const char *path, wp_error *err);

/* Reads a roster file; structural problems are input errors with the JSON path. */
wp_status wp_roster_read_json(const char *path, wp_roster **out, wp_error *err);

/* Reads a previous week's roster for a repair: any wijkplan-roster/1, also one made or edited by
 * hand, so only "format" and "routes" are required. Only what a repair uses is kept: the routes
 * and the assignments' client and helper (other assignment fields are NULL, no unassigned). */
wp_status wp_roster_read_previous(const char *path, wp_roster **out, wp_error *err);

/* How CSV files are written: RFC 4180 with commas and decimal points, or as Dutch Excel reads
 * and writes them (semicolons, decimal commas, UTF-8 byte-order mark, CRLF). */
typedef enum wp_csv_dialect { WP_CSV_RFC4180, WP_CSV_EXCEL_NL } wp_csv_dialect;

/* Writes the planner's CSV: per route a "depart" row (leaving home), one "planned" row per
 * visit (helper, day, HH:MM arrival, start and end, client, travel), a "return" row (home, the
 * last leg's travel), a "total" row per helper (care minutes, travel, hours worked), then one
 * "unassigned" row per unassigned visit. */
wp_status wp_roster_write_csv(const wp_roster *r, const char *path, wp_error *err);
wp_status wp_roster_write_csv_as(const wp_roster *r, const char *path, wp_csv_dialect dialect,
                                 wp_error *err);

/* Writes a repair's changes as the planner's CSV: client,visit,kind,from_helper,from_day,
 * from_start,to_helper,to_day,to_start (times HH:MM). */
wp_status wp_roster_write_changes_csv(const wp_roster *r, const char *path, wp_error *err);
wp_status wp_roster_write_changes_csv_as(const wp_roster *r, const char *path,
                                         wp_csv_dialect dialect, wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
