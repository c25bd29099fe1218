#!/bin/sh
# Scale benchmark: generated municipalities at realistic density: about 1k clients (Leusden, 31
# clients per 1,000 inhabitants), 10k (Utrecht) and 100k (the ten largest municipalities), one
# helper per 10 clients, each solved with 1 and 2 threads. Measures the time to the first valid
# roster (construction), the time (wall and CPU), objective and quality after a fixed search
# budget (1.5 iterations per visit, the same work for 1 and 2 threads), and peak resident memory
# (/usr/bin/time -v). Budget runs are repeated three times; summary.txt has medians, speed-ups
# and the growth from 10k clients.
# Then the quality check: two districts of the 10k run solved alone with ten times the budget.
# usage: [SCALE_APPEND=1] bench/scale.sh [SIZES]   (default "1000 10000 100000"); results in
#   results/scale/
#   1000 means Leusden at its own rate (about 980 clients)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${WIJKPLAN:-$root/build/wijkplan}
sizes=${1:-"1000 10000 100000"}
out="$here/results/scale"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cities="--municipality Amsterdam --municipality Rotterdam --municipality GM0518 --municipality Utrecht
        --municipality Eindhoven --municipality Groningen --municipality Tilburg --municipality Almere
        --municipality Breda --municipality Nijmegen"
csv="$out/scale.csv"
# SCALE_APPEND=1 adds rows to the existing scale.csv (more repeats on a noisy day); summary.txt
# then pools every row.
if [ "${SCALE_APPEND:-0}" != 1 ] || [ ! -f "$csv" ]; then
    echo "clients,helpers,visits,threads,phase,seconds,cpu_seconds,peak_mib,objective,visits_served,travel_per_care_hour,valid" > "$csv"
fi

# One timed run: appends a CSV row. $1 scenario, $2 threads, $3 phase, then solve options.
# (sh has no local variables: everything set here is prefixed run_ so as not to touch the caller's.)
run() {
    run_scen=$1 run_threads=$2 run_phase=$3
    shift 3
    /usr/bin/time -v "$bin" solve "$run_scen" -o "$work/r.json" --threads "$run_threads" --time-limit 900 --quiet "$@" \
        2> "$work/time.log"
    run_secs=$(grep "Elapsed (wall" "$work/time.log" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    cpu=$(grep -E "(User|System) time" "$work/time.log" | awk '{ s += $NF } END { printf "%.1f", s }')
    peak=$(grep "Maximum resident" "$work/time.log" | awk '{printf "%.0f", $NF / 1024}')
    if "$bin" validate "$run_scen" "$work/r.json" --quiet > /dev/null; then valid=yes; else valid=NO; fi
    run_helpers=$(grep -c '"home"' "$run_scen" || true)
    kpi() { grep -o "\"$1\":[^,}]*" "$work/r.json" | tail -1 | cut -d: -f2 | tr -d ' '; }
    awk -v c="$(kpi clients)" -v h="$run_helpers" -v v="$(kpi visits)" -v t="$run_threads" -v p="$run_phase" -v s="$run_secs" -v cpu="$cpu" \
        -v m="$peak" -v o="$(kpi objective)" -v vs="$(kpi visits_served)" -v tr="$(kpi travel_hours)" \
        -v ca="$(kpi care_hours)" -v ok="$valid" \
        'BEGIN { printf "%d,%d,%d,%d,%s,%.1f,%.1f,%d,%.1f,%d,%.4f,%s\n", c, h, v, t, p, s, cpu, m, o, vs, tr / ca, ok }' >> "$csv"
    tail -1 "$csv"
}

# The scenario of a size, generated once: $1 size; prints its path.
scenario() {
    path="$work/scale-$1.json"
    if [ ! -f "$path" ]; then
        case $1 in
        1000) "$bin" generate --municipality Leusden --seed 1 -o "$path" 2> /dev/null ;;
        10000) "$bin" generate --municipality Utrecht --clients 10000 --seed 1 -o "$path" 2> /dev/null ;;
        *) "$bin" generate $cities --clients "$1" --seed 1 -o "$path" 2> /dev/null ;; # shellcheck disable=SC2086
        esac
    fi
    echo "$path"
}

# The search budget: 1.5 iterations per visit. Generated clients have one visit a week, or two
# where visits_per_week is given. $1 size, $2 scenario.
budget_of() {
    second_visits=$(grep -c '"visits_per_week"' "$2" || true)
    echo $(( ($1 + second_visits) * 3 / 2 ))
}

repeats=3 # medians on a noisy machine
for n in $sizes; do
    scen=$(scenario "$n")
    budget=$(budget_of "$n" "$scen")
    for threads in 1 2; do run "$scen" "$threads" first_roster --construction-only; done
    # 1 and 2 threads alternate, so that a slow spell of this shared machine hits both alike.
    # Large runs take minutes, long enough for the machine's speed to drift by a third: each is
    # framed by two 10k runs with the same threads ("neighbour"), and the growth from 10k is
    # taken against those (summary.txt).
    for _ in $(seq "$repeats"); do
        for threads in 1 2; do
            if [ "$n" -ge 50000 ]; then
                s10=$(scenario 10000)
                b10=$(budget_of 10000 "$s10")
                run "$s10" "$threads" neighbour --iterations "$b10"
                run "$scen" "$threads" budget --iterations "$budget"
                run "$s10" "$threads" neighbour --iterations "$b10"
            else
                run "$scen" "$threads" budget --iterations "$budget"
            fi
        done
    done
    if [ "$n" = 10000 ]; then
        # two districts of the last (2-thread, budget) run, solved alone with ten times the budget
        cp "$work/r.json" "$work/r10k.json"
        pick="WK034404,WK034405"
        "$bin" export subset "$scen" --districts "$pick" -o "$work/alone.json" 2> /dev/null
        "$bin" kpi "$scen" "$work/r10k.json" --districts "$pick" > "$work/in_run.json"
        alone_visits=$(( $(grep -c '"location"' "$work/alone.json") + $(grep -c '"visits_per_week"' "$work/alone.json" || true) ))
        "$bin" solve "$work/alone.json" -o "$work/alone_r.json" --threads 2 --time-limit 900 --quiet \
            --iterations $(( alone_visits * 15 )) # ten times 1.5 iterations per visit
        "$bin" validate "$work/alone.json" "$work/alone_r.json" --quiet
        "$bin" kpi "$work/alone.json" "$work/alone_r.json" > "$work/alone_kpi.json"
        get() { grep -o "\"$2\":[^,}]*" "$1" | cut -d: -f2 | tr -d ' \t'; }
        awk -v a="$(get "$work/in_run.json" travel_hours)" -v b="$(get "$work/in_run.json" care_hours)" \
            -v c="$(get "$work/alone_kpi.json" travel_hours)" -v d="$(get "$work/alone_kpi.json" care_hours)" \
            -v pick="$pick" 'BEGIN {
            printf "districts %s: travel per care hour %.4f in the 10k run, %.4f solved alone with 10x budget (%+.2f%%)\n",
                pick, a / b, c / d, 100 * (a / b - c / d) / (c / d) }' > "$out/quality.txt"
        cat "$out/quality.txt"
    fi
done

# Medians, speed-ups and growth from 10k (against the neighbouring 10k runs) into summary.txt.
awk -F, 'function median(list,   n, v, i, j, t) {
        n = split(list, v, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    NR == 1 { next }
    $5 == "budget" { times[$1 "," $4] = times[$1 "," $4] " " $6; sizes[$1] = 1 }
    $5 == "budget" && $1 >= 50000 { pending[$4] = $6; big = $1 }
    $5 == "neighbour" {
        if (pending[$4] != "") { growth[$4] = growth[$4] " " sprintf("%.1f", pending[$4] / ((before[$4] + $6) / 2)); pending[$4] = "" }
        before[$4] = $6
    }
    END {
        for (c in sizes) {
            m1 = median(times[c ",1"]); m2 = median(times[c ",2"])
            printf "%d clients: budget median %.1f s (1 thread), %.1f s (2 threads), speed-up %.2fx\n", c, m1, m2, m1 / m2
        }
        for (t = 1; t <= 2; t++) if (growth[t] != "")
            printf "%d clients against the neighbouring 10k runs, %d thread(s): %.1fx (median of%s)\n", big, t, median(growth[t]), growth[t]
    }' "$csv" | sort -n > "$out/summary.txt"
cat "$out/summary.txt"
