/* JSON forms shared by the roster and comparison writers and readers. */
#ifndef WP_IO_ROSTER_JSON_H
#define WP_IO_ROSTER_JSON_H

#include <cjson/cJSON.h>
#include <wijkplan/roster.h>

#include "io/jread.h"

/* The KPI object (SPEC fields first, then wijkplan's additions). */
cJSON *wp_kpi_to_json(const wp_kpi *k);
/* Reads a KPI object; unknown members are tolerated only when `strict` is false. */
bool wp_kpi_from_json(wp_jctx *ctx, const cJSON *obj, bool strict, wp_kpi *k);

/* The whole roster as a JSON tree (caller deletes). */
cJSON *wp_roster_to_json(const wp_roster *r);

/* Writes a JSON tree to `path` all or nothing. */
wp_status wp_json_write_file(const cJSON *doc, const char *path, wp_error *err);

#endif
