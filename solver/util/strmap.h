/* A string -> int hash map (open addressing, FNV-1a) for id lookups. Keys are borrowed: they
 * must outlive the map. */
#ifndef WP_UTIL_STRMAP_H
#define WP_UTIL_STRMAP_H

#include <stddef.h>

typedef struct wp_strmap {
    const char **keys; /* NULL = empty slot */
    int *values;
    size_t cap; /* power of two */
    size_t count;
} wp_strmap;

void wp_strmap_init(wp_strmap *m);
void wp_strmap_free(wp_strmap *m);
/* Inserts key -> value; if the key exists, leaves it and returns its value, else returns -1. */
int wp_strmap_put(wp_strmap *m, const char *key, int value);
/* The value of key, or -1. */
int wp_strmap_get(const wp_strmap *m, const char *key);

#endif
