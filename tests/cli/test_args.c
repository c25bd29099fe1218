/* The command-line parser every command opens with (solver/cli/args.c): values in both
 * spellings, -o for --output, required options, bad numbers, help, and the search options'
 * ranges and defaults. */
#include <math.h>
#include <string.h>
#include <wijkplan/solve.h>

#include "cli/args.h"
#include "support/support.h"

typedef struct parsed {
    const char *output;
    long long count;
    double share;
    bool verbose;
    wp_str_list tags;
} parsed;

static int parse(parsed *p, int argc, char **argv, const char **pos, int *n, int *status)
{
    memset(p, 0, sizeof *p);
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &p->output, "FILE", "where", true},
        {"count", WP_OPT_LONG, &p->count, "N", "how many", false},
        {"share", WP_OPT_DOUBLE, &p->share, "S", "how much", false},
        {"verbose", WP_OPT_FLAG, &p->verbose, NULL, "talk", false},
        {"tag", WP_OPT_LIST, &p->tags, "T", "repeatable", false},
        {0},
    };
    const wp_command_spec spec = {"test", "IN [options]", "A test command.", 1, 2, opts};
    return wp_cli_prologue(&spec, argc, argv, pos, n, status);
}

static void values_in_both_spellings(void **state)
{
    (void)state;
    char *argv[] = {"in.json",   "-o",    "out.json", "--count=7", "--share", "0.25",
                    "--verbose", "--tag", "a",        "--tag=b",   "--",      "-second"};
    parsed p;
    const char *pos[2];
    int n, status = -5;
    assert_true(parse(&p, 12, argv, pos, &n, &status));
    assert_int_equal(status, 0);
    assert_string_equal(p.output, "out.json");
    assert_int_equal(p.count, 7);
    assert_true(fabs(p.share - 0.25) < 1e-12);
    assert_true(p.verbose);
    assert_int_equal(p.tags.n, 2);
    assert_string_equal(p.tags.items[1], "b");
    assert_int_equal(n, 2);
    assert_string_equal(pos[1], "-second"); /* after "--" everything is positional */
}

static void errors_stop_with_status_2(void **state)
{
    (void)state;
    parsed p;
    const char *pos[2];
    int n, status;
    char *missing_output[] = {"in.json"};
    assert_false(parse(&p, 1, missing_output, pos, &n, &status));
    assert_int_equal(status, 2);
    char *bad_number[] = {"in.json", "-o", "x", "--count", "7x"};
    assert_false(parse(&p, 5, bad_number, pos, &n, &status));
    assert_int_equal(status, 2);
    char *infinite[] = {"in.json", "-o", "x", "--share", "inf"};
    assert_false(parse(&p, 5, infinite, pos, &n, &status));
    assert_int_equal(status, 2);
    char *unknown[] = {"in.json", "-o", "x", "--colour", "red"};
    assert_false(parse(&p, 5, unknown, pos, &n, &status));
    assert_int_equal(status, 2);
    char *flag_value[] = {"in.json", "-o", "x", "--verbose=yes"};
    assert_false(parse(&p, 4, flag_value, pos, &n, &status));
    assert_int_equal(status, 2);
    char *no_value[] = {"in.json", "-o"};
    assert_false(parse(&p, 2, no_value, pos, &n, &status));
    assert_int_equal(status, 2);
    char *too_many[] = {"a", "b", "c", "-o", "x"};
    assert_false(parse(&p, 5, too_many, pos, &n, &status));
    assert_int_equal(status, 2);
    char *none[] = {"-o", "x"};
    assert_false(parse(&p, 2, none, pos, &n, &status));
    assert_int_equal(status, 2);
}

static void help_ends_the_command_with_0(void **state)
{
    (void)state;
    parsed p;
    const char *pos[2];
    int n, status = -5;
    char *argv[] = {"--help"};
    assert_false(parse(&p, 1, argv, pos, &n, &status));
    assert_int_equal(status, 0);
}

static void search_options_ranges_and_defaults(void **state)
{
    (void)state;
    wp_cli_search s = WP_CLI_SEARCH_DEFAULTS;
    wp_solve_options o;
    assert_int_equal(wp_cli_search_apply(&s, "test", &o), 0);
    assert_true(o.time_limit_s == WP_DEFAULT_TIME_LIMIT_S);
    assert_int_equal((int)o.seed, 1);
    assert_int_equal(o.threads, 0);
    s.time_limit = WP_MAX_TIME_LIMIT_S + 1;
    assert_int_equal(wp_cli_search_apply(&s, "test", &o), 2);
    s.time_limit = 5;
    s.threads = WP_MAX_THREADS + 1;
    assert_int_equal(wp_cli_search_apply(&s, "test", &o), 2);
    s.threads = 2;
    s.seed = -1;
    assert_int_equal(wp_cli_search_apply(&s, "test", &o), 2);
    s.seed = 9;
    s.iterations = 123;
    assert_int_equal(wp_cli_search_apply(&s, "test", &o), 0);
    assert_int_equal((int)o.seed, 9);
    assert_int_equal(o.iterations, 123);
    assert_true(o.time_limit_s == 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(values_in_both_spellings),
        cmocka_unit_test(errors_stop_with_status_2),
        cmocka_unit_test(help_ends_the_command_with_0),
        cmocka_unit_test(search_options_ranges_and_defaults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
