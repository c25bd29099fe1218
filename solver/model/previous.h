/* Last week's plan for a repair (SPEC "Repair: next week from this week's roster"): per visit
 * of this week its previous (helper, day, start), per client its helper for the week, and the
 * classification of a served visit against that plan.
 *
 * This is the one place for the change rules: the search prices a move with wp_change_of and
 * wp_change_weight, and the KPI function (and so the validator's objective) classifies the
 * routes of a roster with the same two functions, so they cannot disagree.
 *
 * Ownership: a wp_previous (its type is in model/model.h) belongs to the model it is attached
 * to (wp_model.prev), which frees it. */
#ifndef WP_MODEL_PREVIOUS_H
#define WP_MODEL_PREVIOUS_H

#include <stdbool.h>
#include <wijkplan/error.h>
#include <wijkplan/roster.h>

#include "model/model.h"

#define WP_UNCHANGED_MIN 30.0 /* a start moved by at most this many minutes is unchanged */

/* How a visit of the new week compares with its previous plan. */
enum wp_change_kind {
    WP_CHANGE_NONE,       /* no previous plan (a new client or a new visit) */
    WP_CHANGE_UNCHANGED,  /* same helper, same day, start within WP_UNCHANGED_MIN */
    WP_CHANGE_TIME,       /* same helper and day, start moved further */
    WP_CHANGE_DAY,        /* same helper, another day */
    WP_CHANGE_HELPER,     /* another helper, not a substitute */
    WP_CHANGE_SUBSTITUTE, /* another helper on a day the client's helper for the week is absent */
    WP_CHANGE_DROPPED,    /* had a previous plan, now unassigned */
    WP_CHANGE_KINDS
};

/* Attaches `prev` (taking ownership, also on failure; it is freed once read) as the previous
 * plan of model m: matches
 * visits by client id and visit index, and fixes each client's helper for the week: its helper
 * in the previous roster if still in the scenario, else its fixed pair, else none. Ids the
 * scenario lacks are not errors (clients leave, helpers go). */
wp_status wp_previous_attach(wp_model *m, wp_roster *prev, const char *path, wp_error *err);

/* A copy of parent's previous plan for a sub-model (helpers and visits re-indexed). */
wp_previous *wp_previous_sub(const wp_previous *parent, int n_visits, const int *visit_of,
                             int n_clients, const int *client_of, const int *child_helper);

/* Visit of client c served by helper h on day d is a substitute: the client's helper for the
 * week exists, is absent on d, and is not h. */
static inline bool wp_is_substitute(const wp_model *m, int c, int h, int d)
{
    if (!m->prev) return false;
    int w = m->prev->week_helper[c];
    return w >= 0 && w != h && (m->helpers[w].absent >> d & 1);
}

/* Classifies visit v served by helper h on day d; `start_near` says whether its start is within
 * WP_UNCHANGED_MIN of the previous start (only asked when helper and day are the same). */
static inline int wp_change_of(const wp_model *m, int v, int h, int d, bool start_near)
{
    const wp_previous *p = m->prev;
    if (!p || p->visit_day[v] < 0) return WP_CHANGE_NONE;
    if (h == p->visit_helper[v]) {
        if (d != p->visit_day[v]) return WP_CHANGE_DAY;
        return start_near ? WP_CHANGE_UNCHANGED : WP_CHANGE_TIME;
    }
    return wp_is_substitute(m, m->visits[v].client, h, d) ? WP_CHANGE_SUBSTITUTE : WP_CHANGE_HELPER;
}

/* The objective weight of one visit of a change kind (0 for none, unchanged and dropped:
 * a dropped visit costs what any unserved visit costs). */
static inline double wp_change_weight(const wp_objective *o, int kind)
{
    switch (kind) {
    case WP_CHANGE_TIME:
        return o->changed_time;
    case WP_CHANGE_DAY:
        return o->changed_day;
    case WP_CHANGE_HELPER:
        return o->changed_helper;
    case WP_CHANGE_SUBSTITUTE:
        return o->substitute_visit;
    default:
        return 0;
    }
}

/* The SPEC's name of a change kind ("changed_day", "substitute", ...). */
const char *wp_change_name(int kind);

/* The helper a visit served by h on day d counts for under the pair rule: the client's helper
 * for the week when the visit is a substitute, else h. All of a client's visits must count
 * for one helper. */
static inline int wp_pair_helper_of(const wp_model *m, int c, int h, int d)
{
    return wp_is_substitute(m, c, h, d) ? m->prev->week_helper[c] : h;
}

#endif
