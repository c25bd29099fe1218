/* Matching last week's roster to this week's scenario (see previous.h). */
#include "model/previous.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

const char *wp_change_name(int kind)
{
    static const char *const names[WP_CHANGE_KINDS] = {
        "none",           "unchanged",  "changed_time", "changed_day",
        "changed_helper", "substitute", "unassigned"};
    return kind >= 0 && kind < WP_CHANGE_KINDS ? names[kind] : "none";
}

static wp_previous *previous_alloc(int n_visits, int n_clients)
{
    wp_previous *p = wp_calloc(1, sizeof *p);
    size_t nv = (size_t)n_visits + 1, nc = (size_t)n_clients + 1;
    p->visit_route = wp_malloc(nv * sizeof(int));
    p->visit_pos = wp_malloc(nv * sizeof(int));
    p->visit_helper = wp_malloc(nv * sizeof(int));
    p->visit_day = wp_malloc(nv * sizeof(int));
    p->visit_start = wp_calloc(nv, sizeof(double));
    p->week_helper = wp_malloc(nc * sizeof(int));
    for (int v = 0; v < n_visits; v++)
        p->visit_route[v] = p->visit_pos[v] = p->visit_helper[v] = p->visit_day[v] = -1;
    for (int c = 0; c < n_clients; c++) p->week_helper[c] = -1;
    return p;
}

/* The previous roster's helper of each client: its assignment, else the helper of its first
 * routed visit (a hand-made roster may have no assignments). */
static void previous_helpers(const wp_model *m, const wp_roster *r, int *out)
{
    for (int c = 0; c < m->n_clients; c++) out[c] = -1;
    for (size_t i = 0; i < r->n_routes; i++) {
        int h = wp_strmap_get(&m->helper_ids, r->routes[i].helper);
        for (size_t k = 0; k < r->routes[i].n_visits; k++) {
            int c = wp_strmap_get(&m->client_ids, r->routes[i].visits[k].client);
            if (c >= 0 && out[c] == -1) out[c] = h >= 0 ? h : -2;
        }
    }
    for (size_t i = 0; i < r->n_assignments; i++) {
        int c = wp_strmap_get(&m->client_ids, r->assignments[i].client);
        if (c >= 0) out[c] = wp_strmap_get(&m->helper_ids, r->assignments[i].helper);
    }
}

static void free_roster(void *r)
{
    wp_roster_free(r);
}

wp_status wp_previous_attach(wp_model *m, wp_roster *prev, const char *path, wp_error *err)
{
    (void)err;
    /* the roster is ours also if memory runs out (scenario.h) */
    wp_cleanup *freeing = wp_scope_defer(free_roster, prev);
    wp_previous *p = previous_alloc(m->n_visits, m->n_clients);
    p->path = wp_strdup(path ? path : "");
    p->n_routes = (int)prev->n_routes;
    p->route_helper = wp_calloc(prev->n_routes + 1, sizeof *p->route_helper);
    for (size_t i = 0; i < prev->n_routes; i++)
        p->route_helper[i] = wp_strdup(prev->routes[i].helper);
    for (size_t i = 0; i < prev->n_routes; i++) {
        const wp_roster_route *rt = &prev->routes[i];
        int h = wp_strmap_get(&m->helper_ids, rt->helper);
        for (size_t k = 0; k < rt->n_visits; k++) {
            const wp_roster_visit *rv = &rt->visits[k];
            int c = wp_strmap_get(&m->client_ids, rv->client);
            /* a client who left, or a visit the client no longer has (fewer visits a week) */
            if (c < 0 || rv->visit < 0 || rv->visit >= m->clients[c].n_visits) continue;
            int v = m->clients[c].first_visit + rv->visit;
            if (p->visit_route[v] >= 0) continue; /* listed twice by hand: the first counts */
            p->visit_route[v] = (int)i;
            p->visit_pos[v] = (int)k;
            p->visit_helper[v] = h;
            p->visit_day[v] = rt->day;
            p->visit_start[v] = rv->start;
            p->visits_with_plan++;
        }
    }
    previous_helpers(m, prev, p->week_helper);
    for (int c = 0; c < m->n_clients; c++)
        if (p->week_helper[c] < 0) p->week_helper[c] = m->clients[c].helper;
    wp_scope_cancel(freeing);
    wp_roster_free(prev);
    wp_previous_free(m->prev);
    wp_free(m->prev);
    m->prev = p;
    return WP_OK;
}

wp_previous *wp_previous_sub(const wp_previous *parent, int n_visits, const int *visit_of,
                             int n_clients, const int *client_of, const int *child_helper)
{
    wp_previous *p = previous_alloc(n_visits, n_clients);
    for (int v = 0; v < n_visits; v++) {
        int pv = visit_of[v], ph = parent->visit_helper[pv];
        p->visit_route[v] = parent->visit_route[pv];
        p->visit_pos[v] = parent->visit_pos[pv];
        p->visit_day[v] = parent->visit_day[pv];
        p->visit_start[v] = parent->visit_start[pv];
        /* a previous helper outside the sub-model cannot serve here: the same as gone */
        p->visit_helper[v] = ph >= 0 ? child_helper[ph] : -1;
        p->visits_with_plan += p->visit_day[v] >= 0;
    }
    for (int c = 0; c < n_clients; c++) {
        int w = parent->week_helper[client_of[c]];
        p->week_helper[c] = w >= 0 ? child_helper[w] : -1;
    }
    return p;
}
