/* Construction by regret insertion with lazy re-evaluation.
 *
 * Clients are taken by priority class (5 first, so the most vulnerable get capacity first),
 * then by regret: the cost of their second-best option (or of staying unserved) minus the cost
 * of their best. A client whose candidate helpers changed since it was evaluated is re-evaluated
 * when it reaches the top instead of after every insertion (Potvin and Rousseau's regret, made
 * lazy so large municipalities stay near-linear). */
#include "search/construct.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "search/insert.h"
#include "util/alloc.h"

typedef struct heap_item {
    int priority;
    double regret;
    int client;
    unsigned version;
} heap_item;

typedef struct heap {
    heap_item *items;
    size_t n, cap;
} heap;

static bool above(const heap_item *a, const heap_item *b)
{
    if (a->priority != b->priority) return a->priority > b->priority;
    if (a->regret != b->regret) return a->regret > b->regret;
    return a->client < b->client;
}

static void heap_push(heap *hp, heap_item it)
{
    WP_GROW(hp->items, hp->cap, hp->n + 1);
    size_t i = hp->n++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!above(&it, &hp->items[parent])) break;
        hp->items[i] = hp->items[parent];
        i = parent;
    }
    hp->items[i] = it;
}

static heap_item heap_pop(heap *hp)
{
    heap_item top = hp->items[0], last = hp->items[--hp->n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, best = i;
        const heap_item *bi = &last;
        if (l < hp->n && above(&hp->items[l], bi)) best = l, bi = &hp->items[l];
        if (r < hp->n && above(&hp->items[r], bi)) best = r;
        if (best == i) break;
        hp->items[i] = hp->items[best];
        i = best;
    }
    if (hp->n) hp->items[i] = last;
    return top;
}

typedef struct regret_state {
    wp_sol *s;
    unsigned *version;      /* per client: bumped when re-evaluated */
    unsigned *seen_stamp;   /* per client: sum of candidate helpers' stamps at evaluation */
    unsigned *helper_stamp; /* per helper: bumped on every insertion into its routes */
    wp_client_plan *best;   /* per client: best plan at evaluation */
    bool *has_plan;
    heap hp;
} regret_state;

static unsigned stamp_sum(const regret_state *st, int c)
{
    const wp_instance *p = st->s->p;
    unsigned sum = 0;
    for (int i = p->cand_start[c]; i < p->cand_start[c + 1]; i++)
        sum += st->helper_stamp[p->cand[i]] * 2654435761u + (unsigned)i;
    return sum;
}

/* Evaluates client c over its candidates and queues it. */
static void evaluate(regret_state *st, int c)
{
    const wp_instance *p = st->s->p;
    double best = 0, second = 0; /* 0 = staying unserved */
    wp_client_plan plan;
    st->has_plan[c] = false;
    for (int i = p->cand_start[c]; i < p->cand_start[c + 1]; i++) {
        int h = p->cand[i];
        if (!wp_plan_client(st->s, c, h, &plan)) continue;
        if (plan.delta < best) {
            second = best;
            best = plan.delta;
            st->best[c] = plan;
            st->has_plan[c] = true;
        } else if (plan.delta < second) {
            second = plan.delta;
        }
    }
    st->seen_stamp[c] = stamp_sum(st, c);
    if (!st->has_plan[c]) return;
    heap_push(&st->hp, (heap_item){p->m->clients[c].priority, second - best, c, ++st->version[c]});
}

void wp_regret_insert(wp_sol *s, const int *clients, int n_clients)
{
    const wp_instance *p = s->p;
    regret_state st = {.s = s};
    int nc = p->n_clients;
    st.version = wp_calloc((size_t)nc + 1, sizeof *st.version);
    st.seen_stamp = wp_calloc((size_t)nc + 1, sizeof *st.seen_stamp);
    st.helper_stamp = wp_calloc((size_t)p->n_helpers + 1, sizeof *st.helper_stamp);
    st.best = wp_malloc(((size_t)nc + 1) * sizeof *st.best);
    st.has_plan = wp_calloc((size_t)nc + 1, sizeof *st.has_plan);
    for (int i = 0; i < n_clients; i++) {
        int c = clients ? clients[i] : i;
        if (s->client_helper[c] < 0) evaluate(&st, c);
    }
    while (st.hp.n) {
        heap_item it = heap_pop(&st.hp);
        int c = it.client;
        if (it.version != st.version[c] || s->client_helper[c] >= 0) continue;
        if (stamp_sum(&st, c) != st.seen_stamp[c]) { /* a candidate changed: re-evaluate */
            evaluate(&st, c);
            continue;
        }
        wp_plan_apply(s, &st.best[c]);
        st.helper_stamp[st.best[c].helper]++;
    }
    wp_free(st.hp.items);
    wp_free(st.version);
    wp_free(st.seen_stamp);
    wp_free(st.helper_stamp);
    wp_free(st.best);
    wp_free(st.has_plan);
}

/* Keeps each fixed pair whose helper can take all of the client's visits. */
static void keep_pairs(wp_sol *s, const int *clients, int n_clients)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    int *order = wp_malloc(((size_t)n_clients + 1) * sizeof *order);
    int n = 0;
    for (int i = 0; i < n_clients; i++) {
        int c = clients ? clients[i] : i;
        if (m->clients[c].helper >= 0 && s->client_helper[c] < 0) order[n++] = c;
    }
    /* most vulnerable first; stable by index */
    for (int prio = 5; prio >= 1; prio--) {
        for (int i = 0; i < n; i++) {
            int c = order[i];
            const wp_client_def *cl = &m->clients[c];
            if (cl->priority != prio) continue;
            bool candidate = false;
            for (int k = p->cand_start[c]; k < p->cand_start[c + 1]; k++)
                candidate |= p->cand[k] == cl->helper;
            if (!candidate) continue;
            wp_client_plan plan;
            int wanted = cl->n_visits < WP_MAX_CLIENT_VISITS ? cl->n_visits : WP_MAX_CLIENT_VISITS;
            if (wp_plan_client(s, c, cl->helper, &plan) && plan.n_placed == wanted)
                wp_plan_apply(s, &plan);
        }
    }
    wp_free(order);
}

void wp_construct(wp_sol *s, const int *clients, int n_clients)
{
    if (!clients) n_clients = s->p->n_clients;
    keep_pairs(s, clients, n_clients);
    wp_regret_insert(s, clients, n_clients);
}
