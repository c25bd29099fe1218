/* Pins and exclusions as data (SPEC "pin", "excluded_helpers"): after ids are resolved, pins
 * that contradict each other are input errors naming both paths; every other pin narrows the
 * visit it pins (days, window) and its client's eligible helpers, so the search and insertion
 * never need a special case. A pin that cannot hold for a reason of the scenario (the helper is
 * absent, excluded or unqualified, the day or start is outside what the visit allows) leaves the
 * visit unplannable with that reason (wp_visit_def.blocked). */
#ifndef WP_MODEL_PINS_H
#define WP_MODEL_PINS_H

#include <wijkplan/error.h>

#include "model/model.h"

/* Checks and applies every pin of m; returns the number of contradictions added to err. */
int wp_pins_apply(wp_model *m, const char *file, wp_error *err);

/* The visit is pinned in some way. */
static inline bool wp_visit_pinned(const wp_visit_def *v)
{
    return v->pin_helper >= 0 || v->pin_day >= 0 || !isnan(v->pin_start);
}

#endif
