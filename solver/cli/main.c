/* wijkplan: the command-line program. Argument parsing only; the work is in the library. */
#include <stdio.h>
#include <string.h>
#include <wijkplan/error.h>
#include <wijkplan/version.h>

#include "cli/commands.h"
#include "util/fileio.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"solve", wp_cmd_solve, "plan a weekly roster for a scenario"},
    {"repair", wp_cmd_repair,
     "plan next week from this week's roster, changing as little as possible"},
    {"recommend", wp_cmd_recommend, "at intake: who could take this client, and when"},
    {"validate", wp_cmd_validate, "check a roster against its scenario, rule by rule"},
    {"import", wp_cmd_import,
     "make a scenario from spreadsheets (csv) or benchmarks (solomon, convrp)"},
    {"generate", wp_cmd_generate, "generate a municipality scenario from Dutch district data"},
    {"compare", wp_cmd_compare, "solve contracting variants side by side"},
    {"report", wp_cmd_report, "write a self-contained HTML report of a comparison"},
    {"export", wp_cmd_export,
     "export GeoJSON (districts, clients, routes) or a subset of districts"},
    {"kpi", wp_cmd_kpi, "print a roster's KPIs, in total or for some districts"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: wijkplan <command> [arguments]\n\n"
                 "District-based scheduling of household support (Wmo huishoudelijke "
                 "ondersteuning).\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n`wijkplan <command> --help` describes a command.\n"
                 "exit status: 0 ok, 1 internal error, 2 input error, 3 solver or validation "
                 "failure, 4 projection error\n");
}

/* Runs one command with its outputs all or nothing: what it wrote replaces the targets only
 * when it succeeds (or was interrupted after writing its best roster); otherwise every file it
 * wrote is removed and every existing file stays as it was. */
static int run(const command *c, int argc, char **argv)
{
    wp_outputs_begin();
    int rc = c->run(argc, argv);
    if (rc == 0 || rc == WP_EXIT_INTERRUPTED_INT || rc == WP_EXIT_INTERRUPTED_TERM) {
        wp_error err;
        wp_error_init(&err);
        if (wp_outputs_commit(&err) != WP_OK) rc = wp_cli_fail(c->name, &err);
        wp_error_clear(&err);
    } else {
        wp_outputs_abort();
    }
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("wijkplan %s\n", WP_VERSION_STRING);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(cmd, commands[i].name) == 0) return run(&commands[i], argc - 2, argv + 2);
    fprintf(stderr, "wijkplan: unknown command \"%s\"\n\n", cmd);
    usage(stderr);
    return 2;
}
