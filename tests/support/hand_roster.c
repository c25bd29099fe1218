/* The hand-computed roster shared by the KPI and validator tests.
 *
 * The scenario (planar, speed 1 unit per minute): helper H1 of provider A at (0,0), helper H2
 * of B at (100,0). Clients: C1 at (3,4) chose A with pair H1; C2 at (6,8) chose B with pair H2,
 * HO+; C3 at (0,50) priority 4, never served; C4 at (0,10) two visits two days apart with
 * arrival consistency 30. All in one district D awarded to A and B.
 *
 * The roster: H1 on mon visits C1 (leg 5), C2 (leg 5), C4 (leg sqrt 40) and goes home (leg 10);
 * H1 on wed visits C4 (leg 10, waits until 560) and goes home (leg 10). */
#include "support/hand_roster.h"

#include <math.h>
#include <stdbool.h>

#include "util/alloc.h"

const char *const th_scenario_text =
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

wp_roster *th_hand_roster(void)
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
