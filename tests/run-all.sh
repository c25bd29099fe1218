#!/bin/sh
# The whole test suite from a fresh clone: installs what is missing, then builds and runs every
# test twice, in a Release build with warnings as errors and under AddressSanitizer and
# UndefinedBehaviorSanitizer. This is what .ci/run calls.
set -eu
cd "$(dirname "$0")/.."
.ci/install-deps
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build-ci -DCMAKE_BUILD_TYPE=Release -DWP_WERROR=ON >/dev/null
cmake --build build-ci -j "$jobs"
ctest --test-dir build-ci --output-on-failure -j "$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DWP_WERROR=ON -DWP_SANITIZE=ON -DWP_FAULT_INJECTION=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 600

# Fuzzing: every libFuzzer harness for 15 s from the committed corpus (tests/fuzz/run.sh 3600
# fuzzes an hour each); the corpus itself was replayed by ctest above.
tests/fuzz/run.sh 15
