/* KPI arithmetic on a hand-computed roster, and the validator catching each rule broken.
 *
 * The scenario (planar, speed 1 unit per minute): helper H1 of provider A at (0,0), helper H2
 * of B at (100,0). Clients: C1 at (3,4) chose A with pair H1; C2 at (6,8) chose B with pair H2,
 * HO+; C3 at (0,50) priority 4, never served; C4 at (0,10) two visits two days apart with
 * arrival consistency 30. All in one district D awarded to A and B.
 *
 * The roster: H1 on mon visits C1 (leg 5), C2 (leg 5), C4 (leg sqrt 40) and goes home (leg 10);
 * H1 on wed visits C4 (leg 10, waits until 560) and goes home (leg 10). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kpi/kpi.h"
#include "support/support.h"
#include "util/alloc.h"

static const char *const scenario_text =
    "{\"format\": \"wijkplan-scenario/1\", \"name\": \"kpi\", \"crs\": \"planar\","
    " \"districts\": [{\"id\": \"D\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
    "   [[[-10,-10],[200,-10],[200,200],[-10,200],[-10,-10]]]}}],"
    " \"providers\": [{\"id\": \"A\", \"tariff\": {\"HO\": 30, \"HO+\": 36}}, {\"id\": \"B\", "
    "\"tariff\": {\"HO\": 32}}],"
    " \"helpers\": ["
    "  {\"id\": \"H1\", \"provider\": \"A\", \"home\": [0, 0], \"hours_per_week\": 10, "
    "\"max_hours_per_day\": 3,"
    "   \"max_visits_per_day\": 3, \"qualification\": \"HO+\", \"capacity\": 20},"
    "  {\"id\": \"H2\", \"provider\": \"B\", \"home\": [100, 0], \"hours_per_week\": 10}],"
    " \"clients\": ["
    "  {\"id\": \"C1\", \"location\": [3, 4], \"provider\": \"A\", \"helper\": \"H1\", "
    "\"priority\": 2,"
    "   \"visits\": [{\"duration_min\": 60, \"window\": [480, 600], \"load\": 5}]},"
    "  {\"id\": \"C2\", \"location\": [6, 8], \"provider\": \"B\", \"helper\": \"H2\", "
    "\"product\": \"HO+\","
    "   \"priority\": 5, \"visits\": [{\"duration_min\": 30, \"load\": 5}]},"
    "  {\"id\": \"C3\", \"location\": [0, 50], \"priority\": 4, \"visits\": [{\"duration_min\": "
    "45}]},"
    "  {\"id\": \"C4\", \"location\": [0, 10], \"min_days_between_visits\": 2, "
    "\"arrival_consistency_min\": 30,"
    "   \"visits\": [{\"duration_min\": 30, \"window\": [480, 700]}, {\"duration_min\": 30, "
    "\"window\": [480, 700]}]}],"
    " \"contracting\": {\"model\": \"per_district\", \"providers_per_district\": 2, \"awards\": "
    "{\"D\": [\"A\", \"B\"]}}}";

static wp_roster_visit visit(const char *client, int k, double arrival, double start, double dur,
                             double leg)
{
    wp_roster_visit v = {wp_strdup(client), k, arrival, start, start + dur, leg, leg, false};
    return v;
}

static wp_roster_assignment assign(const char *c, const char *p, const char *h, const char *pp,
                                   const char *ph, bool kept)
{
    wp_roster_assignment a = {wp_strdup(c),
                              wp_strdup(p),
                              wp_strdup(h),
                              pp ? wp_strdup(pp) : NULL,
                              ph ? wp_strdup(ph) : NULL,
                              kept};
    return a;
}

static wp_roster *hand_roster(void)
{
    wp_roster *r = wp_calloc(1, sizeof *r);
    r->scenario = wp_strdup("kpi");
    r->pairs_bound = -1;
    double s40 = sqrt(40);
    r->n_routes = 2;
    r->routes = wp_calloc(2, sizeof *r->routes);
    wp_roster_route *mon = &r->routes[0];
    mon->helper = wp_strdup("H1");
    mon->day = 0;
    mon->start = 480;
    mon->n_visits = 3;
    mon->visits = wp_calloc(3, sizeof *mon->visits);
    mon->visits[0] = visit("C1", 0, 485, 485, 60, 5);
    mon->visits[1] = visit("C2", 0, 550, 550, 30, 5);
    mon->visits[2] = visit("C4", 0, 580 + s40, 580 + s40, 30, s40);
    mon->end = 610 + s40 + 10;
    mon->travel_km = mon->travel_min = 20 + s40;
    mon->load = 10;
    wp_roster_route *wed = &r->routes[1];
    wed->helper = wp_strdup("H1");
    wed->day = 2;
    wed->start = 480;
    wed->n_visits = 1;
    wed->visits = wp_calloc(1, sizeof *wed->visits);
    wed->visits[0] = visit("C4", 1, 490, 600, 30, 10); /* waits: within 30 of 580 + sqrt 40 */
    wed->end = 640;
    wed->travel_km = wed->travel_min = 20;
    r->n_assignments = 3;
    r->assignments = wp_calloc(3, sizeof *r->assignments);
    r->assignments[0] = assign("C1", "A", "H1", "A", "H1", true);
    r->assignments[1] = assign("C2", "A", "H1", "B", "H2", false);
    r->assignments[2] = assign("C4", "A", "H1", NULL, NULL, false);
    r->n_unassigned = 1;
    r->unassigned = wp_calloc(1, sizeof *r->unassigned);
    r->unassigned[0] = (wp_roster_unassigned){wp_strdup("C3"), 0, 45, wp_strdup("test")};
    r->has_awards = true;
    r->n_awards = 1;
    r->awards = wp_calloc(1, sizeof *r->awards);
    r->awards[0].district = wp_strdup("D");
    r->awards[0].n_providers = 2;
    r->awards[0].providers = wp_calloc(2, sizeof(char *));
    r->awards[0].providers[0] = wp_strdup("A");
    r->awards[0].providers[1] = wp_strdup("B");
    return r;
}

static void hand_computed_kpis(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario(scenario_text);
    wp_roster *r = hand_roster();
    wp_kpi k;
    wp_kpi_compute(&s->model, r, -1, &k);
    double s40 = sqrt(40), travel = 40 + s40, care = 60 + 30 + 30 + 30;
    assert_int_equal(k.clients, 4);
    assert_int_equal(k.clients_fully_served, 3);
    assert_int_equal(k.visits, 5);
    assert_int_equal(k.visits_served, 4);
    assert_true(fabs(k.care_hours - care / 60) < 1e-12);
    assert_true(fabs(k.unserved_hours - 45.0 / 60) < 1e-12);
    assert_true(fabs(k.travel_km - travel) < 1e-12);
    assert_true(fabs(k.travel_hours - travel / 60) < 1e-12);
    assert_true(fabs(k.travel_share - travel / (travel + care)) < 1e-12);
    assert_int_equal(k.pairs_total, 2);
    assert_int_equal(k.pairs_kept, 1);
    assert_int_equal(k.clients_changed_helper, 1);
    assert_int_equal(k.clients_changed_provider, 1); /* C2 chose B, served by A's helper */
    assert_int_equal(k.helpers_changed_employer, 0);
    assert_int_equal(k.helpers_used, 1);
    assert_int_equal(k.helper_days, 2);
    assert_int_equal(k.waiting_list_clients, 1);
    assert_true(fabs(k.utilization - (care + travel) / 600) < 1e-12);
    /* C1 1 h HO at A (30), C2 0.5 h HO+ at A (36), C4 1 h HO at A (30) */
    assert_true(fabs(k.cost_eur - (30 + 18 + 30)) < 1e-9);
    /* waiting: wed arrives 490, starts 600 */
    assert_true(fabs(k.wait_hours - 110.0 / 60) < 1e-9);
    /* 1000 x 45 x 4 unserved + 600 x 1 broken pair + travel */
    assert_true(fabs(k.objective - (180000 + 600 + travel)) < 1e-9);
    /* district D holds everything */
    wp_kpi kd;
    wp_kpi_compute(&s->model, r, 0, &kd);
    assert_true(fabs(kd.travel_km - travel) < 1e-12 && kd.clients == 4);
    assert_true(fabs(wp_kpi_hhi(&s->model, r, -1) - 10000) < 1e-9); /* one provider serves all */
    r->kpi = k;
    ts_assert_valid(s, r);
    wp_roster_free(r);
    wp_scenario_free(s);
}

/* Breaks one rule at a time and checks that the validator names it. */
typedef void (*mutation)(wp_roster *r);

static void check_mutation(const char *scenario, mutation mutate, const char *needle)
{
    wp_scenario *s = ts_scenario(scenario);
    wp_roster *r = hand_roster();
    wp_kpi_compute(&s->model, r, -1, &r->kpi);
    if (mutate) mutate(r);
    assert_true(ts_violations(s, r, needle) > 0);
    wp_roster_free(r);
    wp_scenario_free(s);
}

/* The scenario with one substring replaced (for scenario-side mutations). */
static char *variant(const char *from, const char *to)
{
    const char *at = strstr(scenario_text, from);
    assert_non_null(at);
    return wp_strdupf("%.*s%s%s", (int)(at - scenario_text), scenario_text, to, at + strlen(from));
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
    free(r->routes[1].helper);
    r->routes[1].helper = wp_strdup("H2");
    r->routes[1].day = 0;
}
static void duplicate_route(wp_roster *r)
{
    r->routes[1].day = 0;
}
static void other_helper(wp_roster *r)
{
    free(r->routes[1].helper);
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
    free(r->unassigned[0].client);
    free(r->unassigned[0].reason);
}
static void also_unassigned(wp_roster *r)
{
    free(r->unassigned[0].client);
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
    free(r->awards[0].providers[0]);
    r->awards[0].providers[0] = wp_strdup("B");
    r->awards[0].n_providers = 1;
    free(r->awards[0].providers[1]);
}
static void unknown_client(wp_roster *r)
{
    free(r->routes[0].visits[0].client);
    r->routes[0].visits[0].client = wp_strdup("C99");
}
static void no_awards(wp_roster *r)
{
    r->has_awards = false;
}

static void validator_catches_each_rule(void **state)
{
    (void)state;
    check_mutation(scenario_text, early_start, "before the helper can arrive");
    check_mutation(scenario_text, late_start, "outside its window");
    check_mutation(scenario_text, before_availability, "outside every availability window");
    check_mutation(scenario_text, long_day, "exceed helper H1's 180.0 minutes per day");
    check_mutation(scenario_text, wrong_travel, "routes[0]: travel");
    check_mutation(scenario_text, wrong_leg, "routes[0].visits[1] (C2): travel");
    check_mutation(scenario_text, wrong_arrival, "arrival 551.000000, recomputed 550.000000");
    check_mutation(scenario_text, wrong_end, "expected start + 30");
    check_mutation(scenario_text, home_too_early, "before the way home ends");
    check_mutation(scenario_text, tuesday, "are 1 days apart, at least 2 required");
    char *no_gap = variant("\"min_days_between_visits\": 2", "\"min_days_between_visits\": 0");
    check_mutation(no_gap, same_day, "client C4 visits 0 and 1 are both on mon");
    free(no_gap);
    check_mutation(scenario_text, duplicate_route, "has two routes on mon");
    check_mutation(scenario_text, other_helper, "served by more than one helper");
    check_mutation(scenario_text, consistency, "start 66.3 minutes apart");
    check_mutation(scenario_text, drop_unassigned,
                   "client C3 visit 0 is neither planned nor unassigned");
    check_mutation(scenario_text, also_unassigned, "client C1 visit 0 is listed 2 times");
    check_mutation(scenario_text, wrong_pair_flag, "pair_kept is false but should be true");
    check_mutation(scenario_text, wrong_objective, "kpi.objective");
    check_mutation(scenario_text, wrong_care, "kpi.care_hours");
    check_mutation(scenario_text, transfer, "staff transfer is off");
    check_mutation(scenario_text, award_only_b, "awards.D: differs from the scenario's awards");
    check_mutation(scenario_text, award_only_b, "provider A is not awarded district D");
    check_mutation(scenario_text, unknown_client, "unknown client \"C99\"");
    check_mutation(scenario_text, no_awards, "needs the roster's awards");
    char *v;
    v = variant("\"hours_per_week\": 10, \"max_hours_per_day\": 3",
                "\"hours_per_week\": 4, \"max_hours_per_day\": 3");
    check_mutation(v, NULL, "this week, contract 240.0");
    free(v);
    v = variant("\"max_visits_per_day\": 3", "\"max_visits_per_day\": 2");
    check_mutation(v, NULL, "3 visits exceed helper H1's 2 per day");
    free(v);
    v = variant("\"capacity\": 20", "\"capacity\": 8");
    check_mutation(v, NULL, "load 10 exceeds helper H1's capacity 8");
    free(v);
    v = variant("\"capacity\": 20", "\"capacity\": 20, \"absent\": [\"wed\"]");
    check_mutation(v, NULL, "helper H1 is absent on wed");
    free(v);
    v = variant("\"qualification\": \"HO+\", ", "");
    check_mutation(v, NULL, "lacks the client's skills or qualification");
    free(v);
    v = variant("\"priority\": 2,", "\"priority\": 2, \"skills\": [\"dementia\"],");
    check_mutation(v, NULL, "lacks the client's skills or qualification");
    free(v);
    v = variant(
        "\"visits\": [{\"duration_min\": 30, \"window\": [480, 700]}, {",
        "\"visits\": [{\"duration_min\": 30, \"window\": [480, 700], \"days\": [\"tue\"]}, {");
    check_mutation(v, NULL, "mon is not an allowed day");
    free(v);
    /* contracting checked as another variant: open house forbids C2 at A */
    wp_scenario *s = ts_scenario(scenario_text);
    wp_roster *r = hand_roster();
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
        cmocka_unit_test(hand_computed_kpis),
        cmocka_unit_test(validator_catches_each_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
