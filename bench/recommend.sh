#!/bin/sh
# Intake speed: one recommendation (5 options) for a new client on a solved city roster of 10k
# clients (Utrecht) and on the 100k model (the ten largest municipalities), timed by wijkplan
# itself after loading (median of 5), plus the whole command's wall time.
# usage: bench/recommend.sh   (results in results/recommend.md)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${WIJKPLAN:-$root/build/wijkplan}
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
done
cat "$out"
