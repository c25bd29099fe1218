/* The caller-owned error record: a bounded list of located problems. */
#include <wijkplan/error.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

void wp_error_init(wp_error *err)
{
    if (err) memset(err, 0, sizeof *err);
}

void wp_error_clear(wp_error *err)
{
    if (!err) return;
    for (size_t i = 0; i < err->count; i++) {
        free(err->items[i].file);
        free(err->items[i].path);
        free(err->items[i].message);
    }
    free(err->items);
    memset(err, 0, sizeof *err);
}

wp_status wp_error_add(wp_error *err, wp_status status, const char *file, const char *path,
                       int line, int column, const char *fmt, ...)
{
    if (!err) return status;
    if (err->count >= WP_ERROR_MAX_ITEMS) {
        err->dropped++;
        return status;
    }
    WP_GROW(err->items, err->capacity, err->count + 1);
    wp_problem *p = &err->items[err->count++];
    p->status = status;
    p->file = file ? wp_strdup(file) : NULL;
    p->path = (path && *path) ? wp_strdup(path) : NULL;
    p->line = line;
    p->column = column;
    va_list ap;
    va_start(ap, fmt);
    p->message = wp_vstrdupf(fmt, ap);
    va_end(ap);
    return status;
}

wp_status wp_error_status(const wp_error *err)
{
    wp_status worst = WP_OK;
    if (!err) return worst;
    for (size_t i = 0; i < err->count; i++)
        if (worst == WP_OK || err->items[i].status == WP_ERR_INTERNAL) worst = err->items[i].status;
    return worst;
}

void wp_problem_format(const wp_problem *p, char *buf, size_t size)
{
    size_t n = 0;
#define WP_APPEND(...)                                                                             \
    do {                                                                                           \
        int k_ = snprintf(buf + n, n < size ? size - n : 0, __VA_ARGS__);                          \
        if (k_ > 0) n += (size_t)k_;                                                               \
    } while (0)
    if (size == 0) return;
    buf[0] = '\0';
    if (p->file) {
        WP_APPEND("%s", p->file);
        if (p->line > 0) WP_APPEND(":%d", p->line);
        if (p->line > 0 && p->column > 0) WP_APPEND(":%d", p->column);
        WP_APPEND(": ");
    }
    if (p->path) WP_APPEND("%s: ", p->path);
    WP_APPEND("%s", p->message ? p->message : "(no message)");
#undef WP_APPEND
}

void wp_error_print(const wp_error *err, FILE *out)
{
    if (!err) return;
    char line[2048];
    for (size_t i = 0; i < err->count; i++) {
        wp_problem_format(&err->items[i], line, sizeof line);
        fprintf(out, "%s\n", line);
    }
    if (err->dropped) fprintf(out, "... and %zu more problems not shown\n", err->dropped);
}

const char *wp_status_name(wp_status status)
{
    switch (status) {
    case WP_OK:
        return "ok";
    case WP_ERR_INTERNAL:
        return "internal error";
    case WP_ERR_INPUT:
        return "input error";
    case WP_ERR_SOLVER:
        return "solver error";
    case WP_ERR_PROJECTION:
        return "projection error";
    }
    return "unknown status";
}
