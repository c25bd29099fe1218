/* ConVRP importer for the instances of Groer, Golden and Wasil (2009) and their extensions
 * (format: ../shared/benchmarks/convrp-groer2009/README.md). */
#include <wijkplan/import.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/scenario_write.h"

#include "error/guard.h"
#include "import/lines.h"
#include "util/alloc.h"
#include "util/daytime.h"
#include "util/fileio.h"

#define UNLIMITED_DURATION 9999999 /* the files' "no route-duration limit" */

typedef struct convrp {
    char name[128];
    int dimension, days;
    double capacity, duration;
    int n;                    /* customers = dimension - 1 */
    double *x, *y;            /* per customer (index id-1) */
    double *demand, *service; /* n x days; demand < 0 = no visit */
    bool *seen_coord, *seen_demand, *seen_service;
    double depot_x, depot_y;
    bool have_depot;
} convrp;

/* "KEY: value" or "KEY : value"; returns the value part or NULL. */
static const char *key_value(const char *line, const char *key)
{
    size_t n = strlen(key);
    while (*line == ' ' || *line == '\t') line++;
    if (strncmp(line, key, n) != 0) return NULL;
    const char *p = line + n;
    while (*p == ' ' || *p == '\t') p++;
    if (*p != ':') return NULL;
    p++;
    while (*p == ' ' || *p == '\t') p++;
    return p;
}

static bool header_number(const wp_lines *L, int i, const char *value, const char *what,
                          double *out)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", value);
    size_t len = strlen(buf);
    while (len && isspace((unsigned char)buf[len - 1])) buf[--len] = '\0';
    return wp_lines_number(L, i, buf, what, out);
}

static bool parse_header(const wp_lines *L, int i, convrp *c, bool *is_header)
{
    static const char *const ignored[] = {
        "TYPE", "COMMENT", "EDGE_WEIGHT_TYPE", "EDGE_WEIGHT_FORMAT", "NODE_COORD_TYPE", NULL};
    const char *v;
    double d;
    *is_header = true;
    if (key_value(L->line[i], "NAME")) return true; /* generic in the published files */
    bool sized = c->x != NULL; /* the sections' arrays are allocated for these two */
    if (sized && (key_value(L->line[i], "DIMENSION") || key_value(L->line[i], "NUM_DAYS")))
        return wp_lines_error(L, i, "DIMENSION and NUM_DAYS must come before the sections");
    if ((v = key_value(L->line[i], "DIMENSION"))) {
        if (!header_number(L, i, v, "DIMENSION", &d)) return false;
        if (d < 2 || d != floor(d) || d > 1e6)
            return wp_lines_error(L, i, "DIMENSION must be a whole number >= 2");
        c->dimension = (int)d;
        return true;
    }
    if ((v = key_value(L->line[i], "NUM_DAYS"))) {
        if (!header_number(L, i, v, "NUM_DAYS", &d)) return false;
        if (d < 1 || d > 7 || d != floor(d)) return wp_lines_error(L, i, "NUM_DAYS must be 1..7");
        c->days = (int)d;
        return true;
    }
    if ((v = key_value(L->line[i], "CAPACITY"))) {
        if (!header_number(L, i, v, "CAPACITY", &c->capacity)) return false;
        if (c->capacity <= 0) return wp_lines_error(L, i, "CAPACITY must be positive");
        return true;
    }
    if ((v = key_value(L->line[i], "DISTANCE"))) {
        if (!header_number(L, i, v, "DISTANCE", &c->duration)) return false;
        if (c->duration <= 0) return wp_lines_error(L, i, "DISTANCE must be positive");
        return true;
    }
    for (int k = 0; ignored[k]; k++)
        if (key_value(L->line[i], ignored[k])) return true;
    *is_header = false;
    return true;
}

static bool alloc_customers(const wp_lines *L, int i, convrp *c)
{
    if (c->x) return true;
    if (!c->dimension || !c->days)
        return wp_lines_error(L, i, "DIMENSION and NUM_DAYS must come before the sections");
    c->n = c->dimension - 1;
    c->x = wp_calloc((size_t)c->n + 1, sizeof(double));
    c->y = wp_calloc((size_t)c->n + 1, sizeof(double));
    c->demand = wp_calloc((size_t)c->n * (size_t)c->days + 1, sizeof(double));
    c->service = wp_calloc((size_t)c->n * (size_t)c->days + 1, sizeof(double));
    c->seen_coord = wp_calloc((size_t)c->n + 1, sizeof(bool));
    c->seen_demand = wp_calloc((size_t)c->n + 1, sizeof(bool));
    c->seen_service = wp_calloc((size_t)c->n + 1, sizeof(bool));
    return true;
}

/* One data row of a section: "id v1 .. vk". Returns the 0-based customer index or -1. */
static int section_row(const wp_lines *L, int i, const convrp *c, int values, double *out,
                       const char *section)
{
    char buf[2048];
    wp_fields f;
    wp_lines_split(L, i, &f, buf, sizeof buf);
    if (f.n != values + 1)
        return wp_lines_error(L, i, "%s: expected an id and %d numbers, found %d", section, values,
                              f.n > 0 ? f.n - 1 : 0),
               -1;
    double id;
    if (!wp_lines_number(L, i, f.f[0], "customer id", &id)) return -1;
    if (id < 1 || id > c->n || id != floor(id))
        return wp_lines_error(L, i, "%s: customer id %s is not in 1..%d", section, f.f[0], c->n),
               -1;
    for (int k = 0; k < values; k++)
        if (!wp_lines_number(L, i, f.f[k + 1], section, &out[k])) return -1;
    return (int)id - 1;
}

static bool parse_sections(const wp_lines *L, convrp *c)
{
    enum { NONE, COORD, DEMAND, SERVICE, DEPOT } sec = NONE;
    for (int i = 0; i < L->n; i++) {
        if (wp_lines_blank(L, i)) continue;
        char buf[2048];
        wp_fields f;
        wp_lines_split(L, i, &f, buf, sizeof buf);
        const char *w = f.f[0];
        if (f.n == 1 && strcmp(w, "EOF") == 0) break;
        if (strcmp(w, "NODE_COORD_SECTION") == 0)
            sec = COORD;
        else if (strcmp(w, "DEMAND_SECTION") == 0)
            sec = DEMAND;
        else if (strcmp(w, "SVC_TIME_SECTION") == 0)
            sec = SERVICE;
        else if (strcmp(w, "DEPOT_SECTION") == 0)
            sec = DEPOT;
        if (sec != NONE && f.n == 1 && strstr(w, "_SECTION")) {
            if (!alloc_customers(L, i, c)) return false;
            continue;
        }
        if (sec == NONE) {
            bool header;
            if (!parse_header(L, i, c, &header)) return false;
            if (!header) return wp_lines_error(L, i, "unrecognised line \"%s\"", L->line[i]);
            continue;
        }
        double v[8];
        int k;
        switch (sec) {
        case COORD:
            if ((k = section_row(L, i, c, 2, v, "NODE_COORD_SECTION")) < 0) return false;
            c->x[k] = v[0];
            c->y[k] = v[1];
            c->seen_coord[k] = true;
            break;
        case DEMAND:
            if ((k = section_row(L, i, c, c->days, v, "DEMAND_SECTION")) < 0) return false;
            memcpy(c->demand + (size_t)k * c->days, v, (size_t)c->days * sizeof(double));
            c->seen_demand[k] = true;
            break;
        case SERVICE:
            if ((k = section_row(L, i, c, c->days, v, "SVC_TIME_SECTION")) < 0) return false;
            for (int d = 0; d < c->days; d++)
                if (v[d] < 0) return wp_lines_error(L, i, "service time must not be negative");
            memcpy(c->service + (size_t)k * c->days, v, (size_t)c->days * sizeof(double));
            c->seen_service[k] = true;
            break;
        case DEPOT:
            if (f.n == 1 && strcmp(w, "-1") == 0) {
                sec = NONE;
                break;
            }
            if (f.n != 2 || c->have_depot)
                return wp_lines_error(L, i, "DEPOT_SECTION: expected one line \"x y\" then -1");
            if (!wp_lines_number(L, i, f.f[0], "depot x", &c->depot_x) ||
                !wp_lines_number(L, i, f.f[1], "depot y", &c->depot_y))
                return false;
            c->have_depot = true;
            break;
        case NONE:
            break;
        }
    }
    return true;
}

static bool check_complete(const wp_lines *L, const convrp *c)
{
    if (!c->x) return wp_lines_error(L, -1, "no NODE_COORD_SECTION");
    if (!c->capacity) return wp_lines_error(L, -1, "no CAPACITY");
    if (!c->have_depot) return wp_lines_error(L, -1, "no DEPOT_SECTION");
    for (int k = 0; k < c->n; k++) {
        if (!c->seen_coord[k])
            return wp_lines_error(L, -1, "customer %d has no coordinates", k + 1);
        if (!c->seen_demand[k])
            return wp_lines_error(L, -1, "customer %d has no demand row", k + 1);
        for (int d = 0; d < c->days; d++) {
            double q = c->demand[(size_t)k * c->days + d];
            if (q > c->capacity)
                return wp_lines_error(L, -1, "customer %d demand %g exceeds capacity %g", k + 1, q,
                                      c->capacity);
        }
    }
    return true;
}

/* Helpers for the busiest day's demand at 90% fill, plus two (see README). */
static int default_fleet(const convrp *c)
{
    double busiest = 0;
    for (int d = 0; d < c->days; d++) {
        double total = 0;
        for (int k = 0; k < c->n; k++) {
            double q = c->demand[(size_t)k * c->days + d];
            if (q >= 0) total += q;
        }
        if (total > busiest) busiest = total;
    }
    double fleet = ceil(busiest / (0.9 * c->capacity)) + 2;
    return fleet < 10000 ? (int)fleet : 10000; /* a hostile CAPACITY must not overflow the int */
}

static cJSON *build(const convrp *c, const wp_convrp_options *o)
{
    cJSON *doc = wp_emit_scenario(c->name[0] ? c->name : "convrp", "planar");
    cJSON *travel = cJSON_AddObjectToObject(doc, "travel");
    cJSON_AddNumberToObject(travel, "detour", 1);
    cJSON_AddNumberToObject(travel, "speed", 1);
    cJSON *prov = cJSON_CreateObject();
    cJSON_AddStringToObject(prov, "id", "fleet");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(doc, "providers"), prov);
    bool limited = c->duration > 0 && c->duration < UNLIMITED_DURATION;
    double day_len = limited ? c->duration : UNLIMITED_DURATION;
    int fleet = o->fleet > 0 ? o->fleet : default_fleet(c);
    cJSON *helpers = cJSON_AddArrayToObject(doc, "helpers");
    for (int k = 1; k <= fleet; k++) {
        cJSON *h = wp_emit_vehicle(helpers, k, c->depot_x, c->depot_y, c->days * day_len / 60,
                                   c->capacity);
        if (limited) cJSON_AddNumberToObject(h, "max_hours_per_day", day_len / 60);
        cJSON *av = cJSON_AddObjectToObject(h, "availability");
        for (int d = 0; d < c->days; d++) {
            cJSON *day = cJSON_AddArrayToObject(av, wp_day_name(d));
            cJSON_AddItemToArray(day, wp_emit_window(0, day_len));
        }
    }
    cJSON *clients = cJSON_AddArrayToObject(doc, "clients");
    for (int k = 0; k < c->n; k++) {
        cJSON *visits = cJSON_CreateArray();
        for (int d = 0; d < c->days; d++) {
            double q = c->demand[(size_t)k * c->days + d];
            if (q < 0) continue;
            cJSON *v = cJSON_CreateObject();
            cJSON_AddNumberToObject(v, "duration_min", c->service[(size_t)k * c->days + d]);
            cJSON_AddStringToObject(v, "day", wp_day_name(d));
            cJSON_AddItemToObject(v, "window", wp_emit_window(0, day_len));
            cJSON_AddNumberToObject(v, "load", q);
            cJSON_AddItemToArray(visits, v);
        }
        if (cJSON_GetArraySize(visits) == 0) { /* never needs a visit: not a client this week */
            cJSON_Delete(visits);
            continue;
        }
        cJSON *cl = cJSON_CreateObject();
        char id[32];
        snprintf(id, sizeof id, "%d", k + 1);
        cJSON_AddStringToObject(cl, "id", id);
        cJSON_AddItemToObject(cl, "location", wp_emit_point(c->x[k], c->y[k]));
        cJSON_AddNumberToObject(cl, "min_days_between_visits", 1);
        if (o->consistency >= 0)
            cJSON_AddNumberToObject(cl, "arrival_consistency_min", o->consistency);
        cJSON_AddItemToObject(cl, "visits", visits);
        cJSON_AddItemToArray(clients, cl);
    }
    wp_emit_benchmark_objective(doc, 0);
    return doc;
}

static void free_convrp(convrp *c)
{
    wp_free(c->x);
    wp_free(c->y);
    wp_free(c->demand);
    wp_free(c->service);
    wp_free(c->seen_coord);
    wp_free(c->seen_demand);
    wp_free(c->seen_service);
}

static wp_status import_convrp_unguarded(const char *path, const wp_convrp_options *o,
                                         const char *out_path, wp_error *err)
{
    wp_convrp_options defaults = {0, -1};
    if (!o) o = &defaults;
    wp_lines L;
    convrp c;
    memset(&c, 0, sizeof c);
    wp_status s = WP_ERR_INPUT;
    const char *base = wp_path_basename(path);
    snprintf(c.name, sizeof c.name, "%.*s", (int)(strcspn(base, ".")), base);
    if (wp_lines_read(&L, path, "ConVRP instance", err) && parse_sections(&L, &c) &&
        check_complete(&L, &c)) {
        cJSON *doc = build(&c, o);
        s = wp_emit_write(doc, out_path, err);
        cJSON_Delete(doc);
    }
    free_convrp(&c);
    wp_lines_free(&L);
    return s;
}

wp_status wp_import_convrp(const char *path, const wp_convrp_options *o, const char *out_path,
                           wp_error *err)
{
    WP_GUARD(err, "importing the ConVRP instance", import_convrp_unguarded(path, o, out_path, err));
}
