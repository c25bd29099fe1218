/* wijkplan validate: recompute a roster from its scenario and list every broken rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/wijkplan.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "util/alloc.h"

/* Makes `path` the scenario's previous plan; a path recorded in a roster resolves as given,
 * else beside the roster. 0 or the exit status. */
static int attach_previous(wp_scenario *sc, const char *path, const char *roster_path)
{
    if (!path) return 0;
    wp_error err;
    wp_error_init(&err);
    char *beside = NULL;
    FILE *f = fopen(path, "rb");
    if (f) {
        fclose(f);
    } else if (path[0] != '/') {
        const char *slash = strrchr(roster_path, '/');
        if (slash) {
            size_t n = (size_t)(slash - roster_path) + 1;
            beside = wp_malloc(n + strlen(path) + 1);
            if (beside) {
                memcpy(beside, roster_path, n);
                strcpy(beside + n, path);
            }
        }
    }
    wp_roster *prev = NULL;
    wp_status s = wp_roster_read_previous(beside ? beside : path, &prev, &err);
    if (s == WP_OK) s = wp_scenario_set_previous(sc, prev, path, &err);
    int rc = s == WP_OK ? 0 : wp_cli_fail("validate", &err);
    wp_free(beside);
    wp_error_clear(&err);
    return rc;
}

int wp_cmd_validate(int argc, char **argv)
{
    const char *variant = NULL, *transfer = NULL, *previous = NULL;
    double tolerance = 1e-6;
    bool quiet = false;
    const wp_opt opts[] = {
        {"variant", WP_OPT_STRING, &variant, "V",
         "check against contracting V (open_house, per_district:k) instead of the scenario's",
         false},
        {"staff-transfer", WP_OPT_STRING, &transfer, "yes|no",
         "override the scenario's staff_transfer", false},
        {"previous", WP_OPT_STRING, &previous, "PREVIOUS.json",
         "check a repair against last week's roster (default: the roster's \"previous\")", false},
        {"tolerance", WP_OPT_DOUBLE, &tolerance, "MINUTES",
         "allowed rounding in times and numbers (1e-6)", false},
        {"quiet", WP_OPT_FLAG, &quiet, NULL, "print violations only", false},
        {0},
    };
    const wp_command_spec spec = {
        "validate",
        "SCENARIO ROSTER [options]",
        "Recomputes the roster's times, distances, loads, rules, KPIs and objective from the\n"
        "scenario alone and prints every violation. Exit status 0 when the roster is valid,\n"
        "3 when it breaks a rule, 2 when a file is unreadable. A repair is checked against\n"
        "its previous roster: substitutes only on the days the client's helper is absent,\n"
        "and the change list, change KPIs and objective recomputed.",
        2,
        2,
        opts};
    const char *pos[2];
    int npos;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &npos, &rc)) return rc;
    wp_validate_options o;
    wp_validate_options_default(&o);
    o.variant = variant;
    o.tolerance = tolerance;
    if (transfer) {
        if (strcmp(transfer, "yes") == 0)
            o.staff_transfer = 1;
        else if (strcmp(transfer, "no") == 0)
            o.staff_transfer = 0;
        else {
            fprintf(stderr, "wijkplan validate: --staff-transfer takes yes or no\n");
            return 2;
        }
    }
    wp_scenario *sc;
    wp_roster *r;
    rc = wp_cli_load("validate", pos[0], pos[1], &sc, &r);
    if (rc) return rc;
    if ((rc = attach_previous(sc, previous ? previous : r->previous, pos[1]))) {
        wp_roster_free(r);
        wp_scenario_free(sc);
        return rc;
    }
    /* a roster of a comparison records its variant's contracting: check it under that, unless
     * --variant says otherwise */
    if (!o.variant && r->contracting) o.variant = r->contracting;
    wp_error err;
    wp_error_init(&err);
    wp_validation v;
    wp_status s = wp_validate(sc, r, &o, &v, &err);
    if (s != WP_OK) {
        rc = wp_cli_fail("validate", &err);
    } else if (v.n_violations) {
        for (size_t i = 0; i < v.n_violations && i < 10000; i++) printf("%s\n", v.violations[i]);
        fprintf(stderr, "wijkplan validate: %zu violation%s in %s\n", v.n_violations,
                v.n_violations == 1 ? "" : "s", pos[1]);
        rc = 3;
    } else {
        if (!quiet)
            printf("valid: %zu routes, %d of %d visits planned, %zu unassigned, objective %.4f\n",
                   r->n_routes, v.recomputed.visits_served, v.recomputed.visits, r->n_unassigned,
                   v.recomputed.objective);
        rc = 0;
    }
    wp_validation_free(&v);
    wp_roster_free(r);
    wp_scenario_free(sc);
    wp_error_clear(&err);
    return rc;
}
