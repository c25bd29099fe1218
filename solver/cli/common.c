/* What the commands share: error printing, loading a scenario with its roster, CSV dialects,
 * id lists from the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wijkplan/wijkplan.h>

#include "cli/commands.h"
#include "util/alloc.h"

int wp_cli_fail(const char *command, const void *e)
{
    const wp_error *err = e;
    wp_error_print(err, stderr);
    wp_status s = wp_error_status(err);
    if (s == WP_OK) s = WP_ERR_INTERNAL;
    if (!err->count) fprintf(stderr, "wijkplan %s: %s\n", command, wp_status_name(s));
    return (int)s;
}

int wp_cli_load(const char *command, const char *scenario_path, const char *roster_path,
                wp_scenario **sc, wp_roster **r)
{
    wp_error err;
    wp_error_init(&err);
    *sc = NULL;
    if (r) *r = NULL;
    wp_status s = wp_scenario_load(scenario_path, sc, &err);
    if (s == WP_OK && roster_path) s = wp_roster_read_json(roster_path, r, &err);
    if (s == WP_OK && roster_path) s = wp_scenario_check_roster(*sc, *r, roster_path, &err);
    if (s == WP_OK && roster_path && (*r)->scenario_digest &&
        strcmp((*r)->scenario_digest, wp_scenario_digest(*sc)) != 0)
        fprintf(stderr,
                "wijkplan %s: warning: %s was made from another version of %s (its digest "
                "differs): the figures are for the scenario as it is now\n",
                command, roster_path, scenario_path);
    int rc = s == WP_OK ? 0 : wp_cli_fail(command, &err);
    if (rc) {
        wp_scenario_free(*sc);
        *sc = NULL;
        if (r) wp_roster_free(*r), *r = NULL;
    }
    wp_error_clear(&err);
    return rc;
}

bool wp_cli_dialect(const char *command, const char *name, wp_csv_dialect *out)
{
    *out = WP_CSV_RFC4180;
    if (!name || strcmp(name, "rfc4180") == 0) return true;
    if (strcmp(name, "excel-nl") == 0) {
        *out = WP_CSV_EXCEL_NL;
        return true;
    }
    fprintf(stderr, "wijkplan %s: --csv-dialect takes rfc4180 or excel-nl, not \"%s\"\n", command,
            name);
    return false;
}

int wp_cli_split_list(const char *text, char ***items)
{
    int n = 0, cap = 0;
    char **out = NULL;
    for (const char *p = text; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len) {
            if (n == cap)
                out = wp_realloc_array(out, (size_t)(cap = cap ? 2 * cap : 8), sizeof *out);
            out[n++] = wp_strndup(p, len);
        }
        p += len + (comma != NULL);
    }
    *items = out;
    return n;
}

void wp_cli_free_list(char **items, int n)
{
    for (int i = 0; i < n; i++) wp_free(items[i]);
    wp_free(items);
}
