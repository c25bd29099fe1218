/* wijkplan kpi: the key figures of a roster, in total or over some districts. */
#define _DEFAULT_SOURCE
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/wijkplan.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "io/roster_csv.h"
#include "io/roster_json.h"
#include "util/alloc.h"

/* The KPI object's members as rows; 0 or the exit status. */
static int write_kpi_csv(const cJSON *kpi, const char *path, wp_csv_dialect d)
{
    int n = cJSON_GetArraySize(kpi), i = 0;
    const char **names = wp_calloc((size_t)n + 1, sizeof *names);
    double *values = wp_calloc((size_t)n + 1, sizeof *values);
    const cJSON *it;
    cJSON_ArrayForEach(it, kpi)
    {
        names[i] = it->string;
        values[i++] = it->valuedouble;
    }
    wp_error err;
    wp_error_init(&err);
    wp_status s =
        names && values ? wp_kpi_write_csv(names, values, n, path, d, &err) : WP_ERR_INTERNAL;
    int rc = s == WP_OK ? 0 : wp_cli_fail("kpi", &err);
    wp_error_clear(&err);
    wp_free(names);
    wp_free(values);
    return rc;
}

int wp_cmd_kpi(int argc, char **argv)
{
    const char *districts = NULL, *csv = NULL, *dialect = NULL;
    const wp_opt opts[] = {
        {"districts", WP_OPT_STRING, &districts, "ID,ID,..", "count only these districts' clients",
         false},
        {"csv", WP_OPT_STRING, &csv, "FILE.csv", "also write the KPIs as a two-column table",
         false},
        {"csv-dialect", WP_OPT_STRING, &dialect, "rfc4180|excel-nl",
         "how the CSV is written (excel-nl: ; and decimal commas, as Dutch Excel)", false},
        {0},
    };
    const wp_command_spec spec = {
        "kpi",
        "SCENARIO ROSTER [--districts ID,..] [--csv FILE.csv]",
        "Prints the roster's KPIs as JSON, recomputed from the scenario: over every client, or "
        "over\n"
        "the clients of the listed districts (travel counted for the legs that reach them).",
        2,
        2,
        opts};
    const char *pos[2];
    int n;
    int rc;
    if (!wp_cli_prologue(&spec, argc, argv, pos, &n, &rc)) return rc;
    wp_csv_dialect csv_dialect;
    if (!wp_cli_dialect("kpi", dialect, &csv_dialect)) return 2;
    wp_scenario *sc;
    wp_roster *r;
    rc = wp_cli_load("kpi", pos[0], pos[1], &sc, &r);
    if (rc) return rc;
    char **ids = NULL;
    int n_ids = districts ? wp_cli_split_list(districts, &ids) : 0;
    wp_error err;
    wp_error_init(&err);
    wp_kpi k;
    if (wp_kpi_of_districts(sc, r, (const char *const *)ids, n_ids, &k, &err) != WP_OK)
        rc = wp_cli_fail("kpi", &err);
    wp_error_clear(&err);
    wp_cli_free_list(ids, n_ids);
    if (rc == 0) {
        cJSON *j = wp_kpi_to_json(&k);
        char *text = cJSON_Print(j);
        printf("%s\n", text);
        wp_free(text);
        if (csv) rc = write_kpi_csv(j, csv, csv_dialect);
        cJSON_Delete(j);
    }
    wp_roster_free(r);
    wp_scenario_free(sc);
    return rc;
}
