#!/bin/sh
# Markdown table of a Solomon benchmark CSV (see solomon.sh). usage: solomon-table.sh CSV COMMAND
set -eu
awk -F, -v cmd="$2" -v host="$(uname -m), $(nproc) cores" '
NR == 1 { next }
{ n++; gt += $7; gb += $10; t += $4; veh += $2; bv += $8; if ($7 > worst) { worst = $7; wi = $1 } if ($5 != "yes") bad++
  rows = rows sprintf("| %s | %d | %.2f | %.2f | %+.2f | %d | %.2f | %+.2f | %.1f | %s |\n", $1, $2, $3, $6, $7, $8, $9, $10, $4, $5) }
END {
  printf "# Solomon VRPTW, %s objective\n\n", (cmd ~ /hierarchical/ ? "hierarchical (vehicles first)" : "distance");
  printf "Command: `%s` (%s). Gaps: to the truncated-arc distance-only optima (`bks_distance_only.csv`,\n", cmd, host;
  printf "a lower bound for real distances) and to the hierarchical best-known solutions (`bks.csv`).\n\n";
  printf "**%d instances: mean gap %.2f%% to the truncated optima (worst %.2f%%, %s), mean gap %.2f%% to bks.csv;\n", n, gt / n, worst, wi, gb / n;
  printf "vehicles %d (bks %d); mean time %.1f s; invalid rosters: %d.**\n\n", veh, bv, t / n, bad;
  printf "| instance | vehicles | distance | truncated optimum | gap %% | bks vehicles | bks distance | gap %% | seconds | valid |\n";
  printf "|---|---|---|---|---|---|---|---|---|---|\n%s", rows }' "$1"
