/* Reading published benchmark text: lines (CR LF or LF), fields separated by spaces or tabs,
 * numbers parsed strictly, errors naming the file and line. */
#ifndef WP_IMPORT_LINES_H
#define WP_IMPORT_LINES_H

#include <stdbool.h>
#include <wijkplan/error.h>

#define WP_MAX_FIELDS 64

typedef struct wp_lines {
    const char *file;
    char *text;  /* owned; lines are cut in place */
    char **line; /* line[i] is line i+1 of the file, without its end */
    int n;
    wp_error *err;
} wp_lines;

typedef struct wp_fields {
    int n;
    char *f[WP_MAX_FIELDS];
} wp_fields;

/* Reads `path` (what: "Solomon instance", ...). Returns false after reporting. */
bool wp_lines_read(wp_lines *L, const char *path, const char *what, wp_error *err);
void wp_lines_free(wp_lines *L);

/* Splits line i (0-based) into fields (the line is copied, not cut). */
void wp_lines_split(const wp_lines *L, int i, wp_fields *out, char *buf, int bufsize);

/* True when line i holds only white space. */
bool wp_lines_blank(const wp_lines *L, int i);

/* Strict number parsing; on failure reports "file:line: <what>: "x" is not a number". */
bool wp_lines_number(const wp_lines *L, int i, const char *field, const char *what, double *out);

/* Reports a problem at line i (0-based; -1 for the whole file). Always returns false. */
bool wp_lines_error(const wp_lines *L, int i, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
