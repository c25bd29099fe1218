/* Resolving a scenario's references: the ids a reader kept as strings (a helper's provider, a
 * client's provider, helper and excluded helpers, a pin's helper, the given awards) become
 * indices once every id is known. Duplicate ids and unknown references are input errors
 * naming the file and the JSON path. */
#ifndef WP_MODEL_RESOLVE_H
#define WP_MODEL_RESOLVE_H

#include <wijkplan/error.h>

#include "model/model.h"

/* One district's given award: provider ids in the order written. */
typedef struct wp_award_ref {
    const char *district;
    int n;
    const char **providers;
} wp_award_ref;

/* References as read (borrowed strings; NULL where none is given). */
typedef struct wp_refs {
    const char **helper_provider;  /* per helper */
    const char **client_provider;  /* per client */
    const char **client_helper;    /* per client */
    int *n_excluded;               /* per client */
    const char ***excluded;        /* per client: its excluded helpers' ids */
    const char **visit_pin_helper; /* per visit */
    int n_awards;                  /* contracting.awards entries (when awards are given) */
    wp_award_ref *awards;
} wp_refs;

/* Indexes the ids of providers, helpers and clients (m->*_ids), then sets every reference of m
 * from refs, and the given awards into m->contracting.awards. Problems name `file`. */
wp_status wp_model_resolve(wp_model *m, const wp_refs *refs, const char *file, wp_error *err);

#endif
