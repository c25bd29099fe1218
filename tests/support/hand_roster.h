/* A small planar scenario and a roster computed by hand for it (support/hand_roster.c). */
#ifndef WP_TEST_HAND_ROSTER_H
#define WP_TEST_HAND_ROSTER_H

#include <wijkplan/roster.h>

extern const char *const th_scenario_text;

/* A fresh copy of the hand-computed roster (free with wp_roster_free). */
wp_roster *th_hand_roster(void);

#endif
