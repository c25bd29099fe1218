/* Line and field reading for benchmark text formats. */
#include "import/lines.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/fileio.h"

bool wp_lines_read(wp_lines *L, const char *path, const char *what, wp_error *err)
{
    memset(L, 0, sizeof *L);
    L->file = path;
    L->err = err;
    size_t len;
    L->text = wp_file_read(path, &len, what, err);
    if (!L->text) return false;
    if (memchr(L->text, '\0', len)) {
        wp_error_add(err, WP_ERR_INPUT, path, NULL, 0, 0, "binary data in a text %s file", what);
        return false;
    }
    size_t cap = 0;
    char *p = L->text;
    while (*p || p == L->text) {
        char *end = strchr(p, '\n');
        if (end) *end = '\0';
        size_t n = strlen(p);
        if (n && p[n - 1] == '\r') p[n - 1] = '\0';
        size_t count = (size_t)L->n;
        WP_PUSH(L->line, count, cap, p);
        L->n = (int)count;
        if (!end) break;
        p = end + 1;
        if (!*p) break;
    }
    return true;
}

void wp_lines_free(wp_lines *L)
{
    wp_free(L->text);
    wp_free(L->line);
    memset(L, 0, sizeof *L);
}

void wp_lines_split(const wp_lines *L, int i, wp_fields *out, char *buf, int bufsize)
{
    out->n = 0;
    snprintf(buf, (size_t)bufsize, "%s", L->line[i]);
    char *p = buf;
    while (*p && out->n < WP_MAX_FIELDS) {
        while (*p && strchr(" \t\r\f\v", *p)) p++;
        if (!*p) break;
        out->f[out->n++] = p;
        while (*p && !strchr(" \t\r\f\v", *p)) p++;
        if (*p) *p++ = '\0';
    }
}

bool wp_lines_blank(const wp_lines *L, int i)
{
    for (const char *p = L->line[i]; *p; p++)
        if (!strchr(" \t\r\f\v", *p)) return false;
    return true;
}

bool wp_lines_error(const wp_lines *L, int i, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = wp_vstrdupf(fmt, ap);
    va_end(ap);
    wp_error_add(L->err, WP_ERR_INPUT, L->file, NULL, i >= 0 ? i + 1 : 0, 0, "%s", msg);
    wp_free(msg);
    return false;
}

bool wp_lines_number(const wp_lines *L, int i, const char *field, const char *what, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(field, &end);
    if (end == field || *end || errno == ERANGE || !isfinite(v))
        return wp_lines_error(L, i, "%s: \"%s\" is not a number", what, field);
    *out = v;
    return true;
}
