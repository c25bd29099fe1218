/* The public scenario handle: a validated model behind an opaque pointer. */
#include <wijkplan/scenario.h>

#include <stdio.h>
#include <stdlib.h>

#include "io/scenario_load.h"

#include "error/guard.h"
#include "model/previous.h"
#include "model/scenario_internal.h"
#include "util/alloc.h"
#include "util/strbuf.h"

static wp_status scenario_load_unguarded(const char *path, wp_scenario **out, wp_error *err)
{
    *out = NULL;
    wp_scenario *s = wp_calloc(1, sizeof *s);
    wp_status st = wp_scenario_load_file(path, &s->model, err);
    if (st != WP_OK) {
        wp_free(s);
        return st;
    }
    *out = s;
    return WP_OK;
}

wp_status wp_scenario_load(const char *path, wp_scenario **out, wp_error *err)
{
    WP_GUARD_RESET(err, "loading the scenario", *out = NULL,
                   scenario_load_unguarded(path, out, err));
}

static wp_status scenario_load_string_unguarded(const char *json, const char *name,
                                                const char *base_dir, wp_scenario **out,
                                                wp_error *err)
{
    *out = NULL;
    wp_scenario *s = wp_calloc(1, sizeof *s);
    size_t len = 0;
    while (json[len]) len++;
    wp_status st = wp_scenario_load_text(json, len, name ? name : "scenario",
                                         base_dir ? base_dir : ".", &s->model, err);
    if (st != WP_OK) {
        wp_free(s);
        return st;
    }
    *out = s;
    return WP_OK;
}

wp_status wp_scenario_load_string(const char *json, const char *name, const char *base_dir,
                                  wp_scenario **out, wp_error *err)
{
    WP_GUARD_RESET(err, "loading the scenario", *out = NULL,
                   scenario_load_string_unguarded(json, name, base_dir, out, err));
}

void wp_scenario_free(wp_scenario *s)
{
    if (!s) return;
    wp_model_free(&s->model);
    wp_free(s);
}

const char *wp_scenario_name(const wp_scenario *s)
{
    return s->model.name;
}

int wp_scenario_clients(const wp_scenario *s)
{
    return s->model.n_clients;
}

int wp_scenario_helpers(const wp_scenario *s)
{
    return s->model.n_helpers;
}

int wp_scenario_idle_helpers(const wp_scenario *s, const char **ids, int max)
{
    const wp_model *m = &s->model;
    int idle = 0;
    for (int h = 0; h < m->n_helpers; h++) {
        bool works = false;
        for (int d = 0; d < WP_DAYS && !works; d++) works = wp_helper_works(m, h, d);
        if (!works && idle++ < max) ids[idle - 1] = m->helpers[h].id;
    }
    return idle;
}

/* The ids of one kind a roster names that the scenario lacks: the first, where, and how many. */
typedef struct unknown_ids {
    const char *first;
    char where[96];
    long count;
} unknown_ids;

#define NOTE_UNKNOWN(u, id, ...)                                                                   \
    do {                                                                                           \
        if (!(u).count++) {                                                                        \
            (u).first = (id);                                                                      \
            snprintf((u).where, sizeof(u).where, __VA_ARGS__);                                     \
        }                                                                                          \
    } while (0)

static void describe_unknown(wp_strbuf *sb, const unknown_ids *u, const char *what)
{
    wp_sb_printf(sb, "%s \"%s\"", what, u->first);
    if (u->count > 1)
        wp_sb_printf(sb, " (and %ld more unknown %s%s)", u->count - 1, what,
                     u->count > 2 ? "s" : "");
}

/* One line for both kinds: the first unknown helper and client, where, and how many more. */
static wp_status report_unknown(const unknown_ids *helpers, const unknown_ids *clients,
                                const char *path, const wp_model *m, wp_error *err)
{
    if (!helpers->count && !clients->count) return WP_OK;
    wp_strbuf sb = {0};
    if (helpers->count) describe_unknown(&sb, helpers, "helper");
    if (helpers->count && clients->count) wp_sb_append(&sb, " and ");
    if (clients->count) describe_unknown(&sb, clients, "client");
    wp_status s = wp_error_add(
        err, WP_ERR_INPUT, path, helpers->count ? helpers->where : clients->where, 0, 0,
        "%s %s not in scenario \"%s\": is this roster for another scenario?", wp_sb_str(&sb),
        helpers->count + clients->count > 1 ? "are" : "is", m->name ? m->name : "");
    wp_sb_free(&sb);
    return s;
}

static wp_status scenario_check_roster_unguarded(const wp_scenario *s, const wp_roster *r,
                                                 const char *roster_path, wp_error *err)
{
    const wp_model *m = &s->model;
    unknown_ids helpers = {0}, clients = {0};
    for (size_t i = 0; i < r->n_routes; i++) {
        const wp_roster_route *rt = &r->routes[i];
        if (wp_strmap_get(&m->helper_ids, rt->helper) < 0)
            NOTE_UNKNOWN(helpers, rt->helper, "routes[%zu].helper", i);
        for (size_t k = 0; k < rt->n_visits; k++)
            if (wp_strmap_get(&m->client_ids, rt->visits[k].client) < 0)
                NOTE_UNKNOWN(clients, rt->visits[k].client, "routes[%zu].visits[%zu].client", i, k);
    }
    for (size_t i = 0; i < r->n_unassigned; i++)
        if (wp_strmap_get(&m->client_ids, r->unassigned[i].client) < 0)
            NOTE_UNKNOWN(clients, r->unassigned[i].client, "unassigned[%zu].client", i);
    return report_unknown(&helpers, &clients, roster_path, m, err);
}

wp_status wp_scenario_check_roster(const wp_scenario *s, const wp_roster *r,
                                   const char *roster_path, wp_error *err)
{
    WP_GUARD(err, "checking the roster against the scenario",
             scenario_check_roster_unguarded(s, r, roster_path, err));
}

const char *wp_scenario_digest(const wp_scenario *s)
{
    return s->model.digest;
}

int wp_scenario_providers(const wp_scenario *s)
{
    return s->model.n_providers;
}

int wp_scenario_districts(const wp_scenario *s)
{
    return s->model.n_districts;
}

int wp_scenario_visits(const wp_scenario *s)
{
    return s->model.n_visits;
}

const char *wp_scenario_projected_crs(const wp_scenario *s)
{
    return s->model.projected_crs;
}

static wp_status scenario_set_previous_unguarded(wp_scenario *s, wp_roster *previous,
                                                 const char *path, wp_error *err)
{
    return wp_previous_attach(&s->model, previous, path, err);
}

wp_status wp_scenario_set_previous(wp_scenario *s, wp_roster *previous, const char *path,
                                   wp_error *err)
{
    WP_GUARD(err, "attaching the previous roster",
             scenario_set_previous_unguarded(s, previous, path, err));
}

bool wp_scenario_has_previous(const wp_scenario *s)
{
    return s->model.prev != NULL;
}
