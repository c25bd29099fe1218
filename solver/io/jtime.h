/* Times of day and windows in scenario JSON: "HH:MM" strings or minutes as numbers. */
#ifndef WP_IO_JTIME_H
#define WP_IO_JTIME_H

#include <stdbool.h>

#include "io/jread.h"
#include "model/model.h"

/* Reads a time value at the current path. */
bool wp_jtime(wp_jctx *ctx, const cJSON *item, double *minutes);

/* Reads [from, to] at the current path. A visit window may be a single instant (from == to);
 * an availability window must have positive length (allow_instant = false). */
bool wp_jwindow(wp_jctx *ctx, const cJSON *item, bool allow_instant, wp_window *out);

/* Reads an array of day names into a bit mask (bit d = day d). Rejects unknown and repeated
 * days, and an empty list when allow_empty is false. */
bool wp_jdays(wp_jctx *ctx, const cJSON *item, bool allow_empty, uint8_t *mask);

/* Describes a time value as the user wrote it, for messages ("\"18:00\"" or "600"). */
void wp_jtime_text(const cJSON *item, char *buf, int size);

#endif
