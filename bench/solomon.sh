#!/bin/sh
# Solomon VRPTW benchmark: imports every instance with `wijkplan import solomon`, solves it with a
# time limit and thread count, validates the roster, and writes a CSV and a markdown table with
# the gap to the truncated-distance optima and to the hierarchical best-known solutions.
#
# usage: bench/solomon.sh [-t SECONDS] [-j THREADS] [-o hierarchical|distance] [-n NAME] [INSTANCE...]
#   defaults: 10 s, 2 threads, distance objective, all 56 instances, results/solomon-distance
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${WIJKPLAN:-$root/build/wijkplan}
data=${SOLOMON_DIR:-$root/../shared/benchmarks/solomon-vrptw-100}
seconds=10
threads=2
objective=distance
name=""
seed=1
while getopts t:j:o:n:s: opt; do
    case $opt in
    t) seconds=$OPTARG ;;
    j) threads=$OPTARG ;;
    o) objective=$OPTARG ;;
    n) name=$OPTARG ;;
    s) seed=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ -n "$name" ] || name="solomon-$objective"
instances=${*:-$(cd "$data" && ls *.txt | sed 's/\.txt$//' | sort -V)}
out="$here/results/$name"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cost=0
[ "$objective" = hierarchical ] && cost=10000
csv="$out.csv"
echo "instance,vehicles,distance,seconds,valid,bks_trunc,gap_trunc_pct,bks_vehicles,bks_distance,gap_bks_pct" > "$csv"
for inst in $instances; do
    "$bin" import solomon "$data/$inst.txt" --vehicle-cost "$cost" -o "$tmp/s.json" 2>/dev/null
    start=$(date +%s.%N)
    "$bin" solve "$tmp/s.json" -o "$tmp/r.json" --time-limit "$seconds" --threads "$threads" \
        --seed "$seed" --time-based --quiet
    end=$(date +%s.%N)
    if "$bin" validate "$tmp/s.json" "$tmp/r.json" --quiet >/dev/null; then valid=yes; else valid=NO; fi
    km=$(grep -o '"travel_km":[^,]*' "$tmp/r.json" | tail -1 | cut -d: -f2 | tr -d ' ')
    veh=$(grep -o '"helpers_used":[^,]*' "$tmp/r.json" | tail -1 | cut -d: -f2 | tr -d ' ')
    trunc=$(tr -d '\r' < "$data/bks_distance_only.csv" | awk -F, -v i="$inst" '$1 == i && /truncated/ {print $3}')
    bks=$(tr -d '\r' < "$data/bks.csv" | awk -F, -v i="$inst" '$1 == i {print $2 "," $3}')
    awk -v i="$inst" -v v="$veh" -v d="$km" -v s="$start" -v e="$end" -v ok="$valid" -v t="$trunc" -v b="$bks" 'BEGIN {
        split(b, bb, ",");
        printf "%s,%d,%.2f,%.2f,%s,%s,%.2f,%s,%s,%.2f\n", i, v, d, e - s, ok, t, 100 * (d - t) / t, bb[1], bb[2], 100 * (d - bb[2]) / bb[2]
    }' >> "$csv"
    tail -1 "$csv"
done
"$here/solomon-table.sh" "$csv" "bench/solomon.sh -t $seconds -j $threads -o $objective -s $seed" > "$out.md"
head -6 "$out.md" | tail -2
