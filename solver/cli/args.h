/* Command-line options: a table per subcommand, "--name value" or "--name=value", positional
 * arguments, generated --help. */
#ifndef WP_CLI_ARGS_H
#define WP_CLI_ARGS_H

#include <stdbool.h>
#include <wijkplan/solve.h>

typedef enum wp_opt_kind {
    WP_OPT_FLAG,   /* bool */
    WP_OPT_STRING, /* const char * */
    WP_OPT_LONG,   /* long long */
    WP_OPT_DOUBLE, /* double */
    WP_OPT_LIST,   /* repeatable string: wp_str_list */
} wp_opt_kind;

typedef struct wp_str_list {
    const char *items[64];
    int n;
} wp_str_list;

typedef struct wp_opt {
    const char *name; /* without the leading "--" */
    wp_opt_kind kind;
    void *target;
    const char *metavar; /* e.g. "FILE" */
    const char *help;
    bool required; /* parsing fails when the option is not given */
} wp_opt;

/* The search options `solve` and `compare` share, with their defaults. */
typedef struct wp_cli_search {
    long long seed, threads, iterations;
    double time_limit;
    bool time_based, quiet;
} wp_cli_search;

#define WP_CLI_SEARCH_DEFAULTS                                                                     \
    {                                                                                              \
        1, 0, 0, WP_DEFAULT_TIME_LIMIT_S, false, false                                             \
    }
#define WP_CLI_SEARCH_OPTS(s)                                                                      \
    {"seed", WP_OPT_LONG, &(s).seed, "N", "random seed (default 1)", false},                       \
        {"threads", WP_OPT_LONG, &(s).threads, "N", "search threads (default: all cores)", false}, \
        {"time-limit", WP_OPT_DOUBLE, &(s).time_limit, "SECONDS", "wall-clock limit (default 30)", \
         false},                                                                                   \
        {"iterations",                                                                             \
         WP_OPT_LONG,                                                                              \
         &(s).iterations,                                                                          \
         "N",                                                                                      \
         "search iterations over all threads (default: a budget that ends before the limit)",      \
         false},                                                                                   \
        {"time-based",                                                                             \
         WP_OPT_FLAG,                                                                              \
         &(s).time_based,                                                                          \
         NULL,                                                                                     \
         "search until the time limit (best for benchmarks; not reproducible)",                    \
         false},                                                                                   \
    {                                                                                              \
        "quiet", WP_OPT_FLAG, &(s).quiet, NULL, "no progress lines", false                         \
    }

struct wp_solve_options;
/* Checks ranges (printing the problem) and sets o to the defaults with these options. Returns
 * 0 or 2. */
int wp_cli_search_apply(const wp_cli_search *s, const char *command, struct wp_solve_options *o);

typedef struct wp_command_spec {
    const char *name;    /* e.g. "solve" */
    const char *usage;   /* e.g. "SCENARIO -o ROSTER.json [options]" */
    const char *summary; /* one paragraph */
    int min_positional, max_positional;
    const wp_opt *opts; /* terminated by a zeroed entry */
} wp_command_spec;

enum { WP_ARGS_OK = 0, WP_ARGS_HELP = -1 };

/* Parses argv[0..argc) (after the subcommand). Returns WP_ARGS_OK, WP_ARGS_HELP (help was
 * printed: the command should exit 0) or 2 (an error was printed). */
int wp_args_parse(const wp_command_spec *spec, int argc, char **argv, const char **positional,
                  int *n_positional);

void wp_args_print_help(const wp_command_spec *spec);

/* Every command's opening: parses the arguments; false when the command is done already
 * (help printed: *exit_status 0; an error printed: 2), true to go on. */
bool wp_cli_prologue(const wp_command_spec *spec, int argc, char **argv, const char **positional,
                     int *n_positional, int *exit_status);

#endif
