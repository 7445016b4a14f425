#!/usr/bin/env bash
# The scenario suite: generated engagements (tests/scenarios/base plus the
# records each scenario writes with golive mark and golive sign), each
# checked for
#   - the exit status of golive status --gate at every moment,
#   - the reason codes that status prints, against docs/rules.md: exactly
#     the codes the scenario names, and every rule of the table triggered
#     by at least one scenario and left alone by at least one other,
#   - what every document says (read back from the PDF with pdftotext):
#     the verdict, approval, gate answers, signer names and outcome agree
#     with golive status.
# Usage: run_scenarios.sh GOLIVE SOURCE_DIR WORK_DIR
set -uo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
export NO_COLOR=1 SOURCE_DATE_EPOCH=1774137600 GOLIVE_BY=lukas
failures=0
triggered=""  # "scenario:code" for every code a scenario prints
scenarios=""
fail() { echo "FAIL [$scenario]: $*"; failures=$((failures + 1)); }

# ---- recording ----------------------------------------------------------
begin() {
  scenarios="$scenarios $1"
  begin_case "$1"
}
begin_case() {   # a case that is not a gate scenario (not counted in the rules' walk)
  scenario=$1
  dir="$work/$scenario"
  cp -r "$source/tests/scenarios/base" "$dir"
  cd "$dir" || exit 1
}
at() { echo "2026-03-21T$1:00+01:00"; }
mark() { "$golive" mark "$@" > mark.out 2> mark.err || fail "golive mark $* exited $?: $(cat mark.err)"; }
sign() { "$golive" sign run.yaml "$@" > /dev/null 2> sign.err || fail "golive sign $* failed: $(cat sign.err)"; }

preflight_done() {
  mark preflight-run.yaml P10 done --at "$(at 17:30)" --evidence backup_ref=db-0321.dump
  mark preflight-run.yaml P20 done --at "$(at 17:35)"
}
preparation_done() {
  mark run.yaml 10 done --at 2026-03-19T16:00:00+01:00 --evidence drill_log=drill-0319.log
  mark run.yaml 20 done --by petra --at 2026-03-20T09:00:00+01:00
}
approvals() {
  sign sponsor --name "Petra Šťastná" --decision approved --date 2026-03-20
  sign lead --name "Lukáš Dvořák" --decision approved --date 2026-03-20
}
start() { mark run.yaml 30 done --by petra --at "$(at 17:55)" --decision go; }
execute() {
  mark run.yaml 40 done --at "$(at 18:05)"
  mark run.yaml 50 done --at "$(at 19:10)"
}
go_live() {
  mark run.yaml 60 done --by petra --at "$(at 19:20)" --decision go
  mark run.yaml 70 done --at "$(at 19:30)"
}

# ---- checking -----------------------------------------------------------
# gates "MOMENT=STATUS ...": golive status --gate MOMENT exits with STATUS.
gates() {
  for pair in "$@"; do
    local moment=${pair%=*} expected=${pair##*=} code=0
    "$golive" status project.yaml --gate "$moment" > "gate-$moment.txt" 2>&1 || code=$?
    [ "$code" -eq "$expected" ] || fail "--gate $moment exited $code, not $expected"
    grep -qF "Gate $moment: " "gate-$moment.txt" || fail "--gate $moment names no gate"
    # the dashboard's table of gates says the same as the exit status
    grep -qE "^  $moment +exit $expected " "gate-$moment.txt" \
      || fail "the table of gates does not show $moment exit $expected"
  done
}

# codes CODE...: the reason codes status prints over every gate, exactly.
codes() {
  local printed expected moment
  for moment in before-window decision:30 decision:60 decision close-out go-live; do
    "$golive" status project.yaml --gate "$moment" > "all-$moment.txt" 2>&1
  done
  printed=$(cat all-*.txt | grep -oE '\[[a-z-]+\]$' | tr -d '[]' | sort -u | xargs)
  expected=$(printf '%s\n' "$@" | sort -u | xargs)
  [ "$printed" = "$expected" ] || fail "reason codes: printed '$printed', expected '$expected'"
  for code in $printed; do triggered="$triggered $scenario:$code"; done
}

says() { grep -qF -- "$2" "$1" || fail "$1 does not say: $2"; }
says_not() { ! grep -qF -- "$2" "$1" || fail "$1 says: $2"; }

# documents: builds every document and reads the PDFs back.
documents() {
  "$golive" build project.yaml -o out > build.out 2> build.err || fail "build failed: $(cat build.err)"
  # -raw: the text in the order it was set, so that a wrapped table cell
  # reads as one run of words (made one line below)
  for pdf in out/*.pdf; do
    pdftotext -raw "$pdf" "${pdf%.pdf}.txt" || fail "pdftotext $pdf"
  done
  "$golive" status project.yaml > status.txt 2>&1
  local verdict
  verdict=$(sed -n 's/^Verdict:  //p' status.txt)
  # the runbook, sign-off sheet and close-out print the go-live verdict
  for document in runbook signoff closeout preflight; do
    [ -f "out/$document.txt" ] || continue
    # a no-break space (between a number and its unit) reads as a space;
    # a word hyphenated at a line's end is joined again, as a reader does
    tr '\n' ' ' < "out/$document.txt" | sed 's/\xc2\xa0/ /g' | tr -s ' ' \
      | sed 's/\([[:alpha:]]\)- \([[:lower:]]\)/\1\2/g' > "out/$document.flat"
  done
  says out/runbook.flat "The go-live is $verdict"
  # the sign-off sheet's go-live approval reads as status's
  local approval
  approval=$(sed -n 's/^Approval: \([A-Z ]*[A-Z]\).*/\1/p' status.txt)
  case $approval in
    APPROVED) says out/signoff.flat "Go-live approval 2 2 APPROVED" ;;
    PENDING) says out/signoff.flat "Go-live approval 2" ; says out/signoff.flat "PENDING" ;;
    REJECTED) says out/signoff.flat "Go-live approval 2 2 REJECTED" ;;
    *) fail "status prints no approval" ;;
  esac
  # the runbook's row of gates reads as status --gate at each moment (in
  # the client's words: the moment's name, not the command's)
  local moment code word label
  for moment in before-window decision close-out go-live; do
    case $moment in before-window) label="Before the window" ;; decision) label="At the decision point" ;;
      close-out) label="Close-out" ;; go-live) label="Go-live" ;; esac
    code=0
    "$golive" status project.yaml --gate "$moment" > /dev/null 2>&1 || code=$?
    case $code in 0) word=READY ;; 4) word="NOT READY" ;; *) word="ROLLBACK / NO-GO" ;; esac
    says out/runbook.flat " $label $word "
  done
}

# ---- the scenarios --------------------------------------------------------
begin ready-before-window
preflight_done; preparation_done; approvals
gates before-window=0 decision:30=4 decision:60=4 decision=4 close-out=4 go-live=4
codes no-decision open signoff-missing required-open
documents
# the runbook opens with a cover page, and sums up its go/no-go criteria:
# each decision point with its outcomes, what it needs closed, its state
page1=$(pdftotext -f 1 -l 1 -raw out/runbook.pdf - | tr '\n' ' ' | tr -s ' ')
case $page1 in
  *"Go-live runbook"*"Prepared by"*) ;;
  *) fail "the runbook's first page is no cover: $page1" ;;
esac
case $page1 in *"Readiness"*) fail "the runbook's cover holds the status table" ;; esac
says out/runbook.flat "Go/no-go criteria: Cutover runbook"
says out/runbook.flat "Step 30 · Decide whether to start (Client sponsor): GO / NO-GO · needs closed: 10, 20 · Status:"
# the boxes of an open decision say whose they are, should they start a page
says out/runbook.flat "Decision · Step 30 GO NO-GO"

# Why: GO recorded at the decision step, the window's later steps open.
begin go-at-the-start
preflight_done; preparation_done; approvals; start
gates before-window=0 decision:30=0 decision:60=4 decision=4 go-live=4
codes no-decision open signoff-missing required-open
documents

# Why: live with hypercare still running: the close-out tells it so.
begin live
preflight_done; preparation_done; approvals; start; execute; go_live
sed -i 's/^artifacts: \[preflight/closeout:\n  hypercare_until: 2026-04-03\nartifacts: [preflight/' project.yaml
gates before-window=0 decision:30=0 decision:60=0 decision=0 close-out=4 go-live=0
codes signoff-missing required-open
documents
says out/closeout.flat "Outcome: Live; hypercare open until 2026-04-03."
says out/closeout.flat "not yet (live since 2026-03-21 19:30"
says out/closeout.flat "Hypercare and handover: Closed 0 of 1, Required open: 1."
says out/closeout.flat "SUCCESS"
says_not out/closeout.flat "no required step is open"

# Why: a condition of an approval still open keeps the go-live from
# closing, whatever else is done; status, the runbook and the close-out name it.
begin condition-open
preflight_done; preparation_done; approvals; start; execute; go_live
mark handover-run.yaml H10 done --by petra --at 2026-03-27T10:00:00+01:00
sign close --name "Petra Šťastná" --decision approved --date 2026-03-27
sign lead --name "Lukáš Dvořák" --decision conditional --condition "Old server kept until 2026-04-30" --date 2026-03-20
mark run.yaml lead.1 open --owner petra --due 2026-04-30 --at 2026-03-27T11:00:00+01:00
gates before-window=0 decision=0 close-out=4 go-live=0
codes condition-open
documents
says gate-close-out.txt "condition lead.1 of Consultancy lead is open, owner Petra Šťastná, due 2026-04-30: Old server kept until 2026-04-30 [condition-open]"
says status.txt "Conditions: 1 of 1 open"
says status.txt "  - condition lead.1 of Consultancy lead is open, owner Petra Šťastná, due 2026-04-30: Old server kept until 2026-04-30"
says out/closeout.flat "Outcome: Live"
says_not out/closeout.flat "Outcome: Closed."
says out/closeout.flat "1 Old server kept until 2026-04-30 Lukáš Dvořák, Consultancy lead, 2026-03-20 Petra Šťastná 2026-04-30 OPEN"
says out/closeout.flat "The go-live cannot be closed out while a condition is open."
says out/runbook.flat "lead.1 Old server kept until 2026-04-30 (Lukáš Dvořák) · Owner: Petra Šťastná · Due: 2026-04-30"
# a waiver needs its reason; a condition that is not there is refused
code=0; "$golive" mark run.yaml lead.1 waived > waive.out 2>&1 || code=$?
[ "$code" -eq 1 ] || fail "a waiver without --note exited $code"
says waive.out "a waived condition needs --note saying why"
code=0; "$golive" mark run.yaml lead.2 met > unknown.out 2>&1 || code=$?
[ "$code" -eq 1 ] || fail "an unknown condition exited $code"
says unknown.out "'lead.2' is not a condition of a sign-off recorded above it in this run"

begin closed
preflight_done; preparation_done; approvals; start; execute; go_live
mark handover-run.yaml H10 done --by petra --at 2026-03-27T10:00:00+01:00
sign close --name "Petra Šťastná" --decision approved --date 2026-03-27
sign lead --name "Lukáš Dvořák" --decision conditional --condition "Old server kept until 2026-04-30" --date 2026-03-20
mark run.yaml lead.1 met --date 2026-04-30 --note "Server switched off after the last check" --at 2026-04-30T17:00:00+02:00
# issues still open go to support with an owner and a date; lessons learned
sed -i 's/^artifacts: \[preflight/closeout:\n  known_issues:\n    - {title: Label printer driver, owner: petra, due: 2026-04-10, notes: Printing from the browser meanwhile}\n    - {title: Slow stock report}\n  lessons:\n    - Test the label printers in the rehearsal too.\nartifacts: [preflight/' project.yaml
gates before-window=0 decision=0 close-out=0 go-live=0
codes
documents
says out/closeout.flat "Outcome: Closed."
says out/closeout.flat "1 Old server kept until 2026-04-30 Lukáš Dvořák, Consultancy lead, 2026-03-20 – – MET 2026-04-30: Server switched off after the last check"
says out/closeout.flat "Every condition of the approval is met or waived."
says_not out/signoff.flat "The go-live is not approved yet"
says out/closeout.flat "Known issues handed over Issue Owner Due Notes Label printer driver Petra Šťastná 2026-04-10 Printing from the browser meanwhile Slow stock report – –"
says out/closeout.flat "Lessons learned"
says out/closeout.flat "Test the label printers in the rehearsal too."
says_not status.txt "Conditions: 1 of 1 open"

# Why: a success criterion assessed as not met keeps the go-live from
# closing, though everything else is done; the close-out prints each
# criterion with its state and evidence, and counts them in its outcome.
begin criterion-not-met
preflight_done; preparation_done; approvals; start; execute; go_live
mark handover-run.yaml H10 done --by petra --at 2026-03-27T10:00:00+01:00
sign close --name "Petra Šťastná" --decision approved --date 2026-03-27
printf 'figure,before,after\ntrial balance,1000.00,1000.00\n' > figures.csv
cat >> handover.yaml <<CRITERIA
success_criteria:
  - {id: flows, criterion: Every critical flow works in production.}
  - The trial balance matches the figures before the window.
  - {id: speed, criterion: Response times are no worse than before.}
  - Users are trained on what changed.
CRITERIA
# the project's close-out assesses them: by id, or by number
sed -i "s/^artifacts: \\[preflight/closeout:\\n  success_criteria:\\n    - {criterion: handover.flows, state: met, date: 2026-03-27, by: petra, evidence: Validation plan passed in production.}\\n    - {criterion: handover.2, state: met, attachments: [{path: figures.csv, sha256: \"$(sha256sum figures.csv | cut -c1-64)\"}]}\\n    - {criterion: handover.speed, state: not-met, date: 2026-03-27, by: lukas, note: Index being added.}\\nartifacts: [preflight/" project.yaml
gates before-window=0 decision=0 close-out=4 go-live=0
codes criterion-not-met
documents
says gate-close-out.txt "success criterion 3 (speed) of Hypercare and handover is not met: Response times are no worse than before. [criterion-not-met]"
says_not out/closeout.flat "Outcome: Closed."
says out/closeout.flat "Success criteria: met: 2 of 4, not met: 1, not assessed yet: 1."
says out/closeout.flat "1 Every critical flow works in production. MET 2026-03-27, Petra Šťastná Validation plan passed in production."
says out/closeout.flat "2 The trial balance matches the figures before the window. MET figures.csv ($(sha256sum figures.csv | cut -c1-12))"
says out/closeout.flat "3 Response times are no worse than before. NOT MET 2026-03-27, Lukáš Dvořák Index being added."
says out/closeout.flat "4 Users are trained on what changed. NOT ASSESSED –"
says out/closeout.flat "A success criterion is not met, so the go-live cannot be closed out until it is met."
# the evidence file changed since its SHA-256 was written: build warns
echo "trial balance,1000.00,999.00" >> figures.csv
"$golive" build project.yaml -o out2 > build2.out 2>&1 || fail "build with a changed evidence file failed"
says build2.out "the attachment 'figures.csv' changed since it was recorded"
# a criterion that is not there is refused, with the nearest name
sed -i 's/criterion: handover.speed,/criterion: handover.sped,/' project.yaml
code=0; "$golive" check project.yaml > unknown.out 2>&1 || code=$?
[ "$code" -eq 1 ] || fail "an unknown criterion exited $code"
says unknown.out "'handover.sped' is no success criterion of the project's checklists (name one CHECKLIST.ID, or CHECKLIST.N for the Nth); did you mean 'handover.speed'?"
# assessed as met: the gate opens, the close-out says every criterion is met
sed -i 's/criterion: handover.sped, state: not-met/criterion: handover.speed, state: met/; s/^artifacts: \[preflight/    - {criterion: handover.4, state: met}\nartifacts: [preflight/' project.yaml
gates close-out=0
documents
says out/closeout.flat "Outcome: Closed."
says out/closeout.flat "Every success criterion is met."

# Why: the client sponsor's go-live sign-off recorded as rejected.
begin rejected-approval
preflight_done; preparation_done; approvals; start; execute; go_live
sign sponsor --name "Petra Šťastná" --decision rejected --date 2026-03-21
gates before-window=5 decision:30=5 decision=5 close-out=5 go-live=5
codes signoff-rejected signoff-missing required-open
says gate-go-live.txt "the go-live sign-off of Client sponsor (sponsor) was rejected by Petra Šťastná [signoff-rejected]"
says gate-go-live.txt "Verdict:  ROLLBACK / NO-GO"
documents
says out/signoff.flat "Petra Šťastná"
says out/signoff.flat "REJECTED"

# A rejection among open steps: each reason prints once, as its own kind.
begin rejected-while-open
preflight_done; preparation_done; approvals; start
sign sponsor --name "Petra Šťastná" --decision rejected --date 2026-03-21
gates before-window=5 decision:30=5 go-live=5
codes signoff-rejected open no-decision signoff-missing required-open
documents
[ "$(grep -c "^- \*\*ROLLBACK / NO-GO\*\*:" out/runbook.md)" -eq 1 ] || fail "the runbook prints the NO-GO line for more than the rejection"
says out/runbook.flat "OPEN: Cutover runbook, blocking step 40"

begin missing-approval
preflight_done; preparation_done; start; execute; go_live
sign sponsor --name "Petra Šťastná" --decision approved --date 2026-03-20
gates before-window=4 decision=4 go-live=4
codes signoff-missing required-open
says gate-go-live.txt "the go-live sign-off of Consultancy lead (lead) is not recorded; expected from Lukáš Dvořák [signoff-missing]"
documents
# the steps are READY but the approval is not: "What is approved" says both
# apart, and says the go-live is not approved yet
says out/signoff.flat "Technical readiness (steps) Go-live approval"
says out/signoff.flat "READY PENDING, 1 of 2 signed"
says out/signoff.flat "The go-live is not approved yet"
# the close-out says why it is not live, and does not call the go-live
# READY beside it: the steps' readiness is labelled as the steps'
says out/closeout.flat "Outcome: Not confirmed live, as the go-live gate is NOT READY."
says out/closeout.flat "SIGN-OFF MISSING: Consultancy lead"
says out/closeout.flat "Technical readiness (steps): READY."
says_not out/closeout.flat "Go-live readiness: READY"

# Why: the sign-off of someone else is refused; a deputy's is printed as hers.
begin deputy
preflight_done; preparation_done; start; execute; go_live
code=0
"$golive" sign run.yaml sponsor --name "Someone Else" --decision rejected 2> refused.txt || code=$?
[ "$code" -eq 1 ] || fail "a sign-off by someone else exited $code, not 1"
says refused.txt "'Someone Else' signs for sponsor, whose signatory is Petra Šťastná (or a deputy: Anna Berg)"
sign sponsor --name "Anna Berg" --decision approved --date 2026-03-21 --at "$(at 17:40)"
sign lead --name "Lukáš Dvořák" --decision approved --date 2026-03-20
says run.yaml 'signed_at: "2026-03-21T17:40:00+01:00"'
gates go-live=0
codes signoff-missing required-open
documents
for document in runbook signoff; do
  says "out/$document.flat" "Anna Berg, for Client sponsor"
done
says out/signoff.flat "2026-03-21, signed 2026-03-21 17:40 +01:00, recorded"
says_not out/signoff.flat "Petra Šťastná | APPROVED"

begin stale-evidence
mark preflight-run.yaml P10 done --at "2026-03-21T16:59:01+01:00" --evidence backup_ref=db-0321.dump
mark preflight-run.yaml P20 done --at "$(at 17:35)"
mark run.yaml 10 done --at 2026-03-13T16:00:00+01:00 --evidence drill_log=drill-0313.log
mark run.yaml 20 done --by petra --at 2026-03-20T09:00:00+01:00
approvals
gates before-window=4 decision:30=4 go-live=4
codes evidence-stale no-decision open signoff-missing required-open
says gate-before-window.txt "blocking step P10 (Verify the backups) has evidence 1 h 1 min old at the window start (at most 1 h)"
says gate-before-window.txt "blocking step 10 (Confirm the restore drill) has evidence 8 d 2 h old"
documents
# Why: the pre-flight sheet marks the line whose evidence is too old, beside its
# record (the value as written, without its key; a time without the date,
# the check's date standing in the sheet's head).
says out/preflight.flat "db-0321.dump · ⚠ EVIDENCE TOO OLD: 1 h 1 min, accepted at most 1 h"
says out/preflight.flat "Technical lead, Lukáš Dvořák LD 16:59"

begin rollback
preflight_done; preparation_done; approvals; start; execute
mark run.yaml 60 done --by petra --at "$(at 19:20)" --decision rollback
mark run.yaml R10 done --at "$(at 19:50)"
gates before-window=0 decision:30=0 decision:60=5 decision=5 close-out=5 go-live=5
codes no-go signoff-missing required-open
documents
says out/runbook.flat "ROLLBACK / NO-GO"

# Why: depends_on: a step marked done while its dependency is open.
begin out-of-order
preflight_done; preparation_done; approvals; start
mark run.yaml 50 done --at "$(at 18:30)"
says mark.err "warning: step 50 is done while step 40, which it depends on, is todo"
gates before-window=0 decision:30=0 decision:60=4 go-live=4
codes out-of-order no-decision open signoff-missing required-open
says gate-go-live.txt "step 50 (Upgrade the database) is done while step 40 (Stop user access), which it depends on, is todo, in Cutover runbook [out-of-order]"
documents
says out/runbook.flat "OUT OF ORDER: Cutover runbook, Step 50 Upgrade the database – closed before the step it"
[ "$(grep -o "OUT OF ORDER" out/runbook.flat | wc -l)" -eq 1 ] || fail "the runbook lists the step out of order more than once"

# Why: subchecks: a step marked done while a required sub-check is open.
begin subcheck-open
sed -i '/title: Upgrade the database/a\        subchecks:\n          - { id: "1", title: Module update started }\n          - { id: "2", title: Update log read for errors }\n          - { id: "3", title: Disk space noted, required: false }' runbook.yaml
preflight_done; preparation_done; approvals; start
mark run.yaml 40 done --at "$(at 18:05)"
mark run.yaml 50.1 done --at "$(at 18:30)"
mark run.yaml 50 done --at "$(at 19:10)"
says mark.err "warning: step 50 is done while its sub-check 50.2 (Update log read for errors) is open"
says_not mark.err "50.3"
gates before-window=0 decision:30=0 decision:60=4 go-live=4
codes subcheck-open no-decision signoff-missing required-open
says gate-go-live.txt "step 50 (Upgrade the database) is done while its sub-check 50.2 (Update log read for errors) is open, in Cutover runbook [subcheck-open]"
documents
says out/runbook.flat "SUB-CHECK OPEN: Cutover runbook, Step 50 Upgrade the database – done while this sub-check is not ticked: 50.2 Update log read for errors"
mark run.yaml 50.2 done --at "$(at 19:12)"
says_not mark.err "warning"
gates go-live=4
says_not gate-go-live.txt "subcheck-open"

begin preparation-open
preflight_done; approvals
mark run.yaml 10 done --at 2026-03-19T16:00:00+01:00 --evidence drill_log=drill-0319.log
mark preflight-run.yaml P20 todo --at "$(at 17:40)" --note "Reopened: one engineer is ill"
gates before-window=4 go-live=4
codes preparation-open no-decision open signoff-missing required-open
says gate-before-window.txt "step P20 (Confirm the team) is todo, in Pre-flight checks [preparation-open]"
says gate-before-window.txt "step 20 (Announce the window) is todo, in Cutover runbook [preparation-open]"

begin failed-and-blocked
mark preflight-run.yaml P10 done --at "$(at 17:30)"
mark preflight-run.yaml P20 done --at "$(at 17:35)"
preparation_done; approvals; start
mark run.yaml 40 failed --at "$(at 18:05)" --note "Sessions keep writing"
mark run.yaml 50 blocked --at "$(at 18:06)" --note "Waits for 40"
gates before-window=4 decision:30=4 decision:60=4 go-live=4
codes evidence-missing failed blocked no-decision signoff-missing required-open
says gate-before-window.txt "blocking step P10 (Verify the backups) is done without all its evidence"
says gate-go-live.txt "blocking step 40 (Stop user access) failed"
says gate-go-live.txt "blocking step 50 (Upgrade the database) is blocked"
documents

# Why: the recovery runbook (seed 004) completed by its rollback branch.
recovery() {   # recovery OUTCOME: a failed module upgrade handled by the shipped runbook
  rm -rf "$dir" && mkdir -p "$dir" && cd "$dir" || exit 1
  cp "$source/checklists/module-upgrade-recovery.yaml" recovery.yaml
  sed -e 's/^  - {id: petra, name: Petra Šťastná, roles: \[sponsor\]}/  - {id: petra, name: Petra Šťastná, roles: [project-lead, rollback-owner, communication-owner]}/' \
      -e 's/^  - {id: lukas, name: Lukáš Dvořák, roles: \[tech-lead\]}/  - {id: lukas, name: Lukáš Dvořák, roles: [technical-lead, upgrade-owner, functional-lead]}/' \
      -e '/^checklists:/,$d' "$source/tests/scenarios/base/project.yaml" > project.yaml
  printf 'checklists:\n  - file: recovery.yaml\n    run: run.yaml\n    artifacts: [runbook, closeout]\nartifacts: [runbook, signoff, closeout]\n' >> project.yaml
  printf 'kind: run\nproject: project.yaml\nchecklist: module-upgrade-recovery\nrecords:\n' > run.yaml
  approvals
  local minute=10
  step() { mark run.yaml "$@" --at "$(at 19:$minute)"; minute=$((minute + 1)); }
  step 10 done; step 20 done --evidence release_ref=v1.4.2; step 30 done --evidence last_good_backup=db.dump
  step 40 done --evidence checkpoint_dump=failed.dump; step 50 done --evidence failure_log=odoo.log
  step 60 done --evidence first_error="KeyError in sale_custom"
  step 70 done --by petra --decision "$1"
  if [ "$1" = rollback ]; then
    step 120 done; step 130 done --evidence restored_backup="db.dump at 19:30"; step 140 done; step 150 done
  else
    step 80 done; step 90 done; step 100 done --evidence upgrade_log=ok.log; step 110 done
  fi
  step 160 done; step 170 done; step 180 done; step 190 done; step 200 done --by petra
  step 210 done; step 220 done --evidence restore_drill="drill ok"; step 230 done; step 240 done
  step 250 done --evidence incident_report=INC-7
  sign close --name "Petra Šťastná" --decision approved --date 2026-03-22
}
begin recovery-by-rollback
recovery rollback
gates go-live=0 close-out=0
codes
"$golive" status project.yaml > status.txt
says status.txt "Verdict:  READY"
says status.txt "Outcome:  rolled back, system restored (step 70 decided rollback; Roll back closed at 2026-03-21 19:"
documents
says out/runbook.flat "Rolled back, system restored"
says out/closeout.flat "Outcome: Rolled back, system restored (19:"
says out/closeout.flat "SUCCESS"
says_not out/runbook.flat "ROLLBACK / NO-GO"

begin recovery-half-way
recovery rollback
# Step 150 taken out of the run: then the run is as written by hand (its
# record chains removed too, or the chain would name the deleted line).
sed -i '/item: "150"/d; s/, chain: "[0-9a-f]*"//' run.yaml
gates go-live=4 close-out=4
codes open required-open
"$golive" status project.yaml > status.txt
says status.txt "Outcome:  under way (step 70 decided rollback; Roll back not closed yet)"

# ---- time ---------------------------------------------------------------
# Why: records in another offset print in the window's zone.
begin_case other-offsets
preflight_done; preparation_done; approvals; start
mark run.yaml 40 done --at 2026-03-21T19:05:00+02:00
mark run.yaml 50 done --at 2026-03-21T17:10:00Z
"$golive" status project.yaml > status.txt
says status.txt "Downtime: 5 min so far (from 2026-03-21 18:05 +01:00)"
documents
says out/runbook.flat "Execution 1 h 2026-03-21 18:00 2026-03-21 18:10 10 min within"
says_not out/runbook.flat "17:10"
says_not out/runbook.flat "+02:00"

# Why: mark and sign stamp the time in the project's zone, whatever TZ says.
begin_case stamp-in-project-zone
for tz in UTC XXX-25 America/New_York; do
  TZ=$tz "$golive" mark run.yaml 20 in-progress --by petra 2> mark.err || fail "TZ=$tz mark failed"
  expected=$(TZ=Europe/Berlin date +%Y-%m-%dT%H)
  tail -1 run.yaml | grep -qF "at: \"$expected" || fail "TZ=$tz: mark stamped $(tail -1 run.yaml), not $expected..."
done
TZ=XXX-25 "$golive" sign run.yaml lead --name "Lukáš Dvořák" --decision approved 2> sign.err
tail -1 run.yaml | grep -qF "date: $(TZ=Europe/Berlin date +%Y-%m-%d)" || fail "sign dated $(tail -1 run.yaml)"

# Why: a downtime end recorded before its start, in the repeated hour of a DST night.
begin_case dst-night-inverted-downtime
sed -i 's/start: 2026-03-21T18:00:00+01:00/start: 2026-10-24T22:00:00+02:00/; s/end: 2026-03-21T23:00:00+01:00/end: 2026-10-25T04:00:00+01:00/' project.yaml
mark run.yaml 40 done --at 2026-10-25T02:20:00+01:00
mark run.yaml 70 done --at 2026-10-25T02:35:00+02:00
says mark.err "warning: the downtime ends (step 70, 2026-10-25 02:35 +02:00) before it starts (step 40, 2026-10-25 02:20 +01:00, line"
"$golive" status project.yaml > status.txt 2> status.err
says_not status.txt "-45 min"
says status.txt "its end is recorded before its start"
says status.err "run.yaml:6:3: warning: the downtime ends (step 70"
"$golive" check project.yaml 2> check.err
says check.err "warning: the downtime ends (step 70"
documents
says out/runbook.flat "02:20 +01:00"

# Why: --at is written as the manual says, and only so.
begin_case at-format
code=0; "$golive" mark run.yaml 20 done --at 2026-03-21t10:00:00+01:00 2> at.err || code=$?
[ "$code" -eq 1 ] || fail "a lower-case t exited $code, not 1"
mark run.yaml 20 done --at 2026-03-21T10:00+01:00
says run.yaml 'at: "2026-03-21T10:00+01:00"'

# Why: totals count phases that ran; overlaps shown; "so far" and "over" agree.
begin_case phase-timing
preflight_done; preparation_done; approvals; start
mark run.yaml 40 done --at "$(at 18:05)"
mark run.yaml 50 in-progress --at "$(at 19:30)"
"$golive" status project.yaml > status.txt
says status.txt "Execution                            1 h          1 h 30 min    so far, +30 min over"
says status.txt "Block.open  Blk/Fail  Rollback"
documents
says out/runbook.flat "Execution 1 h 2026-03-21 18:00 not finished 1 h 30 min so far +30 min"
says out/runbook.flat "Total (phases that ran or are still ahead; elapsed, not added) 1 h 30 min"
mark run.yaml 60 done --by petra --at "$(at 19:25)" --decision go
mark run.yaml 50 done --at "$(at 19:40)"
"$golive" status project.yaml > status.txt
says status.txt "overlaps the phase before"
documents
says out/runbook.flat "overlaps the phase before"

# Why: a record dated far after the window (a typo in the year).
begin_case far-future-record
mark run.yaml 20 done --by petra --at 2027-03-20T09:00:00+01:00
says mark.err "warning: this record is dated 2027-03-20 09:00 +01:00, 363 days after the window ends"
mark run.yaml 10 done --at 2026-03-22T09:00:00+01:00 --evidence drill_log=late.log
says_not mark.err "warning"
"$golive" check project.yaml 2> check.err
says check.err "run.yaml:5:3: warning: this record is dated 2027-03-20"

# Why: the audit's stated verdict better than its findings: once, in check and build, at its line.
begin_case verdict-optimistic
rm -rf "$dir" && cp -r "$source/examples/hollenbach" "$dir" && cd "$dir"
sed -i 's/^auditor: alindqvist$/auditor: alindqvist\nverdict: ready-for-rehearsal/' audit.yaml
line=$(grep -n '^verdict:' audit.yaml | cut -d: -f1)
for command in check build; do
  if [ $command = check ]; then "$golive" check project.yaml 2> $command.err
  else "$golive" build project.yaml -o out 2> $command.err; fi
  [ "$(grep -c 'verdict-optimistic\|states .ready-for-rehearsal.' $command.err)" -eq 1 ] \
    || fail "$command: the warning is not there once: $(cat $command.err)"
  says $command.err "audit.yaml:$line:10: warning: the audit states 'ready-for-rehearsal' but its findings say 'blocked'"
done

# Why: a finding's state. A resolved critical risk, or one the client
# accepted, no longer blocks the audit; the report prints each state with
# its date and note, takes resolved ones out of the matrix, counts by state.
begin_case finding-state
rm -rf "$dir" && cp -r "$source/examples/hollenbach" "$dir" && cd "$dir"
sed -i 's/^    blocking: true$/    blocking: false/' audit.yaml
sed -i '/^    severity: critical$/{n;s/$/\n    state: resolved\n    state_date: 2026-03-10\n    state_note: Off-site copies run nightly; a restore took 40 minutes./}' audit.yaml
"$golive" build project.yaml -o out --only audit --format md 2> build.err || fail "build failed: $(cat build.err)"
"$golive" build project.yaml --dump view > view.yaml 2>> build.err
says view.yaml 'computed: "needs-preparation"'
says out/audit.md "NEEDS PREPARATION"
says out/audit.md "| **Resolved** 2026-03-10: Off-site copies run nightly; a restore took 40 minutes. |"
says out/audit.md "| **7** | 0 | 1 |"   # open, accepted, resolved in the summary
says out/audit.md "| **0** | **2** | 4 | 1 | 7 |"   # by severity: the resolved critical left out
grep -q 'cells="[^"]*,R8 ' out/audit.md && fail "the resolved risk (R8, listed last) is still in the matrix"
sed -i 's/^    state: resolved$/    state: accepted-risk/' audit.yaml
"$golive" build project.yaml --dump view > view.yaml 2>> build.err
says view.yaml 'computed: "needs-preparation"'

# Why: the README's own example records nothing out of order.
begin_case readme-example
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
"$golive" new acme-upgrade || fail "golive new failed"
sed -n '/^## Using it/,/^```$/p' "$source/README.md" | grep -E '^golive (mark|sign)' -A1 \
  | sed -e 's/#.*//' -e 's/\\$//' | tr '\n' ' ' | sed 's/golive /\ngolive /g' > commands.txt
[ "$(grep -c '^golive' commands.txt)" -ge 2 ] || fail "the README shows no mark and sign"
while read -r line; do
  [ -n "$line" ] || continue
  eval "\"\$golive\" ${line#golive }" 2>> readme.err || fail "README: $line failed: $(cat readme.err)"
done < commands.txt
says_not readme.err "warning"

# Why: golive new's project shows how to add a rehearsal, under the
# runbook's entry; with its "# " deleted and the run file copied, it checks
# and status lists it.
begin_case new-rehearsal
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
"$golive" new fresh > new.out || fail "golive new failed"
cd fresh
says project.yaml "    # rehearsals:"
[ "$(grep -c '^    # rehearsals:' project.yaml)" = 1 ] || fail "the rehearsals example is not under one entry"
awk '/run: runs\/golive-runbook.yaml/ { runbook = 1 } /# rehearsals:/ { print runbook ? "after" : "before"; exit }' \
  project.yaml > where.txt
says where.txt "after"
sed -i -E 's/^    # (rehearsals:|  - name: Rehearsal|    run: runs\/rehearsal|    start: 2029)/    \1/' project.yaml
cp runs/golive-runbook.yaml runs/rehearsal-1.yaml
"$golive" check project.yaml > check.out 2> check.err || fail "check with the rehearsal: $(cat check.err)"
mark runs/rehearsal-1.yaml 10 done --by lead --at 2029-12-14T09:10:00+01:00
"$golive" status project.yaml > status.txt
says status.txt "    Rehearsal 1          2029-12-14 09:00 +01:00  1 of 24 steps closed, reached phase Before the window"

# Many decision points cost no more than a few: each gate is not a walk
# of everything before it (4,000 steps, every other one a decision point).
begin_case many-decision-points
{
  printf 'kind: checklist\nid: runbook\ntitle: Many\nversion: "1"\nroles:\n  tech-lead: T\n  sponsor: S\n'
  printf 'phases:\n  - id: p\n    title: P\n    items:\n'
  for ((number = 0; number < 4000; number += 2)); do
    printf '      - {id: "s%d", title: Step, blocking: true}\n' $number
    printf '      - {id: "d%d", title: Decide, kind: decision, blocking: true}\n' $((number + 1))
  done
} > runbook.yaml
sed -i '/^  - file: preflight.yaml/,/^    artifacts: \[preflight\]/d; /^  - file: handover.yaml/,/^    gate: false/d; s/^artifacts: .*/artifacts: [runbook]/' project.yaml
code=0
timeout 20 "$golive" status project.yaml --gate decision > many.txt 2>&1 || code=$?
[ "$code" -eq 4 ] || fail "status --gate decision on 2,000 decision points exited $code: $(tail -3 many.txt)"
[ "$(grep -c '^  decision:d' many.txt)" -eq 2000 ] || fail "the table of gates does not list 2,000 decision points"

# ---- the rules table, walked --------------------------------------------
rules=$(sed -n '/^## Reasons/,/^## The verdict/s/^| `\([a-z-]*\)` |.*/\1/p' "$source/docs/rules.md")
[ -n "$rules" ] || { scenario=rules; fail "docs/rules.md lists no reason codes"; }
for code in $rules; do
  yes=0 no=0
  for name in $scenarios; do
    case " $triggered " in
      *" $name:$code "*) yes=$((yes + 1)) ;;
      *) no=$((no + 1)) ;;
    esac
  done
  scenario="rules:$code"
  [ "$yes" -gt 0 ] || fail "no scenario triggers $code"
  [ "$no" -gt 0 ] || fail "every scenario triggers $code"
done
for pair in $triggered; do
  code=${pair#*:}
  case " $(echo $rules) " in
    *" $code "*) ;;
    *) scenario=${pair%%:*}; fail "status printed $code, which docs/rules.md does not list" ;;
  esac
done

echo "$(echo $scenarios | wc -w) scenarios, $(echo $rules | wc -w) rules; $failures failures"
[ "$failures" -eq 0 ]
