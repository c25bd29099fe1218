/* CSV writers beyond the roster's own (see wijkplan/roster.h for the dialects). */
#ifndef WP_IO_ROSTER_CSV_H
#define WP_IO_ROSTER_CSV_H

#include <wijkplan/roster.h>

/* KPIs as a two-column table (kpi, value). */
wp_status wp_kpi_write_csv(const char *const *names, const double *values, int n, const char *path,
                           wp_csv_dialect dialect, wp_error *err);

/* A table: header[0..cols) (NULL-terminated), then rows x cols cells (row-major); cells that
 * are numbers with a decimal point get the dialect's decimal mark. */
wp_status wp_csv_write_table(const char *const *header, const char *const *cells, int rows,
                             const char *path, wp_csv_dialect dialect, wp_error *err);

#endif
