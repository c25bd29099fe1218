/* Validating JSON getters: presence, type, range and unknown fields, each problem reported with
 * the file and the JSON path (clients[17].visits[0].window) into a wp_error.
 *
 * Use: keep one wp_jctx per file; push a path component before descending (wp_jpath_key,
 * wp_jpath_index) and pop it after (wp_jpath_pop). Getters return true when the value is present
 * and valid, false otherwise (absent optional values leave *out untouched and report nothing). */
#ifndef WP_IO_JREAD_H
#define WP_IO_JREAD_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <wijkplan/error.h>

#include "util/strbuf.h"

typedef struct wp_jctx {
    const char *file; /* as the user named it; used in every message */
    wp_error *err;
    wp_strbuf path; /* current JSON path */
    int problems;   /* problems reported through this context */
} wp_jctx;

void wp_jctx_init(wp_jctx *ctx, const char *file, wp_error *err);
void wp_jctx_free(wp_jctx *ctx);

/* Path handling; the push functions return a mark to pass to wp_jpath_pop. */
size_t wp_jpath_key(wp_jctx *ctx, const char *key);
size_t wp_jpath_index(wp_jctx *ctx, size_t index);
void wp_jpath_pop(wp_jctx *ctx, size_t mark);

/* Reports a problem at the current path (plus `key` when not NULL). */
void wp_jerr(wp_jctx *ctx, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* `value` as JSON text in wp_ memory (caller wp_frees), tab-indented when `formatted`. */
char *wp_json_text(const cJSON *value, bool formatted);

/* Parses UTF-8 JSON text of `len` bytes followed by a NUL (a leading byte-order mark is
 * skipped). Malformed text is reported with line and column. Returns NULL on error. */
cJSON *wp_json_parse(const char *text, size_t len, const char *file, wp_error *err);

/* Rejects keys not in `allowed` (NULL-terminated; "extra" is always allowed) and duplicate
 * keys. Returns false if any problem was found. */
bool wp_jcheck_keys(wp_jctx *ctx, const cJSON *obj, const char *const *allowed);

/* Describes a JSON value's type for messages: "a string", "a number", ... */
const char *wp_jtype_name(const cJSON *item);

/* Member getters. `required` reports a missing member. */
const cJSON *wp_jget(wp_jctx *ctx, const cJSON *obj, const char *key, bool required);
bool wp_jget_string(wp_jctx *ctx, const cJSON *obj, const char *key, bool required,
                    const char **out);
/* Non-empty string. */
bool wp_jget_id(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, const char **out);
/* A finite number within [lo, hi]. */
bool wp_jget_number(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, double lo,
                    double hi, double *out);
/* A finite number strictly greater than zero (durations, hours, speeds). */
bool wp_jget_positive(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, double *out);
/* An integer within [lo, hi]. */
bool wp_jget_int(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, long lo, long hi,
                 long *out);
bool wp_jget_bool(wp_jctx *ctx, const cJSON *obj, const char *key, bool required, bool *out);
/* An object or array member (type checked). */
const cJSON *wp_jget_object(wp_jctx *ctx, const cJSON *obj, const char *key, bool required);
const cJSON *wp_jget_array(wp_jctx *ctx, const cJSON *obj, const char *key, bool required);

/* Value checks for array elements (reported at the current path). */
bool wp_jis_finite_number(const cJSON *item);

#endif
