/* Progress lines on a long run: "[  12.3 s] text", optionally with resident memory and a label
 * (a comparison's variant), written as one piece so that parallel searches do not interleave
 * inside a line. */
#ifndef WP_UTIL_PROGRESS_H
#define WP_UTIL_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

void wp_progress_printf(FILE *out, const char *label, double elapsed_s, bool memory,
                        const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#endif
