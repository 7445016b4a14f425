#!/usr/bin/env bash
# A whole go-live of the example engagement, recorded from the command line
# alone, from an empty run: golive status tells the truth at each step
# (verdict, next blocking step, exit status of --gate), and golive build
# renders the result.
# Usage: golive_by_command_line.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/engagement"
cd "$work/engagement"
run=runs/golive.yaml
sed -i '/^records:/q' "$run"     # the run as golive new writes it: no records
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# status_is CODE TEXT...: golive status --gate go-live exits with CODE and prints each TEXT.
status_is() {
  local expected=$1 code=0
  shift
  "$golive" status project.yaml --gate go-live > status.txt || code=$?
  [ "$code" -eq "$expected" ] || fail "status --gate exited $code, not $expected"
  for text in "$@"; do
    grep -qF -- "$text" status.txt || fail "status does not say: $text"
  done
}
mark() { "$golive" mark "$run" "$@"; }
at() { echo "2026-03-20T$1:00+01:00"; }

export GOLIVE_BY=alindqvist
status_is 4 "Verdict:  NOT READY" "blocking step 10 (Confirm the go-live approval) is todo" \
  "Approval: PENDING (go-live: 0 of 3 signed)"

"$golive" sign "$run" golive-sponsor --name "Jürgen Weiß" --decision approved --date 2026-03-19
# The project lead declares a key (the example's test key): she signs electronically.
"$golive" sign "$run" golive-consultancy --name "Åsa Lindqvist" --decision approved \
  --date 2026-03-19 --key keys/TEST-KEY-alindqvist.key
"$golive" sign "$run" golive-client-it --name "Zofia Łukasiewicz" --decision approved --date 2026-03-19
mark 10 done --at "$(at 17:20)" --evidence approvals="Sign-off sheet v1.0, all three signed"
mark 20 done --by pzielinski --at "$(at 17:35)" \
  --evidence latest_backup="db-20260320-0200.dump" --evidence restore_drill="17 Mar, 47 min"
mark 30 done --at "$(at 17:50)"
status_is 4 "Approval: APPROVED (go-live: 3 of 3 signed)" \
  "step 40 (Decide whether to start) is a decision point without a go or continue decision"
mark 40 done --at "$(at 17:58)" --decision go
mark 50 done --by hgortz --at "$(at 18:02)"
mark 60 done --by ohorak --at "$(at 18:09)"
status_is 4 "Downtime: 0 min so far (from 2026-03-20 18:09 +01:00)" \
  "70    Stop scheduled actions and integrations"
mark 70 done --by ohorak --at "$(at 18:15)"
mark 80 done --by ohorak --at "$(at 18:40)" --evidence final_dump="db-final.dump" \
  --evidence filestore_archive="filestore-final.tar" --evidence offsite_copy="Ulm box, 18:52"
mark 90 in-progress --by ohorak --at "$(at 18:44)"
mark 90 done --by ohorak --at "$(at 21:27)" --evidence upgrade_request="7731452" \
  --evidence upgrade_log="/var/log/odoo/upgrade.log"
for check in 1 2 3 4; do mark 100.$check done --by ohorak --at "$(at 22:0$check)"; done
mark 100 done --by ohorak --at "$(at 22:04)" --evidence release_ref="v19.0.3" \
  --evidence update_log="0 errors"
mark 110 done --by isondergaard --at "$(at 22:20)"
mark 120 failed --by isondergaard --at "$(at 22:57)" --note "A supplier bill cannot be posted"
status_is 4 "blocking step 120 (Validate the critical business flows) failed"
mark 150 in-progress --at "$(at 23:03)" --note "Fixing the tax mapping"
mark 120 done --by isondergaard --at "$(at 23:29)" --evidence test_documents="SO/2026/0412 and its invoice"
mark 130 done --by zlukasiewicz --at "$(at 23:31)" --evidence integration_tests="bank, EDI, mail"
mark 140 skipped --by isondergaard --at "$(at 23:32)" --note "Nobody on the shop floor at night"
mark 150 done --at "$(at 23:36)" --decision go
mark 170 done --by ohorak --at "$(at 23:50)"
mark 180 done --by ohorak --at "$(at 23:59)"
status_is 0 "Verdict:  READY" "none: every blocking step is closed" \
  "Downtime: 5 h 50 min (from 2026-03-20 18:09 +01:00)"

"$golive" build project.yaml -o out
pdftotext -enc UTF-8 out/runbook.pdf - | tr '\n' ' ' > runbook.txt
for text in "READY" "APPROVED" "A supplier bill cannot be posted" "Nobody on the shop floor at night"; do
  grep -qF -- "$text" runbook.txt || fail "the runbook does not show: $text"
done
! grep -qF "DRAFT" runbook.txt || fail "the runbook is still a draft"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "a go-live recorded from the command line: all checks passed"
