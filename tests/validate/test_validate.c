/* The validator catching each rule broken: one mutation of the hand-computed roster
 * (tests/support/hand_roster.c) per rule, each reported with its own message. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kpi/kpi.h"
#include "support/hand_roster.h"
#include "support/support.h"
#include "util/alloc.h"

typedef void (*mutation)(wp_roster *r);

static void check_mutation(const char *scenario, mutation mutate, const char *needle)
{
    wp_scenario *s = ts_scenario(scenario);
    wp_roster *r = th_hand_roster();
    wp_kpi_compute(&s->model, r, -1, &r->kpi);
    if (mutate) mutate(r);
    assert_true(ts_violations(s, r, needle) > 0);
    wp_roster_free(r);
    wp_scenario_free(s);
}

/* The scenario with one substring replaced (for scenario-side mutations). */
static char *variant(const char *from, const char *to)
{
    const char *at = strstr(th_scenario_text, from);
    assert_non_null(at);
    return wp_strdupf("%.*s%s%s", (int)(at - th_scenario_text), th_scenario_text, to,
                      at + strlen(from));
}

static void early_start(wp_roster *r)
{
    r->routes[0].visits[0].start -= 1;
    r->routes[0].visits[0].end -= 1;
}
static void late_start(wp_roster *r)
{
    r->routes[0].visits[0].start = 601; /* C1's window closes at 600 */
    r->routes[0].visits[0].end = 661;
}
static void before_availability(wp_roster *r)
{
    r->routes[1].start = 470;
    r->routes[1].visits[0].arrival = 480;
}
static void long_day(wp_roster *r)
{
    r->routes[1].visits[0].start = 700;
    r->routes[1].visits[0].end = 730;
    r->routes[1].end = 740;
}
static void wrong_travel(wp_roster *r)
{
    r->routes[0].travel_km += 1;
}
static void wrong_leg(wp_roster *r)
{
    r->routes[0].visits[1].travel_min = 4;
}
static void wrong_arrival(wp_roster *r)
{
    r->routes[0].visits[1].arrival = 551;
}
static void wrong_end(wp_roster *r)
{
    r->routes[0].visits[1].end += 5;
}
static void home_too_early(wp_roster *r)
{
    r->routes[1].end = 630;
}
static void tuesday(wp_roster *r)
{
    r->routes[1].day = 1;
}
/* C4's second visit moved to monday (by H2, whose route is the only one that day): even with
 * min_days_between_visits 0 a client's visits are on different days (README). */
static void same_day(wp_roster *r)
{
    wp_free(r->routes[1].helper);
    r->routes[1].helper = wp_strdup("H2");
    r->routes[1].day = 0;
}
static void duplicate_route(wp_roster *r)
{
    r->routes[1].day = 0;
}
static void other_helper(wp_roster *r)
{
    wp_free(r->routes[1].helper);
    r->routes[1].helper = wp_strdup("H2");
}
static void consistency(wp_roster *r)
{
    r->routes[1].visits[0].start = 520;
    r->routes[1].visits[0].end = 550;
    r->routes[1].end = 560;
}
static void drop_unassigned(wp_roster *r)
{
    r->n_unassigned = 0;
    wp_free(r->unassigned[0].client);
    wp_free(r->unassigned[0].reason);
}
static void also_unassigned(wp_roster *r)
{
    wp_free(r->unassigned[0].client);
    r->unassigned[0].client = wp_strdup("C1");
    r->unassigned[0].minutes = 60;
}
static void wrong_pair_flag(wp_roster *r)
{
    r->assignments[0].pair_kept = false;
}
static void wrong_objective(wp_roster *r)
{
    r->kpi.objective += 1;
}
static void wrong_care(wp_roster *r)
{
    r->kpi.care_hours = 10;
}
static void transfer(wp_roster *r)
{
    r->n_transfers = 1;
    r->transfers = wp_calloc(1, sizeof *r->transfers);
    r->transfers[0] = (wp_roster_transfer){wp_strdup("H1"), wp_strdup("A"), wp_strdup("B")};
}
static void award_only_b(wp_roster *r)
{
    wp_free(r->awards[0].providers[0]);
    r->awards[0].providers[0] = wp_strdup("B");
    r->awards[0].n_providers = 1;
    wp_free(r->awards[0].providers[1]);
}
static void unknown_client(wp_roster *r)
{
    wp_free(r->routes[0].visits[0].client);
    r->routes[0].visits[0].client = wp_strdup("C99");
}
static void no_awards(wp_roster *r)
{
    r->has_awards = false;
}

static void validator_catches_each_rule(void **state)
{
    (void)state;
    check_mutation(th_scenario_text, early_start, "before the helper can arrive");
    check_mutation(th_scenario_text, late_start, "outside its window");
    check_mutation(th_scenario_text, before_availability, "outside every availability window");
    check_mutation(th_scenario_text, long_day, "exceed helper H1's 180.0 minutes per day");
    check_mutation(th_scenario_text, wrong_travel, "routes[0]: travel");
    check_mutation(th_scenario_text, wrong_leg, "routes[0].visits[1] (C2): travel");
    check_mutation(th_scenario_text, wrong_arrival, "arrival 551.000000, recomputed 550.000000");
    check_mutation(th_scenario_text, wrong_end, "expected start + 30");
    check_mutation(th_scenario_text, home_too_early, "before the way home ends");
    check_mutation(th_scenario_text, tuesday, "are 1 days apart, at least 2 required");
    char *no_gap = variant("\"min_days_between_visits\": 2", "\"min_days_between_visits\": 0");
    check_mutation(no_gap, same_day, "client C4 visits 0 and 1 are both on mon");
    wp_free(no_gap);
    check_mutation(th_scenario_text, duplicate_route, "has two routes on mon");
    check_mutation(th_scenario_text, other_helper, "served by more than one helper");
    check_mutation(th_scenario_text, consistency, "start 66.3 minutes apart");
    check_mutation(th_scenario_text, drop_unassigned,
                   "client C3 visit 0 is neither planned nor unassigned");
    check_mutation(th_scenario_text, also_unassigned, "client C1 visit 0 is listed 2 times");
    check_mutation(th_scenario_text, wrong_pair_flag, "pair_kept is false but should be true");
    check_mutation(th_scenario_text, wrong_objective, "kpi.objective");
    check_mutation(th_scenario_text, wrong_care, "kpi.care_hours");
    check_mutation(th_scenario_text, transfer, "staff transfer is off");
    check_mutation(th_scenario_text, award_only_b, "awards.D: differs from the scenario's awards");
    check_mutation(th_scenario_text, award_only_b, "provider A is not awarded district D");
    check_mutation(th_scenario_text, unknown_client, "unknown client \"C99\"");
    check_mutation(th_scenario_text, no_awards, "needs the roster's awards");
    char *v;
    v = variant("\"hours_per_week\": 10, \"max_hours_per_day\": 3",
                "\"hours_per_week\": 4, \"max_hours_per_day\": 3");
    check_mutation(v, NULL, "this week, contract 240.0");
    wp_free(v);
    v = variant("\"max_visits_per_day\": 3", "\"max_visits_per_day\": 2");
    check_mutation(v, NULL, "3 visits exceed helper H1's 2 per day");
    wp_free(v);
    v = variant("\"capacity\": 20", "\"capacity\": 8");
    check_mutation(v, NULL, "load 10 exceeds helper H1's capacity 8");
    wp_free(v);
    v = variant("\"capacity\": 20", "\"capacity\": 20, \"absent\": [\"wed\"]");
    check_mutation(v, NULL, "helper H1 is absent on wed");
    wp_free(v);
    v = variant("\"qualification\": \"HO+\", ", "");
    check_mutation(v, NULL, "lacks the client's skills or qualification");
    wp_free(v);
    v = variant("\"priority\": 2,", "\"priority\": 2, \"skills\": [\"dementia\"],");
    check_mutation(v, NULL, "lacks the client's skills or qualification");
    wp_free(v);
    v = variant(
        "\"visits\": [{\"duration_min\": 30, \"window\": [480, 700]}, {",
        "\"visits\": [{\"duration_min\": 30, \"window\": [480, 700], \"days\": [\"tue\"]}, {");
    check_mutation(v, NULL, "mon is not an allowed day");
    wp_free(v);
    /* contracting checked as another variant: open house forbids C2 at A */
    wp_scenario *s = ts_scenario(th_scenario_text);
    wp_roster *r = th_hand_roster();
    wp_kpi_compute(&s->model, r, -1, &r->kpi);
    wp_validate_options o;
    wp_validate_options_default(&o);
    o.variant = "open_house";
    wp_validation val;
    assert_int_equal(wp_validate(s, r, &o, &val, NULL), WP_OK);
    bool found = false;
    for (size_t i = 0; i < val.n_violations; i++)
        found |= strstr(val.violations[i], "helper of A serves a client of B (open house)") != NULL;
    assert_true(found);
    wp_validation_free(&val);
    wp_roster_free(r);
    wp_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(validator_catches_each_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
