/* The first plan: always valid, keeps pairs when it can, serves the most vulnerable first, and
 * says honestly why a visit is not served. */
#include <stdlib.h>
#include <string.h>

#include "support/support.h"
#include "util/strbuf.h"
#include "util/alloc.h"

static void random_instances_are_valid(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 40; seed++) {
        char *json = ts_random_scenario(seed, 8 + (int)(seed % 35), 2 + (int)(seed % 6));
        wp_scenario *s = ts_scenario(json);
        wp_roster *r = ts_solve(s, seed, 1, 0);
        ts_assert_valid(s, r);
        wp_roster_free(r);
        wp_scenario_free(s);
        wp_free(json);
    }
}

static const char *const two_helpers = "{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\","
                                       " \"providers\": [{\"id\": \"P\"}],"
                                       " \"helpers\": [{\"id\": \"NEAR\", \"provider\": \"P\", "
                                       "\"home\": [0, 0], \"hours_per_week\": 20},"
                                       "              {\"id\": \"FAR\", \"provider\": \"P\", "
                                       "\"home\": [60, 0], \"hours_per_week\": 20}],"
                                       " \"clients\": [{\"id\": \"C\", \"location\": [2, 0], "
                                       "\"helper\": \"FAR\", \"hours_per_week\": 2}]}";

/* The pair survives even though the other helper lives next door. */
static void keeps_pairs(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario(two_helpers);
    wp_roster *r = ts_solve(s, 1, 1, 0);
    assert_int_equal(r->n_assignments, 1);
    assert_string_equal(r->assignments[0].helper, "FAR");
    assert_true(r->assignments[0].pair_kept);
    assert_int_equal(r->kpi.pairs_kept, 1);
    ts_assert_valid(s, r);
    wp_roster_free(r);
    wp_scenario_free(s);
}

/* One helper with room for one 2-hour visit a week: the priority-5 client gets it. */
static void most_vulnerable_first(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario("{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\", "
                                 "\"providers\": [{\"id\": \"P\"}],"
                                 " \"helpers\": [{\"id\": \"H\", \"provider\": \"P\", \"home\": "
                                 "[0, 0], \"hours_per_week\": 2.5}],"
                                 " \"clients\": [{\"id\": \"LOW\", \"location\": [1, 0], "
                                 "\"priority\": 1, \"hours_per_week\": 2},"
                                 "               {\"id\": \"HIGH\", \"location\": [9, 0], "
                                 "\"priority\": 5, \"hours_per_week\": 2}]}");
    wp_roster *r = ts_solve(s, 1, 1, 0);
    assert_int_equal(r->n_assignments, 1);
    assert_string_equal(r->assignments[0].client, "HIGH");
    assert_int_equal(r->n_unassigned, 1);
    assert_string_equal(r->unassigned[0].client, "LOW");
    assert_string_equal(
        r->unassigned[0].reason,
        "the only eligible helper nearby is fully booked: too few weekly hours left");
    ts_assert_valid(s, r);
    wp_roster_free(r);
    wp_scenario_free(s);
}

static const char *reason_for(const wp_roster *r, const char *client)
{
    for (size_t i = 0; i < r->n_unassigned; i++)
        if (strcmp(r->unassigned[i].client, client) == 0) return r->unassigned[i].reason;
    return "";
}

static void honest_reasons(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario(
        "{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\", \"providers\": [{\"id\": "
        "\"P\"}, {\"id\": \"Q\"}],"
        " \"helpers\": [{\"id\": \"H\", \"provider\": \"P\", \"home\": [0, 0], \"hours_per_week\": "
        "30,"
        "   \"availability\": {\"mon\": [[\"08:00\", \"12:00\"]], \"tue\": [[\"08:00\", "
        "\"12:00\"]]}}],"
        " \"clients\": ["
        "  {\"id\": \"SKILL\", \"location\": [1, 0], \"skills\": [\"psychiatry\"], "
        "\"hours_per_week\": 1},"
        "  {\"id\": \"PLUS\", \"location\": [1, 0], \"product\": \"HO+\", \"hours_per_week\": 1},"
        "  {\"id\": \"OTHER\", \"location\": [1, 0], \"provider\": \"Q\", \"hours_per_week\": 1},"
        "  {\"id\": \"FRIDAY\", \"location\": [1, 0], \"days\": [\"fri\"], \"hours_per_week\": 1},"
        "  {\"id\": \"EVENING\", \"location\": [1, 0], \"window\": [\"18:00\", \"20:00\"], "
        "\"hours_per_week\": 1},"
        "  {\"id\": \"SPACED\", \"location\": [1, 0], \"hours_per_week\": 2, \"visits_per_week\": "
        "2,"
        "   \"min_days_between_visits\": 2, \"priority\": 5}]}");
    wp_roster *r = ts_solve(s, 1, 1, 0);
    assert_string_equal(reason_for(r, "SKILL"), "no helper has skill 'psychiatry'");
    assert_string_equal(reason_for(r, "PLUS"), "no helper is qualified for HO+");
    assert_string_equal(
        reason_for(r, "OTHER"),
        "no helper of provider Q (the client's choice) has the client's skills and qualification");
    assert_string_equal(reason_for(r, "FRIDAY"), "no eligible helper works on fri");
    assert_non_null(strstr(reason_for(r, "EVENING"),
                           "no eligible helper can fit a 60-minute visit starting 18:00-20:00"));
    assert_non_null(
        strstr(reason_for(r, "SPACED"), "at least 2 days from the client's other visits"));
    ts_assert_valid(s, r);
    wp_roster_free(r);
    wp_scenario_free(s);
}

/* Helpers who could take a visit but whose plan is full say what is full. */
static void booked_reasons_name_the_limit(void **state)
{
    (void)state;
    /* one visit a day: five priority-5 clients fill the five working days, the sixth waits */
    wp_scenario *s = ts_scenario(
        "{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\", \"providers\": [{\"id\": "
        "\"P\"}], \"helpers\": [{\"id\": \"H\", \"provider\": \"P\", \"home\": [0, 0], "
        "\"hours_per_week\": 30, \"max_visits_per_day\": 1}], \"clients\": ["
        "{\"id\": \"A\", \"location\": [1, 0], \"hours_per_week\": 1, \"priority\": 5},"
        "{\"id\": \"B\", \"location\": [1, 0], \"hours_per_week\": 1, \"priority\": 5},"
        "{\"id\": \"C\", \"location\": [1, 0], \"hours_per_week\": 1, \"priority\": 5},"
        "{\"id\": \"D\", \"location\": [1, 0], \"hours_per_week\": 1, \"priority\": 5},"
        "{\"id\": \"E\", \"location\": [1, 0], \"hours_per_week\": 1, \"priority\": 5},"
        "{\"id\": \"LAST\", \"location\": [1, 0], \"hours_per_week\": 1, \"priority\": 1}]}");
    wp_roster *r = ts_solve(s, 1, 1, 0);
    assert_string_equal(
        reason_for(r, "LAST"),
        "the only eligible helper nearby is fully booked: at the maximum visits or hours per day");
    ts_assert_valid(s, r);
    wp_roster_free(r);
    wp_scenario_free(s);
    /* two helpers free 09:00-11:00 on Monday only; three 2-hour visits starting 09:00-09:30 */
    s = ts_scenario(
        "{\"format\": \"wijkplan-scenario/1\", \"crs\": \"planar\", \"providers\": [{\"id\": "
        "\"P\"}], \"helpers\": ["
        "{\"id\": \"H1\", \"provider\": \"P\", \"home\": [0, 0], \"hours_per_week\": 30, "
        "\"availability\": {\"mon\": [[\"09:00\", \"11:00\"]]}},"
        "{\"id\": \"H2\", \"provider\": \"P\", \"home\": [0, 0], \"hours_per_week\": 30, "
        "\"availability\": {\"mon\": [[\"09:00\", \"11:00\"]]}}], \"clients\": ["
        "{\"id\": \"A\", \"location\": [0, 0], \"hours_per_week\": 2, \"priority\": 5, "
        "\"window\": [\"09:00\", \"09:30\"]},"
        "{\"id\": \"B\", \"location\": [0, 0], \"hours_per_week\": 2, \"priority\": 5, "
        "\"window\": [\"09:00\", \"09:30\"]},"
        "{\"id\": \"LAST\", \"location\": [0, 0], \"hours_per_week\": 2, \"priority\": 1, "
        "\"window\": [\"09:00\", \"09:30\"]}]}");
    r = ts_solve(s, 1, 1, 0);
    assert_string_equal(reason_for(r, "LAST"),
                        "all 2 eligible helpers nearby are fully booked: 2 have no gap for a "
                        "120-minute visit starting 09:00-09:30 on mon, tue, wed, thu, fri");
    ts_assert_valid(s, r);
    wp_roster_free(r);
    wp_scenario_free(s);
}

/* 80 helpers at one depot, each able to take 10 clients: the 400 clients need 40 of them. Every
 * client used to get the same 32 "nearest" helpers (their homes all coincide), so at most 320
 * were served; each client now gets its own members of the depot's helpers. */
static void shared_depot_uses_every_helper(void **state)
{
    (void)state;
    wp_strbuf sb = {0};
    wp_sb_append(&sb, "{\"format\": \"wijkplan-scenario/1\", \"name\": \"depot\", \"crs\": "
                      "\"planar\", \"providers\": [{\"id\": \"P\"}], \"helpers\": [");
    for (int h = 0; h < 80; h++)
        wp_sb_printf(&sb,
                     "%s{\"id\": \"V%d\", \"provider\": \"P\", \"home\": [0, 0], "
                     "\"hours_per_week\": 100, \"capacity\": 10, \"availability\": {\"mon\": "
                     "[[\"00:00\", \"40:00\"]]}}",
                     h ? "," : "", h);
    wp_sb_append(&sb, "], \"clients\": [");
    for (int c = 0; c < 400; c++)
        wp_sb_printf(&sb,
                     "%s{\"id\": \"C%d\", \"location\": [%d, %d], \"visits\": "
                     "[{\"duration_min\": 1, \"day\": \"mon\", \"load\": 1}]}",
                     c ? "," : "", c, 5 + c % 20, 5 + c / 20);
    wp_sb_append(&sb, "]}");
    wp_scenario *s = ts_scenario(wp_sb_str(&sb));
    wp_roster *r = ts_solve(s, 1, 1, 0);
    ts_assert_valid(s, r);
    assert_int_equal(r->kpi.visits_served, 400);
    assert_true(r->n_routes >= 40);
    wp_roster_free(r);
    wp_scenario_free(s);
    wp_sb_free(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_instances_are_valid),
        cmocka_unit_test(keeps_pairs),
        cmocka_unit_test(most_vulnerable_first),
        cmocka_unit_test(honest_reasons),
        cmocka_unit_test(booked_reasons_name_the_limit),
        cmocka_unit_test(shared_depot_uses_every_helper),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
