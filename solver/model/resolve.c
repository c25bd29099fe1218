/* Ids to indices (see resolve.h). Problems are reported in the order of the file: duplicate
 * ids per section, then each helper's and each client's references, then the awards. */
#include "model/resolve.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

typedef struct resolver {
    wp_model *m;
    const wp_refs *refs;
    const char *file;
    wp_error *err;
    int problems;
} resolver;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
problem(resolver *R, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = wp_vstrdupf(fmt, ap);
    va_end(ap);
    wp_error_add(R->err, WP_ERR_INPUT, R->file, path, 0, 0, "%s", msg);
    wp_free(msg);
    R->problems++;
}

static void index_ids(resolver *R, wp_strmap *map, const char *section, int n, size_t stride,
                      const void *items)
{
    for (int i = 0; i < n; i++) {
        const char *id = *(char *const *)((const char *)items + (size_t)i * stride);
        if (!id) continue;
        int prev = wp_strmap_put(map, id, i);
        if (prev >= 0) {
            char path[64], first[64];
            snprintf(path, sizeof path, "%s[%d].id", section, i);
            snprintf(first, sizeof first, "%s[%d]", section, prev);
            problem(R, path, "duplicate id \"%s\" (first used at %s)", id, first);
        }
    }
}

/* The index of `ref` in map, or -1 (an error when ref is given but unknown). */
static int resolve(resolver *R, const wp_strmap *map, const char *path, const char *ref,
                   const char *kind)
{
    if (!ref) return -1;
    int idx = wp_strmap_get(map, ref);
    if (idx < 0) problem(R, path, "unknown %s \"%s\"", kind, ref);
    return idx;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void resolve_excluded(resolver *R, int c)
{
    int n = R->refs->n_excluded ? R->refs->n_excluded[c] : 0;
    if (!n) return;
    wp_client_def *cl = &R->m->clients[c];
    cl->excluded = wp_malloc(((size_t)n + 1) * sizeof(int));
    for (int i = 0; i < n; i++) {
        char path[96];
        snprintf(path, sizeof path, "clients[%d].excluded_helpers[%d]", c, i);
        int h = resolve(R, &R->m->helper_ids, path, R->refs->excluded[c][i], "helper");
        if (h >= 0) cl->excluded[cl->n_excluded++] = h;
    }
    qsort(cl->excluded, (size_t)cl->n_excluded, sizeof(int), cmp_int);
}

static void resolve_client(resolver *R, int c)
{
    wp_model *m = R->m;
    const wp_refs *refs = R->refs;
    wp_client_def *cl = &m->clients[c];
    char path[96];
    snprintf(path, sizeof path, "clients[%d].provider", c);
    cl->provider = resolve(R, &m->provider_ids, path, refs->client_provider[c], "provider");
    snprintf(path, sizeof path, "clients[%d].helper", c);
    cl->helper = resolve(R, &m->helper_ids, path, refs->client_helper[c], "helper");
    resolve_excluded(R, c);
    for (int k = 0; k < cl->n_visits; k++) {
        int v = cl->first_visit + k;
        snprintf(path, sizeof path, "clients[%d].visits[%d].pin.helper", c, k);
        m->visits[v].pin_helper =
            resolve(R, &m->helper_ids, path, refs->visit_pin_helper[v], "helper");
    }
}

static void resolve_award(resolver *R, const wp_award_ref *a)
{
    wp_model *m = R->m;
    wp_awards *aw = &m->contracting.awards;
    char path[128];
    snprintf(path, sizeof path, "contracting.awards.%s", a->district);
    int d = wp_strmap_get(&m->district_ids, a->district);
    if (d < 0) {
        problem(R, path, "unknown district \"%s\"", a->district);
        return;
    }
    if (aw->providers[d]) {
        problem(R, path, "duplicate field");
        return;
    }
    aw->providers[d] = wp_calloc((size_t)a->n + 1, sizeof(int));
    for (int i = 0; i < a->n; i++) {
        snprintf(path, sizeof path, "contracting.awards.%s[%d]", a->district, i);
        int p = resolve(R, &m->provider_ids, path, a->providers[i], "provider");
        if (p < 0) continue;
        bool dup = false;
        for (int k = 0; k < aw->count[d]; k++) dup |= aw->providers[d][k] == p;
        if (dup)
            problem(R, path, "provider \"%s\" is listed twice", a->providers[i]);
        else
            aw->providers[d][aw->count[d]++] = p;
    }
}

static void resolve_awards(resolver *R)
{
    wp_model *m = R->m;
    wp_contracting *c = &m->contracting;
    if (c->model != WP_PER_DISTRICT) return;
    if (m->n_districts == 0) {
        problem(R, "contracting", "per_district contracting needs \"districts\"");
        return;
    }
    if (!c->awards_given) return;
    wp_awards *a = &c->awards;
    a->n_districts = m->n_districts;
    a->count = wp_calloc((size_t)m->n_districts, sizeof *a->count);
    a->providers = wp_calloc((size_t)m->n_districts, sizeof *a->providers);
    for (int i = 0; i < R->refs->n_awards; i++) resolve_award(R, &R->refs->awards[i]);
    for (int d = 0; d < m->n_districts; d++)
        if (!a->providers[d])
            problem(R, "contracting.awards", "district \"%s\" has no award", m->districts[d].id);
}

wp_status wp_model_resolve(wp_model *m, const wp_refs *refs, const char *file, wp_error *err)
{
    resolver R = {m, refs, file, err, 0};
    index_ids(&R, &m->provider_ids, "providers", m->n_providers, sizeof *m->providers,
              m->providers);
    index_ids(&R, &m->helper_ids, "helpers", m->n_helpers, sizeof *m->helpers, m->helpers);
    index_ids(&R, &m->client_ids, "clients", m->n_clients, sizeof *m->clients, m->clients);
    for (int h = 0; h < m->n_helpers; h++) {
        char path[64];
        snprintf(path, sizeof path, "helpers[%d].provider", h);
        m->helpers[h].provider =
            resolve(&R, &m->provider_ids, path, refs->helper_provider[h], "provider");
    }
    for (int c = 0; c < m->n_clients; c++) resolve_client(&R, c);
    resolve_awards(&R);
    return R.problems ? WP_ERR_INPUT : WP_OK;
}
