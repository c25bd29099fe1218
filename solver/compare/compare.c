/* wijkplan-comparison/1: every contracting variant solved, KPIs per district and in total. */
#include <wijkplan/compare.h>

#include <ctype.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/comparison_json.h"

#include "error/guard.h"
#include "io/roster_json.h"
#include "kpi/kpi.h"
#include "contract/market.h"
#include "model/scenario_internal.h"
#include "solve/solve.h"
#include "util/alloc.h"
#include "util/clock.h"
#include "util/fileio.h"
#include "util/strbuf.h"

#define MAX_VARIANTS 32

typedef struct variant_run {
    wp_variant v;
    char name[64];
    wp_market mk;
    bool has_market;
    double pairs_bound;
    wp_roster *roster;
    wp_status status;
    wp_error err;
} variant_run;

/* "open_house,per_district:1,per_district:3" (with transfer choices) -> runs. */
static wp_status parse_variants(const wp_model *m, const wp_compare_options *o, variant_run *runs,
                                int *n, wp_error *err)
{
    *n = 0;
    const char *p = o->variants ? o->variants : "open_house,per_district:1,per_district:3";
    while (*p) {
        char item[64];
        size_t len = strcspn(p, ",");
        if (len >= sizeof item) len = sizeof item - 1;
        memcpy(item, p, len);
        item[len] = '\0';
        p += strcspn(p, ",");
        if (*p == ',') p++;
        char *s = item;
        while (isspace((unsigned char)*s)) s++;
        for (char *e = s + strlen(s); e > s && isspace((unsigned char)e[-1]);) *--e = '\0';
        if (!*s) continue;
        wp_variant v;
        if (!wp_variant_parse(s, &v))
            return wp_error_add(err, WP_ERR_INPUT, NULL, "--variants", 0, 0,
                                "\"%s\" is not open_house, per_district:k or per_district:k:m", s);
        if (v.contract_model == WP_PER_DISTRICT && m->n_districts == 0)
            return wp_error_add(err, WP_ERR_INPUT, NULL, "--variants", 0, 0,
                                "\"%s\" needs a scenario with districts", s);
        /* the scenario's own awards serve its own k */
        const wp_contracting *c = &m->contracting;
        if (v.contract_model == WP_PER_DISTRICT && c->model == WP_PER_DISTRICT && c->awards_given &&
            c->providers_per_district == v.providers_per_district)
            v.awards = &c->awards;
        int choices = v.contract_model == WP_PER_DISTRICT &&
                              o->staff_transfer == WP_TRANSFER_BOTH && !v.staff_transfer
                          ? 2
                          : 1;
        for (int t = 0; t < choices; t++) {
            if (*n >= MAX_VARIANTS)
                return wp_error_add(err, WP_ERR_INPUT, NULL, "--variants", 0, 0,
                                    "at most %d variants", MAX_VARIANTS);
            variant_run *r = &runs[(*n)++];
            memset(r, 0, sizeof *r);
            r->v = v;
            r->v.staff_transfer =
                v.contract_model == WP_PER_DISTRICT &&
                (v.staff_transfer || o->staff_transfer == WP_TRANSFER_YES || t == 1);
            wp_variant_name(&r->v, r->name, sizeof r->name);
        }
    }
    if (*n == 0)
        return wp_error_add(err, WP_ERR_INPUT, NULL, "--variants", 0, 0, "no variant given");
    return WP_OK;
}

/* Providers of district d: the awarded ones, or (open house) the ones serving there. */
static int district_providers(const wp_model *m, const variant_run *r, int d, int *out)
{
    int n = 0;
    if (r->v.contract_model == WP_PER_DISTRICT && r->mk.has_awards) {
        for (int k = 0; k < r->mk.awards.count[d]; k++) out[n++] = r->mk.awards.providers[d][k];
        return n;
    }
    bool *serves = wp_calloc((size_t)m->n_providers + 1, sizeof *serves);
    int *prov = wp_kpi_helper_providers(m, r->roster);
    for (size_t i = 0; i < r->roster->n_routes; i++) {
        const wp_roster_route *rt = &r->roster->routes[i];
        int h = wp_strmap_get(&m->helper_ids, rt->helper);
        for (size_t k = 0; k < rt->n_visits && h >= 0; k++) {
            int c = wp_strmap_get(&m->client_ids, rt->visits[k].client);
            if (c >= 0 && m->clients[c].district == d) serves[prov[h]] = true;
        }
    }
    for (int p = 0; p < m->n_providers; p++)
        if (serves[p]) out[n++] = p;
    wp_free(serves);
    wp_free(prov);
    return n;
}

static char *slug(const char *name)
{
    char *s = wp_strdup(name);
    for (char *p = s; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_') *p = '-';
    return s;
}

/* The variant's figures as the comparison file spells them: KPIs in total and per district. */
static cJSON *variant_json(const wp_model *m, const variant_run *r, const char *roster_file)
{
    int nd = m->n_districts;
    int *provs = wp_malloc(((size_t)nd * (size_t)m->n_providers + 1) * sizeof(int));
    wp_comparison_district *ds = wp_calloc((size_t)nd + 1, sizeof *ds);
    int min_choice = -1;
    for (int d = 0; d < nd; d++) {
        int *mine = provs + (size_t)d * (size_t)m->n_providers;
        ds[d].n_providers = district_providers(m, r, d, mine);
        ds[d].providers = mine;
        wp_kpi_compute(m, r->roster, d, &ds[d].kpi);
        ds[d].hhi = wp_kpi_hhi(m, r->roster, d);
        if (min_choice < 0 || ds[d].n_providers < min_choice) min_choice = ds[d].n_providers;
    }
    wp_comparison_variant cv = {
        .name = r->name,
        .variant = &r->v,
        .awards = r->mk.has_awards ? &r->mk.awards : NULL,
        .kpi = &r->roster->kpi,
        .hhi = wp_kpi_hhi(m, r->roster, -1),
        .providers_per_district_min = min_choice < 0 ? 0 : min_choice,
        .pairs_bound = r->pairs_bound,
        .districts = ds,
        .roster_file = roster_file,
    };
    cJSON *v = wp_comparison_variant_to_json(m, &cv);
    wp_free(ds);
    wp_free(provs);
    return v;
}

/* Path of `target` relative to the directory of `from_file` when that is simple, else as is. */
static char *relative_to(const char *target, const char *from_file)
{
    char *dir = wp_path_dirname(from_file);
    size_t n = strlen(dir);
    char *rel;
    if (strcmp(dir, ".") != 0 && strncmp(target, dir, n) == 0 && target[n] == '/')
        rel = wp_strdup(target + n + 1);
    else if (strcmp(dir, ".") == 0 && target[0] != '/')
        rel = wp_strdup(target);
    else if (target[0] == '/')
        rel = wp_strdup(target);
    else {
        /* both relative to the working directory: go up out of dir */
        wp_strbuf sb = {0};
        for (const char *p = dir; *p; p++)
            if (*p == '/' || p == dir) wp_sb_append(&sb, "../");
        wp_sb_append(&sb, target);
        rel = wp_sb_take(&sb);
    }
    wp_free(dir);
    return rel;
}

/* What the threads planning variants share. */
typedef struct variant_work {
    const wp_model *m;
    variant_run *runs;
    const wp_solve_options *so; /* the options of each variant's search */
    FILE *progress;
} variant_work;

/* Plans variant i in its market (one thread of the compare). */
static void plan_variant(void *work, int i)
{
    const variant_work *w = work;
    variant_run *run = &w->runs[i];
    wp_error_init(&run->err);
    wp_solve_options mine = *w->so;
    mine.progress_label = run->name;
    wp_budget budget = wp_solve_budget(&mine);
    run->status = wp_solve_market(w->m, &run->v, &run->mk, run->pairs_bound, &mine, &budget,
                                  &run->roster, &run->err);
    if (w->progress && run->status == WP_OK)
#pragma omp critical
        fprintf(w->progress, "wijkplan compare: %s planned (%d of %d visits, travel %.1f h)\n",
                run->name, run->roster->kpi.visits_served, run->roster->kpi.visits,
                run->roster->kpi.travel_hours);
}

/* Each variant's problems live outside the call's scope (see error.c): cleared here. */
static void clear_run_errors(void *runs)
{
    for (int i = 0; i < MAX_VARIANTS; i++) wp_error_clear(&((variant_run *)runs)[i].err);
}

/* Removes the rosters this call wrote (a NULL-terminated list). */
static void discard_written(void *written)
{
    for (char **w = written; *w; w++) wp_file_discard(*w);
}

static wp_status compare_unguarded(const wp_scenario *sc, const wp_compare_options *o,
                                   const char *out_path, wp_error *err)
{
    const wp_model *m = &sc->model;
    wp_status s = wp_solve_options_check(&o->solve, err);
    if (s != WP_OK) return s;
    variant_run *runs = wp_calloc(MAX_VARIANTS, sizeof *runs);
    wp_cleanup *clearing = wp_scope_defer(clear_run_errors, runs);
    int n = 0;
    s = parse_variants(m, o, runs, &n, err);
    /* awards one at a time (GLPK), then the searches in parallel. The time limit and iterations
     * apply per variant: the award models share n variants' time, each WP_AWARD_SHARE of one
     * variant's, and each search gets a variant's budget from its start */
    wp_budget contracting = wp_budget_begin(n * o->solve.time_limit_s, 0, false);
    for (int i = 0; i < n && s == WP_OK; i++) {
        if (!runs[i].v.max_districts) runs[i].v.max_districts = o->max_districts_per_provider;
        wp_variant_name(&runs[i].v, runs[i].name, sizeof runs[i].name);
        double t0 = wp_clock_now();
        wp_budget awards = wp_budget_part(&contracting, WP_AWARD_SHARE / n, 1);
        s = wp_variant_market(m, &runs[i].v, awards.deadline - awards.start, &runs[i].mk,
                              &runs[i].pairs_bound, err);
        runs[i].has_market = s == WP_OK;
        if (s == WP_OK && o->solve.progress) {
            fprintf(o->solve.progress, "wijkplan compare: %s: contracting ready in %.1f s",
                    runs[i].name, wp_clock_now() - t0);
            if (runs[i].pairs_bound >= 0)
                fprintf(o->solve.progress, " (at most %.0f pairs can be kept)",
                        runs[i].pairs_bound);
            fprintf(o->solve.progress, " [%d of %d]\n", i + 1, n);
        }
    }
    if (s == WP_OK) {
        int threads = o->solve.threads > 0 ? o->solve.threads : omp_get_num_procs();
        int parallel = threads < n ? threads : n;
        wp_solve_options so = o->solve;
        so.threads = threads / parallel > 0 ? threads / parallel : 1;
        /* progress lines of parallel searches carry their variant's name (whole lines) */
        if (o->solve.progress)
            fprintf(o->solve.progress,
                    "wijkplan compare: planning %d variant%s, %d at a time on %d thread%s each\n",
                    n, n == 1 ? "" : "s", parallel, so.threads, so.threads == 1 ? "" : "s");
        variant_work work = {m, runs, &so, o->solve.progress};
        wp_workers workers = wp_workers_begin();
#pragma omp parallel for num_threads(parallel) schedule(dynamic, 1)
        for (int i = 0; i < n; i++) wp_worker_run(&workers, plan_variant, &work, i);
        wp_workers_check(&workers);
        for (int i = 0; i < n && s == WP_OK; i++)
            if (runs[i].status != WP_OK) {
                for (size_t k = 0; k < runs[i].err.count; k++) {
                    wp_problem *p = &runs[i].err.items[k];
                    wp_error_add(err, p->status, p->file, p->path, p->line, p->column, "%s: %s",
                                 runs[i].name, p->message ? p->message : "");
                }
                s = runs[i].status;
            }
    }
    char **written = wp_calloc(MAX_VARIANTS + 1, sizeof(char *));
    wp_cleanup *discarding = wp_scope_defer(discard_written, written);
    int n_written = 0;
    if (s == WP_OK) {
        char *dir = wp_path_dirname(out_path);
        cJSON *doc = cJSON_CreateObject();
        cJSON_AddStringToObject(doc, "format", "wijkplan-comparison/1");
        cJSON_AddStringToObject(doc, "scenario", m->name);
        if (o->scenario_path) {
            char *rel = relative_to(o->scenario_path, out_path);
            cJSON_AddStringToObject(doc, "scenario_file", rel);
            wp_free(rel);
        }
        cJSON *vs = cJSON_AddArrayToObject(doc, "variants");
        for (int i = 0; i < n && s == WP_OK; i++) {
            char *sl = slug(runs[i].name);
            char *file = wp_strdupf("roster-%s.json", sl);
            char *path = wp_path_join(dir, file);
            s = wp_roster_write_json(runs[i].roster, path, err);
            if (s == WP_OK)
                written[n_written++] = path;
            else
                wp_free(path);
            cJSON_AddItemToArray(vs, variant_json(m, &runs[i], file));
            wp_free(file);
            wp_free(sl);
        }
        if (s == WP_OK) s = wp_json_write_file(doc, out_path, err);
        cJSON_Delete(doc);
        wp_free(dir);
    }
    wp_scope_cancel(discarding);
    if (s != WP_OK) discard_written(written); /* all or nothing */
    for (int i = 0; i < n_written; i++) wp_free(written[i]);
    wp_free(written);
    for (int i = 0; i < n; i++) {
        if (runs[i].has_market) wp_market_free(&runs[i].mk);
        wp_roster_free(runs[i].roster);
    }
    wp_scope_cancel(clearing);
    clear_run_errors(runs);
    wp_free(runs);
    return s;
}

wp_status wp_compare(const wp_scenario *sc, const wp_compare_options *o, const char *out_path,
                     wp_error *err)
{
    WP_GUARD(err, "comparing the variants", compare_unguarded(sc, o, out_path, err));
}
