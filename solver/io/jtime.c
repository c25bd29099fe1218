/* Time, window and day-list values in scenario JSON. */
#include "io/jtime.h"

#include <math.h>
#include <stdio.h>

#include "util/daytime.h"

void wp_jtime_text(const cJSON *item, char *buf, int size)
{
    if (cJSON_IsString(item))
        snprintf(buf, (size_t)size, "\"%s\"", item->valuestring);
    else if (cJSON_IsNumber(item))
        snprintf(buf, (size_t)size, "%g", item->valuedouble);
    else
        snprintf(buf, (size_t)size, "%s", wp_jtype_name(item));
}

bool wp_jtime(wp_jctx *ctx, const cJSON *item, double *minutes)
{
    if (cJSON_IsString(item)) {
        if (wp_parse_hhmm(item->valuestring, minutes)) return true;
        wp_jerr(ctx, NULL, "\"%s\" is not a time (expected \"HH:MM\" or minutes)",
                item->valuestring);
        return false;
    }
    if (cJSON_IsNumber(item)) {
        double v = item->valuedouble;
        if (isfinite(v) && v >= 0) {
            *minutes = v;
            return true;
        }
        wp_jerr(ctx, NULL, "%g is not a time (minutes must be finite and not negative)", v);
        return false;
    }
    wp_jerr(ctx, NULL, "a time must be \"HH:MM\" or a number of minutes, not %s",
            wp_jtype_name(item));
    return false;
}

bool wp_jwindow(wp_jctx *ctx, const cJSON *item, bool allow_instant, wp_window *out)
{
    if (!cJSON_IsArray(item) || cJSON_GetArraySize(item) != 2) {
        wp_jerr(ctx, NULL, "a window must be [from, to], not %s",
                cJSON_IsArray(item) ? "an array of another length" : wp_jtype_name(item));
        return false;
    }
    const cJSON *a = item->child, *b = a->next;
    wp_window w;
    size_t mark = wp_jpath_index(ctx, 0);
    bool ok = wp_jtime(ctx, a, &w.from);
    wp_jpath_pop(ctx, mark);
    mark = wp_jpath_index(ctx, 1);
    ok = wp_jtime(ctx, b, &w.to) && ok;
    wp_jpath_pop(ctx, mark);
    if (!ok) return false;
    char ta[64], tb[64];
    wp_jtime_text(a, ta, sizeof ta);
    wp_jtime_text(b, tb, sizeof tb);
    if (w.from > w.to) {
        wp_jerr(ctx, NULL, "%s is after %s", ta, tb);
        return false;
    }
    if (!allow_instant && w.from == w.to) {
        wp_jerr(ctx, NULL, "window %s to %s is empty", ta, tb);
        return false;
    }
    *out = w;
    return true;
}

bool wp_jdays(wp_jctx *ctx, const cJSON *item, bool allow_empty, uint8_t *mask)
{
    if (!cJSON_IsArray(item)) {
        wp_jerr(ctx, NULL, "must be an array of days (\"mon\" .. \"sun\"), not %s",
                wp_jtype_name(item));
        return false;
    }
    uint8_t m = 0;
    bool ok = true;
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, item)
    {
        size_t mark = wp_jpath_index(ctx, i++);
        int d = cJSON_IsString(it) ? wp_day_index(it->valuestring) : -1;
        if (d < 0) {
            if (cJSON_IsString(it))
                wp_jerr(ctx, NULL,
                        "unknown day \"%s\" (expected mon, tue, wed, thu, fri, sat, sun)",
                        it->valuestring);
            else
                wp_jerr(ctx, NULL, "a day must be a string such as \"mon\", not %s",
                        wp_jtype_name(it));
            ok = false;
        } else if (m & (1u << d)) {
            wp_jerr(ctx, NULL, "day \"%s\" is listed twice", it->valuestring);
            ok = false;
        } else {
            m |= (uint8_t)(1u << d);
        }
        wp_jpath_pop(ctx, mark);
    }
    if (ok && !m && !allow_empty) {
        wp_jerr(ctx, NULL, "must list at least one day");
        ok = false;
    }
    if (ok) *mask = m;
    return ok;
}
