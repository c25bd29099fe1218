#!/bin/sh
# Intake speed: one recommendation (5 options) for a new client on a solved city roster of 10k
# clients (Utrecht) and on the 100k model (the ten largest municipalities), timed by wijkplan
# itself after loading (median of 5), plus the whole command's wall time; --waiting-list for 1%
# of the clients (new, next to existing ones) at 10k (median of 3, the filled roster validated);
# and the property check of the test suite (every option of 20 new clients inserted as proposed
# is valid, nobody else moves, the added travel is as said, the best option equals the best
# insertion over every helper) on a 1.5k-client city.
# usage: bench/recommend.sh   (results in results/recommend.md; WP_BUILD=DIR picks the build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${WP_BUILD:-$root/build}
bin=$build/wijkplan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$here/results/recommend.md"
cities="--municipality Amsterdam --municipality Rotterdam --municipality GM0518 --municipality Utrecht
        --municipality Eindhoven --municipality Groningen --municipality Tilburg --municipality Almere
        --municipality Breda --municipality Nijmegen"
{
    echo "# Intake recommendations: speed"
    echo
    echo "Command: \`bench/recommend.sh\` ($(date -u +%Y-%m-%d), 2-core shared machine). One new client"
    echo "(3 h a week in 2 visits) placed next to an existing one; 5 options; median of 5 runs."
    echo
    echo "| clients | after loading (median) | whole command (median) |"
    echo "|---|---|---|"
} > "$out"
for n in 10000 100000; do
    if [ "$n" = 10000 ]; then
        "$bin" generate --municipality Utrecht --clients 10000 --seed 1 -o "$work/s.json" 2> /dev/null
    else
        "$bin" generate $cities --clients 100000 --seed 1 -o "$work/s.json" 2> /dev/null # shellcheck disable=SC2086
    fi
    "$bin" solve "$work/s.json" -o "$work/r.json" --threads 2 --quiet
    python3 - "$work/s.json" "$work/new.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["clients"][0]
json.dump({"id": "NEW1", "location": [c["location"][0] + 0.0004, c["location"][1]],
           "hours_per_week": 3, "visits_per_week": 2}, open(sys.argv[2], "w"))
PY
    : > "$work/times"
    for i in 1 2 3 4 5; do
        start=$(date +%s%N)
        "$bin" recommend "$work/s.json" "$work/r.json" --client "$work/new.json" -o "$work/o.json" \
            > /dev/null 2> "$work/err"
        end=$(date +%s%N)
        ms=$(sed -n 's/.* in \([0-9.]*\) ms after loading.*/\1/p' "$work/err")
        echo "$ms $(( (end - start) / 1000000 ))" >> "$work/times"
    done
    med1=$(cut -d' ' -f1 "$work/times" | sort -n | sed -n 3p)
    med2=$(cut -d' ' -f2 "$work/times" | sort -n | sed -n 3p)
    echo "| $n | $med1 ms | $med2 ms |" >> "$out"
    [ "$n" = 10000 ] || continue
    python3 - "$work/s.json" "$work/wait.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
n = len(s["clients"]) // 100
for i in range(n):
    c = s["clients"][(i * 97) % len(s["clients"])]
    s["clients"].append({"id": "WAIT%d" % i, "location": [c["location"][0] + 0.0003, c["location"][1]],
                         "hours_per_week": 1 + i % 3, "visits_per_week": 1 + i % 2,
                         "priority": 1 + i % 5})
json.dump(s, open(sys.argv[2], "w"))
PY
    : > "$work/wtimes"
    for i in 1 2 3; do
        "$bin" recommend "$work/wait.json" "$work/r.json" --waiting-list -o "$work/filled.json" \
            2> "$work/err"
        sed -n 's/.* placed in \([0-9.]*\) ms after loading.*/\1/p' "$work/err" >> "$work/wtimes"
    done
    "$bin" validate "$work/wait.json" "$work/filled.json" > /dev/null
    wmed=$(sort -n "$work/wtimes" | sed -n 2p)
    placed=$(sed -n 's/.*: \([0-9]*\) waiting clients\{0,1\} placed.*/\1/p' "$work/err")
    wline="--waiting-list at 10k: $(($n / 100)) waiting clients (1%), $placed placed in $wmed ms after loading (median of 3); the filled roster is valid."
done
echo >> "$out"
echo "$wline" >> "$out"
echo >> "$out"
check=$(WP_RECOMMEND_CLIENTS=1500 "$build/tests/solve_test_recommend" | sed -n 's/^recommend: //p')
echo "Property check on 1.5k clients (\`WP_RECOMMEND_CLIENTS=1500 build/tests/solve_test_recommend\`): $check; each as proposed is valid, nobody else moves, added travel as reported within 0.1 min, and the best option is the best insertion over every helper." >> "$out"
cat "$out"
