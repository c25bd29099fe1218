/* Solomon / Gehring-Homberger VRPTW importer (format: ../shared/benchmarks/solomon-vrptw-100). */
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

typedef struct solomon_row {
    double id, x, y, demand, ready, due, service;
} solomon_row;

static bool is_word(const char *field, const char *word)
{
    for (; *field && *word; field++, word++)
        if (toupper((unsigned char)*field) != *word) return false;
    return !*field && !*word;
}

static int next_nonblank(const wp_lines *L, int i)
{
    while (i < L->n && wp_lines_blank(L, i)) i++;
    return i;
}

/* Parses the vehicle section; returns the line after it, or -1. */
static int parse_vehicles(const wp_lines *L, int i, double *count, double *capacity)
{
    char buf[1024];
    wp_fields f;
    for (; i < L->n; i++) {
        wp_lines_split(L, i, &f, buf, sizeof buf);
        if (f.n == 1 && is_word(f.f[0], "VEHICLE")) break;
    }
    if (i >= L->n) return wp_lines_error(L, -1, "no VEHICLE section"), -1;
    i = next_nonblank(L, i + 1);
    if (i < L->n) {
        wp_lines_split(L, i, &f, buf, sizeof buf);
        if (f.n >= 1 && is_word(f.f[0], "NUMBER")) i = next_nonblank(L, i + 1);
    }
    if (i >= L->n) return wp_lines_error(L, -1, "VEHICLE section has no numbers"), -1;
    wp_lines_split(L, i, &f, buf, sizeof buf);
    if (f.n != 2)
        return wp_lines_error(L, i, "expected 2 numbers (vehicles, capacity), found %d fields",
                              f.n),
               -1;
    if (!wp_lines_number(L, i, f.f[0], "vehicle count", count) ||
        !wp_lines_number(L, i, f.f[1], "capacity", capacity))
        return -1;
    if (*count < 1 || *count != floor(*count) || *count > 100000)
        return wp_lines_error(L, i, "vehicle count must be a whole number >= 1"), -1;
    if (*capacity <= 0) return wp_lines_error(L, i, "capacity must be positive"), -1;
    return i + 1;
}

static bool parse_row(const wp_lines *L, int i, solomon_row *r)
{
    char buf[1024];
    wp_fields f;
    wp_lines_split(L, i, &f, buf, sizeof buf);
    if (f.n != 7)
        return wp_lines_error(
            L, i, "expected 7 numbers (id x y demand ready due service), found %d", f.n);
    static const char *const names[7] = {"id",         "x",        "y",           "demand",
                                         "ready time", "due date", "service time"};
    double *v[7] = {&r->id, &r->x, &r->y, &r->demand, &r->ready, &r->due, &r->service};
    for (int k = 0; k < 7; k++)
        if (!wp_lines_number(L, i, f.f[k], names[k], v[k])) return false;
    if (r->id < 0 || r->id != floor(r->id))
        return wp_lines_error(L, i, "id must be a whole number");
    if (r->demand < 0 || r->service < 0 || r->ready < 0)
        return wp_lines_error(L, i, "demand, ready time and service time must not be negative");
    if (r->ready > r->due)
        return wp_lines_error(L, i, "ready time %g is after due date %g", r->ready, r->due);
    return true;
}

/* Reads every customer row after the CUSTOMER header. */
static solomon_row *parse_customers(const wp_lines *L, int i, int *n)
{
    char buf[1024];
    wp_fields f;
    for (; i < L->n; i++) {
        wp_lines_split(L, i, &f, buf, sizeof buf);
        if (f.n == 1 && is_word(f.f[0], "CUSTOMER")) break;
    }
    if (i >= L->n) return wp_lines_error(L, -1, "no CUSTOMER section"), NULL;
    i = next_nonblank(L, i + 1);
    if (i < L->n) {
        wp_lines_split(L, i, &f, buf, sizeof buf);
        if (f.n >= 1 && is_word(f.f[0], "CUST")) i++;
    }
    solomon_row *rows = NULL;
    size_t count = 0, cap = 0;
    for (; i < L->n; i++) {
        if (wp_lines_blank(L, i)) continue;
        solomon_row r;
        if (!parse_row(L, i, &r)) {
            wp_free(rows);
            return NULL;
        }
        if ((count == 0 && r.id != 0) || (count > 0 && r.id == 0)) {
            wp_lines_error(L, i, "the depot must be the first row, with id 0");
            wp_free(rows);
            return NULL;
        }
        for (size_t k = 0; k < count; k++)
            if (rows[k].id == r.id) {
                wp_lines_error(L, i, "customer %g is listed twice", r.id);
                wp_free(rows);
                return NULL;
            }
        WP_PUSH(rows, count, cap, r);
    }
    if (count < 2) {
        wp_lines_error(L, -1, "needs the depot and at least one customer");
        wp_free(rows);
        return NULL;
    }
    *n = (int)count;
    return rows;
}

static cJSON *build(const char *name, const solomon_row *rows, int n, int fleet, double capacity,
                    const wp_solomon_options *o)
{
    const solomon_row *depot = &rows[0];
    cJSON *doc = wp_emit_scenario(name, "planar");
    cJSON *travel = cJSON_AddObjectToObject(doc, "travel");
    cJSON_AddNumberToObject(travel, "detour", 1);
    cJSON_AddNumberToObject(travel, "speed", 1);
    cJSON *providers = cJSON_AddArrayToObject(doc, "providers");
    cJSON *prov = cJSON_CreateObject();
    cJSON_AddStringToObject(prov, "id", "fleet");
    cJSON_AddItemToArray(providers, prov);
    cJSON *helpers = cJSON_AddArrayToObject(doc, "helpers");
    double horizon = depot->due - depot->ready;
    for (int k = 1; k <= fleet; k++) {
        cJSON *h = wp_emit_vehicle(helpers, k, depot->x, depot->y, horizon > 0 ? horizon / 60 : 1,
                                   capacity);
        cJSON *av = cJSON_AddObjectToObject(h, "availability");
        cJSON *mon = cJSON_AddArrayToObject(av, "mon");
        cJSON_AddItemToArray(mon, wp_emit_window(depot->ready, depot->due));
    }
    cJSON *clients = cJSON_AddArrayToObject(doc, "clients");
    for (int i = 1; i < n; i++) {
        const solomon_row *r = &rows[i];
        cJSON *c = cJSON_CreateObject();
        char id[32];
        snprintf(id, sizeof id, "%.0f", r->id);
        cJSON_AddStringToObject(c, "id", id);
        cJSON_AddItemToObject(c, "location", wp_emit_point(r->x, r->y));
        cJSON *visits = cJSON_AddArrayToObject(c, "visits");
        cJSON *v = cJSON_CreateObject();
        cJSON_AddNumberToObject(v, "duration_min", r->service);
        cJSON_AddStringToObject(v, "day", "mon");
        cJSON_AddItemToObject(v, "window", wp_emit_window(r->ready, r->due));
        cJSON_AddNumberToObject(v, "load", r->demand);
        cJSON_AddItemToArray(visits, v);
        cJSON_AddItemToArray(clients, c);
    }
    wp_emit_benchmark_objective(doc, o->vehicle_cost);
    return doc;
}

static wp_status import_solomon_unguarded(const char *path, const wp_solomon_options *o,
                                          const char *out_path, wp_error *err)
{
    wp_solomon_options defaults = {0, 0};
    if (!o) o = &defaults;
    wp_lines L;
    if (!wp_lines_read(&L, path, "Solomon instance", err)) {
        wp_lines_free(&L);
        return WP_ERR_INPUT;
    }
    int first = next_nonblank(&L, 0);
    char name[256] = "solomon";
    if (first < L.n) {
        char buf[1024];
        wp_fields f;
        wp_lines_split(&L, first, &f, buf, sizeof buf);
        if (f.n >= 1) snprintf(name, sizeof name, "%s", f.f[0]);
    }
    double count = 0, capacity = 0;
    int after = parse_vehicles(&L, first, &count, &capacity);
    int n = 0;
    solomon_row *rows = after >= 0 ? parse_customers(&L, after, &n) : NULL;
    wp_status s = WP_ERR_INPUT;
    if (rows) {
        int fleet = o->fleet > 0 ? o->fleet : (int)count;
        cJSON *doc = build(name, rows, n, fleet, capacity, o);
        s = wp_emit_write(doc, out_path, err);
        cJSON_Delete(doc);
    }
    wp_free(rows);
    wp_lines_free(&L);
    return s;
}

wp_status wp_import_solomon(const char *path, const wp_solomon_options *o, const char *out_path,
                            wp_error *err)
{
    WP_GUARD(err, "importing the Solomon instance",
             import_solomon_unguarded(path, o, out_path, err));
}
