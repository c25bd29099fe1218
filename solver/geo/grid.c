/* Uniform grid with ring-by-ring nearest-neighbour search. */
#include "geo/grid.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

static int cell_of(const wp_grid *g, double v, double min, int n)
{
    int c = (int)floor((v - min) / g->cell);
    return c < 0 ? 0 : (c >= n ? n - 1 : c);
}

/* Cell ids of the points for the grid's current cell size. */
static void assign_cells(const wp_grid *g, const double *x, const double *y, const int *ids, int n,
                         int *cell_id)
{
    for (int i = 0; i < n; i++) {
        int id = ids[i];
        cell_id[i] =
            cell_of(g, y[id], g->min_y, g->ny) * g->nx + cell_of(g, x[id], g->min_x, g->nx);
    }
}

static void set_cell(wp_grid *g, double cell, double w, double h)
{
    g->cell = cell > 0 ? cell : 1;
    g->nx = (int)(w / g->cell) + 1;
    g->ny = (int)(h / g->cell) + 1;
}

/* The number of cells that hold at least one point. */
static int occupied_cells(const wp_grid *g, const int *cell_id, int n)
{
    size_t ncell = (size_t)g->nx * (size_t)g->ny;
    unsigned char *seen = wp_calloc(ncell + 1, 1);
    int occupied = 0;
    for (int i = 0; i < n; i++)
        if (!seen[cell_id[i]]) seen[cell_id[i]] = 1, occupied++;
    wp_free(seen);
    return occupied;
}

void wp_grid_build(wp_grid *g, const double *x, const double *y, const int *ids, int n,
                   double per_cell)
{
    memset(g, 0, sizeof *g);
    g->x = x;
    g->y = y;
    double min_x = DBL_MAX, min_y = DBL_MAX, max_x = -DBL_MAX, max_y = -DBL_MAX;
    for (int i = 0; i < n; i++) {
        int id = ids[i];
        if (x[id] < min_x) min_x = x[id];
        if (y[id] < min_y) min_y = y[id];
        if (x[id] > max_x) max_x = x[id];
        if (y[id] > max_y) max_y = y[id];
    }
    if (n == 0) min_x = min_y = max_x = max_y = 0;
    if (!(per_cell > 0)) per_cell = 2.0;
    double w = max_x - min_x, h = max_y - min_y;
    double area = (w > 0 ? w : 1) * (h > 0 ? h : 1);
    double cells = n / per_cell;
    if (cells < 1) cells = 1;
    g->min_x = min_x;
    g->min_y = min_y;
    set_cell(g, sqrt(area / cells), w, h);
    if ((long)g->nx * g->ny > 4L * n + 16) /* degenerate spread: keep the grid small */
        set_cell(g, fmax(w, h) / (sqrt((double)n) + 1) + 1e-9, w, h);
    int *cell_id = wp_malloc(((size_t)n + 1) * sizeof *cell_id);
    assign_cells(g, x, y, ids, n, cell_id);
    /* Points that crowd into a few places of a wide box (ten cities across the country) leave
     * most cells empty and the occupied ones far fuller than asked, and every query then scans
     * crowded cells: shrink the cells to the density where the points are, up to 16 cells a
     * point. */
    int occupied = occupied_cells(g, cell_id, n);
    double crowd = occupied ? (double)n / occupied : 0;
    if (crowd > 2 * per_cell) {
        double cell = g->cell / sqrt(crowd / per_cell);
        double most = 16.0 * n + 16;
        double cells_then = (w / cell + 1) * (h / cell + 1);
        if (cells_then > most) cell *= sqrt(cells_then / most);
        if (cell < g->cell) {
            set_cell(g, cell, w, h);
            assign_cells(g, x, y, ids, n, cell_id);
        }
    }
    size_t ncell = (size_t)g->nx * (size_t)g->ny;
    g->cell_start = wp_calloc(ncell + 1, sizeof *g->cell_start);
    g->items = wp_malloc(((size_t)n + 1) * sizeof *g->items);
    for (int i = 0; i < n; i++) g->cell_start[cell_id[i] + 1]++;
    for (size_t c = 0; c < ncell; c++) g->cell_start[c + 1] += g->cell_start[c];
    int *fill = wp_malloc((ncell + 1) * sizeof *fill);
    memcpy(fill, g->cell_start, ncell * sizeof *fill);
    for (int i = 0; i < n; i++) g->items[fill[cell_id[i]]++] = ids[i];
    wp_free(fill);
    wp_free(cell_id);
}

void wp_grid_free(wp_grid *g)
{
    wp_free(g->cell_start);
    wp_free(g->items);
    memset(g, 0, sizeof *g);
}

typedef struct cand {
    double d2;
    int id;
} cand;

/* Keeps the k best in a sorted array (insertion; k is small). */
static void offer(cand *best, int *count, int k, double d2, int id)
{
    int n = *count;
    if (n == k && (d2 > best[n - 1].d2 || (d2 == best[n - 1].d2 && id > best[n - 1].id))) return;
    int i = n < k ? n : k - 1;
    while (i > 0 && (best[i - 1].d2 > d2 || (best[i - 1].d2 == d2 && best[i - 1].id > id))) {
        best[i] = best[i - 1];
        i--;
    }
    best[i] = (cand){d2, id};
    if (n < k) *count = n + 1;
}

int wp_grid_nearest(const wp_grid *g, double px, double py, int k, int exclude,
                    int (*accept)(int id, void *ctx), void *ctx, int *out)
{
    if (k <= 0 || !g->items) return 0;
    cand stack_best[64];
    cand *best = k <= 64 ? stack_best : wp_malloc((size_t)k * sizeof *best);
    int count = 0;
    int cx = cell_of(g, px, g->min_x, g->nx), cy = cell_of(g, py, g->min_y, g->ny);
    int max_ring = g->nx > g->ny ? g->nx : g->ny;
    for (int ring = 0; ring <= max_ring; ring++) {
        /* Once k are found, stop when the ring lies beyond the k-th distance. */
        if (count == k) {
            double reach = (ring - 1) * g->cell;
            if (reach > 0 && reach * reach > best[k - 1].d2) break;
        }
        for (int yy = cy - ring; yy <= cy + ring; yy++) {
            if (yy < 0 || yy >= g->ny) continue;
            int step = (yy == cy - ring || yy == cy + ring) ? 1 : 2 * ring;
            for (int xx = cx - ring; xx <= cx + ring; xx += step ? step : 1) {
                if (xx < 0 || xx >= g->nx) continue;
                int c = yy * g->nx + xx;
                for (int i = g->cell_start[c]; i < g->cell_start[c + 1]; i++) {
                    int id = g->items[i];
                    if (id == exclude || (accept && !accept(id, ctx))) continue;
                    double dx = g->x[id] - px, dy = g->y[id] - py;
                    offer(best, &count, k, dx * dx + dy * dy, id);
                }
                if (ring == 0) break;
            }
        }
    }
    for (int i = 0; i < count; i++) out[i] = best[i].id;
    if (best != stack_best) wp_free(best);
    return count;
}
