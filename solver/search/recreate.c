/* Greedy blink insertion of whole clients. */
#include "search/recreate.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "search/insert.h"

/* Sorts clients by key ascending (insertion sort: lists are short), ties by index. */
static void sort_by_key(int *clients, int n, const double *key)
{
    for (int i = 1; i < n; i++) {
        int c = clients[i], j = i;
        while (j > 0 && (key[clients[j - 1]] > key[c] ||
                         (key[clients[j - 1]] == key[c] && clients[j - 1] > c))) {
            clients[j] = clients[j - 1];
            j--;
        }
        clients[j] = c;
    }
}

static double client_minutes(const wp_model *m, int c)
{
    double t = 0;
    for (int q = 0; q < m->clients[c].n_visits; q++)
        t += m->visits[m->clients[c].first_visit + q].duration;
    return t;
}

static void order_clients(const wp_sol *s, wp_rng *rng, int *clients, int n, double *key)
{
    const wp_model *m = s->p->m;
    double cx = 0, cy = 0;
    for (int i = 0; i < n; i++) {
        int loc = m->clients[clients[i]].location;
        cx += m->x[loc] / n;
        cy += m->y[loc] / n;
    }
    uint32_t kind = wp_rng_below(rng, 10);
    for (int i = 0; i < n; i++) {
        int c = clients[i], loc = m->clients[c].location;
        double d = hypot(m->x[loc] - cx, m->y[loc] - cy);
        if (kind < 4)
            key[c] = wp_rng_unit(rng); /* random */
        else if (kind < 7)
            key[c] = -(m->clients[c].priority * 1e6 + client_minutes(m, c)); /* vulnerable, large */
        else if (kind < 9)
            key[c] = -d; /* far first */
        else
            key[c] = d; /* close first */
    }
    sort_by_key(clients, n, key);
}

void wp_recreate(wp_sol *s, wp_rng *rng, int *clients, int n, double blink, double *keys)
{
    order_clients(s, rng, clients, n, keys);
    s->blink = blink;
    s->rng = rng;
    wp_client_plan best;
    for (int i = 0; i < n; i++) {
        int c = clients[i];
        if (s->client_helper[c] >= 0) continue;
        /* below 0: staying unserved costs nothing more */
        if (wp_cheapest_plan(s, c, 0, false, &best)) wp_plan_apply(s, &best);
    }
    s->blink = 0;
}
