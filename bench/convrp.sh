#!/bin/sh
# ConVRP benchmark (Groër, Golden and Wasil 2009; the 12 main instances, p = 0.7): imports each
# instance with `wijkplan import convrp`, solves it with a time limit and thread count, validates
# the roster and compares the total travel time including service with the best known values
# (Stavropoulou 2022, Table 1).
#
# usage: bench/convrp.sh [-t SECONDS] [-j THREADS] [-L MINUTES] [-s SEED] [-n NAME] [INSTANCE...]
#   -L sets arrival_consistency_min on every client (default: none, see README: the literature's
#      L was not found in the sources available)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${WIJKPLAN:-$root/build/wijkplan}
data=${CONVRP_DIR:-$root/../shared/benchmarks/convrp-groer2009}
seconds=10
threads=2
consistency=-1
name=""
seed=1
while getopts t:j:L:n:s: opt; do
    case $opt in
    t) seconds=$OPTARG ;;
    j) threads=$OPTARG ;;
    L) consistency=$OPTARG ;;
    n) name=$OPTARG ;;
    s) seed=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ -n "$name" ] || name="convrp"
instances=${*:-$(seq 1 12 | sed 's/.*/Christofides_&_5_0.7/')}
out="$here/results/$name"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
csv="$out.csv"
echo "instance,clients,visits,helpers,travel,service,total,seconds,valid,bks,gap_pct" > "$csv"
for inst in $instances; do
    "$bin" import convrp "$data/convrp-0-7/$inst.vrp" --consistency "$consistency" -o "$tmp/s.json" 2>/dev/null
    start=$(date +%s.%N)
    "$bin" solve "$tmp/s.json" -o "$tmp/r.json" --time-limit "$seconds" --threads "$threads" --seed "$seed" --time-based --quiet
    end=$(date +%s.%N)
    if "$bin" validate "$tmp/s.json" "$tmp/r.json" --quiet >/dev/null; then valid=yes; else valid=NO; fi
    kpi() { grep -o "\"$1\":[^,}]*" "$tmp/r.json" | tail -1 | cut -d: -f2 | tr -d ' '; }
    bks=$(tr -d '\r' < "$data/bks.csv" | awk -F, -v i="$inst" '$1 == i {print $3}')
    awk -v i="$inst" -v c="$(kpi clients)" -v v="$(kpi visits_served)" -v h="$(kpi helpers_used)" \
        -v km="$(kpi travel_km)" -v care="$(kpi care_hours)" -v s="$start" -v e="$end" -v ok="$valid" -v b="$bks" 'BEGIN {
        total = km + care * 60;
        printf "%s,%d,%d,%d,%.2f,%.0f,%.2f,%.2f,%s,%s,%.2f\n", i, c, v, h, km, care * 60, total, e - s, ok, b, 100 * (total - b) / b
    }' >> "$csv"
    tail -1 "$csv"
done
awk -F, -v cmd="bench/convrp.sh -t $seconds -j $threads -L $consistency -s $seed" -v host="$(uname -m), $(nproc) cores" '
NR == 1 { next }
{ n++; g += $11; if ($9 != "yes") bad++
  rows = rows sprintf("| %s | %d | %d | %d | %.2f | %.0f | %.2f | %s | %+.2f | %.1f | %s |\n", $1, $2, $3, $4, $5, $6, $7, $10, $11, $8, $9) }
END {
  printf "# ConVRP (Groër, Golden and Wasil 2009), p = 0.7\n\n";
  printf "Command: `%s` (%s). Total = travel + service time, as the literature counts it; bks from\n", cmd, host;
  printf "Stavropoulou (2022), Table 1. Driver consistency (one helper per client) always holds.\n\n";
  printf "**%d instances: mean gap %+.2f%% to the best known; invalid rosters: %d.**\n\n", n, g / n, bad;
  printf "| instance | clients | visits | helpers | travel | service | total | bks | gap %% | seconds | valid |\n";
  printf "|---|---|---|---|---|---|---|---|---|---|---|\n%s", rows }' "$csv" > "$out.md"
sed -n 5p "$out.md"
