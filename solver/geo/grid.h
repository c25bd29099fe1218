/* A grid over projected points for k-nearest-neighbour queries, so candidate lists
 * cost O(n k) instead of a full distance matrix. */
#ifndef WP_GEO_GRID_H
#define WP_GEO_GRID_H

typedef struct wp_grid {
    double min_x, min_y, cell; /* origin and cell side in projected units */
    int nx, ny;
    int *cell_start;     /* nx*ny + 1 offsets into items */
    int *items;          /* point ids sorted by cell */
    const double *x, *y; /* borrowed coordinates, indexed by point id */
} wp_grid;

/* Indexes points ids[0..n) with coordinates x[id], y[id] (borrowed; must outlive the grid).
 * Aims at about `per_cell` points per cell. */
void wp_grid_build(wp_grid *g, const double *x, const double *y, const int *ids, int n,
                   double per_cell);
void wp_grid_free(wp_grid *g);

/* Writes up to k indexed ids nearest to (px, py) into out (nearest first; ties by id) and
 * returns how many. `accept(id, ctx)` filters candidates (NULL accepts all); `exclude` is an id
 * to skip (or -1). */
int wp_grid_nearest(const wp_grid *g, double px, double py, int k, int exclude,
                    int (*accept)(int id, void *ctx), void *ctx, int *out);

#endif
