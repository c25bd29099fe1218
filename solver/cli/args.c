/* A small, strict option parser shared by the subcommands. */
#include "cli/args.h"

#include <wijkplan/solve.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void wp_args_print_help(const wp_command_spec *spec)
{
    printf("usage: wijkplan %s %s\n\n%s\n", spec->name, spec->usage, spec->summary);
    if (!spec->opts[0].name) return;
    printf("\noptions:\n");
    for (const wp_opt *o = spec->opts; o->name; o++) {
        char left[64];
        if (o->kind == WP_OPT_FLAG)
            snprintf(left, sizeof left, "--%s", o->name);
        else
            snprintf(left, sizeof left, "--%s %s", o->name, o->metavar ? o->metavar : "VALUE");
        printf("  %-28s %s%s\n", left, o->help, o->required ? " (required)" : "");
    }
    printf("  %-28s %s\n", "--help", "show this help");
}

static int fail(const wp_command_spec *spec, const char *fmt, const char *a)
{
    fprintf(stderr, "wijkplan %s: ", spec->name);
    fprintf(stderr, fmt, a);
    fprintf(stderr, " (see wijkplan %s --help)\n", spec->name);
    return 2;
}

static int set_value(const wp_command_spec *spec, const wp_opt *o, const char *value)
{
    char *end;
    switch (o->kind) {
    case WP_OPT_STRING:
        *(const char **)o->target = value;
        return 0;
    case WP_OPT_LIST: {
        wp_str_list *l = o->target;
        if (l->n >= 64) return fail(spec, "too many --%s options", o->name);
        l->items[l->n++] = value;
        return 0;
    }
    case WP_OPT_LONG: {
        errno = 0;
        long long v = strtoll(value, &end, 10);
        if (errno || end == value || *end) return fail(spec, "not a whole number: \"%s\"", value);
        *(long long *)o->target = v;
        return 0;
    }
    case WP_OPT_DOUBLE: {
        errno = 0;
        double v = strtod(value, &end);
        if (errno || end == value || *end || !isfinite(v))
            return fail(spec, "not a number: \"%s\"", value);
        *(double *)o->target = v;
        return 0;
    }
    case WP_OPT_FLAG:
        break;
    }
    return fail(spec, "option --%s takes no value", o->name);
}

int wp_args_parse(const wp_command_spec *spec, int argc, char **argv, const char **positional,
                  int *n_positional)
{
    *n_positional = 0;
    bool only_positional = false;
    bool given[64] = {false};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_positional || a[0] != '-' || strcmp(a, "-") == 0) {
            if (*n_positional >= spec->max_positional)
                return fail(spec, "unexpected argument \"%s\"", a);
            positional[(*n_positional)++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_positional = true;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            wp_args_print_help(spec);
            return WP_ARGS_HELP;
        }
        const char *name = a + (a[1] == '-' ? 2 : 1);
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const wp_opt *o = NULL;
        for (const wp_opt *k = spec->opts; k->name; k++) {
            bool alias = len == 1 && name[0] == 'o' && strcmp(k->name, "output") == 0;
            if (alias || (strlen(k->name) == len && strncmp(k->name, name, len) == 0)) o = k;
        }
        if (!o) return fail(spec, "unknown option \"%s\"", a);
        if (o - spec->opts < 64) given[o - spec->opts] = true;
        if (o->kind == WP_OPT_FLAG) {
            if (eq) return fail(spec, "option \"%s\" takes no value", a);
            *(bool *)o->target = true;
            continue;
        }
        const char *value = eq ? eq + 1 : NULL;
        if (!value) {
            if (i + 1 >= argc) return fail(spec, "option \"%s\" needs a value", a);
            value = argv[++i];
        }
        int rc = set_value(spec, o, value);
        if (rc) return rc;
    }
    if (*n_positional < spec->min_positional) return fail(spec, "%s", "missing arguments");
    for (const wp_opt *o = spec->opts; o->name && o - spec->opts < 64; o++)
        if (o->required && !given[o - spec->opts]) return fail(spec, "--%s is required", o->name);
    return WP_ARGS_OK;
}

int wp_cli_search_apply(const wp_cli_search *s, const char *command, wp_solve_options *o)
{
    const char *problem = NULL;
    if (!(s->time_limit > 0 && s->time_limit <= WP_MAX_TIME_LIMIT_S))
        problem = "--time-limit takes more than 0 and at most 604800 seconds (a week)";
    else if (s->threads < 0 || s->threads > WP_MAX_THREADS)
        problem = "--threads takes 0 (all cores) to 1024";
    else if (s->iterations < 0 || s->seed < 0)
        problem = "--iterations and --seed must not be negative";
    if (problem) {
        fprintf(stderr, "wijkplan %s: %s\n", command, problem);
        return 2;
    }
    wp_solve_options_default(o);
    o->seed = (unsigned long long)s->seed;
    o->threads = (int)s->threads;
    o->time_limit_s = s->time_limit;
    o->iterations = s->iterations;
    o->time_based = s->time_based;
    o->progress = s->quiet ? NULL : stderr;
    return 0;
}

bool wp_cli_prologue(const wp_command_spec *spec, int argc, char **argv, const char **positional,
                     int *n_positional, int *exit_status)
{
    int rc = wp_args_parse(spec, argc, argv, positional, n_positional);
    *exit_status = rc == WP_ARGS_HELP ? 0 : rc;
    return rc == WP_ARGS_OK;
}
