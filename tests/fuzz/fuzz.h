/* Shared by the fuzz harnesses: each defines LLVMFuzzerTestOneInput (libFuzzer's entry point)
 * over one kind of input. Built against libFuzzer with -DWP_FUZZ=ON (clang), and in every
 * build against replay.c, which runs the committed corpus (seeds and every crash input ever
 * found) under ctest. */
#ifndef WP_TESTS_FUZZ_H
#define WP_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a NUL-terminated copy (caller frees). */
char *fz_text(const uint8_t *data, size_t size);
/* Writes the input to this process's scratch file with the given suffix; returns its path
 * (static storage, valid until the next call with the same suffix). */
const char *fz_file(const uint8_t *data, size_t size, const char *suffix);
/* A scratch path for outputs (removed before return). */
const char *fz_out(const char *suffix);
/* Loads a fixed one-helper, one-client scenario whose member `member` (JSON text, e.g.
 * "\"districts\": \"%s\"") names the input written to a scratch file with `suffix`. */
void fz_load_scenario_naming(const uint8_t *data, size_t size, const char *suffix,
                             const char *member);
/* Writes fixed text to a scratch file once; returns its path. */
const char *fz_fixture(const char *name, const char *text);

#endif
