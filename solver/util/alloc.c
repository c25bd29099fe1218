/* Allocation wrappers: fatal on exhaustion, overflow-checked, with a failure-injection hook. */
#include "util/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long fail_countdown; /* test hook; 0 = never fail. Single-threaded tests only. */

void wp_alloc_fail_after(long n)
{
    fail_countdown = n;
}

static void out_of_memory(size_t size)
{
    fprintf(stderr, "wijkplan: out of memory (could not allocate %zu bytes)\n", size);
    exit(1);
}

static int injected_failure(void)
{
    if (fail_countdown <= 0) return 0;
    return --fail_countdown == 0;
}

void *wp_malloc(size_t size)
{
    void *p = injected_failure() ? NULL : malloc(size ? size : 1);
    if (!p) out_of_memory(size);
    return p;
}

void *wp_try_malloc(size_t size)
{
    return injected_failure() ? NULL : malloc(size ? size : 1);
}

void *wp_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) out_of_memory(SIZE_MAX);
    void *p = injected_failure() ? NULL : calloc(count ? count : 1, size ? size : 1);
    if (!p) out_of_memory(count * size);
    return p;
}

void *wp_realloc(void *ptr, size_t size)
{
    void *p = injected_failure() ? NULL : realloc(ptr, size ? size : 1);
    if (!p) out_of_memory(size);
    return p;
}

void *wp_realloc_array(void *ptr, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) out_of_memory(SIZE_MAX);
    return wp_realloc(ptr, count * size);
}

char *wp_strdup(const char *s)
{
    return wp_strndup(s, strlen(s));
}

char *wp_strndup(const char *s, size_t n)
{
    char *d = wp_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *wp_vstrdupf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) n = 0;
    char *s = wp_malloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *wp_strdupf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = wp_vstrdupf(fmt, ap);
    va_end(ap);
    return s;
}

void wp_grow_impl(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2) out_of_memory(SIZE_MAX);
        n *= 2;
    }
    *items = wp_realloc_array(*items, n, elem);
    *cap = n;
}
