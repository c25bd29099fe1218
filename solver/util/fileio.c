/* File helpers: whole reads, outputs written all or nothing through temporary files. */
#define _XOPEN_SOURCE 700 /* realpath, lstat */
#include "util/fileio.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"

static void close_file(void *f)
{
    fclose(f);
}

char *wp_file_read(const char *path, size_t *len, const char *what, wp_error *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "cannot read %s file: is a directory",
                     what);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "cannot read %s file: %s", what,
                     strerror(errno));
        return NULL;
    }
    wp_cleanup *closing = wp_scope_defer(close_file, f);
    size_t cap = 1 << 16, n = 0;
    char *buf = wp_malloc(cap);
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            buf = wp_realloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    int failed = ferror(f);
    wp_scope_cancel(closing);
    fclose(f);
    if (failed) {
        wp_free(buf);
        wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "cannot read %s file: read error", what);
        return NULL;
    }
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

/* ---- outputs: all or nothing -------------------------------------------------------------
 * Outside a run each write is a temporary file beside the target, renamed over it. Inside a
 * run (wp_outputs_begin) the temporary files stay until wp_outputs_commit renames them all, or
 * wp_outputs_abort (or a signal, via wp_outputs_remove_staged) removes them with the
 * directories the run created. The run is process-wide and used from one thread. */

typedef struct staged_file {
    char *tmp, *target;
} staged_file;

static struct {
    bool active;
    staged_file *files;
    size_t n, cap;
    char **dirs;
    size_t n_dirs, cap_dirs;
} run;

/* Where a write to `path` goes: a symbolic link is followed to its target; a directory, device,
 * pipe or socket is refused (wijkplan writes regular files only, so -o /dev/null is an error
 * rather than replacing the device node with a file). Caller frees. */
static char *output_target(const char *path, wp_error *err)
{
    struct stat st;
    char *target = NULL;
    if (lstat(path, &st) != 0) return wp_strdup(path); /* new file: its directory must exist */
    if (S_ISLNK(st.st_mode)) {
        char resolved[PATH_MAX];
        target = realpath(path, resolved) ? wp_strdup(resolved) : NULL;
        if (!target || stat(target, &st) != 0) {
            wp_free(target);
            wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0,
                         "cannot write: a symbolic link to a file or directory that does not "
                         "exist");
            return NULL;
        }
    }
    if (S_ISDIR(st.st_mode) || !S_ISREG(st.st_mode)) {
        wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "cannot write: %s",
                     S_ISDIR(st.st_mode) ? "is a directory"
                                         : "not a regular file (a device, pipe or socket); "
                                           "wijkplan writes regular files only");
        wp_free(target);
        return NULL;
    }
    return target ? target : wp_strdup(path);
}

wp_status wp_file_check_output(const char *path, wp_error *err)
{
    char *target = output_target(path, err);
    if (!target) return WP_ERR_INPUT;
    char *dir = wp_path_dirname(target);
    struct stat st;
    wp_status s = WP_OK;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        s = wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0,
                         "cannot write: directory \"%s\" does not exist", dir);
    else if (access(dir, W_OK) != 0)
        s = wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0,
                         "cannot write: directory \"%s\" is not writable", dir);
    wp_free(dir);
    wp_free(target);
    return s;
}

static void stage(char *tmp, char *target)
{
    for (size_t i = 0; i < run.n; i++)
        if (strcmp(run.files[i].target, target) == 0) { /* written again: same temporary file */
            wp_free(tmp);
            wp_free(target);
            return;
        }
    WP_GROW(run.files, run.cap, run.n + 1);
    wp_alloc_keep(run.files);
    wp_alloc_keep(tmp);
    wp_alloc_keep(target);
    run.files[run.n] = (staged_file){tmp, target};
    run.n++; /* after the entry is whole: a signal handler may read it */
}

static long write_fail_countdown; /* test hook: the Nth write fails as if the disk were full */

void wp_file_fail_after(long n)
{
    write_fail_countdown = n;
}

static bool injected_write_failure(void)
{
    return write_fail_countdown > 0 && --write_fail_countdown == 0;
}

static void remove_file(void *path)
{
    remove(path);
}

wp_status wp_file_write_atomic(const char *path, const char *data, size_t len, wp_error *err)
{
    char *target = output_target(path, err);
    if (!target) return WP_ERR_INPUT;
    char *tmp = wp_strdupf("%s.tmp.%ld", target, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        wp_status s =
            wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "cannot write: %s", strerror(errno));
        wp_free(tmp);
        wp_free(target);
        return s;
    }
    int ok = fwrite(data, 1, len, f) == len;
    ok = (fflush(f) == 0) && ok;
    ok = (fclose(f) == 0) && ok;
    if (ok && injected_write_failure()) ok = 0, errno = ENOSPC;
    if (ok && run.active) {
        wp_cleanup *removing = wp_scope_defer(remove_file, tmp);
        stage(tmp, target);
        wp_scope_cancel(removing);
        return WP_OK;
    }
    if (ok && rename(tmp, target) != 0) ok = 0;
    int e = errno;
    if (!ok) remove(tmp);
    wp_free(tmp);
    wp_free(target);
    if (!ok)
        return wp_error_add(err, WP_ERR_INTERNAL, path, NULL, 0, 0, "cannot write: %s",
                            strerror(e));
    return WP_OK;
}

void wp_file_discard(const char *path)
{
    char buf[PATH_MAX];
    const char *resolved = realpath(path, buf); /* a symbolic link was written through */
    for (size_t i = 0; i < run.n; i++) {
        const char *t = run.files[i].target;
        if (strcmp(t, path) != 0 && !(resolved && strcmp(t, resolved) == 0)) continue;
        remove(run.files[i].tmp);
        wp_free(run.files[i].tmp);
        wp_free(run.files[i].target);
        run.files[i] = run.files[--run.n];
        return;
    }
    if (!run.active) remove(path); /* in a run, a file this run did not write stays */
}

wp_status wp_dir_create(const char *dir, wp_error *err)
{
    if (mkdir(dir, 0777) == 0) {
        if (run.active) {
            WP_GROW(run.dirs, run.cap_dirs, run.n_dirs + 1);
            wp_alloc_keep(run.dirs);
            char *kept = wp_strdup(dir);
            wp_alloc_keep(kept);
            run.dirs[run.n_dirs++] = kept;
        }
        return WP_OK;
    }
    struct stat st;
    if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) return WP_OK;
    return wp_error_add(err, WP_ERR_INPUT, dir, NULL, 0, 0, "cannot create directory: %s",
                        errno == EEXIST ? "a file of that name exists" : strerror(errno));
}

void wp_outputs_begin(void)
{
    run.active = true;
}

static void end_run(void)
{
    for (size_t i = 0; i < run.n; i++) {
        wp_free(run.files[i].tmp);
        wp_free(run.files[i].target);
    }
    for (size_t i = 0; i < run.n_dirs; i++) wp_free(run.dirs[i]);
    wp_free(run.files);
    wp_free(run.dirs);
    memset(&run, 0, sizeof run);
}

wp_status wp_outputs_commit(wp_error *err)
{
    wp_status s = WP_OK;
    for (size_t i = 0; i < run.n; i++) {
        if (s == WP_OK && rename(run.files[i].tmp, run.files[i].target) != 0)
            s = wp_error_add(err, WP_ERR_INTERNAL, run.files[i].target, NULL, 0, 0,
                             "cannot write: %s", strerror(errno));
        if (s != WP_OK) remove(run.files[i].tmp);
    }
    end_run();
    return s;
}

void wp_outputs_remove_staged(void)
{
    for (size_t i = 0; i < run.n; i++) unlink(run.files[i].tmp);
    for (size_t i = run.n_dirs; i-- > 0;) rmdir(run.dirs[i]);
}

void wp_outputs_abort(void)
{
    wp_outputs_remove_staged();
    end_run();
}

char *wp_path_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return wp_strdup(".");
    if (slash == path) return wp_strdup("/");
    return wp_strndup(path, (size_t)(slash - path));
}

char *wp_path_join(const char *base, const char *rel)
{
    if (rel[0] == '/' || !base || !*base || strcmp(base, ".") == 0) return wp_strdup(rel);
    return wp_strdupf("%s/%s", base, rel);
}

const char *wp_path_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int wp_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}
