/* Monotonic wall clock and process memory readings. */
#ifndef WP_UTIL_CLOCK_H
#define WP_UTIL_CLOCK_H

/* Seconds on a monotonic clock (arbitrary origin). */
double wp_clock_now(void);
/* Peak resident set size of this process in MiB (0 when unknown). */
double wp_peak_rss_mib(void);
/* Current resident set size of this process in MiB (0 when unknown). */
double wp_current_rss_mib(void);

#endif
