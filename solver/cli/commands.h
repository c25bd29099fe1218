/* The subcommands of the wijkplan program; each returns the process exit status. */
#ifndef WP_CLI_COMMANDS_H
#define WP_CLI_COMMANDS_H

#include <stdbool.h>
#include <wijkplan/roster.h>
#include <wijkplan/scenario.h>
#include <wijkplan/solve.h>

int wp_cmd_solve(int argc, char **argv);
int wp_cmd_validate(int argc, char **argv);
int wp_cmd_import(int argc, char **argv);
int wp_cmd_generate(int argc, char **argv);
int wp_cmd_compare(int argc, char **argv);
int wp_cmd_report(int argc, char **argv);
int wp_cmd_export(int argc, char **argv);
int wp_cmd_kpi(int argc, char **argv);
int wp_cmd_repair(int argc, char **argv);
int wp_cmd_recommend(int argc, char **argv);

/* Exit statuses of a search stopped by SIGINT or SIGTERM after writing its best roster so far
 * (128 + the signal, as shells report it). */
#define WP_EXIT_INTERRUPTED_INT  130
#define WP_EXIT_INTERRUPTED_TERM 143

/* Prints an error record and returns its exit status. */
int wp_cli_fail(const char *command, const void *err);

/* Loads a scenario and, when roster_path is given, a roster of that scenario (one naming
 * helpers or clients the scenario lacks is an input error). Returns 0, or, after printing every
 * problem and freeing what was loaded, the exit status. */
int wp_cli_load(const char *command, const char *scenario_path, const char *roster_path,
                wp_scenario **sc, wp_roster **r);

/* What a solve or repair writes: the roster JSON, and each CSV whose path is given. */
typedef struct wp_cli_outputs {
    const char *json, *csv, *changes, *waiting;
    wp_csv_dialect dialect;
    bool quiet;
} wp_cli_outputs;

/* Solves (or, with a previous plan set, repairs) and writes the outputs; prints the summary
 * unless quiet. Returns the exit status. */
int wp_cli_plan(const char *command, const wp_scenario *sc, const wp_solve_options *o,
                const wp_cli_outputs *out);

/* --csv-dialect NAME (NULL: rfc4180); false, after saying why, when unknown. */
bool wp_cli_dialect(const char *command, const char *name, wp_csv_dialect *out);

/* "A,B,,C" into its non-empty items (caller frees with wp_cli_free_list); returns the count. */
int wp_cli_split_list(const char *text, char ***items);
void wp_cli_free_list(char **items, int n);

#endif
