#!/bin/sh
# Contracting scenarios on the Groningen model (scenarios/groningen/groningen.json): open house
# versus one provider per area (four different winners, as Groningen chose in 2023) and three
# per area, each with and without staff transfer, and both with existing pairs continuing across
# the new borders (existing_pairs_continue, the rule Groningen chose). Writes the comparison, the HTML report and a
# markdown table to bench/results/groningen/ (the rosters are written there too but not kept in
# git: rerun this script to have them).
# usage: bench/groningen.sh [SECONDS_PER_VARIANT]   (default 60; 2 threads)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${WIJKPLAN:-$root/build/wijkplan}
seconds=${1:-60}
out="$here/results/groningen"
mkdir -p "$out"
/usr/bin/time -v "$bin" compare "$root/scenarios/groningen/groningen.json" \
    --variants open_house,per_district:1:1,per_district:1:1+transfer,per_district:3,per_district:3+transfer,per_district:1:1+continue,per_district:3+continue \
    --time-limit "$seconds" --threads 2 -o "$out/comparison.json" 2> "$out/compare.log"
"$bin" report "$out/comparison.json" -o "$out/report.html"
"$bin" report "$out/comparison.json" --markdown -o "$out/table.md"
# every roster checked under the contracting it records
for r in "$out"/roster-*.json; do
    "$bin" validate "$root/scenarios/groningen/groningen.json" "$r"
done
grep -E "Elapsed|Maximum resident" "$out/compare.log"
