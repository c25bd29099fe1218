/* A request to stop the search early, made from a signal handler (SIGINT, SIGTERM): the search
 * ends at its next check, as if its time were up, and the roster says stopped_by "interrupted". */
#ifndef WP_UTIL_INTERRUPT_H
#define WP_UTIL_INTERRUPT_H

#include <stdbool.h>

/* Async-signal-safe: records the signal. */
void wp_interrupt_request(int signo);
/* The signal that asked to stop, or 0. */
int wp_interrupt_signal(void);
static inline bool wp_interrupted(void)
{
    return wp_interrupt_signal() != 0;
}

#endif
