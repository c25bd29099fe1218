/* The award model (see awards.h) built on the GLPK wrapper. */
#include "contract/awards.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mip/mip.h"
#include "util/alloc.h"
#include "util/budget.h"

void wp_award_options_default(wp_award_options *o)
{
    memset(o, 0, sizeof *o);
    o->k = 1;
    o->care_share = 0.85;
    o->time_limit_s = 10;
}

/* Aggregates of the scenario the model needs. Indices: [d * P + p]. */
typedef struct award_data {
    int D, P, k;
    double *own;    /* clients of district d whose current provider is p */
    double *pairs;  /* pairs in district d whose helper works for p */
    double *demand; /* care hours per week of district d */
    double *cap;    /* care hours per week provider p's helpers can give */
    double *dist;   /* normalised distance from p's helpers to district d, 0..1 */
    /* helpers whose pairs span several districts (only these need transfer variables) */
    int n_multi;
    int *multi_helper;
    double *multi_pairs; /* n_multi x D */
} award_data;

static int current_provider(const wp_model *m, int c)
{
    const wp_client_def *cl = &m->clients[c];
    if (cl->provider >= 0) return cl->provider;
    return cl->helper >= 0 ? m->helpers[cl->helper].provider : -1;
}

static void district_centres(const wp_model *m, double *cx, double *cy)
{
    double *n = wp_calloc((size_t)m->n_districts + 1, sizeof *n);
    for (int c = 0; c < m->n_clients; c++) {
        int d = m->clients[c].district, loc = m->clients[c].location;
        if (d < 0) continue;
        cx[d] += m->x[loc];
        cy[d] += m->y[loc];
        n[d]++;
    }
    for (int d = 0; d < m->n_districts; d++) {
        if (n[d] > 0) {
            cx[d] /= n[d];
            cy[d] /= n[d];
        } else {
            cx[d] = (m->districts[d].bbox[0] + m->districts[d].bbox[2]) / 2;
            cy[d] = (m->districts[d].bbox[1] + m->districts[d].bbox[3]) / 2;
        }
    }
    wp_free(n);
}

static void gather(const wp_model *m, const wp_award_options *o, award_data *a)
{
    int D = m->n_districts, P = m->n_providers;
    a->D = D;
    a->P = P;
    a->k = o->k < P ? o->k : P;
    size_t DP = (size_t)D * (size_t)P + 1;
    a->own = wp_calloc(DP, sizeof(double));
    a->pairs = wp_calloc(DP, sizeof(double));
    a->dist = wp_calloc(DP, sizeof(double));
    a->demand = wp_calloc((size_t)D + 1, sizeof(double));
    a->cap = wp_calloc((size_t)P + 1, sizeof(double));
    double *hpairs = wp_calloc((size_t)m->n_helpers * (size_t)D + 1, sizeof(double));
    for (int c = 0; c < m->n_clients; c++) {
        const wp_client_def *cl = &m->clients[c];
        int d = cl->district;
        if (d < 0) continue;
        int p = current_provider(m, c);
        if (p >= 0) a->own[d * P + p]++;
        for (int k = 0; k < cl->n_visits; k++)
            a->demand[d] += m->visits[cl->first_visit + k].duration / 60;
        if (wp_pair_keepable(m, c)) {
            a->pairs[d * P + m->helpers[cl->helper].provider]++;
            hpairs[(size_t)cl->helper * D + d]++;
        }
    }
    for (int h = 0; h < m->n_helpers; h++)
        a->cap[m->helpers[h].provider] += m->helpers[h].week_min / 60 * o->care_share;
    /* mean distance from each provider's helpers to each district centre, scaled to 0..1 */
    double *cx = wp_calloc((size_t)D + 1, sizeof *cx), *cy = wp_calloc((size_t)D + 1, sizeof *cy);
    district_centres(m, cx, cy);
    double *count = wp_calloc((size_t)P + 1, sizeof *count), max = 0;
    for (int h = 0; h < m->n_helpers; h++) {
        int p = m->helpers[h].provider, home = m->helpers[h].home;
        count[p]++;
        for (int d = 0; d < D; d++)
            a->dist[d * P + p] += hypot(m->x[home] - cx[d], m->y[home] - cy[d]);
    }
    for (int d = 0; d < D; d++)
        for (int p = 0; p < P; p++) {
            double *v = &a->dist[d * P + p];
            *v = count[p] > 0 ? *v / count[p] : 0;
            if (*v > max) max = *v;
        }
    for (size_t i = 0; i + 1 < DP; i++) {
        if (count[i % (size_t)P] == 0)
            a->dist[i] = 1; /* providers without helpers: far */
        else if (max > 0)
            a->dist[i] /= max;
    }
    /* helpers with pairs in several districts */
    a->multi_helper = wp_malloc(((size_t)m->n_helpers + 1) * sizeof(int));
    a->multi_pairs = wp_malloc(((size_t)m->n_helpers * (size_t)D + 1) * sizeof(double));
    for (int h = 0; h < m->n_helpers; h++) {
        int nd = 0;
        for (int d = 0; d < D; d++) nd += hpairs[(size_t)h * D + d] > 0;
        if (nd < 2) continue;
        a->multi_helper[a->n_multi] = h;
        memcpy(a->multi_pairs + (size_t)a->n_multi * D, hpairs + (size_t)h * D,
               (size_t)D * sizeof(double));
        a->n_multi++;
    }
    wp_free(count);
    wp_free(cx);
    wp_free(cy);
    wp_free(hpairs);
}

static void free_data(award_data *a)
{
    wp_free(a->own);
    wp_free(a->pairs);
    wp_free(a->dist);
    wp_free(a->demand);
    wp_free(a->cap);
    wp_free(a->multi_helper);
    wp_free(a->multi_pairs);
}

/* Columns of the model. */
typedef struct award_cols {
    int *y;    /* D x P award binaries */
    int *z;    /* D x P hours served (stage 2) */
    int *u;    /* D shortfall hours */
    int *t;    /* n_multi x P transfer choice */
    int *kept; /* n_multi x D x P */
    int n_pair_terms;
    int *pair_col;
    double *pair_coef;
    double pair_constant; /* pairs kept whatever the awards (single-district helpers, transfer) */
} award_cols;

static void add_common(wp_mip *mip, const award_data *a, const wp_award_options *o, award_cols *c)
{
    int D = a->D, P = a->P;
    char name[64];
    c->y = wp_malloc(((size_t)D * P + 1) * sizeof(int));
    for (int d = 0; d < D; d++)
        for (int p = 0; p < P; p++) {
            snprintf(name, sizeof name, "y_%d_%d", d, p);
            c->y[d * P + p] = wp_mip_var(mip, name, WP_VAR_BINARY, 0, 1, 0);
        }
    int *cols = wp_malloc(((size_t)(D > P ? D : P) + 1) * sizeof(int));
    double *unit = wp_malloc(((size_t)(D > P ? D : P) + 1) * sizeof(double));
    for (int i = 0; i < (D > P ? D : P); i++) unit[i] = 1;
    for (int d = 0; d < D; d++) {
        for (int p = 0; p < P; p++) cols[p] = c->y[d * P + p];
        snprintf(name, sizeof name, "k_%d", d);
        wp_mip_row(mip, name, P, cols, unit, a->k, a->k);
    }
    if (o->max_districts_per_provider > 0)
        for (int p = 0; p < P; p++) {
            for (int d = 0; d < D; d++) cols[d] = c->y[d * P + p];
            snprintf(name, sizeof name, "limit_%d", p);
            wp_mip_row(mip, name, D, cols, unit, -HUGE_VAL, o->max_districts_per_provider);
        }
    wp_free(cols);
    wp_free(unit);
    /* pairs kept as a linear expression */
    size_t cap = (size_t)D * P + (size_t)a->n_multi * D * P + 1;
    c->pair_col = wp_malloc(cap * sizeof(int));
    c->pair_coef = wp_malloc(cap * sizeof(double));
    c->pair_constant = 0;
    if (!o->staff_transfer) {
        for (int i = 0; i < D * P; i++)
            if (a->pairs[i] > 0) {
                c->pair_col[c->n_pair_terms] = c->y[i];
                c->pair_coef[c->n_pair_terms++] = a->pairs[i];
            }
        return;
    }
    /* With transfer, a helper whose pairs lie in one district keeps them all (it joins one of
     * that district's winners); helpers spanning districts choose one employer. */
    double all = 0, multi = 0;
    for (int i = 0; i < D * P; i++) all += a->pairs[i];
    for (int i = 0; i < a->n_multi * D; i++) multi += a->multi_pairs[i];
    c->pair_constant = all - multi;
    c->t = wp_malloc(((size_t)a->n_multi * P + 1) * sizeof(int));
    c->kept = wp_malloc(((size_t)a->n_multi * D * P + 1) * sizeof(int));
    double *ones = wp_malloc(((size_t)P + 1) * sizeof *ones);
    for (int p = 0; p < P; p++) ones[p] = 1;
    for (int i = 0; i < a->n_multi; i++) {
        for (int p = 0; p < P; p++) {
            snprintf(name, sizeof name, "t_%d_%d", i, p);
            c->t[i * P + p] = wp_mip_var(mip, name, WP_VAR_BINARY, 0, 1, 0);
        }
        snprintf(name, sizeof name, "employer_%d", i);
        wp_mip_row(mip, name, P, c->t + (size_t)i * P, ones, 1, 1);
        for (int d = 0; d < D; d++) {
            double n = a->multi_pairs[(size_t)i * D + d];
            if (n <= 0) continue;
            for (int p = 0; p < P; p++) {
                snprintf(name, sizeof name, "kept_%d_%d_%d", i, d, p);
                int col = wp_mip_var(mip, name, WP_VAR_CONTINUOUS, 0, 1, 0);
                c->kept[((size_t)i * D + d) * P + p] = col;
                int rc[2] = {col, c->t[i * P + p]};
                double rv[2] = {1, -1};
                snprintf(name, sizeof name, "kt_%d_%d_%d", i, d, p);
                wp_mip_row(mip, name, 2, rc, rv, -HUGE_VAL, 0);
                rc[1] = c->y[d * P + p];
                snprintf(name, sizeof name, "ky_%d_%d_%d", i, d, p);
                wp_mip_row(mip, name, 2, rc, rv, -HUGE_VAL, 0);
                c->pair_col[c->n_pair_terms] = col;
                c->pair_coef[c->n_pair_terms++] = n;
            }
        }
    }
    wp_free(ones);
}

static void add_stage2(wp_mip *mip, const award_data *a, const wp_award_options *o, award_cols *c,
                       double pairs_floor)
{
    int D = a->D, P = a->P;
    char name[64];
    /* keep the stage-1 pairs */
    wp_mip_row(mip, "pairs_floor", c->n_pair_terms, c->pair_col, c->pair_coef,
               pairs_floor - c->pair_constant - 1e-6, HUGE_VAL);
    double total_demand = 0;
    for (int d = 0; d < D; d++) total_demand += a->demand[d];
    for (int i = 0; i < D * P; i++)
        wp_mip_set_obj(mip, c->y[i],
                       a->own[i] - 0.5 * a->dist[i] * a->demand[i / P] /
                                       (total_demand > 0 ? total_demand : 1));
    if (o->staff_transfer) return; /* helpers follow their clients: capacity moves with them */
    c->z = wp_malloc(((size_t)D * P + 1) * sizeof(int));
    c->u = wp_malloc(((size_t)D + 1) * sizeof(int));
    int *cols = wp_malloc(((size_t)(D > P ? D : P) + 2) * sizeof(int));
    double *coef = wp_malloc(((size_t)(D > P ? D : P) + 2) * sizeof(double));
    for (int d = 0; d < D; d++) {
        snprintf(name, sizeof name, "u_%d", d);
        c->u[d] = wp_mip_var(mip, name, WP_VAR_CONTINUOUS, 0, HUGE_VAL, -1.0);
        for (int p = 0; p < P; p++) {
            snprintf(name, sizeof name, "z_%d_%d", d, p);
            int z = c->z[d * P + p] = wp_mip_var(mip, name, WP_VAR_CONTINUOUS, 0, HUGE_VAL, 0);
            int rc[2] = {z, c->y[d * P + p]};
            double rv[2] = {1, -a->demand[d]};
            snprintf(name, sizeof name, "zy_%d_%d", d, p);
            wp_mip_row(mip, name, 2, rc, rv, -HUGE_VAL, 0);
            cols[p] = z;
            coef[p] = 1;
        }
        cols[P] = c->u[d];
        coef[P] = 1;
        snprintf(name, sizeof name, "demand_%d", d);
        wp_mip_row(mip, name, P + 1, cols, coef, a->demand[d], a->demand[d]);
    }
    for (int p = 0; p < P; p++) {
        for (int d = 0; d < D; d++) {
            cols[d] = c->z[d * P + p];
            coef[d] = 1;
        }
        snprintf(name, sizeof name, "capacity_%d", p);
        wp_mip_row(mip, name, D, cols, coef, -HUGE_VAL, a->cap[p]);
    }
    wp_free(cols);
    wp_free(coef);
}

static void free_cols(award_cols *c)
{
    wp_free(c->y);
    wp_free(c->z);
    wp_free(c->u);
    wp_free(c->t);
    wp_free(c->kept);
    wp_free(c->pair_col);
    wp_free(c->pair_coef);
}

/* ---- fallback: greedy awards improved by swaps, evaluated exactly ------------------------ */

/* Pairs kept under awards `won` (D x P booleans): without transfer a pair needs its helper's
 * provider to win the district; with transfer each helper joins the provider keeping most. */
static double direct_pairs(const award_data *a, const wp_model *m, const bool *won, bool transfer)
{
    double kept = 0;
    if (!transfer) {
        for (int i = 0; i < a->D * a->P; i++) kept += won[i] ? a->pairs[i] : 0;
        return kept;
    }
    double *per = wp_calloc((size_t)a->D + 1, sizeof *per);
    for (int h = 0; h < m->n_helpers; h++) {
        memset(per, 0, (size_t)a->D * sizeof *per);
        bool any = false;
        for (int c = 0; c < m->n_clients; c++)
            if (m->clients[c].helper == h && m->clients[c].district >= 0 && wp_pair_keepable(m, c))
                per[m->clients[c].district]++, any = true;
        if (!any) continue;
        double best = 0;
        for (int p = 0; p < a->P; p++) {
            double n = 0;
            for (int d = 0; d < a->D; d++) n += won[d * a->P + p] ? per[d] : 0;
            if (n > best) best = n;
        }
        kept += best;
    }
    wp_free(per);
    return kept;
}

/* Lexicographic value: pairs first, then clients keeping their provider, then nearness. */
/* A bound valid for any award: a helper joins one provider, which wins at most `limit`
 * districts, so it keeps at most its pairs in its best `limit` districts. */
static double limit_bound(const award_data *a, const wp_model *m, int limit)
{
    double total = 0;
    double *per = wp_calloc((size_t)a->D + 1, sizeof *per);
    for (int h = 0; h < m->n_helpers; h++) {
        memset(per, 0, (size_t)a->D * sizeof *per);
        for (int c = 0; c < m->n_clients; c++)
            if (m->clients[c].helper == h && m->clients[c].district >= 0 && wp_pair_keepable(m, c))
                per[m->clients[c].district]++;
        for (int j = 0; j < limit && j < a->D; j++) { /* take the best remaining district */
            int best = 0;
            for (int d = 1; d < a->D; d++)
                if (per[d] > per[best]) best = d;
            total += per[best];
            per[best] = 0;
        }
    }
    wp_free(per);
    return total;
}

static double direct_value(const award_data *a, const wp_model *m, const bool *won, bool transfer)
{
    double own = 0, near = 0;
    for (int i = 0; i < a->D * a->P; i++)
        if (won[i]) own += a->own[i], near += a->dist[i];
    return 1e6 * direct_pairs(a, m, won, transfer) + own - 1e-3 * near;
}

static int wins_of(const award_data *a, const bool *won, int p)
{
    int n = 0;
    for (int d = 0; d < a->D; d++) n += won[d * a->P + p];
    return n;
}

/* Greedy (most current clients first, within the limit), then best-improvement swaps of one
 * winner for one loser in one district until none helps. */
static void fallback(const award_data *a, const wp_model *m, const wp_award_options *o,
                     wp_awards *out)
{
    int D = a->D, P = a->P,
        limit = o->max_districts_per_provider > 0 ? o->max_districts_per_provider : D;
    bool *won = wp_calloc((size_t)D * P + 1, sizeof *won);
    for (int j = 0; j < a->k; j++)
        for (int d = 0; d < D; d++) {
            int best = -1;
            for (int p = 0; p < P; p++)
                if (!won[d * P + p] && wins_of(a, won, p) < limit &&
                    (best < 0 || a->own[d * P + p] > a->own[d * P + best]))
                    best = p;
            if (best >= 0) won[d * P + best] = true;
        }
    double value = direct_value(a, m, won, o->staff_transfer);
    for (bool improved = true; improved;) {
        improved = false;
        int bd = -1, bp = -1, bq = -1;
        double bv = value;
        for (int d = 0; d < D; d++)
            for (int p = 0; p < P; p++) {
                if (!won[d * P + p]) continue;
                for (int q = 0; q < P; q++) {
                    if (won[d * P + q] || wins_of(a, won, q) >= limit) continue;
                    won[d * P + p] = false, won[d * P + q] = true;
                    double v = direct_value(a, m, won, o->staff_transfer);
                    won[d * P + p] = true, won[d * P + q] = false;
                    if (v > bv + 1e-9) bv = v, bd = d, bp = p, bq = q;
                }
            }
        if (bd >= 0) {
            won[bd * P + bp] = false, won[bd * P + bq] = true;
            value = bv;
            improved = true;
        }
    }
    for (int d = 0; d < D; d++) {
        out->providers[d] = wp_malloc(((size_t)P + 1) * sizeof(int));
        out->count[d] = 0;
        for (int p = 0; p < P; p++)
            if (won[d * P + p]) out->providers[d][out->count[d]++] = p;
    }
    wp_free(won);
}

static void read_awards(const wp_mip *mip, const award_data *a, const award_cols *c, wp_awards *out)
{
    for (int d = 0; d < a->D; d++) {
        out->providers[d] = wp_malloc(((size_t)a->P + 1) * sizeof(int));
        out->count[d] = 0;
        for (int p = 0; p < a->P; p++)
            if (wp_mip_value(mip, c->y[d * a->P + p]) > 0.5) out->providers[d][out->count[d]++] = p;
    }
}

static double pairs_value(const wp_mip *mip, const award_cols *c)
{
    double v = c->pair_constant;
    for (int i = 0; i < c->n_pair_terms; i++)
        v += c->pair_coef[i] * wp_mip_value(mip, c->pair_col[i]);
    return v;
}

wp_status wp_awards_optimize(const wp_model *m, const wp_award_options *o, wp_awards *out,
                             double *pairs_bound, wp_error *err)
{
    memset(out, 0, sizeof *out);
    *pairs_bound = -1;
    if (m->n_districts == 0 || m->n_providers == 0)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "contracting", 0, 0,
                            "awards need districts and providers");
    award_data a = {0};
    gather(m, o, &a);
    out->n_districts = a.D;
    out->count = wp_calloc((size_t)a.D + 1, sizeof(int));
    out->providers = wp_calloc((size_t)a.D + 1, sizeof(int *));

    /* the two stages share the time: stage 1 at most 60% of it, stage 2 what is left */
    wp_budget time = wp_budget_begin(o->time_limit_s, 0, false);
    wp_budget first = wp_budget_part(&time, 0.6, 1);

    /* stage 1: most pairs */
    wp_mip *s1 = wp_mip_create("awards_pairs", true);
    award_cols c1 = {0};
    add_common(s1, &a, o, &c1);
    for (int i = 0; i < c1.n_pair_terms; i++) wp_mip_set_obj(s1, c1.pair_col[i], c1.pair_coef[i]);
    wp_mip_result r1 = wp_mip_solve(s1, first.deadline - first.start);
    double best_pairs = (r1 == WP_MIP_OPTIMAL || r1 == WP_MIP_FEASIBLE) ? pairs_value(s1, &c1) : -1;
    /* the optimum bounds the pairs any roster can keep; failing that, the LP relaxation does */
    if (r1 == WP_MIP_OPTIMAL)
        *pairs_bound = round(best_pairs);
    else if (r1 != WP_MIP_INFEASIBLE) { /* the relaxation, unless the time cut it too */
        double b = wp_mip_has_lp_bound(s1)
                       ? floor(wp_mip_lp_objective(s1) + c1.pair_constant + 1e-6)
                       : HUGE_VAL;
        if (o->staff_transfer && o->max_districts_per_provider > 0)
            b = fmin(b, limit_bound(&a, m, o->max_districts_per_provider));
        if (b == HUGE_VAL) { /* no relaxation in time: every keepable pair is still a bound */
            b = 0;
            for (int c = 0; c < m->n_clients; c++) b += wp_pair_keepable(m, c);
        }
        *pairs_bound = b;
    }
    wp_mip_free(s1);
    free_cols(&c1);

    /* stage 2: keep those pairs; most clients keep their provider; capacity; travel */
    bool solved = false;
    if (best_pairs >= 0) {
        wp_mip *s2 = wp_mip_create("awards_clients", true);
        award_cols c2 = {0};
        add_common(s2, &a, o, &c2);
        add_stage2(s2, &a, o, &c2, best_pairs);
        wp_mip_result r2 = wp_mip_solve(s2, wp_budget_left(&time));
        if (r2 == WP_MIP_OPTIMAL || r2 == WP_MIP_FEASIBLE) {
            read_awards(s2, &a, &c2, out);
            solved = true;
        }
        wp_mip_free(s2);
        free_cols(&c2);
    }
    if (!solved) {
        for (int d = 0; d < a.D; d++) wp_free(out->providers[d]);
        fallback(&a, m, o, out);
    }
    free_data(&a);
    return WP_OK;
}
