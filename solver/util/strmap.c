/* Open-addressing string map with linear probing. */
#include "util/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

void wp_strmap_init(wp_strmap *m)
{
    memset(m, 0, sizeof *m);
}

void wp_strmap_free(wp_strmap *m)
{
    wp_free(m->keys);
    wp_free(m->values);
    memset(m, 0, sizeof *m);
}

static void rehash(wp_strmap *m, size_t cap)
{
    const char **old_keys = m->keys;
    int *old_values = m->values;
    size_t old_cap = m->cap;
    m->keys = wp_calloc(cap, sizeof *m->keys);
    m->values = wp_calloc(cap, sizeof *m->values);
    m->cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        if (!old_keys[i]) continue;
        size_t j = hash(old_keys[i]) & (cap - 1);
        while (m->keys[j]) j = (j + 1) & (cap - 1);
        m->keys[j] = old_keys[i];
        m->values[j] = old_values[i];
    }
    wp_free(old_keys);
    wp_free(old_values);
}

int wp_strmap_put(wp_strmap *m, const char *key, int value)
{
    if ((m->count + 1) * 2 > m->cap) rehash(m, m->cap ? m->cap * 2 : 64);
    size_t j = hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) return m->values[j];
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->values[j] = value;
    m->count++;
    return -1;
}

int wp_strmap_get(const wp_strmap *m, const char *key)
{
    if (!m->cap) return -1;
    size_t j = hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) return m->values[j];
        j = (j + 1) & (m->cap - 1);
    }
    return -1;
}
