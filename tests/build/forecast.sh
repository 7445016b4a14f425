#!/usr/bin/env bash
# The forecast at moments of the example's night: golive status --at gives
# minutes ahead or behind plan, the forecast end, and whether the rollback
# deadline and the window end will be met, with the step that crosses
# them; the runbook prints the same as of the last record. Then the same
# night with the upgrade stuck: the deadline is missed, during step 110.
# Then the night rolled back at step 150: the forecast follows the
# rollback phase to its end, against its own planned end and the window
# end.
# Usage: forecast.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/e"
cd "$work/e"
forecast() {  # the plan-and-forecast section of golive status, as of $1 if given
  printf '$ golive status --at %s\n' "${1:-(last record)}"
  "$golive" status project.yaml ${1:+--at "$1"} | sed -n '/^Time: plan and forecast/,/^$/{/^$/!p}'
}
{
  forecast 2026-03-20T20:00:00+01:00
  forecast 2026-03-20T22:30:00+01:00
  forecast 2026-03-20T23:10:00+01:00
  forecast
  "$golive" build project.yaml -o out --only runbook --format md -q
  sed -n '/^\*\*Forecast\*\*/,/^- Window end/p' out/runbook.md
  # Nothing recorded after the upgrade started at 18:44, and it is midnight.
  sed -i '/item: "90", status: done/,$d' runs/golive.yaml
  forecast 2026-03-21T00:00:00+01:00
  cd "$work" && cp -r "$source/examples/hollenbach" r && cd r
  sed -i '/decision: go, note: "All blocking/,$d' runs/golive.yaml
  "$golive" mark runs/golive.yaml 150 done --decision rollback --by alindqvist \
    --at 2026-03-20T23:36:00+01:00 --note "Mapping still wrong: roll back" > mark.out
  "$golive" mark runs/golive.yaml R10 done --by hgortz --at 2026-03-20T23:45:00+01:00 > mark.out
  forecast 2026-03-20T23:40:00+01:00
  forecast 2026-03-21T00:00:00+01:00
  "$golive" build project.yaml -o out --only runbook --format md -q
  sed -n '/^\*\*Forecast\*\*/,/^- Window end/p' out/runbook.md
} > "$work/forecast.txt"
if ! diff -u "$source/tests/build/forecast.expected" "$work/forecast.txt"; then
  echo "FAIL: the forecasts differ from tests/build/forecast.expected"
  exit 1
fi
