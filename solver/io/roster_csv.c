/* The planner's CSV: one row per visit in route order with HH:MM times, then the unassigned
 * visits. RFC 4180 quoting, UTF-8, comma separated, so it opens in any spreadsheet. */
#include <wijkplan/roster.h>

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/daytime.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/strmap.h"

static void csv_field(wp_strbuf *sb, const char *s)
{
    if (!s) s = "";
    if (strpbrk(s, ",\"\r\n;") == NULL) {
        wp_sb_append(sb, s);
        return;
    }
    wp_sb_append(sb, "\"");
    for (; *s; s++) {
        if (*s == '"')
            wp_sb_append(sb, "\"\"");
        else
            wp_sb_appendn(sb, s, 1);
    }
    wp_sb_append(sb, "\"");
}

static void csv_time(wp_strbuf *sb, double minutes)
{
    char buf[16];
    wp_format_hhmm(minutes, buf);
    wp_sb_append(sb, buf);
}

wp_status wp_roster_write_csv(const wp_roster *r, const char *path, wp_error *err)
{
    /* provider of each client's helper, from the assignments */
    wp_strmap provider_of;
    wp_strmap_init(&provider_of);
    for (size_t i = 0; i < r->n_assignments; i++)
        wp_strmap_put(&provider_of, r->assignments[i].client, (int)i);
    wp_strbuf sb = {0};
    wp_sb_append(&sb, "status,helper,provider,day,order,client,visit,arrival,start,end,"
                      "duration_min,travel_km,travel_min,reason\r\n");
    for (size_t i = 0; i < r->n_routes; i++) {
        const wp_roster_route *rt = &r->routes[i];
        for (size_t k = 0; k < rt->n_visits; k++) {
            const wp_roster_visit *v = &rt->visits[k];
            int a = wp_strmap_get(&provider_of, v->client);
            wp_sb_append(&sb, "planned,");
            csv_field(&sb, rt->helper);
            wp_sb_append(&sb, ",");
            csv_field(&sb, a >= 0 ? r->assignments[a].provider : "");
            wp_sb_printf(&sb, ",%s,%zu,", wp_day_name(rt->day), k + 1);
            csv_field(&sb, v->client);
            wp_sb_printf(&sb, ",%d,", v->visit);
            csv_time(&sb, v->arrival);
            wp_sb_append(&sb, ",");
            csv_time(&sb, v->start);
            wp_sb_append(&sb, ",");
            csv_time(&sb, v->end);
            wp_sb_printf(&sb, ",%.0f,%.2f,%.1f,\r\n", v->end - v->start, v->travel_km,
                         v->travel_min);
        }
    }
    for (size_t i = 0; i < r->n_unassigned; i++) {
        const wp_roster_unassigned *u = &r->unassigned[i];
        wp_sb_append(&sb, "unassigned,,,,,");
        csv_field(&sb, u->client);
        wp_sb_printf(&sb, ",%d,,,,%.0f,,,", u->visit, u->minutes);
        csv_field(&sb, u->reason);
        wp_sb_append(&sb, "\r\n");
    }
    wp_status s = wp_file_write_atomic(path, wp_sb_str(&sb), sb.len, err);
    wp_sb_free(&sb);
    wp_strmap_free(&provider_of);
    return s;
}

static void csv_plan_ref(wp_strbuf *sb, const wp_roster_plan_ref *p)
{
    wp_sb_append(sb, ",");
    if (!p->helper) {
        wp_sb_append(sb, ",,");
        return;
    }
    csv_field(sb, p->helper);
    wp_sb_printf(sb, ",%s,", wp_day_name(p->day));
    csv_time(sb, p->start);
}

wp_status wp_roster_write_changes_csv(const wp_roster *r, const char *path, wp_error *err)
{
    wp_strbuf sb = {0};
    wp_sb_append(&sb, "client,visit,kind,from_helper,from_day,from_start,to_helper,to_day,"
                      "to_start\r\n");
    for (size_t i = 0; i < r->n_changes; i++) {
        const wp_roster_change *c = &r->changes[i];
        csv_field(&sb, c->client);
        wp_sb_printf(&sb, ",%d,%s", c->visit, c->kind);
        csv_plan_ref(&sb, &c->from);
        csv_plan_ref(&sb, &c->to);
        wp_sb_append(&sb, "\r\n");
    }
    wp_status s = wp_file_write_atomic(path, wp_sb_str(&sb), sb.len, err);
    wp_sb_free(&sb);
    return s;
}
