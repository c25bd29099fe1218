#!/bin/sh
# Refactor check: the same deterministic runs with two builds, then a byte comparison of every
# roster, CSV and comparison (ignoring elapsed_s, peak_memory_mib and iterations_budget, which
# an older build may not write). The runs end by their iteration budgets (--iterations, or the
# demo's default budget, which ends well before its limit), so they do not depend on timing.
# usage: bench/same-rosters.sh OLD_WIJKPLAN NEW_WIJKPLAN    exit 0 when every file is the same
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
data=${BENCHMARKS_DIR:-$root/../shared/benchmarks}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

runs() {
    bin=$1 out=$2
    mkdir -p "$out"
    "$bin" solve "$root/scenarios/demo/someren.json" -o "$out/demo.json" --csv "$out/demo.csv" \
        --time-limit 5 --threads 2 --quiet
    for i in C101 R101 RC101; do
        "$bin" import solomon "$data/solomon-vrptw-100/$i.txt" -o "$work/$i.scenario" 2> /dev/null
        "$bin" solve "$work/$i.scenario" -o "$out/$i.json" --time-limit 60 --iterations 8000 \
            --threads 2 --quiet
    done
    "$bin" import convrp "$data/convrp-groer2009/convrp-0-7/Christofides_1_5_0.7.vrp" \
        -o "$work/cv1.scenario" 2> /dev/null
    "$bin" solve "$work/cv1.scenario" -o "$out/convrp1.json" --time-limit 60 --iterations 8000 \
        --threads 2 --quiet
    "$bin" compare "$root/scenarios/groningen/groningen.json" \
        --variants open_house,per_district:1:1+transfer,per_district:3+continue \
        --time-limit 60 --iterations 6000 --threads 2 -o "$out/comparison.json" 2> /dev/null
    "$bin" solve "$root/scenarios/groningen/groningen.json" -o "$out/groningen.json" \
        --time-limit 60 --iterations 6000 --threads 2 --quiet
}

normalise() {
    sed -E 's/"(elapsed_s|peak_memory_mib|seconds)":[0-9.e+-]+/"\1":X/g; s/,"iterations_budget":[0-9]+//g' "$1"
}

runs "$1" "$work/old"
runs "$2" "$work/new"
status=0
for f in $(cd "$work/old" && ls); do
    if [ "$(normalise "$work/old/$f" | md5sum)" = "$(normalise "$work/new/$f" | md5sum)" ]; then
        echo "same $f"
    else
        echo "DIFFERENT $f"
        status=1
    fi
done
exit $status
