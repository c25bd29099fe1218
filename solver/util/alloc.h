/* Allocation that never returns NULL, overflow-checked array growth, and string helpers.
 *
 * wijkplan treats exhausted memory as fatal: wp_malloc and friends print one line and exit
 * with status 1 (internal) instead of threading NULL checks through the search. Tests can make
 * the Nth allocation fail to check that this path is clean. */
#ifndef WP_UTIL_ALLOC_H
#define WP_UTIL_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *wp_malloc(size_t size);
void *wp_calloc(size_t count, size_t size);
/* malloc that returns NULL on exhaustion (also under the test hook), for callers that report
 * it as a status, such as the JSON parser. */
void *wp_try_malloc(size_t size);
void *wp_realloc(void *ptr, size_t size);
/* realloc of count * size bytes, exiting cleanly if the product overflows. */
void *wp_realloc_array(void *ptr, size_t count, size_t size);
char *wp_strdup(const char *s);
char *wp_strndup(const char *s, size_t n);
char *wp_strdupf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
char *wp_vstrdupf(const char *fmt, va_list ap);

/* Test hook: the Nth allocation from now on fails (0 disables). */
void wp_alloc_fail_after(long n);

/* Grows *items (capacity *cap) to hold at least `need` elements, doubling. */
void wp_grow_impl(void **items, size_t *cap, size_t need, size_t elem);
#define WP_GROW(items, cap, need) wp_grow_impl((void **)&(items), &(cap), (need), sizeof *(items))

/* Appends one element to a (items, count, cap) triple. */
#define WP_PUSH(items, count, cap, value)                                                          \
    do {                                                                                           \
        WP_GROW(items, cap, (count) + 1);                                                          \
        (items)[(count)++] = (value);                                                              \
    } while (0)

#endif
