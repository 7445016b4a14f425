#!/usr/bin/env bash
# The build benchmark's generated engagements are valid input at every size
# bench/build.sh uses, including above 4,800 steps, where the run's times
# once passed 23:59 (T24:00, T25:00 ...) and golive check refused the run.
# Usage: engagement_valid.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
for steps in 500 20000; do
  python3 "$source/bench/generate_engagement.py" "$work/engagement-$steps" "$steps" 100
  if ! "$golive" check "$work/engagement-$steps/project.yaml" >"$work/check-$steps.txt" 2>&1; then
    echo "FAIL: the $steps-step engagement is refused:"
    head -5 "$work/check-$steps.txt"
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ] && echo "PASS: generated engagements of 500 and 20,000 steps are valid"
exit "$failures"
