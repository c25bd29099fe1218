/* Key figures of a roster, computed by one function from the roster and the scenario alone,
 * and used by every output (roster, comparison, report, validator). */
#ifndef WIJKPLAN_KPI_H
#define WIJKPLAN_KPI_H

#include <stdbool.h>
#include <wijkplan/error.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wp_kpi {
    /* SPEC fields */
    int clients;              /* clients counted (in the district, for a district KPI) */
    int clients_fully_served; /* every visit served */
    int visits;
    int visits_served;
    double care_hours;     /* served visit minutes / 60 */
    double unserved_hours; /* unserved visit minutes / 60 */
    double travel_km;      /* including the way home */
    double travel_hours;
    double travel_share;          /* travel / (travel + care), 0 when both are 0 */
    int pairs_total;              /* clients that had a helper */
    int pairs_kept;               /* ... and are served by that same helper */
    int clients_changed_provider; /* served by another provider than the one they chose */
    int helpers_changed_employer; /* transferred helpers that serve clients */
    int helpers_used;             /* helpers with at least one route */
    int helper_days;              /* routes */
    double utilization;           /* (care + travel) / contract hours of the helpers used */
    double cost_eur;              /* care hours x tariff of the serving provider and product */
    double objective;             /* the SPEC's weighted sum */
    /* added by wijkplan */
    int clients_changed_helper;       /* had a helper and are served by another one */
    int waiting_list_clients;         /* clients with at least one unserved visit */
    double wait_hours;                /* idle time inside routes (early arrivals) */
    double travel_minutes;            /* travel_hours x 60, as the objective counts it */
    double unserved_weighted_minutes; /* sum of unserved minutes x priority */
    /* repair only (SPEC "Repair"), written when `repair` is set */
    bool repair;
    int visits_with_previous; /* visits that had a previous plan */
    int visits_unchanged;
    int visits_changed_time;
    int visits_changed_day;
    int visits_changed_helper;
    int visits_substitute;
    int visits_dropped;    /* had a previous plan, now unassigned */
    int clients_contacted; /* clients with at least one change */
} wp_kpi;

struct wp_scenario;
struct wp_roster;

/* The roster's KPIs over the clients of the districts named (all clients when n is 0). An
 * unknown district id is an input error naming it. */
wp_status wp_kpi_of_districts(const struct wp_scenario *s, const struct wp_roster *r,
                              const char *const *district_ids, int n, wp_kpi *out, wp_error *err);

#ifdef __cplusplus
}
#endif
#endif
