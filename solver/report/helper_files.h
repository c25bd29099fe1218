/* What the per-helper exports (iCal agendas, printable weeks) share: a roster's routes grouped
 * by helper, and one file name per helper. */
#ifndef WP_REPORT_HELPER_FILES_H
#define WP_REPORT_HELPER_FILES_H

#include <wijkplan/roster.h>

#include "model/model.h"

/* Groups the routes of r (whose helpers must all be in m) by the scenario's helper order:
 * helper h's routes are idx[start[h] .. start[h + 1]), in day order. The caller frees both. */
void wp_routes_by_helper(const wp_model *m, const wp_roster *r, int **start, int **idx);

/* "<dir>/<id><ext>" with the characters a file system or a link may refuse ('/', '\', ':',
 * '?', '#', '%', controls, a leading '.') as '_'; dir NULL gives the bare name. Caller frees. */
char *wp_helper_file_name(const char *dir, const char *id, const char *ext);

#endif
