/* Progress lines, composed in memory and written at once. */
#include "util/progress.h"

#include <stdarg.h>

#include "util/clock.h"

void wp_progress_printf(FILE *out, const char *label, double elapsed_s, bool memory,
                        const char *fmt, ...)
{
    if (!out) return;
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    char mem[32] = "";
    if (memory) snprintf(mem, sizeof mem, " | %.0f MiB", wp_current_rss_mib());
    char line[640];
    snprintf(line, sizeof line, "%s%s%s[%6.1f s] %s%s\n", label ? "[" : "", label ? label : "",
             label ? "] " : "", elapsed_s, text, mem);
    fputs(line, out);
    fflush(out);
}
