/* GLPK behind one small interface. GLPK reports misuse by printing and aborting; the error
 * hook turns that into a longjmp back to the caller, and terminal output is silenced. */
#include "mip/mip.h"

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/clock.h"

struct wp_mip {
    glp_prob *lp;
    bool broken;   /* GLPK failed inside a call: its environment was released with the problem */
    bool lp_bound; /* the LP relaxation was solved to optimality: its objective is a bound */
    wp_cleanup *release; /* deletes GLPK's problem if the call that made it fails */
};

static void release_mip(void *mip)
{
    ((wp_mip *)mip)->release = NULL; /* the registration is being run */
    wp_mip_free(mip);
}

static int silent_terminal(void *info, const char *s)
{
    (void)info;
    (void)s;
    return 1; /* non-zero: GLPK does not print */
}

static _Thread_local jmp_buf *glpk_escape;

static void on_glpk_error(void *info)
{
    (void)info;
    if (glpk_escape) longjmp(*glpk_escape, 1);
    abort();
}

wp_mip *wp_mip_create(const char *name, bool maximize)
{
    glp_term_hook(silent_terminal, NULL);
    glp_error_hook(on_glpk_error, NULL);
    wp_mip *mip = wp_calloc(1, sizeof *mip);
    mip->lp = glp_create_prob();
    mip->release = wp_scope_defer(release_mip, mip);
    glp_set_prob_name(mip->lp, name);
    glp_set_obj_dir(mip->lp, maximize ? GLP_MAX : GLP_MIN);
    return mip;
}

void wp_mip_free(wp_mip *mip)
{
    if (!mip) return;
    wp_scope_cancel(mip->release);
    if (!mip->broken) glp_delete_prob(mip->lp);
    wp_free(mip);
}

static int bound_type(double lo, double hi)
{
    bool has_lo = isfinite(lo), has_hi = isfinite(hi);
    if (has_lo && has_hi) return lo == hi ? GLP_FX : GLP_DB;
    if (has_lo) return GLP_LO;
    if (has_hi) return GLP_UP;
    return GLP_FR;
}

int wp_mip_var(wp_mip *mip, const char *name, int kind, double lo, double hi, double obj)
{
    int col = glp_add_cols(mip->lp, 1);
    glp_set_col_name(mip->lp, col, name);
    if (kind == WP_VAR_BINARY) {
        glp_set_col_kind(mip->lp, col, GLP_BV);
    } else {
        glp_set_col_bnds(mip->lp, col, bound_type(lo, hi), isfinite(lo) ? lo : 0,
                         isfinite(hi) ? hi : 0);
    }
    glp_set_obj_coef(mip->lp, col, obj);
    return col;
}

int wp_mip_row(wp_mip *mip, const char *name, int n, const int *cols, const double *coef, double lo,
               double hi)
{
    int row = glp_add_rows(mip->lp, 1);
    glp_set_row_name(mip->lp, row, name);
    glp_set_row_bnds(mip->lp, row, bound_type(lo, hi), isfinite(lo) ? lo : 0,
                     isfinite(hi) ? hi : 0);
    /* GLPK arrays are 1-based */
    int *ind = wp_malloc(((size_t)n + 1) * sizeof *ind);
    double *val = wp_malloc(((size_t)n + 1) * sizeof *val);
    for (int i = 0; i < n; i++) {
        ind[i + 1] = cols[i];
        val[i + 1] = coef[i];
    }
    glp_set_mat_row(mip->lp, row, n, ind, val);
    wp_free(ind);
    wp_free(val);
    return row;
}

void wp_mip_set_obj(wp_mip *mip, int col, double coef)
{
    glp_set_obj_coef(mip->lp, col, coef);
}

/* GLPK's time limits are whole milliseconds, at least one. */
static int milliseconds(double seconds)
{
    double ms = seconds * 1000;
    return ms > 1 ? (ms < 2e9 ? (int)ms : 2000000000) : 1;
}

wp_mip_result wp_mip_solve(wp_mip *mip, double time_limit_s)
{
    jmp_buf escape;
    glpk_escape = &escape;
    if (setjmp(escape)) {
        /* GLPK's documented recovery: release its whole environment (and our problem with it) */
        glpk_escape = NULL;
        mip->broken = true;
        glp_free_env();
        return WP_MIP_FAILED;
    }
    /* the LP relaxation and branch-and-cut share the limit */
    double deadline = wp_clock_now() + time_limit_s;
    glp_smcp lp;
    glp_init_smcp(&lp);
    lp.msg_lev = GLP_MSG_OFF;
    lp.presolve = GLP_ON;
    lp.tm_lim = milliseconds(time_limit_s);
    int rc = glp_simplex(mip->lp, &lp);
    if (rc != 0 && rc != GLP_ENOPFS && rc != GLP_ENODFS && rc != GLP_ETMLIM) {
        /* presolve may refuse; retry without it */
        lp.presolve = GLP_OFF;
        lp.tm_lim = milliseconds(deadline - wp_clock_now());
        rc = glp_simplex(mip->lp, &lp);
    }
    if (rc == GLP_ENOPFS || glp_get_status(mip->lp) == GLP_NOFEAS) {
        glpk_escape = NULL;
        return WP_MIP_INFEASIBLE;
    }
    if (rc != 0) { /* including the time limit: no relaxation, so no bound and no search */
        glpk_escape = NULL;
        return WP_MIP_FAILED;
    }
    mip->lp_bound = glp_get_status(mip->lp) == GLP_OPT;
    glp_iocp ip;
    glp_init_iocp(&ip);
    ip.msg_lev = GLP_MSG_OFF;
    ip.tm_lim = milliseconds(deadline - wp_clock_now());
    ip.gmi_cuts = GLP_ON;
    ip.mir_cuts = GLP_ON;
    ip.fp_heur = GLP_ON; /* feasibility pump: an integer solution early */
    ip.ps_heur = GLP_ON; /* proximity search: improve it */
    ip.ps_tm_lim = ip.tm_lim / 4 > 0 ? ip.tm_lim / 4 : 1;
    ip.br_tech = GLP_BR_PCH;
    ip.bt_tech = GLP_BT_BPH;
    glp_intopt(mip->lp, &ip);
    glpk_escape = NULL;
    int st = glp_mip_status(mip->lp);
    if (st == GLP_OPT) return WP_MIP_OPTIMAL;
    if (st == GLP_FEAS) return WP_MIP_FEASIBLE;
    if (st == GLP_NOFEAS) return WP_MIP_INFEASIBLE;
    return WP_MIP_FAILED;
}

double wp_mip_value(const wp_mip *mip, int col)
{
    return mip->broken ? 0 : glp_mip_col_val(mip->lp, col);
}

double wp_mip_objective(const wp_mip *mip)
{
    return mip->broken ? 0 : glp_mip_obj_val(mip->lp);
}

bool wp_mip_has_lp_bound(const wp_mip *mip)
{
    return !mip->broken && mip->lp_bound;
}

double wp_mip_lp_objective(const wp_mip *mip)
{
    return mip->broken ? 0 : glp_get_obj_val(mip->lp);
}
