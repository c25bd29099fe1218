/* Local search with granular neighbourhoods (each visit's nearest visits, Toth and Vigo 2003),
 * first improvement, and place stamps so a pair is only re-tested when the place of one of its
 * visits changed: after a ruin and recreate the work is around the visits it moved, not over
 * the routes it touched (the selective vertex caching of Accorsi and Vigo's FILO, 2021).
 *
 * Every operator has the same signature: evaluate the best move it finds for a visit u and one
 * of its neighbours v (exact cost change, feasibility by time segments), and apply it. The
 * registry in ls.c lists them. */
#ifndef WP_SEARCH_LS_H
#define WP_SEARCH_LS_H

#include <stdbool.h>

#include "search/moves.h"
#include "search/solution.h"
#include "util/rng.h"

#define WP_MOVE_EPS 1e-7 /* improvements below this are rounding */

typedef struct wp_move {
    double delta; /* change of the search cost */
    int u, v;     /* the visits that define the move */
    int a, b;     /* operator-specific: positions, lengths, flags */
} wp_move;

typedef struct wp_ls wp_ls;

typedef struct wp_ls_operator {
    const char *name;
    /* Finds an improving move between u and its neighbour v (v may be -1 for operators that
     * ignore neighbours); fills *mv and returns true when delta < -WP_MOVE_EPS. */
    bool (*evaluate)(wp_ls *ls, int u, int v, wp_move *mv);
    void (*apply)(wp_ls *ls, const wp_move *mv);
} wp_ls_operator;

/* Per-thread local-search state; buffers are allocated once. */
struct wp_ls {
    wp_sol *s;
    wp_rng *rng;
    unsigned long *tested_at; /* per visit: the clock when its neighbourhood was last tested */
    unsigned long settled;    /* the clock when the last run ended: plans up to it are optima */
    int *order;               /* visit order of a pass */
    unsigned long *listed;    /* per visit: the pass that listed it */
    unsigned long pass;
    int *buf_a, *buf_b; /* scratch visit lists for applying moves */
    int *buf_eval;      /* scratch visit list for evaluating an intra-route move */
    int buf_cap;
    long long moves[16]; /* applied moves per operator, for statistics */
};

void wp_ls_init(wp_ls *ls, const wp_instance *p, wp_rng *rng);
void wp_ls_free(wp_ls *ls);

/* Improves s until no operator finds an improving move. Returns the number of moves applied. */
long wp_ls_run(wp_ls *ls, wp_sol *s);

/* Operators (one file each). */
extern const wp_ls_operator wp_op_relocate; /* one visit to after another */
extern const wp_ls_operator wp_op_swap;     /* two visits exchange places */
extern const wp_ls_operator wp_op_or_opt;   /* two or three consecutive visits, maybe reversed */
extern const wp_ls_operator wp_op_two_opt;  /* reverse a stretch within a route */
extern const wp_ls_operator wp_op_two_opt_star; /* exchange route tails on one day */
extern const wp_ls_operator wp_op_day_change;   /* a visit to another day of the same helper */
extern const wp_ls_operator wp_op_client_move;  /* a whole client to another helper */

/* Scratch list helpers for operators: copies route positions [from, to] of r into dst and
 * returns the count (reversed when `reverse`). */
int wp_ls_copy_nodes(const wp_route *r, int from, int to, bool reverse, int *dst);
/* Ensures the scratch buffers hold n visits. */
void wp_ls_reserve(wp_ls *ls, int n);

/* The evaluation buffer, holding at least n visits: an intra-route move lists the visits
 * between its two ends, which on a long route may be most of it. */
static inline int *wp_ls_eval_nodes(wp_ls *ls, int n)
{
    wp_ls_reserve(ls, n);
    return ls->buf_eval;
}

#endif
