/* The grid's k-nearest queries against brute force, on spread and on crowded points (ten tight
 * towns in a wide box, as in a national scenario), with a filter and an excluded id. */
#include <stdint.h>
#include <stdlib.h>

#include "geo/grid.h"
#include "support/support.h"

#define N_POINTS 4000

static double unit(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) / 9007199254740992.0;
}

/* Spread: uniform in 20 x 20 km. Crowded: ten towns of 10 km across, 100 km apart (about the
 * share of the box that ten large Dutch municipalities cover). */
static void make_points(bool crowded, double *x, double *y)
{
    uint64_t state = crowded ? 7 : 3;
    for (int i = 0; i < N_POINTS; i++) {
        if (crowded) {
            int town = i % 10;
            x[i] = 100000.0 * (town % 5) + 10000 * unit(&state);
            y[i] = 100000.0 * (town / 5) + 10000 * unit(&state);
        } else {
            x[i] = 20000 * unit(&state);
            y[i] = 20000 * unit(&state);
        }
    }
}

static double point_x[N_POINTS], point_y[N_POINTS];

/* Places the points (spread or crowded) and indexes all of them. */
static void build(bool crowded, wp_grid *g)
{
    static int ids[N_POINTS];
    make_points(crowded, point_x, point_y);
    for (int i = 0; i < N_POINTS; i++) ids[i] = i;
    wp_grid_build(g, point_x, point_y, ids, N_POINTS, 2.0);
}

static int odd_only(int id, void *ctx)
{
    (void)ctx;
    return id % 2;
}

/* The k nearest of ids[0..n) by brute force: squared distance, ties by lower id. */
static int brute_nearest(const double *x, const double *y, int n, double px, double py, int k,
                         int exclude, bool odd, int *out)
{
    int count = 0;
    for (int round = 0; round < k; round++) {
        int best = -1;
        double bd = 0;
        for (int id = 0; id < n; id++) {
            if (id == exclude || (odd && id % 2 == 0)) continue;
            bool taken = false;
            for (int j = 0; j < count && !taken; j++) taken = out[j] == id;
            if (taken) continue;
            double d = (x[id] - px) * (x[id] - px) + (y[id] - py) * (y[id] - py);
            if (best < 0 || d < bd) best = id, bd = d;
        }
        if (best < 0) break;
        out[count++] = best;
    }
    return count;
}

static void check_against_brute_force(bool crowded)
{
    wp_grid g;
    build(crowded, &g);
    int got[40], want[40];
    for (int q = 0; q < N_POINTS; q += 37) {
        for (int odd = 0; odd <= 1; odd++) {
            int k = odd ? 7 : 25;
            int n =
                wp_grid_nearest(&g, point_x[q], point_y[q], k, q, odd ? odd_only : NULL, NULL, got);
            int m =
                brute_nearest(point_x, point_y, N_POINTS, point_x[q], point_y[q], k, q, odd, want);
            assert_int_equal(n, m);
            for (int i = 0; i < n; i++) assert_int_equal(got[i], want[i]);
        }
    }
    /* a query far from every point still finds the nearest */
    int n = wp_grid_nearest(&g, -50000, -50000, 3, -1, NULL, NULL, got);
    int m = brute_nearest(point_x, point_y, N_POINTS, -50000, -50000, 3, -1, false, want);
    assert_int_equal(n, m);
    for (int i = 0; i < n; i++) assert_int_equal(got[i], want[i]);
    wp_grid_free(&g);
}

static void spread_points_match_brute_force(void **state)
{
    (void)state;
    check_against_brute_force(false);
}

static void crowded_points_match_brute_force(void **state)
{
    (void)state;
    check_against_brute_force(true);
}

/* Crowded points get cells sized to where the points are, not to the box around them: no cell
 * holds many more than asked (a grid sized by the box puts a town into a handful of cells). */
static void crowded_points_get_small_cells(void **state)
{
    (void)state;
    wp_grid g;
    build(true, &g);
    int fullest = 0;
    for (long c = 0; c < (long)g.nx * g.ny; c++) {
        int in_cell = g.cell_start[c + 1] - g.cell_start[c];
        if (in_cell > fullest) fullest = in_cell;
    }
    assert_true(fullest <= 16);
    wp_grid_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spread_points_match_brute_force),
        cmocka_unit_test(crowded_points_match_brute_force),
        cmocka_unit_test(crowded_points_get_small_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
