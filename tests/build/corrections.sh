#!/usr/bin/env bash
# Corrections: a wrong record is corrected by a new one that names its line
# and a reason; the corrected record no longer counts, the runbook shows
# both; corrections of no record, of another step or of an outdated record
# are refused.
# Usage: corrections.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/tests/cli/engagement" "$work/e"
cd "$work/e"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
refused() {  # refused EXPECTED COMMAND...
  local expected=$1 code=0
  shift
  "$@" > out.txt 2> err.txt || code=$?
  [ "$code" -eq 1 ] && grep -qF -- "$expected" err.txt || fail "'$*' ($code) does not say '$expected': $(cat err.txt)"
}
sed -i 's/^artifacts: \[runbook\]/artifacts: [runbook]/' project.yaml
"$golive" mark run.yaml 30 done --by lukas --at 2026-03-21T18:10:00+01:00     # line 7: wrong
"$golive" status project.yaml | grep -q "30 .*Stop user access" && fail "step 30 still open"
"$golive" mark run.yaml 30 failed --by lukas --at 2026-03-21T18:10:00+01:00 \
  --corrects 7 --reason "typed done; the step failed"
grep -qF 'corrects: 7, reason: "typed done; the step failed"' run.yaml || fail "the correction is not recorded"
"$golive" check project.yaml || fail "a correction does not check"
"$golive" status project.yaml > status.txt || true
grep -qF "blocking step 30 (Stop user access) failed" status.txt ||
  fail "the corrected record still counts: $(cat status.txt)"
"$golive" build project.yaml -o out --format md
grep -qF "(*corrected by the record of line 8: typed done; the step failed*)" out/runbook.md ||
  fail "the runbook does not show the corrected record"
grep -qF "(*corrects the record of line 7: typed done; the step failed*)" out/runbook.md ||
  fail "the runbook does not show the correction"

refused "line 7 is corrected already" "$golive" mark run.yaml 30 done --by lukas --corrects 7 --reason again
refused "line 5 records another step" "$golive" mark run.yaml 30 done --by lukas --corrects 5 --reason x
refused "line 99 holds no earlier result" "$golive" mark run.yaml 30 done --by lukas --corrects 99 --reason x
refused "a correction needs both --corrects LINE" "$golive" mark run.yaml 30 done --by lukas --corrects 8
"$golive" mark run.yaml 30 done --by lukas --at 2026-03-21T18:20:00+01:00   # line 9
refused "line 8 is no longer step 30's latest record (line 9 followed it)" \
  "$golive" mark run.yaml 30 done --by lukas --corrects 8 --reason x
# Written by hand, a correction is checked too, at its own line.
echo '- {item: "20", status: done, by: petra, at: "2026-03-21T18:30:00+01:00", corrects: 3}' >> run.yaml
refused "run.yaml:10:3: error: a correction needs its 'reason'" "$golive" check project.yaml
refused "run.yaml:10:3: error: line 3 holds no earlier result of this run" "$golive" check project.yaml

[ "$failures" -eq 0 ] && echo "corrections: all checks passed"
exit $((failures > 0))
