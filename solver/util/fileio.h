/* Whole-file reads, all-or-nothing writes, and path helpers. */
#ifndef WP_UTIL_FILEIO_H
#define WP_UTIL_FILEIO_H

#include <stddef.h>
#include <wijkplan/error.h>

/* Reads `path` into a NUL-terminated buffer (caller frees). On failure adds a problem naming
 * the file and returns NULL. `what` says what the file is for, e.g. "scenario". */
char *wp_file_read(const char *path, size_t *len, const char *what, wp_error *err);

/* Writes `len` bytes to `path` all or nothing: a temporary file beside it is written, flushed
 * and renamed over `path`, so a failure never leaves a half-written file. A symbolic link is
 * followed to its target; a directory, device, pipe or socket is an input error. Inside a run
 * (below) the rename waits for wp_outputs_commit. */
wp_status wp_file_write_atomic(const char *path, const char *data, size_t len, wp_error *err);

/* Checks before long work that `path` can be written: not a directory, device, pipe or socket,
 * in an existing, writable directory. */
wp_status wp_file_check_output(const char *path, wp_error *err);

/* A run: the outputs of one command, all or nothing. Between begin and commit every write is
 * kept as a temporary file; commit renames them all over their targets, abort removes them and
 * the directories made by wp_dir_create, leaving every existing file as it was. */
void wp_outputs_begin(void);
wp_status wp_outputs_commit(wp_error *err);
void wp_outputs_abort(void);
/* Removes the run's temporary files and new directories; only unlink and rmdir, so that a
 * signal handler may call it. */
void wp_outputs_remove_staged(void);
/* Takes back one write of this run (its temporary file), or outside a run removes the file. */
void wp_file_discard(const char *path);
/* Creates a directory unless it exists; inside a run, an abort removes it again. */
wp_status wp_dir_create(const char *dir, wp_error *err);

/* Test hook: the Nth wp_file_write_atomic from now on fails as if the disk were full (0: none). */
void wp_file_fail_after(long n);

/* The directory part of `path` ("." when there is none). Caller frees. */
char *wp_path_dirname(const char *path);
/* `rel` resolved against directory `base` unless it is absolute. Caller frees. */
char *wp_path_join(const char *base, const char *rel);
/* The last component of `path` (points into `path`). */
const char *wp_path_basename(const char *path);
/* 1 if `path` names an existing regular file. */
int wp_file_exists(const char *path);

#endif
