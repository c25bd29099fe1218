/* Whole-file reads, all-or-nothing writes, and path helpers. */
#ifndef WP_UTIL_FILEIO_H
#define WP_UTIL_FILEIO_H

#include <stddef.h>
#include <wijkplan/error.h>

/* Reads `path` into a NUL-terminated buffer (caller frees). On failure adds a problem naming
 * the file and returns NULL. `what` says what the file is for, e.g. "scenario". */
char *wp_file_read(const char *path, size_t *len, const char *what, wp_error *err);

/* Writes `len` bytes to `path` all or nothing: a temporary file beside it is written, flushed
 * and renamed over `path`, so a failure never leaves a half-written file. */
wp_status wp_file_write_atomic(const char *path, const char *data, size_t len, wp_error *err);

/* The directory part of `path` ("." when there is none). Caller frees. */
char *wp_path_dirname(const char *path);
/* `rel` resolved against directory `base` unless it is absolute. Caller frees. */
char *wp_path_join(const char *base, const char *rel);
/* The last component of `path` (points into `path`). */
const char *wp_path_basename(const char *path);
/* 1 if `path` names an existing regular file. */
int wp_file_exists(const char *path);

#endif
