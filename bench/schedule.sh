#!/usr/bin/env bash
# The timetable's cost: bench/'s generated engagement of STEPS steps
# (10,000 by default), each given a budget and every fourth one a
# dependency, evaluated by golive status under callgrind. Prints the
# instructions spent in the schedule (evaluate_schedule, evaluate_forecast,
# inclusive) against the whole command's, for STEPS and STEPS / 10, so
# that the ratio shows whether the cost grows linearly.
# Usage: bench/schedule.sh [GOLIVE] [STEPS]   (defaults: build/golive, 10000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
golive=${1:-$here/../build/golive}
steps=${2:-10000}
out=$here/out/schedule
command -v valgrind >/dev/null || { echo "bench: valgrind is needed"; exit 2; }
rm -rf "$out" && mkdir -p "$out"

measure() {  # measure STEPS: prints "STEPS schedule total" in instructions
  local folder=$out/e$1
  python3 "$here/generate_engagement.py" "$folder" "$1" 20 >/dev/null
  # every step takes 5 to 24 minutes
  awk '{ print } /^        kind: / { n++; printf "        budget: %dm\n", 5 + n % 20 }' \
    "$folder/runbook.yaml" > "$folder/runbook.tmp" && mv "$folder/runbook.tmp" "$folder/runbook.yaml"
  valgrind --tool=callgrind --callgrind-out-file="$folder/callgrind.out" \
    "$golive" status "$folder/project.yaml" >/dev/null 2>&1 || true
  local total schedule
  total=$(callgrind_annotate "$folder/callgrind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }')
  schedule=$(callgrind_annotate --inclusive=yes --threshold=100 "$folder/callgrind.out" 2>/dev/null \
    | awk '/=> .*evaluate_schedule[.]c:evaluate_(schedule|forecasts) / { gsub(",", "", $1); sum += $1 }
           END { print sum + 0 }')
  echo "$1 $schedule $total"
}
small=$(measure $((steps / 10)))
large=$(measure "$steps")
echo "steps  schedule+forecast instructions  whole status"
echo "$small" | awk '{ printf "%6d  %12d  %14d\n", $1, $2, $3 }'
echo "$large" | awk '{ printf "%6d  %12d  %14d\n", $1, $2, $3 }'
echo "$small $large" | awk '{ if ($2 > 0) printf "ratio of the schedule for 10x the steps: %.1f\n", $5 / $2 }'
