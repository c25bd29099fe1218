/* Why a visit is unserved: the first filter that leaves no helper, in the order a planner would
 * check (skills, qualification, contracting, days, windows, spacing, capacity). */
#include "search/reasons.h"

#include "search/cost.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "contract/market.h"
#include "model/pins.h"
#include "model/previous.h"
#include "util/alloc.h"
#include "util/daytime.h"
#include "util/strbuf.h"

static void days_text(uint8_t days, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int d = 0; d < WP_DAYS; d++)
        if (days >> d & 1)
            n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s", n ? ", " : "",
                                  wp_day_name(d));
}

/* Describes the providers allowed for client c, e.g. "provider P1 (the client's choice)". */
static void providers_text(const wp_model *m, const wp_market *mk, int c, wp_strbuf *sb)
{
    const wp_client_def *cl = &m->clients[c];
    if (mk->contract_model == WP_PER_DISTRICT && cl->district >= 0) {
        wp_sb_printf(sb, "a provider awarded district %s (", m->districts[cl->district].id);
        int k = 0;
        for (int p = 0; p < m->n_providers; p++)
            if (wp_market_provider_allowed(mk, c, p))
                wp_sb_printf(sb, "%s%s", k++ ? ", " : "", m->providers[p].id);
        wp_sb_append(sb, ")");
    } else if (cl->provider >= 0) {
        wp_sb_printf(sb, "provider %s (the client's choice)", m->providers[cl->provider].id);
    } else {
        wp_sb_append(sb, "any provider");
    }
}

static char *skills_reason(const wp_model *m, int c)
{
    const wp_client_def *cl = &m->clients[c];
    for (int k = 0; k < m->n_skills; k++) {
        if (!(cl->skills >> k & 1)) continue;
        bool any = false;
        for (int h = 0; h < m->n_helpers && !any; h++) any = m->helpers[h].skills >> k & 1;
        if (!any) return wp_strdupf("no helper has skill '%s'", m->skill_names[k]);
    }
    if (cl->product == WP_PRODUCT_HO_PLUS) {
        bool any = false;
        for (int h = 0; h < m->n_helpers && !any; h++)
            any = m->helpers[h].qualification == WP_PRODUCT_HO_PLUS;
        if (!any) return wp_strdup("no helper is qualified for HO+");
    }
    return wp_strdup("no helper has all of the client's skills and qualification");
}

/* A lone visit fits an empty route of helper h on day d (travel, windows, day length). */
static bool lone_visit_fits(const wp_instance *p, int h, int d, int v)
{
    const wp_model *m = p->m;
    int home = m->helpers[h].home, lv = p->visit_loc[v], mode = m->helpers[h].mode;
    const wp_visit_def *vd = &m->visits[v];
    wp_tseg seg = wp_tseg_merge(
        wp_tseg_merge(wp_tseg_home(), wp_tseg_stop(vd->duration, vd->window.from, vd->window.to),
                      wp_model_time(m, home, lv, mode)),
        wp_tseg_home(), wp_model_time(m, lv, home, mode));
    double dur;
    return wp_route_fits(p, h, d, seg, vd->load, 1, &dur) && wp_week_allows(p, h, dur);
}

/* What keeps helpers who could take the visit in an empty day from taking it in the plan. */
typedef struct booked {
    int reachable; /* could take the visit alone in an empty day (travel, windows, hours) */
    int week;      /* of those: too few weekly hours left for the client's care */
    int day;       /* at their visits or hours per day on every day the visit could go */
    int gap;       /* no gap in the day's route for the visit's window */
} booked;

/* Counts helper h into `b` when it could take visit v alone, and says what binds in the plan. */
static void classify_helper(const wp_sol *s, int h, int v, booked *b)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    const wp_helper_def *hd = &m->helpers[h];
    const wp_visit_def *vd = &m->visits[v];
    const wp_client_def *cl = &m->clients[vd->client];
    bool fits = false, day_free = false;
    for (int d = 0; d < WP_DAYS; d++) {
        if (!(vd->days >> d & 1) || !wp_helper_works(m, h, d) || !lone_visit_fits(p, h, d, v))
            continue;
        fits = true;
        const wp_route *R = &s->routes[wp_route_index(h, d)];
        if (R->n < hd->max_visits_per_day && R->duration + vd->duration <= hd->day_max_min + 1e-6)
            day_free = true;
    }
    if (!fits) return;
    b->reachable++;
    /* one helper serves all of a client's visits: the whole week's care must fit */
    double care = 0;
    for (int k = 0; k < cl->n_visits; k++) care += m->visits[cl->first_visit + k].duration;
    if (!wp_week_allows(p, h, s->helper_week[h] + care))
        b->week++;
    else if (!day_free)
        b->day++;
    else
        b->gap++;
}

/* One part of the booked text: "2 have too few weekly hours left", or without the count when
 * there is only one helper. */
static void booked_part(wp_strbuf *sb, const char **sep, int count, bool one, const char *verb1,
                        const char *verbn, const char *what)
{
    if (!count) return;
    if (one)
        wp_sb_printf(sb, "%s%s", *sep, what);
    else
        wp_sb_printf(sb, "%s%d %s %s", *sep, count, count == 1 ? verb1 : verbn, what);
    *sep = ", ";
}

/* "all 3 eligible helpers nearby are fully booked: 2 have too few weekly hours left, 1 ..." */
static char *booked_text(const wp_visit_def *vd, const booked *b, const char *who)
{
    wp_strbuf sb = {0};
    bool one = b->reachable == 1;
    if (one)
        wp_sb_printf(&sb, "the only eligible helper%s is fully booked: ", who);
    else
        wp_sb_printf(&sb, "all %d eligible helpers%s are fully booked: ", b->reachable, who);
    const char *sep = "";
    booked_part(&sb, &sep, b->week, one, "has", "have", "too few weekly hours left");
    booked_part(&sb, &sep, b->day, one, "is", "are", "at the maximum visits or hours per day");
    char days[64], from[16], to[16], gap[160];
    days_text(vd->days, days, sizeof days);
    wp_format_hhmm(vd->window.from, from);
    wp_format_hhmm(vd->window.to, to);
    snprintf(gap, sizeof gap, "no gap for a %.0f-minute visit starting %s-%s on %s", vd->duration,
             from, to, days);
    booked_part(&sb, &sep, b->gap, one, "has", "have", gap);
    return wp_sb_take(&sb);
}

static char *unserved_client_reason(const wp_sol *s, int v)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    int c = p->visit_client[v];
    const wp_visit_def *vd = &m->visits[v];
    /* the common case, cheaply: candidates exist and one could take it in an empty day */
    booked b = {0};
    for (int i = p->cand_start[c]; i < p->cand_start[c + 1]; i++)
        classify_helper(s, p->cand[i], v, &b);
    if (b.reachable) return booked_text(vd, &b, " nearby");
    /* otherwise find the first filter that leaves nobody, over every helper */
    int qualified = 0, allowed = 0, working = 0;
    for (int h = 0; h < m->n_helpers; h++) {
        if (!wp_helper_qualified(m, h, c)) continue;
        qualified++;
        if (!wp_market_allows(p->mk, h, c)) continue;
        allowed++;
        bool works = false;
        for (int d = 0; d < WP_DAYS; d++) works |= (vd->days >> d & 1) && wp_helper_works(m, h, d);
        working += works;
        if (works) classify_helper(s, h, v, &b);
    }
    if (!qualified) return skills_reason(m, c);
    if (b.reachable) return booked_text(vd, &b, "");
    wp_strbuf sb = {0};
    char days[64], from[16], to[16];
    days_text(vd->days, days, sizeof days);
    wp_format_hhmm(vd->window.from, from);
    wp_format_hhmm(vd->window.to, to);
    if (!allowed) {
        wp_sb_append(&sb, "no helper of ");
        providers_text(m, p->mk, c, &sb);
        wp_sb_append(&sb, " has the client's skills and qualification");
    } else if (!working) {
        wp_sb_printf(&sb, "no eligible helper works on %s", days);
    } else {
        wp_sb_printf(&sb,
                     "no eligible helper can fit a %.0f-minute visit starting %s-%s on %s "
                     "(availability, travel or hours per day)",
                     vd->duration, from, to, days);
    }
    return wp_sb_take(&sb);
}

/* A pinned visit left unserved: the pin is why. */
static char *pin_reason(const wp_sol *s, int v)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    const wp_visit_def *vd = &m->visits[v];
    int c = vd->client, h = m->clients[c].pin_helper;
    if (h >= 0 && !wp_market_allows(p->mk, h, c)) {
        wp_strbuf sb = {0};
        wp_sb_printf(&sb, "pinned helper %s is not of ", m->helpers[h].id);
        providers_text(m, p->mk, c, &sb);
        return wp_sb_take(&sb);
    }
    char day[16] = "its day", at[16] = "its window";
    if (vd->pin_day >= 0) snprintf(day, sizeof day, "%s", wp_day_name(vd->pin_day));
    if (!isnan(vd->pin_start)) wp_format_hhmm(vd->pin_start, at);
    return wp_strdupf("pinned to %s on %s at %s, where it does not fit (availability, another "
                      "pin, the day's or the week's hours)",
                      h >= 0 ? m->helpers[h].id : "its helper", day, at);
}

/* The client's helper of the week is absent on some of the visit's days (repair). */
static char *absence_reason(const wp_sol *s, int v)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    const wp_visit_def *vd = &m->visits[v];
    int c = vd->client, w = m->prev ? m->prev->week_helper[c] : -1;
    if (w < 0 || !(vd->days & m->helpers[w].absent)) return NULL;
    if (s->client_helper[c] >= 0 && s->client_helper[c] != w) return NULL;
    char absent[64], other[64];
    days_text(vd->days & m->helpers[w].absent, absent, sizeof absent);
    days_text(vd->days & ~m->helpers[w].absent, other, sizeof other);
    wp_strbuf sb = {0};
    wp_sb_printf(&sb, "its helper %s is absent on %s; no substitute of ", m->helpers[w].id, absent);
    providers_text(m, p->mk, c, &sb);
    wp_sb_append(&sb, " with the client's skills has room");
    if (*other) wp_sb_printf(&sb, ", nor has %s on %s", m->helpers[w].id, other);
    return wp_sb_take(&sb);
}

char *wp_unserved_reason(const wp_sol *s, int v)
{
    const wp_instance *p = s->p;
    const wp_model *m = p->m;
    int c = p->visit_client[v];
    const wp_client_def *cl = &m->clients[c];
    const wp_visit_def *vd = &m->visits[v];
    int index = v - cl->first_visit;
    if (vd->blocked) return wp_strdup(vd->blocked);
    if (wp_visit_pinned(vd) || cl->pin_helper >= 0) return pin_reason(s, v);
    char *absence = absence_reason(s, v);
    if (absence) return absence;
    if (index >= 7)
        return wp_strdup("more than 7 visits in a week: a client's visits are planned on "
                         "different days");
    int allowed_days = 0;
    for (int d = 0; d < WP_DAYS; d++) allowed_days += vd->days >> d & 1;
    if (cl->n_visits > 1 && cl->n_visits > allowed_days &&
        vd->days == m->visits[cl->first_visit].days)
        return wp_strdupf("%d visits a week do not fit on %d allowed days", cl->n_visits,
                          allowed_days);
    int h = s->client_helper[c];
    if (h < 0) return unserved_client_reason(s, v);
    char days[64];
    days_text(vd->days, days, sizeof days);
    if (cl->min_days_between > 1)
        return wp_strdupf("its helper %s has no room for it on %s at least %d days from the "
                          "client's other visits",
                          m->helpers[h].id, days, cl->min_days_between);
    return wp_strdupf("its helper %s has no room for it on %s (the pair rule keeps one helper "
                      "for all of a client's visits)",
                      m->helpers[h].id, days);
}
