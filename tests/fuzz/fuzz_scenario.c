/* A scenario (JSON). What loads is also planned (construction only, small scenarios) and the
 * roster checked by the validator: a roster of wijkplan's own that breaks a rule is a bug. */
#include <stdlib.h>
#include <wijkplan/wijkplan.h>

#include "fuzz.h"

static void plan_and_check(const wp_scenario *s)
{
    wp_solve_options o;
    wp_solve_options_default(&o);
    o.threads = 1;
    o.construction_only = true;
    o.time_limit_s = 5;
    wp_roster *r = NULL;
    wp_error err;
    wp_error_init(&err);
    if (wp_solve(s, &o, &r, &err) == WP_OK) {
        wp_validate_options vo;
        wp_validate_options_default(&vo);
        wp_validation v = {0};
        if (wp_validate(s, r, &vo, &v, &err) == WP_OK && v.n_violations) abort();
        wp_validation_free(&v);
    }
    wp_roster_free(r);
    wp_error_clear(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fz_text(data, size);
    wp_scenario *s = NULL;
    wp_error err;
    wp_error_init(&err);
    if (wp_scenario_load_string(text, "fuzz.json", ".", &s, &err) == WP_OK &&
        wp_scenario_clients(s) <= 30 && wp_scenario_helpers(s) <= 10)
        plan_and_check(s);
    wp_scenario_free(s);
    wp_error_clear(&err);
    free(text);
    return 0;
}
