#!/bin/sh
# Fault injection (builds with -DWP_FAULT_INJECTION=ON): for N = 1, 2, ... the Nth allocation,
# output write or PROJ call of a small solve, import, compare and repair (and each allocation
# of a validation against last week's roster) fails. Every run must either
# succeed with all its outputs, or exit 1 (4 for PROJ) with a clear message and leave no output
# and no temporary file; never crash or report a sanitizer error.
# usage: fault_sweep.sh WIJKPLAN DATADIR
set -u
wijkplan=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
runs=0

check() { # kind N status; outputs in $tmp/o
    kind=$1 n=$2 status=$3
    runs=$((runs + 1))
    if grep -q "Sanitizer\|runtime error" "$tmp/err"; then
        echo "$kind N=$n: sanitizer report"; sed 's/^/  /' "$tmp/err" | head -20; fail=1
    fi
    if ls "$tmp/o" | grep -q '\.tmp\.'; then echo "$kind N=$n: temporary file left"; fail=1; fi
    if [ "$status" -ne 0 ]; then
        case "$kind:$status" in
        alloc:1 | write:1 | proj:1 | proj:4) ;;
        *) echo "$kind N=$n: exit status $status"; sed 's/^/  /' "$tmp/err" | head -5; fail=1 ;;
        esac
        if [ -n "$(ls "$tmp/o")" ]; then echo "$kind N=$n: output left after failure"; ls "$tmp/o"; fail=1; fi
        if ! [ -s "$tmp/err" ]; then echo "$kind N=$n: failed without a message"; fail=1; fi
    fi
}

sweep() { # kind VAR command...
    kind=$1 var=$2
    shift 2
    n=1
    while [ "$n" -lt 200000 ]; do
        rm -rf "$tmp/o"
        mkdir "$tmp/o"
        env "$var=$n" "$@" > /dev/null 2> "$tmp/err"
        status=$?
        check "$kind" "$n" "$status"
        [ "$status" -eq 0 ] && return # N is past the last call: the sweep is complete
        if [ "$n" -lt 64 ]; then n=$((n + 1)); else n=$((n + n / 8)); fi
    done
    echo "$kind: never succeeded"
    fail=1
}

s="$data/invalid/repair_scenario.json"
for kind in alloc:WP_FAIL_ALLOC write:WP_FAIL_WRITE proj:WP_FAIL_PROJ; do
    k=${kind%%:*} v=${kind#*:}
    sweep "$k" "$v" "$wijkplan" solve "$s" -o "$tmp/o/r.json" --csv "$tmp/o/r.csv" --iterations 20 --threads 1
    sweep "$k" "$v" "$wijkplan" import csv --clients "$data/invalid/csv/clients.csv" \
        --helpers "$data/invalid/csv/helpers.csv" --providers "$data/invalid/csv/providers.csv" -o "$tmp/o/s.json"
    sweep "$k" "$v" "$wijkplan" compare "$s" --variants open_house -o "$tmp/o/c.json" --iterations 20 --threads 1 --quiet
    # a repair hands last week's roster to the scenario: it is freed also when memory runs out
    sweep "$k" "$v" "$wijkplan" repair "$s" "$data/invalid/previous_ok.json" -o "$tmp/o/r.json" \
        --changes "$tmp/o/c.csv" --iterations 20 --threads 1 --quiet
done
# validation reads two rosters and writes nothing
"$wijkplan" repair "$s" "$data/invalid/previous_ok.json" -o "$tmp/repaired.json" --iterations 20 --threads 1 --quiet
sweep alloc WP_FAIL_ALLOC "$wijkplan" validate "$s" "$tmp/repaired.json" --previous "$data/invalid/previous_ok.json" --quiet
echo "fault sweep: $runs runs"
exit $fail
