/* Routes by helper and file names per helper, for the exports that write one file each. */
#include "report/helper_files.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

void wp_routes_by_helper(const wp_model *m, const wp_roster *r, int **start_out, int **idx_out)
{
    int nh = m->n_helpers;
    int *start = wp_calloc((size_t)nh + 2, sizeof *start);
    int *idx = wp_malloc((r->n_routes + 1) * sizeof *idx);
    for (size_t i = 0; i < r->n_routes; i++)
        start[wp_strmap_get(&m->helper_ids, r->routes[i].helper) + 1]++;
    for (int h = 0; h < nh; h++) start[h + 1] += start[h];
    int *fill = wp_malloc(((size_t)nh + 1) * sizeof *fill);
    memcpy(fill, start, (size_t)nh * sizeof *fill);
    for (size_t i = 0; i < r->n_routes; i++)
        idx[fill[wp_strmap_get(&m->helper_ids, r->routes[i].helper)]++] = (int)i;
    wp_free(fill);
    /* a hand-made roster need not be in day order; a helper has at most a few routes */
    for (int h = 0; h < nh; h++)
        for (int i = start[h] + 1; i < start[h + 1]; i++)
            for (int j = i; j > start[h] && r->routes[idx[j - 1]].day > r->routes[idx[j]].day;
                 j--) {
                int t = idx[j];
                idx[j] = idx[j - 1];
                idx[j - 1] = t;
            }
    *start_out = start;
    *idx_out = idx;
}

char *wp_helper_file_name(const char *dir, const char *id, const char *ext)
{
    char *safe = wp_strdup(id);
    for (char *p = safe; *p; p++)
        if (strchr("/\\:?#%", *p) || (unsigned char)*p < 0x20) *p = '_';
    if (safe[0] == '.') safe[0] = '_';
    char *path = dir ? wp_strdupf("%s/%s%s", dir, safe, ext) : wp_strdupf("%s%s", safe, ext);
    wp_free(safe);
    return path;
}
