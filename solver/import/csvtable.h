/* A CSV file as a table: header names and rows of cells, each row with the line it starts on.
 * RFC 4180 parsing by libcsv; the separator is detected from the header (comma, or semicolon as
 * Dutch spreadsheets write it, in which case decimal commas are read too). */
#ifndef WP_IMPORT_CSVTABLE_H
#define WP_IMPORT_CSVTABLE_H

#include <stdbool.h>
#include <wijkplan/error.h>

typedef struct wp_csv_row {
    char **cell; /* n_cols cells (missing trailing cells are "") */
    int line;    /* 1-based line where the row starts */
} wp_csv_row;

typedef struct wp_csv_table {
    const char *file;
    char **col; /* header names, trimmed */
    int n_cols;
    wp_csv_row *row;
    int n_rows;
    char sep; /* ',' or ';' */
    bool decimal_comma;
} wp_csv_table;

/* Reads the table; a malformed file (bad quoting, rows longer than the header, empty header,
 * duplicate column) is reported with line numbers. */
bool wp_csv_read(const char *path, wp_csv_table *t, wp_error *err);
void wp_csv_free(wp_csv_table *t);

/* Column index of `name`, or -1. */
int wp_csv_col(const wp_csv_table *t, const char *name);

#endif
