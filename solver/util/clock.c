/* Monotonic clock and resident memory, from POSIX clock_gettime, getrusage and /proc. */
#define _POSIX_C_SOURCE 200809L
#include "util/clock.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

double wp_clock_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double wp_peak_rss_mib(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0) return 0.0;
    return (double)ru.ru_maxrss / 1024.0; /* Linux reports KiB */
}

double wp_current_rss_mib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return 0.0;
    long pages_total = 0, pages_resident = 0;
    int ok = fscanf(f, "%ld %ld", &pages_total, &pages_resident) == 2;
    fclose(f);
    if (!ok) return 0.0;
    return (double)pages_resident * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}
