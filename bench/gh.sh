#!/bin/sh
# Gehring & Homberger VRPTW benchmark (200, 400 and 1000 customers, one depot): imports each
# instance with `wijkplan import solomon` (distance objective: no vehicle cost), solves it with a
# time limit per size (time-based) at each thread count, checks every roster twice, with
# `wijkplan validate` and with tests/e2e/check_solomon (an independent checker of the original
# file that shares no code with wijkplan), and writes a CSV and a markdown table: customers
# served, routes, distance, the gap to SINTEF's hierarchical best known (bks_hierarchical.csv,
# which minimises vehicles first, so the gap is only comparable where the fleet is) and, for
# instance 1 at 1000 customers, PyVRP 0.13.4's distance (HGS, one thread, 60 s, seed 1, measured
# on this machine by the engine issue).
#
# The default subset is class-balanced: instance 1 of each of the six classes at each size (18
# instances): all 180 at the default times would take 2 x 3.5 hours.
# usage: bench/gh.sh [-s "200 400 1000"] [-i "1"] [-j "1 2"] [-t "200:30 400:60 1000:120"]
#                    [-n NAME] [-S SEED]       results in bench/results/NAME.{csv,md} (gh)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${WIJKPLAN:-$root/build/wijkplan}
checker=${CHECK_SOLOMON:-$root/build/tests/check_solomon}
data=${GH_DIR:-$root/../shared/benchmarks/gehring-homberger}
sizes="200 400 1000"
numbers="1"
threads="1 2"
times="200:30 400:60 1000:120"
name=gh
seed=1
while getopts s:i:j:t:n:S: opt; do
    case $opt in
    s) sizes=$OPTARG ;;
    i) numbers=$OPTARG ;;
    j) threads=$OPTARG ;;
    t) times=$OPTARG ;;
    n) name=$OPTARG ;;
    S) seed=$OPTARG ;;
    *) exit 2 ;;
    esac
done
[ -x "$checker" ] || { echo "gh.sh: build the checker first (cmake --build build)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
csv="$here/results/$name.csv"
echo "customers,instance,threads,limit_s,seconds,served,routes,distance,valid,independent,bks_routes,bks_distance,gap_bks_pct,pyvrp_60s" > "$csv"

limit_of() { # the time limit of size $1
    for t in $times; do [ "${t%%:*}" = "$1" ] && { echo "${t#*:}"; return; }; done
    echo "gh.sh: no time for size $1 in -t \"$times\"" >&2
    exit 2
}

pyvrp_of() { # PyVRP's 60 s distance for instance 1 at 1000 customers (the engine issue)
    case $1 in
    c1_10_1) echo 42479 ;; c2_10_1) echo 17024 ;; r1_10_1) echo 54471 ;;
    r2_10_1) echo 37068 ;; rc1_10_1) echo 46939 ;; rc2_10_1) echo 28289 ;; *) echo "" ;;
    esac
}

for size in $sizes; do
    limit=$(limit_of "$size")
    tag=$((size / 100))
    for class in c1 c2 r1 r2 rc1 rc2; do
        for k in $numbers; do
            inst=${class}_${tag}_$k
            file="$data/$inst.txt"
            [ -f "$file" ] || { echo "gh.sh: $file is missing" >&2; exit 2; }
            "$bin" import solomon "$file" -o "$tmp/s.json" 2> /dev/null
            for j in $threads; do
                start=$(date +%s.%N)
                "$bin" solve "$tmp/s.json" -o "$tmp/r.json" --time-limit "$limit" --threads "$j" \
                    --seed "$seed" --time-based --quiet
                end=$(date +%s.%N)
                if "$bin" validate "$tmp/s.json" "$tmp/r.json" --quiet > /dev/null; then valid=yes; else valid=NO; fi
                if "$checker" "$file" "$tmp/r.json" > "$tmp/check.log"; then ok=yes; else ok=NO; fi
                served=$(grep -o '"visits_served":[^,]*' "$tmp/r.json" | tail -1 | cut -d: -f2 | tr -d ' ')
                km=$(grep -o '"travel_km":[^,]*' "$tmp/r.json" | tail -1 | cut -d: -f2 | tr -d ' ')
                routes=$(grep -o '"helpers_used":[^,]*' "$tmp/r.json" | tail -1 | cut -d: -f2 | tr -d ' ')
                bks=$(tr -d '\r' < "$data/bks_hierarchical.csv" | awk -F, -v i="$inst" '$3 == i {print $5 "," $6}')
                awk -v sz="$size" -v i="$inst" -v j="$j" -v l="$limit" -v s="$start" -v e="$end" \
                    -v sv="$served" -v r="$routes" -v d="$km" -v ok="$valid" -v ind="$ok" -v b="$bks" \
                    -v py="$(pyvrp_of "$inst")" 'BEGIN {
                        split(b, bb, ",");
                        printf "%s,%s,%s,%s,%.1f,%d,%d,%.1f,%s,%s,%s,%s,%.2f,%s\n", sz, i, j, l, e - s,
                            sv, r, d, ok, ind, bb[1], bb[2], 100 * (d - bb[2]) / bb[2], py }' >> "$csv"
                tail -1 "$csv"
            done
        done
    done
done

# The table: one row per instance and thread count; sums at 1000 customers against PyVRP.
awk -F, -v cmd="bench/gh.sh -s \"$sizes\" -i \"$numbers\" -j \"$threads\" -t \"$times\" -S $seed" '
NR == 1 { next }
{ rows = rows sprintf("| %s | %s | %s | %s s (%.0f) | %d | %d | %.1f | %s / %s | %s, %s | %+.2f | %s |\n",
      $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 == "" ? "" : $14)
  if ($6 + 0 < $1 + 0) unserved++
  if ($9 != "yes" || $10 != "yes") bad++
  if ($14 != "") { sum[$3] += $8; py[$3] += $14 } }
END {
  printf "# Gehring & Homberger, distance objective\n\nCommand: `%s`.\n\n", cmd
  printf "Rosters failing `wijkplan validate` or the independent checker: %d; runs not serving every customer: %d.\n\n", bad + 0, unserved + 0
  for (j in sum) printf "1000 customers, instance 1 of each class, %s thread(s): %.0f km against PyVRP (60 s, one thread) %.0f (%+.2f%%).\n", j, sum[j], py[j], 100 * (sum[j] - py[j]) / py[j]
  printf "\n| customers | instance | threads | limit (used) | served | routes | distance | valid / independent | best known routes, km | gap %% | PyVRP 60 s |\n"
  printf "|---|---|---|---|---|---|---|---|---|---|---|\n%s", rows }' "$csv" > "$here/results/$name.md"
cat "$here/results/$name.md" | sed -n 3,8p
