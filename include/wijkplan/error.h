/* Status codes and the caller-owned error record every fallible wijkplan call fills. */
#ifndef WIJKPLAN_ERROR_H
#define WIJKPLAN_ERROR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status of a call; the command-line program exits with the same number. */
typedef enum wp_status {
    WP_OK = 0,
    WP_ERR_INTERNAL = 1,   /* a bug or an exhausted resource (memory, disk) */
    WP_ERR_INPUT = 2,      /* a file is missing, malformed or breaks the SPEC */
    WP_ERR_SOLVER = 3,     /* the solver or validator found the plan at fault */
    WP_ERR_PROJECTION = 4, /* PROJ could not transform coordinates */
} wp_status;

/* One problem: where it is and what is wrong. Strings are owned by the record. */
typedef struct wp_problem {
    wp_status status;
    char *file;    /* the file as the user named it, or NULL */
    char *path;    /* JSON path such as clients[17].window, or a CSV column name; or NULL */
    int line;      /* 1-based line in the file, 0 when unknown */
    int column;    /* 1-based column, 0 when unknown */
    char *message; /* what is wrong, without the location */
} wp_problem;

/* A list of problems. Zero-initialise it (or call wp_error_init), pass it to calls, read it,
 * then wp_error_clear it. Passing NULL where a call takes a wp_error is allowed: the problems
 * are then only reflected in the returned status. */
typedef struct wp_error {
    wp_problem *items;
    size_t count;
    size_t capacity;
    size_t dropped;        /* problems beyond WP_ERROR_MAX_ITEMS (or beyond memory), not kept */
    bool dropped_internal; /* a dropped problem was internal: the status stays internal */
} wp_error;

#define WP_ERROR_MAX_ITEMS 200

void wp_error_init(wp_error *err);
void wp_error_clear(wp_error *err);

/* Adds a problem and returns its status, so callers can `return wp_error_add(...)`. */
wp_status wp_error_add(wp_error *err, wp_status status, const char *file, const char *path,
                       int line, int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* The status of the record: the first problem's, or WP_ERR_INTERNAL when any problem is
 * internal (an exhausted resource outranks what the input did); WP_OK when empty. */
wp_status wp_error_status(const wp_error *err);

/* Formats one problem as "file:line:col: path: message" (parts omitted when unknown). */
void wp_problem_format(const wp_problem *p, char *buf, size_t size);

/* Prints every problem, one line each, and a count of dropped ones. */
void wp_error_print(const wp_error *err, FILE *out);

const char *wp_status_name(wp_status status);

#ifdef __cplusplus
}
#endif
#endif
