#!/bin/sh
# ConVRP spread over seeds: bench/convrp.sh for seeds 1..N (default 5) at a time limit and
# thread count, then per instance the best, median and worst gap to the best known, and the
# mean ratio and the worst single run over all runs.
# usage: bench/convrp-seeds.sh [SECONDS] [THREADS] [SEEDS]   (default 10 2 5); results in
# results/convrp-seeds/ (one CSV per seed and README.md)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-10}
threads=${2:-2}
seeds=${3:-5}
mkdir -p "$here/results/convrp-seeds"
if [ "${SUMMARY_ONLY:-0}" != 1 ]; then
    for k in $(seq 1 "$seeds"); do
        "$here/convrp.sh" -t "$seconds" -j "$threads" -s "$k" -n "convrp-seeds/seed$k" > /dev/null
    done
fi
python3 - "$here/results/convrp-seeds" "$seconds" "$threads" "$seeds" <<'PY'
import csv, statistics, sys
out, seconds, threads, seeds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
runs = {}
for k in range(1, seeds + 1):
    for row in csv.DictReader(open(f"{out}/seed{k}.csv")):
        runs.setdefault(row["instance"], []).append((float(row["gap_pct"]), row["valid"]))
lines = [f"# ConVRP (Groër, Golden and Wasil 2009, p = 0.7): spread over {seeds} seeds", "",
         f"Command: `bench/convrp-seeds.sh {seconds} {threads} {seeds}` ({seconds} s per run, "
         f"{threads} threads, time-based). Gap of travel + service time to Stavropoulou (2022) "
         "Table 1, per run; `seedK.csv` has every run.", "",
         "| instance | best | median | worst | runs above +2% |", "|---|---|---|---|---|"]
all_gaps, invalid = [], 0
for inst in sorted(runs, key=lambda s: int(s.split("_")[1])):
    g = [x for x, _ in runs[inst]]
    invalid += sum(v != "yes" for _, v in runs[inst])
    all_gaps += g
    lines.append(f"| {inst} | {min(g):+.2f}% | {statistics.median(g):+.2f}% | {max(g):+.2f}% | "
                 f"{sum(x > 2 for x in g)} |")
ratio = statistics.mean(1 + x / 100 for x in all_gaps)
lines += ["", f"**{len(all_gaps)} runs: mean ratio to the best known {ratio:.4f}, worst single run "
          f"{1 + max(all_gaps) / 100:.4f}; runs above 1.02: {sum(x > 2 for x in all_gaps)}; "
          f"invalid rosters: {invalid}.**", ""]
open(f"{out}/README.md", "w").write("\n".join(lines))
print("\n".join(lines))
PY
