/* Travel matrix file: {"locations": [[x,y],...], "durations_min": [[...]], "distances_km":
 * [[...]]}. */
#include "io/matrix_read.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/jread.h"
#include "util/alloc.h"
#include "util/fileio.h"

#define MATCH_TOLERANCE 1e-7

static bool read_square(wp_jctx *ctx, const cJSON *doc, const char *key, int n, double **out)
{
    const cJSON *rows = wp_jget_array(ctx, doc, key, true);
    if (!rows) return false;
    if (cJSON_GetArraySize(rows) != n) {
        wp_jerr(ctx, key, "has %d rows, expected %d (one per location)", cJSON_GetArraySize(rows),
                n);
        return false;
    }
    double *v = wp_malloc(((size_t)n * (size_t)n + 1) * sizeof *v);
    size_t mark = wp_jpath_key(ctx, key);
    int i = 0;
    const cJSON *row;
    bool ok = true;
    cJSON_ArrayForEach(row, rows)
    {
        size_t m2 = wp_jpath_index(ctx, (size_t)i);
        if (!cJSON_IsArray(row) || cJSON_GetArraySize(row) != n) {
            wp_jerr(ctx, NULL, "must be an array of %d numbers", n);
            ok = false;
        } else {
            int j = 0;
            const cJSON *cell;
            cJSON_ArrayForEach(cell, row)
            {
                if (!wp_jis_finite_number(cell) || cell->valuedouble < 0) {
                    size_t m3 = wp_jpath_index(ctx, (size_t)j);
                    wp_jerr(ctx, NULL, "must be a finite number >= 0");
                    wp_jpath_pop(ctx, m3);
                    ok = false;
                    break;
                }
                v[(long)i * n + j++] = cell->valuedouble;
            }
        }
        wp_jpath_pop(ctx, m2);
        if (!ok) break;
        i++;
    }
    wp_jpath_pop(ctx, mark);
    if (!ok) {
        wp_free(v);
        return false;
    }
    *out = v;
    return true;
}

typedef struct keyed {
    double x, y;
    int index;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return p->index - q->index;
}

/* Links model locations to matrix rows through a sort on x and a scan of the tolerance band. */
static void link_locations(wp_model *m, const keyed *pts, int n)
{
    m->loc_matrix = wp_malloc(((size_t)m->n_locations + 1) * sizeof *m->loc_matrix);
    for (int i = 0; i < m->n_locations; i++) {
        double x = m->src_x[i], y = m->src_y[i];
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (pts[mid].x < x - MATCH_TOLERANCE)
                lo = mid + 1;
            else
                hi = mid;
        }
        m->loc_matrix[i] = -1;
        for (int k = lo; k < n && pts[k].x <= x + MATCH_TOLERANCE; k++)
            if (fabs(pts[k].y - y) <= MATCH_TOLERANCE) {
                m->loc_matrix[i] = pts[k].index;
                break;
            }
    }
}

wp_status wp_matrix_load(wp_model *m, const char *rel, const char *base_dir,
                         const char *scenario_file, wp_error *err)
{
    char *path = wp_path_join(base_dir, rel);
    if (!wp_file_exists(path)) {
        wp_status st = wp_error_add(err, WP_ERR_INPUT, scenario_file, "travel.matrix", 0, 0,
                                    "cannot read matrix file \"%s\"", path);
        wp_free(path);
        return st;
    }
    size_t len;
    char *text = wp_file_read(path, &len, "travel matrix", err);
    if (!text) {
        wp_free(path);
        return WP_ERR_INPUT;
    }
    cJSON *doc = wp_json_parse(text, len, path, err);
    wp_free(text);
    if (!doc) {
        wp_free(path);
        return WP_ERR_INPUT;
    }
    wp_jctx ctx;
    wp_jctx_init(&ctx, path, err);
    keyed *pts = NULL;
    double *mins = NULL, *kms = NULL;
    int n = 0;
    if (!cJSON_IsObject(doc)) {
        wp_jerr(&ctx, NULL, "a travel matrix must be a JSON object, not %s", wp_jtype_name(doc));
    } else {
        static const char *const keys[] = {"locations", "durations_min", "distances_km", NULL};
        wp_jcheck_keys(&ctx, doc, keys);
        const cJSON *locs = wp_jget_array(&ctx, doc, "locations", true);
        if (locs) {
            n = cJSON_GetArraySize(locs);
            pts = wp_calloc((size_t)n + 1, sizeof *pts);
            int i = 0;
            const cJSON *p;
            size_t mark = wp_jpath_key(&ctx, "locations");
            cJSON_ArrayForEach(p, locs)
            {
                const cJSON *a = cJSON_IsArray(p) && cJSON_GetArraySize(p) == 2 ? p->child : NULL;
                if (!a || !wp_jis_finite_number(a) || !wp_jis_finite_number(a->next)) {
                    size_t m2 = wp_jpath_index(&ctx, (size_t)i);
                    wp_jerr(&ctx, NULL, "must be [x, y] with finite numbers");
                    wp_jpath_pop(&ctx, m2);
                } else {
                    pts[i] = (keyed){a->valuedouble, a->next->valuedouble, i};
                }
                i++;
            }
            wp_jpath_pop(&ctx, mark);
        }
        if (!ctx.problems) {
            read_square(&ctx, doc, "durations_min", n, &mins);
            read_square(&ctx, doc, "distances_km", n, &kms);
        }
    }
    cJSON_Delete(doc);
    wp_status s = ctx.problems ? WP_ERR_INPUT : WP_OK;
    if (s == WP_OK) {
        qsort(pts, (size_t)n, sizeof *pts, cmp_keyed);
        link_locations(m, pts, n);
        m->n_matrix = n;
        m->matrix_min = mins;
        m->matrix_km = kms;
    } else {
        wp_free(mins);
        wp_free(kms);
    }
    wp_free(pts);
    wp_jctx_free(&ctx);
    wp_free(path);
    return s;
}
