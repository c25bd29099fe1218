#!/bin/sh
# End-to-end: runs the wijkplan program the way a user does and validates what it writes.
# usage: run.sh WIJKPLAN CHECK_SOLOMON SOURCE_DIR CASE
set -eu
wijkplan=$1
check_solomon=$2
src=$3
case_name=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data="$src/tests/data"
case "$case_name" in
demo)
    "$wijkplan" solve "$src/scenarios/demo/someren.json" -o "$tmp/roster.json" --csv "$tmp/roster.csv" \
        --time-limit 10 --quiet
    "$wijkplan" validate "$src/scenarios/demo/someren.json" "$tmp/roster.json"
    head -1 "$tmp/roster.csv" | grep -q '^status,helper,provider,day,order,client,visit,arrival,start,end'
    grep -q '^planned,H[0-9]*,P0[1-4],\(mon\|tue\|wed\|thu\|fri\),1,C[0-9]*,0,[0-2][0-9]:[0-5][0-9],' "$tmp/roster.csv"
    ;;
solomon-*)
    name=${case_name#solomon-}
    "$wijkplan" import solomon "$data/benchmarks/$name.txt" -o "$tmp/s.json"
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/roster.json" --time-limit 5 --quiet
    "$wijkplan" validate "$tmp/s.json" "$tmp/roster.json"
    "$check_solomon" "$data/benchmarks/$name.txt" "$tmp/roster.json"
    ;;
convrp)
    "$wijkplan" import convrp "$data/benchmarks/Christofides_1_5_0.7.vrp" -o "$tmp/s.json"
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/roster.json" --time-limit 5 --quiet
    "$wijkplan" validate "$tmp/s.json" "$tmp/roster.json"
    ;;
csv)
    d="$data/invalid/csv"
    "$wijkplan" import csv --clients "$d/clients.csv" --helpers "$d/helpers.csv" --providers "$d/providers.csv" \
        -o "$tmp/s.json"
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/roster.json" --csv "$tmp/roster.csv" --quiet
    "$wijkplan" validate "$tmp/s.json" "$tmp/roster.json"
    ;;
time-limit)
    # a 2 s limit stops within 2.3 s on the demo (whole process, including writing)
    start=$(date +%s%N)
    "$wijkplan" solve "$src/scenarios/demo/someren.json" -o "$tmp/roster.json" --time-limit 2 --time-based --quiet
    end=$(date +%s%N)
    elapsed_ms=$(( (end - start) / 1000000 ))
    echo "elapsed ${elapsed_ms} ms"
    [ "$elapsed_ms" -le 2300 ]
    "$wijkplan" validate "$src/scenarios/demo/someren.json" "$tmp/roster.json"
    ;;
time-limit-decomposed)
    # a municipality large enough to be split into clusters honours the limit too (5% + 0.2 s,
    # on the solve's own clock: loading a 3,000-client file under the sanitizers takes a second),
    # and says that the clock, not the budget, ended the search
    "$wijkplan" generate --municipality Utrecht --clients 3000 --seed 3 -o "$tmp/s.json" 2> /dev/null
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/roster.json" --time-limit 4 --iterations 100000000 --quiet
    elapsed=$(grep -o '"elapsed_s":[^,]*' "$tmp/roster.json" | cut -d: -f2 | tr -d ' \t')
    echo "elapsed ${elapsed} s"
    awk -v e="$elapsed" 'BEGIN { exit !(e > 0 && e <= 4.4) }'
    grep -q '"stopped_by":[[:space:]]*"time_limit"' "$tmp/roster.json"
    "$wijkplan" validate "$tmp/s.json" "$tmp/roster.json"
    ;;
determinism)
    for run in 1 2; do
        "$wijkplan" solve "$src/scenarios/demo/someren.json" -o "$tmp/r$run.json" --csv "$tmp/r$run.csv" \
            --seed 7 --threads 2 --iterations 4000 --time-limit 900 --quiet
        # the iteration budget, not the clock, must have ended the search (sanitizer builds are slow)
        grep -q '"stopped_by":[[:space:]]*"iterations"' "$tmp/r$run.json"
        grep -v '"elapsed_s"\|"peak_memory_mib"' "$tmp/r$run.json" > "$tmp/p$run.json"
    done
    cmp "$tmp/p1.json" "$tmp/p2.json"
    cmp "$tmp/r1.csv" "$tmp/r2.csv"
    ;;
compare)
    demo="$src/scenarios/demo/someren.json"
    mkdir -p "$tmp/cmp"
    "$wijkplan" compare "$demo" --variants open_house,per_district:1 --staff-transfer both \
        --iterations 600 --threads 2 --quiet -o "$tmp/cmp/comparison.json"
    "$wijkplan" validate "$demo" "$tmp/cmp/roster-open_house.json" --variant open_house
    "$wijkplan" validate "$demo" "$tmp/cmp/roster-per_district-1.json" --variant per_district:1 --staff-transfer no
    "$wijkplan" validate "$demo" "$tmp/cmp/roster-per_district-1-transfer.json" --variant per_district:1 --staff-transfer yes
    # a roster checked against the wrong variant fails
    if "$wijkplan" validate "$demo" "$tmp/cmp/roster-per_district-1.json" --variant open_house --quiet >/dev/null; then exit 1; fi
    "$wijkplan" report "$tmp/cmp/comparison.json" -o "$tmp/cmp/report.html"
    grep -q '<svg' "$tmp/cmp/report.html"
    if grep -q '<script' "$tmp/cmp/report.html"; then exit 1; fi
    "$wijkplan" report "$tmp/cmp/comparison.json" --markdown -o "$tmp/cmp/table.md"
    grep -q '^| Fixed pairs kept |' "$tmp/cmp/table.md"
    "$wijkplan" export geojson "$demo" "$tmp/cmp/roster-open_house.json" -o "$tmp/demo.geojson"
    grep -q '"type":[[:space:]]*"FeatureCollection"' "$tmp/demo.geojson"
    grep -q '"LineString"' "$tmp/demo.geojson"
    ;;
subset)
    demo="$src/scenarios/demo/someren.json"
    "$wijkplan" solve "$demo" -o "$tmp/roster.json" --iterations 500 --quiet
    "$wijkplan" export subset "$demo" --districts WK084700 -o "$tmp/sub.json"
    "$wijkplan" solve "$tmp/sub.json" -o "$tmp/sub-roster.json" --iterations 300 --quiet
    "$wijkplan" validate "$tmp/sub.json" "$tmp/sub-roster.json"
    "$wijkplan" kpi "$demo" "$tmp/roster.json" --districts WK084700 | grep -q '"travel_share"'
    if "$wijkplan" kpi "$demo" "$tmp/roster.json" --districts WK999999 2>/dev/null; then exit 1; fi
    ;;
help)
    for c in solve validate import generate compare report export kpi; do "$wijkplan" $c --help >/dev/null; done
    "$wijkplan" --help | grep -q "exit status"
    "$wijkplan" --version | grep -q "^wijkplan [0-9]"
    if "$wijkplan" frobnicate 2>/dev/null; then exit 1; fi
    ;;
*)
    echo "unknown case $case_name"
    exit 2
    ;;
esac
