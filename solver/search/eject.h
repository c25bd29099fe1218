/* The ejection pool of route elimination (Y. Nagata, O. Bräysy 2009, "A powerful route
 * minimization heuristic for the vehicle routing problem with time windows", Operations
 * Research Letters 37(5):333-338), without its squeeze step: clients that must find a place
 * wait in a pool; one that fits nowhere takes the place of at most two single-visit clients of
 * a route, chosen by the fewest failures so far (each client counts how often it fitted
 * nowhere), and those join the pool. Local search improves the plan after every ejection, so
 * the routes change shape and later ejections find other room. */
#ifndef WP_SEARCH_EJECT_H
#define WP_SEARCH_EJECT_H

#include "search/ls.h"
#include "search/solution.h"

/* Places every client of pool[0..n) (unserved) in s, on helpers that are on, ejecting as
 * described; the last one first. Returns true when the pool emptied; false after `max_steps`
 * clients taken from the pool or at `deadline` (wp_clock_now), leaving the plan valid with the
 * pool's clients unserved. `ls` is a local search of s's thread. */
bool wp_eject_place(wp_sol *s, wp_ls *ls, const int *pool, int n, long max_steps, double deadline);

#endif
