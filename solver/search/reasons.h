/* Human-readable reasons for unserved visits, for the roster's "unassigned" list. */
#ifndef WP_SEARCH_REASONS_H
#define WP_SEARCH_REASONS_H

#include "search/solution.h"

/* Why visit v is unserved in s (caller frees). Ids only, no personal data. */
char *wp_unserved_reason(const wp_sol *s, int v);

#endif
