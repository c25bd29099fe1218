/* Shared helpers for the tests: loading scenarios from strings, solving, validating, and
 * random small scenarios for property tests. Every helper fails the current test on error. */
#ifndef WP_TEST_SUPPORT_H
#define WP_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <wijkplan/wijkplan.h>

#include "model/scenario_internal.h"

/* Loads a scenario from JSON text (relative paths resolve against WP_TEST_DATA). */
wp_scenario *ts_scenario(const char *json);
/* Loads a scenario file. */
wp_scenario *ts_scenario_file(const char *path);
/* Loads JSON text that must fail; returns the formatted problems (caller frees), one per line. */
char *ts_scenario_errors(const char *json);

/* Solves with a seed, threads and an iteration budget (0 = construction only). */
wp_roster *ts_solve(const wp_scenario *s, unsigned long long seed, int threads,
                    long long iterations);

/* Fails the test, listing violations, unless the independent validator accepts the roster. */
void ts_assert_valid(const wp_scenario *s, const wp_roster *r);
/* Violations that mention `needle` (none may be fine: nothing fails). */
size_t ts_count_violations(const wp_scenario *s, const wp_roster *r, const char *needle);
/* Number of violations (0 = valid); `needle`, when given, must appear in one of them. */
size_t ts_violations(const wp_scenario *s, const wp_roster *r, const char *needle);

/* A random planar scenario (JSON text, caller frees): clients with one or two visits, windows,
 * skills, pairs; helpers with windows, limits and modes. Deterministic for a seed. */
char *ts_random_scenario(uint64_t seed, int clients, int helpers);

/* Generates a scenario of one municipality (name or CBS code) with `wijkplan generate`'s defaults
 * into a fresh temporary file; returns its path (caller unlinks and frees). */
char *ts_generate(const char *municipality, int clients, unsigned long long seed);

/* Writes text to a fresh temporary file with the given suffix; returns its path (caller frees). */
char *ts_temp_file(const char *text, const char *suffix);

/* Fails unless text equals the file WP_TEST_DATA/golden/NAME byte for byte, naming the first
 * line that differs. With WP_UPDATE_GOLDEN=1 in the environment, first rewrites the file. */
void ts_assert_golden(const char *text, const char *name);

/* Reads a whole file (caller frees), or NULL. */
char *ts_read_file(const char *path);

/* Three square districts side by side (planar), providers A..D, 10 helpers and 24 clients
 * placed at random from `seed`, each client paired with a helper of its provider; per_district
 * contracting with k providers per district, awards to be optimised. */
char *ts_award_scenario(uint64_t seed, int k);

#endif
