/* File helpers: whole reads, atomic writes through a temporary file and rename. */
#define _POSIX_C_SOURCE 200809L
#include "util/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"

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
    fclose(f);
    if (failed) {
        free(buf);
        wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "cannot read %s file: read error", what);
        return NULL;
    }
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

wp_status wp_file_write_atomic(const char *path, const char *data, size_t len, wp_error *err)
{
    char *tmp = wp_strdupf("%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        wp_status s =
            wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "cannot write: %s", strerror(errno));
        free(tmp);
        return s;
    }
    int ok = fwrite(data, 1, len, f) == len;
    ok = (fflush(f) == 0) && ok;
    ok = (fclose(f) == 0) && ok;
    if (ok && rename(tmp, path) != 0) ok = 0;
    if (!ok) {
        int e = errno;
        remove(tmp);
        free(tmp);
        return wp_error_add(err, WP_ERR_INTERNAL, path, NULL, 0, 0, "cannot write: %s",
                            strerror(e));
    }
    free(tmp);
    return WP_OK;
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
