/* KPI arithmetic on a hand-computed roster.
 * (The validator's tests on the same roster are in tests/validate/.)
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
#include "support/hand_roster.h"
#include "support/support.h"
#include "util/alloc.h"

static void hand_computed_kpis(void **state)
{
    (void)state;
    wp_scenario *s = ts_scenario(th_scenario_text);
    wp_roster *r = th_hand_roster();
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
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_computed_kpis),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
