/* Ids ordered by a number. */
#include "util/keyed.h"

#include <stdlib.h>

static int cmp_keyed(const void *a, const void *b)
{
    const wp_keyed *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->id - y->id;
}

void wp_keyed_sort(wp_keyed *items, size_t n)
{
    qsort(items, n, sizeof *items, cmp_keyed);
}
