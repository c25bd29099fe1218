/* wijkplan: the command-line program. Argument parsing only; the work is in the library. */
#define _POSIX_C_SOURCE 200809L /* sigaction */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wijkplan/error.h>
#include <wijkplan/version.h>

#include "cli/commands.h"
#include "geo/project.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/interrupt.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    bool searches; /* a first SIGINT/SIGTERM stops the search and keeps its best roster */
} command;

static const command commands[] = {
    {"solve", wp_cmd_solve, "plan a weekly roster for a scenario", true},
    {"repair", wp_cmd_repair,
     "plan next week from this week's roster, changing as little as possible", true},
    {"recommend", wp_cmd_recommend, "at intake: who could take this client, and when", false},
    {"validate", wp_cmd_validate, "check a roster against its scenario, rule by rule", false},
    {"import", wp_cmd_import,
     "make a scenario from spreadsheets (csv) or benchmarks (solomon, convrp)", false},
    {"generate", wp_cmd_generate, "generate a municipality scenario from Dutch district data",
     false},
    {"compare", wp_cmd_compare, "solve contracting variants side by side", true},
    {"report", wp_cmd_report, "write a self-contained HTML report of a comparison", false},
    {"export", wp_cmd_export,
     "export agendas (iCal, printable weeks), GeoJSON, or a subset of districts", false},
    {"kpi", wp_cmd_kpi, "print a roster's KPIs, in total or for some districts", false},
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

/* Signals. A searching command's first SIGINT or SIGTERM asks the search to stop (its best
 * roster is written, exit 128 + the signal); any other, or a second one, removes the run's
 * temporary files and exits at once. Only async-signal-safe calls here. */
static volatile sig_atomic_t signals_seen;
static bool graceful;

static void on_signal(int signo)
{
    if (graceful && signals_seen++ == 0) {
        wp_interrupt_request(signo);
        static const char msg[] = "\nwijkplan: interrupted: stopping the search and writing the "
                                  "best roster so far (again to abort)\n";
        if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) { /* nothing to do */
        }
        return;
    }
    wp_outputs_remove_staged();
    _exit(128 + signo);
}

static void install_signal_handlers(bool searches)
{
    graceful = searches;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

/* Runs one command with its outputs all or nothing: what it wrote replaces the targets only
 * when it succeeds (or was interrupted after writing its best roster); otherwise every file it
 * wrote is removed and every existing file stays as it was. */
static int run(const command *c, int argc, char **argv)
{
    wp_outputs_begin();
    install_signal_handlers(c->searches);
    int rc = c->run(argc, argv);
    if (rc == 0 && wp_interrupted()) rc = 128 + wp_interrupt_signal();
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

/* exit() from deep inside (out of memory) must not leave the run's temporary files. */
static void remove_staged_at_exit(void)
{
    wp_outputs_abort(); /* a no-op once the run was committed or aborted */
}

#ifdef WP_FAULT_INJECTION
/* Test builds: WP_FAIL_ALLOC, WP_FAIL_WRITE, WP_FAIL_PROJ=N make the Nth allocation, output
 * write or PROJ call fail (tests/cli/fault_sweep.sh sweeps N). */
static void inject_faults(void)
{
    const char *a = getenv("WP_FAIL_ALLOC"), *w = getenv("WP_FAIL_WRITE"),
               *p = getenv("WP_FAIL_PROJ");
    if (a) wp_alloc_fail_after(atol(a));
    if (w) wp_file_fail_after(atol(w));
    if (p) wp_proj_fail_after(atol(p));
}
#endif

int main(int argc, char **argv)
{
    atexit(remove_staged_at_exit);
#ifdef WP_FAULT_INJECTION
    inject_faults();
#endif
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
