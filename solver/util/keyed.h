/* Ids ordered by a number: nearest helpers, helpers along an axis. */
#ifndef WP_UTIL_KEYED_H
#define WP_UTIL_KEYED_H

#include <stddef.h>

typedef struct wp_keyed {
    double key;
    int id;
} wp_keyed;

/* Sorts by key, ascending; equal keys by id, so the order never depends on the sort. */
void wp_keyed_sort(wp_keyed *items, size_t n);

#endif
