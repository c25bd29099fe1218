#!/bin/sh
# Builds the libFuzzer harnesses (clang, ASan, UBSan) and fuzzes each for SECONDS (default 15)
# from the committed corpus; new inputs go to a scratch corpus, crashes to build-fuzz/crashes/.
# Any crash, leak, timeout or sanitizer report fails the run. For a long campaign:
#   tests/fuzz/run.sh 3600        (an hour per harness)
#   tests/fuzz/run.sh 600 "scenario csv"    (only these harnesses: run two halves side by side)
# A crash input found is added to tests/fuzz/corpus/<name>/ with its fix, so ctest replays it.
set -eu
seconds=${1:-15}
cd "$(dirname "$0")/../.."
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWP_FUZZ=ON >/dev/null
targets=${2:-"scenario csv solomon convrp geojson roster comparison matrix args"}
cmake --build build-fuzz -j "$(nproc 2>/dev/null || echo 2)" \
    $(for t in $targets; do printf -- '--target fuzz_%s ' "$t"; done) >/dev/null
mkdir -p build-fuzz/crashes
for t in $targets; do
    work=$(mktemp -d)
    mkdir "$work/corpus" "$work/tmp"
    log=build-fuzz/fuzz-$t.log
    if ! TMPDIR="$work/tmp" ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        build-fuzz/tests/fuzz/fuzz_$t "$work/corpus" tests/fuzz/corpus/$t -max_total_time="$seconds" \
        -timeout=20 -rss_limit_mb=4096 -max_len=65536 -artifact_prefix=build-fuzz/crashes/$t- \
        -print_final_stats=1 > "$log" 2>&1; then
        tail -40 "$log"
        echo "fuzz_$t: FAILED (input in build-fuzz/crashes/)"
        rm -rf "$work"
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz_$t: ${seconds} s, $runs runs, $cov, no crash"
    rm -rf "$work"
done
