/* The stop request: one flag, set by a signal handler, read by the search's time checks. */
#include "util/interrupt.h"

#include <signal.h>

static volatile sig_atomic_t requested;

void wp_interrupt_request(int signo)
{
    requested = signo;
}

int wp_interrupt_signal(void)
{
    return requested;
}
