/* The command line: the bytes split at NUL into arguments, parsed by the option parser every
 * command uses, with the search options and one of each kind of option. */
#include <stdlib.h>
#include <string.h>

#include <wijkplan/solve.h>

#include "cli/args.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fz_text(data, size);
    char *argv[64];
    int argc = 0;
    for (size_t i = 0; i <= size && argc < 64;) {
        argv[argc++] = text + i;
        i += strlen(text + i) + 1;
    }
    const char *output = NULL;
    bool flag = false;
    wp_cli_search search = WP_CLI_SEARCH_DEFAULTS;
    const wp_opt opts[] = {
        {"output", WP_OPT_STRING, &output, "FILE", "output", true},
        {"flag", WP_OPT_FLAG, &flag, NULL, "a flag", false},
        WP_CLI_SEARCH_OPTS(search),
        {0},
    };
    const wp_command_spec spec = {"fuzz", "ARGS", "fuzz", 0, 3, opts};
    const char *pos[3];
    int npos;
    if (wp_args_parse(&spec, argc, argv, pos, &npos) == WP_ARGS_OK) {
        wp_solve_options o;
        wp_solve_options_default(&o);
        wp_cli_search_apply(&search, "fuzz", &o);
    }
    free(text);
    return 0;
}
