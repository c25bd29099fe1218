/* Pin contradictions and narrowing (see pins.h). */
#include "model/pins.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/daytime.h"
#include "util/keyed.h"

static void pin_path(const wp_model *m, int v, const char *key, char *buf, size_t size)
{
    const wp_visit_def *vd = &m->visits[v];
    snprintf(buf, size, "clients[%d].visits[%d].pin%s%s", vd->client, vd->index, key ? "." : "",
             key ? key : "");
}

static int contradiction(const wp_model *m, const char *file, wp_error *err, int v, int u,
                         const char *key, const char *what)
{
    char pv[96], pu[96];
    pin_path(m, v, key, pv, sizeof pv);
    pin_path(m, u, key, pu, sizeof pu);
    wp_error_add(err, WP_ERR_INPUT, file, pv, 0, 0, "contradicts %s: %s", pu, what);
    return 1;
}

/* Visits of one client: one helper, different days, min_days_between_visits apart. */
static int check_client(wp_model *m, int c, const char *file, wp_error *err)
{
    const wp_client_def *cl = &m->clients[c];
    int problems = 0, helper_visit = -1;
    for (int k = 0; k < cl->n_visits; k++) {
        int v = cl->first_visit + k;
        const wp_visit_def *vd = &m->visits[v];
        if (vd->pin_helper >= 0) {
            if (helper_visit >= 0 && m->visits[helper_visit].pin_helper != vd->pin_helper)
                problems += contradiction(m, file, err, v, helper_visit, "helper",
                                          "one helper serves all of a client's visits");
            else if (helper_visit < 0)
                helper_visit = v;
        }
        if (vd->pin_day < 0) continue;
        for (int j = 0; j < k; j++) {
            int u = cl->first_visit + j, du = m->visits[u].pin_day;
            if (du < 0) continue;
            int gap = abs(du - vd->pin_day);
            int need = cl->min_days_between > 1 ? cl->min_days_between : 1;
            if (gap < need) {
                char what[128];
                snprintf(what, sizeof what, "visits of one client lie at least %d day%s apart",
                         need, need == 1 ? "" : "s");
                problems += contradiction(m, file, err, v, u, "day", what);
            }
        }
    }
    if (helper_visit >= 0) m->clients[c].pin_helper = m->visits[helper_visit].pin_helper;
    return problems;
}

/* The helper a visit is pinned to, directly or through its client's other pins. */
static int pinned_helper(const wp_model *m, int v)
{
    return m->clients[m->visits[v].client].pin_helper;
}

/* Two fully pinned visits of one helper on one day whose care overlaps cannot both hold. */
static int check_overlaps(const wp_model *m, const char *file, wp_error *err)
{
    int n = 0, problems = 0;
    wp_keyed *pins = wp_malloc(((size_t)m->n_visits + 1) * sizeof *pins);
    for (int v = 0; v < m->n_visits; v++) {
        const wp_visit_def *vd = &m->visits[v];
        int h = pinned_helper(m, v);
        if (h < 0 || vd->pin_day < 0 || isnan(vd->pin_start)) continue;
        /* helper-major, then day, then start: overlaps are neighbours in this order */
        double key = ((double)h * WP_DAYS + vd->pin_day) * 1e5 + vd->pin_start;
        pins[n++] = (wp_keyed){key, v};
    }
    wp_keyed_sort(pins, (size_t)n);
    for (int i = 1; i < n; i++) {
        int u = pins[i - 1].id, v = pins[i].id;
        const wp_visit_def *a = &m->visits[u], *b = &m->visits[v];
        if (pinned_helper(m, u) != pinned_helper(m, v) || a->pin_day != b->pin_day) continue;
        if (b->pin_start < a->pin_start + a->duration - 1e-9) {
            char what[160];
            snprintf(what, sizeof what, "helper %s cannot be at two visits at once on %s",
                     m->helpers[pinned_helper(m, v)].id, wp_day_name(b->pin_day));
            problems += contradiction(m, file, err, v, u, NULL, what);
        }
    }
    wp_free(pins);
    return problems;
}

/* Why pin of visit v cannot hold in this scenario, or NULL. */
static char *pin_blocker(const wp_model *m, int v)
{
    const wp_visit_def *vd = &m->visits[v];
    const wp_client_def *cl = &m->clients[vd->client];
    int h = cl->pin_helper;
    char a[16], b[16], t[16];
    if (vd->pin_day >= 0 && !(vd->days >> vd->pin_day & 1))
        return wp_strdupf("pinned to %s, which is not an allowed day of the visit",
                          wp_day_name(vd->pin_day));
    if (!isnan(vd->pin_start) &&
        (vd->pin_start < vd->window.from - 1e-9 || vd->pin_start > vd->window.to + 1e-9)) {
        wp_format_hhmm(vd->pin_start, t);
        wp_format_hhmm(vd->window.from, a);
        wp_format_hhmm(vd->window.to, b);
        return wp_strdupf("pinned to start at %s, outside the visit's window %s-%s", t, a, b);
    }
    if (h < 0) return NULL;
    const wp_helper_def *hd = &m->helpers[h];
    if (!wp_helper_qualified(m, h, vd->client))
        return wp_strdupf("pinned helper %s lacks the client's skills or qualification", hd->id);
    for (int i = 0; i < cl->n_excluded; i++)
        if (cl->excluded[i] == h)
            return wp_strdupf("pinned helper %s is one of the client's excluded helpers", hd->id);
    if (vd->pin_day >= 0 && (hd->absent >> vd->pin_day & 1))
        return wp_strdupf("pinned helper %s is absent on %s", hd->id, wp_day_name(vd->pin_day));
    if (vd->pin_day >= 0 && !wp_helper_works(m, h, vd->pin_day))
        return wp_strdupf("pinned helper %s does not work on %s", hd->id, wp_day_name(vd->pin_day));
    return NULL;
}

int wp_pins_apply(wp_model *m, const char *file, wp_error *err)
{
    int problems = 0;
    for (int v = 0; v < m->n_visits; v++) {
        m->visits[v].given_days = m->visits[v].days;
        m->visits[v].given_window = m->visits[v].window;
    }
    for (int c = 0; c < m->n_clients; c++) problems += check_client(m, c, file, err);
    if (problems) return problems;
    problems += check_overlaps(m, file, err);
    if (problems) return problems;
    for (int v = 0; v < m->n_visits; v++) {
        wp_visit_def *vd = &m->visits[v];
        if (!wp_visit_pinned(vd) && pinned_helper(m, v) < 0) continue;
        vd->blocked = pin_blocker(m, v);
        if (vd->blocked) {
            vd->days = 0;
            continue;
        }
        if (vd->pin_day >= 0) vd->days = (uint8_t)(1u << vd->pin_day);
        if (!isnan(vd->pin_start)) vd->window.from = vd->window.to = vd->pin_start;
    }
    return 0;
}
