/* The caller-owned error record: a bounded list of located problems. */
#include <wijkplan/error.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error/guard.h"

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

/* The record outlives the call that fills it, also a call that runs out of memory, so its
 * strings come from malloc itself rather than from the call's allocation scope; a problem that
 * cannot be stored is counted as dropped. */
static char *copy_text(const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static bool make_room(wp_error *err)
{
    if (err->count < err->capacity) return true;
    size_t cap = err->capacity ? err->capacity * 2 : 8;
    wp_problem *items = realloc(err->items, cap * sizeof *items);
    if (!items) return false;
    err->items = items;
    err->capacity = cap;
    return true;
}

wp_status wp_error_add(wp_error *err, wp_status status, const char *file, const char *path,
                       int line, int column, const char *fmt, ...)
{
    if (!err) return status;
    if (err->count >= WP_ERROR_MAX_ITEMS || !make_room(err)) {
        err->dropped++;
        if (status == WP_ERR_INTERNAL) err->dropped_internal = true;
        return status;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *message = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (message) {
        va_start(ap, fmt);
        vsnprintf(message, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    wp_problem *p = &err->items[err->count++];
    p->status = status;
    p->file = copy_text(file);
    p->path = (path && *path) ? copy_text(path) : NULL;
    p->line = line;
    p->column = column;
    p->message = message;
    return status;
}

wp_status wp_error_out_of_memory(wp_error *err, const char *doing, size_t size)
{
    char need[48];
    if (size == SIZE_MAX)
        snprintf(need, sizeof need, "more than the address space");
    else if (size >= (size_t)10 << 20)
        snprintf(need, sizeof need, "%.0f MiB", (double)size / (1 << 20));
    else
        snprintf(need, sizeof need, "%zu bytes", size);
    return wp_error_add(err, WP_ERR_INTERNAL, NULL, NULL, 0, 0,
                        "out of memory while %s (could not allocate %s)", doing, need);
}

wp_status wp_error_status(const wp_error *err)
{
    wp_status worst = WP_OK;
    if (!err) return worst;
    if (err->dropped_internal) return WP_ERR_INTERNAL;
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

typedef struct local_error {
    wp_error e; /* first: the record's address is the block's */
    wp_cleanup *clearing;
} local_error;

static void clear_local(void *l)
{
    wp_error_clear(&((local_error *)l)->e);
}

wp_error *wp_error_local(void)
{
    local_error *l = wp_calloc(1, sizeof *l);
    l->clearing = wp_scope_defer(clear_local, l);
    return &l->e;
}

void wp_error_local_free(wp_error *e)
{
    if (!e) return;
    local_error *l = (local_error *)e;
    wp_scope_cancel(l->clearing);
    wp_error_clear(e);
    wp_free(l);
}
