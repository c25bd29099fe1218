/* wijkplan kpi: the key figures of a roster, in total or over some districts. */
#define _DEFAULT_SOURCE
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/wijkplan.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "io/roster_json.h"
#include "kpi/kpi.h"
#include "model/scenario_internal.h"

int wp_cmd_kpi(int argc, char **argv)
{
    const char *districts = NULL;
    const wp_opt opts[] = {
        {"districts", WP_OPT_STRING, &districts, "ID,ID,..", "count only these districts' clients",
         false},
        {0},
    };
    const wp_command_spec spec = {
        "kpi",
        "SCENARIO ROSTER [--districts ID,..]",
        "Prints the roster's KPIs as JSON, recomputed from the scenario: over every client, or "
        "over\n"
        "the clients of the listed districts (travel counted for the legs that reach them).",
        2,
        2,
        opts};
    const char *pos[2];
    int n;
    int rc = wp_args_parse(&spec, argc, argv, pos, &n);
    if (rc) return rc == WP_ARGS_HELP ? 0 : rc;
    wp_scenario *sc;
    wp_roster *r;
    rc = wp_cli_load("kpi", pos[0], pos[1], &sc, &r);
    if (rc) return rc;
    const wp_model *m = &sc->model;
    bool *scope = NULL;
    if (districts) {
        scope = calloc((size_t)m->n_districts + 1, sizeof *scope);
        char *list = strdup(districts);
        for (char *p = strtok(list, ","); p; p = strtok(NULL, ",")) {
            int d = wp_strmap_get(&m->district_ids, p);
            if (d < 0) {
                fprintf(stderr, "wijkplan kpi: no district \"%s\" in %s\n", p, pos[0]);
                rc = 2;
            } else {
                scope[d] = true;
            }
        }
        free(list);
    }
    if (rc == 0) {
        wp_kpi k;
        wp_kpi_compute_set(m, r, scope, &k);
        cJSON *j = wp_kpi_to_json(&k);
        char *text = cJSON_Print(j);
        printf("%s\n", text);
        free(text);
        cJSON_Delete(j);
    }
    free(scope);
    wp_roster_free(r);
    wp_scenario_free(sc);
    return rc;
}
