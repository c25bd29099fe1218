/* Time segments: the duration, time warp and start interval of a sequence of stops, merged in
 * constant time. T. Vidal, T. G. Crainic, M. Gendreau, C. Prins (2013), "A hybrid genetic
 * algorithm with adaptive diversity management for a large class of vehicle routing problems
 * with time-windows", Computers & Operations Research 40(1):475-489, section 4.2. The same
 * algebra is PyVRP's DurationSegment.
 *
 * A segment starting at any time in [early, late] takes exactly `dur` minutes (service, travel
 * and unavoidable waiting) and needs `tw` minutes of time warp (lateness that a feasible
 * schedule must not have). Merging is associative, so prefix and suffix caches of a route give
 * the effect of any relocate, swap or exchange in O(1). */
#ifndef WP_SEARCH_TSEG_H
#define WP_SEARCH_TSEG_H

#define WP_TSEG_BIG 1e12 /* an open window bound; never added to finite times */
#define WP_TW_EPS   1e-7 /* time warp below this is rounding, not lateness */

typedef struct wp_tseg {
    double dur;   /* minutes from the first stop's start to the last stop's end */
    double tw;    /* minutes of time warp */
    double early; /* earliest start of the first stop at duration `dur` */
    double late;  /* latest start of the first stop without time warp */
} wp_tseg;

/* One stop of `duration` minutes that may start within [from, to]. */
static inline wp_tseg wp_tseg_stop(double duration, double from, double to)
{
    wp_tseg s = {duration, 0.0, from, to};
    return s;
}

/* A free stop (a helper's home: no service, no window). */
static inline wp_tseg wp_tseg_home(void)
{
    wp_tseg s = {0.0, 0.0, -WP_TSEG_BIG, WP_TSEG_BIG};
    return s;
}

/* a followed by b, with `travel` minutes from a's last stop to b's first. */
static inline wp_tseg wp_tseg_merge(wp_tseg a, wp_tseg b, double travel)
{
    double delta = a.dur - a.tw + travel;
    double wait = b.early - delta - a.late;
    double warp = a.early + delta - b.late;
    if (wait < 0) wait = 0;
    if (warp < 0) warp = 0;
    wp_tseg r;
    r.dur = a.dur + b.dur + travel + wait;
    r.tw = a.tw + b.tw + warp;
    double e = b.early - delta;
    r.early = (e > a.early ? e : a.early) - wait;
    double l = b.late - delta;
    r.late = (l < a.late ? l : a.late) + warp;
    return r;
}

#endif
