#!/bin/sh
# Repair benchmark (SPEC "Repair"): a planner's next week. For each size, week 1 is generated and
# solved; week 2 is generated from it as a planner meets it (generate --next-week: 5% of working
# helpers absent one to three days, 2% of clients leave, 2% arrive, 3% change hours); week 2 is
# then both solved from scratch and repaired from week 1's roster, with the same threads, seed
# and time limit. Measured: wall time and peak memory (/usr/bin/time -v), visits served, travel
# per care hour, and the share of unaffected visits left unchanged (bench/repair_metrics.py,
# computed from the files alone). Every roster is validated (the repair with --previous).
# Then the trade-off at the smallest size: the change weights scaled by 0, 0.25, 1 and 4.
# usage: [THREADS=2] [LIMIT=60] [TRADEOFF=1] [REPAIR_APPEND=1] bench/repair.sh [SIZES]   (default "1500 10000 100000"); results
# in results/repair/. Every run gets the same time limit (and so the same default budget).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${WIJKPLAN:-$root/build/wijkplan}
sizes=${1:-"1500 10000 100000"}
threads=${THREADS:-2}
limit=${LIMIT:-60}
out="$here/results/repair"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
csv="$out/repair.csv"
# REPAIR_APPEND=1 adds rows to the existing repair.csv (another size or time limit)
if [ "${REPAIR_APPEND:-0}" != 1 ] || [ ! -f "$csv" ]; then
    echo "clients,limit_s,run,weights,seconds,peak_mib,visits,visits_served,travel_per_care_hour,unaffected,unchanged_share,valid" > "$csv"
fi
cities="--municipality Amsterdam --municipality Rotterdam --municipality GM0518 --municipality Utrecht
        --municipality Eindhoven --municipality Groningen --municipality Tilburg --municipality Almere
        --municipality Breda --municipality Nijmegen"

week1() {
    case $1 in
    1500) "$bin" generate --municipality Amersfoort --clients 1500 --seed 1 -o "$2" 2> /dev/null ;;
    10000) "$bin" generate --municipality Utrecht --clients 10000 --seed 1 -o "$2" 2> /dev/null ;;
    *) "$bin" generate $cities --clients "$1" --seed 1 -o "$2" 2> /dev/null ;; # shellcheck disable=SC2086
    esac
}

# One timed run, then a CSV row: $1 size, $2 run name, $3 weights, $4 week-2 scenario, $5 roster
# path, then the command's arguments.
timed() {
    t_size=$1 t_run=$2 t_weights=$3 t_scen=$4 t_out=$5
    shift 5
    /usr/bin/time -v "$bin" "$@" -o "$t_out" --threads "$threads" --time-limit "$limit" --quiet 2> "$work/time.log"
    t_secs=$(grep "Elapsed (wall" "$work/time.log" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    t_peak=$(grep "Maximum resident" "$work/time.log" | awk '{printf "%.0f", $NF / 1024}')
    if "$bin" validate "$t_scen" "$t_out" --previous "$work/w1r-$t_size.json" --quiet > "$work/v.log" 2>&1 ||
        { [ "$t_run" = scratch ] && "$bin" validate "$t_scen" "$t_out" --quiet > "$work/v.log" 2>&1; }; then
        t_valid=yes
    else
        t_valid=NO
        head -3 "$work/v.log" >&2
    fi
    python3 "$here/repair_metrics.py" "$work/w1-$t_size.json" "$t_scen" "$work/w1r-$t_size.json" "$t_out" > "$work/m.json"
    python3 - "$work/m.json" "$t_size" "$t_run" "$t_weights" "$t_secs" "$t_peak" "$t_valid" "$limit" >> "$csv" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
size, run, weights, secs, peak, valid, limit = sys.argv[2:]
print(f"{size},{limit},{run},{weights},{float(secs):.2f},{peak},{m['visits']},{m['visits_served']},"
      f"{m['travel_per_care_hour']:.5f},{m['unaffected']},{m['unchanged_share']:.4f},{valid}")
EOF
    tail -1 "$csv"
}

# Week 2 with the four change weights scaled by $2: $1 scenario, $3 output.
scaled() {
    python3 - "$1" "$2" "$3" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
f = float(sys.argv[2])
o = s.setdefault("objective", {})
for k, v in {"changed_helper": 240, "changed_day": 60, "changed_time": 20, "substitute_visit": 120}.items():
    o[k] = o.get(k, v) * f
json.dump(s, open(sys.argv[3], "w"))
EOF
}

first=""
for n in $sizes; do
    [ -z "$first" ] && first=$n
    week1 "$n" "$work/w1-$n.json"
    "$bin" solve "$work/w1-$n.json" -o "$work/w1r-$n.json" --threads "$threads" --time-limit "$limit" --quiet
    "$bin" generate --next-week "$work/w1-$n.json" --roster "$work/w1r-$n.json" --seed 2 \
        -o "$work/w2-$n.json" 2> /dev/null
    timed "$n" scratch 1 "$work/w2-$n.json" "$work/s-$n.json" solve "$work/w2-$n.json"
    timed "$n" repair 1 "$work/w2-$n.json" "$work/r-$n.json" repair "$work/w2-$n.json" "$work/w1r-$n.json"
done

[ "${TRADEOFF:-1}" = 1 ] || { echo "results in $csv"; exit 0; }
for f in 0 0.25 4; do
    scaled "$work/w2-$first.json" "$f" "$work/w2x-$first.json"
    timed "$first" repair "$f" "$work/w2x-$first.json" "$work/rx-$first.json" repair "$work/w2x-$first.json" "$work/w1r-$first.json"
    [ "$f" = 0 ] && timed "$first" scratch "$f" "$work/w2x-$first.json" "$work/sx-$first.json" solve "$work/w2x-$first.json"
done
echo "results in $csv"
