#!/usr/bin/env bash
# The paper round trip: the example's pre-flight sheet, ticked on paper and
# typed in as a transcription, goes back into its run with golive mark
# --from: the same steps, statuses, people and times as the example's own
# records. A transcription with mistakes is refused whole, each mistake
# named by file:line:column, and the run is left byte for byte as it was.
# Usage: paper_round_trip.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/engagement"
cd "$work/engagement"
run=runs/preflight.yaml
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# STEP BY AT of each result record, quotes and chain left out.
records_of() {
  grep '^- {item:' "$1" | sed -E 's/^- \{item: "?([^",]*)"?, status: ([a-z-]*), by: "?([^",]*)"?, at: "([^"]*)".*/\1 \2 \3 \4/'
}
records_of "$run" > expected.txt
sed -i '/^records:/q' "$run"     # the run as golive new writes it: no records

# Initials as the sheet has them (Åsa Lindqvist's with its ring or without,
# in either case; Zofia
# Łukasiewicz's with its stroke; lower case for ASCII letters; a person id
# works too); the day of the pre-flight check from the 'date' line.
cat > sheet.txt <<'SHEET'
# Pre-flight sheet, Thursday 19 March 2026, typed in from the paper
date 2026-03-19
10 done 09:05 PZ    restore_drill="Backup of 17 Mar restored on hol-staging-02 in 47 min" drill done
20 done 09:30 ZŁ offsite_copy=ulm-box:/hol/2026-03-19
70 done 09:40 zlukasiewicz
40 done 09:50 pz same release on staging and production
50 done 10:40 ZŁ
30 done 11:20 IS
90 done 12:00 HG
100 done 12:30 HG
60 done 13:15 PZ
80 done 14:00 ÅL
110 done 14:10 AL
120 done 15:00 al
130 done 16:30 ÅL
SHEET

# Every kind of mistake, each on its own line, plus a person who shares
# Ingrid Søndergaard's initials.
sed -i 's/^people:$/people:\n  - {id: isander, name: Iris Sander, roles: [technical-lead]}/' project.yaml
cat > mistakes.txt <<'SHEET'
date 2026-03-19
15 done 09:05 PZ
10 finished 09:10 PZ
20 done 9.30 PZ
30 done 09:40 XY
40 done 09:50 IS
50 done 09:45 PZ
60 skipped 10:00 PZ
70 done
80 go 10:20 PZ
90 done 10:30 PZ
date 2026-03-32
10 done 10:50 PZ restore_dril=ok
20 done 10:55 PZ restore_drill="left open
SHEET
cp "$run" before.yaml
code=0
"$golive" mark "$run" --from mistakes.txt 2> errors.txt || code=$?
[ "$code" -eq 1 ] || fail "a transcription with mistakes exited $code, not 1"
cmp -s before.yaml "$run" || fail "a refused transcription changed the run"
for expected in \
  "mistakes.txt:2:1: error: '15' is not a step of checklist 'preflight'" \
  "mistakes.txt:3:4: error: 'status' must be todo, in-progress, done, failed, blocked or skipped, not 'finished'" \
  "mistakes.txt:4:9: error: '9.30' is not a time" \
  "mistakes.txt:5:15: error: 'XY' are the initials of nobody" \
  "mistakes.txt:6:15: error: 'IS' are the initials of 2 people: Iris Sander (isander), Ingrid Søndergaard (isondergaard)" \
  "mistakes.txt:7:9: error: 09:45 is before the time of the line above" \
  "mistakes.txt:8:4: error: a skipped step needs a note" \
  "mistakes.txt:9:8: error: the line has no time" \
  "mistakes.txt:10:1: error: step 80 is not a decision point" \
  "mistakes.txt:12:6: error: '2026-03-32' is not a date" \
  "mistakes.txt:13:18: error: step 10 does not ask for evidence 'restore_dril'; did you mean 'restore_drill'?" \
  "mistakes.txt:14:18: error: the value of 'restore_drill' opens a quote that is not closed"; do
  grep -qF -- "$expected" errors.txt || fail "no message: $expected"
done
grep -q "mistakes.txt:11:" errors.txt && fail "a good line was reported: $(grep 'mistakes.txt:11:' errors.txt)"
sed -i '/id: isander/d' project.yaml

"$golive" mark "$run" --from sheet.txt || fail "the pre-flight transcription was refused"
records_of "$run" > actual.txt
diff -u expected.txt actual.txt || fail "the transcribed records differ from the example's"
# evidence values typed after the initials are the step's evidence, as
# golive mark --evidence records it; the rest of the line is the note
grep -qF 'note: "drill done", evidence: {restore_drill: "Backup of 17 Mar restored on hol-staging-02 in 47 min"' "$run" \
  || fail "the evidence value was not recorded: $(grep '^- {item: "10"' "$run")"
grep -qF 'evidence: {offsite_copy: "ulm-box:/hol/2026-03-19"}' "$run" \
  || fail "the unquoted evidence value was not recorded: $(grep '^- {item: "20"' "$run")"
"$golive" check project.yaml > /dev/null 2>&1 || fail "golive check fails after the transcription"
"$golive" status project.yaml > status.txt 2>&1 || true
grep -E '^Day-before pre-flight check +13 +13 ' status.txt > /dev/null \
  || fail "status does not show the 13 pre-flight steps closed: $(grep -i pre-flight status.txt)"
# The window night crosses midnight: 00:10 after 23:50 is the next day,
# inside the window (18:00 to 02:00); 03:00 after it is outside, refused.
night=runs/golive.yaml
sed -i '/^records:/q' "$night"
printf '10 done 23:50 ÅL\n20 done 00:10 PZ\n30 done 00:20 al\n' > night.txt
"$golive" mark "$night" --from night.txt 2> night-errors.txt \
  || fail "a night crossing midnight was refused: $(cat night-errors.txt)"
grep -qF 'item: "20", status: done, by: "pzielinski", at: "2026-03-21T00:10:00+01:00"' "$night" \
  || fail "00:10 after 23:50 is not the next day: $(grep '^- {item: "20"' "$night")"
printf '40 go 23:55 ÅL\n50 done 03:00 HG\n' > late.txt
cp "$night" night-before.yaml
"$golive" mark "$night" --from late.txt 2> late-errors.txt && fail "a time after the window end was taken"
grep -qF "late.txt:2:9: error: 03:00 is before the time of the line above" late-errors.txt \
  || fail "no message for 03:00 after the window: $(cat late-errors.txt)"
cmp -s night-before.yaml "$night" || fail "a refused transcription changed the golive run"

# The sheet code: printed with the checklist on the pre-flight sheet and
# the runbook, and checked when a transcription starts with it.
"$golive" build project.yaml -o built > /dev/null 2>&1 || fail "the example does not build"
code=$(grep -oE 'Sheet code \*\*[A-Z0-9]{1,3}-[0-9a-f]{6}\*\*' built/preflight.md | head -1 \
       | grep -oE '[A-Z0-9]{1,3}-[0-9a-f]{6}') || true
[ -n "$code" ] || fail "the pre-flight sheet prints no sheet code"
grep -qF "Sheet code **$code**" built/runbook.md && fail "the runbook prints the pre-flight checklist's code"
grep -qE 'Sheet code \*\*HOL-[0-9a-f]{6}\*\*' built/runbook.md || fail "the runbook prints no sheet code"
pdftotext built/preflight.pdf - | grep -qF "$code" || fail "the pre-flight PDF does not show $code"
sed -i '/^records:/q' "$run"
{ echo "$code"; cat sheet.txt; } > coded.txt
"$golive" mark "$run" --from coded.txt || fail "the transcription with its sheet code was refused"
records_of "$run" > coded-actual.txt
diff -u expected.txt coded-actual.txt || fail "the coded transcription's records differ"
cp "$run" coded-before.yaml
for wrong in "HOL-000000" "ACM-${code#HOL-}"; do
  { echo "$wrong"; cat sheet.txt; } > wrong.txt
  "$golive" mark "$run" --from wrong.txt 2> wrong-errors.txt && fail "sheet $wrong was taken"
  cmp -s coded-before.yaml "$run" || fail "sheet $wrong changed the run"
  grep -qF "wrong.txt:1:1: error: sheet $wrong is not a sheet of this run" wrong-errors.txt \
    || fail "no sheet-mismatch for $wrong: $(cat wrong-errors.txt)"
done
grep -qF "another engagement" wrong-errors.txt || fail "ACM-... is not called another engagement"

# The QR code's text, as a phone reads it, in place of the sheet code:
# taken whole, and checked field by field (the column of the field, and
# its name, in the message).
qr=$(grep -oE 'qr="golive:[^"]*"' built/preflight.md | head -1 | sed -E 's/^qr="//; s/"$//') || true
[ "$qr" = "golive:$code;NRS-2025-041;preflight;1.0" ] || fail "the pre-flight QR text is '$qr'"
sed -i '/^records:/q' "$run"
{ echo "$qr"; cat sheet.txt; } > scanned.txt
"$golive" mark "$run" --from scanned.txt || fail "the transcription with its QR text was refused"
records_of "$run" > scanned-actual.txt
diff -u expected.txt scanned-actual.txt || fail "the scanned transcription's records differ"
cp "$run" scanned-before.yaml
prefix="golive:$code;NRS-2025-041;"
for wrong in "${prefix}golive;1.0|$((${#prefix} + 1))|checklist is 'golive', not 'preflight'" \
             "${prefix}preflight;0.9|$((${#prefix} + 11))|checklist version is '0.9', not '1.0'" \
             "golive:$code;NRS-2025-014;preflight;1.0|19|engagement is 'NRS-2025-014', not 'NRS-2025-041'" \
             "golive:HOL-000000;NRS-2025-041;preflight;1.0|8|sheet code is 'HOL-000000', not '$code'" \
             "golive:$code;preflight;1.0|1|the QR text has 3 fields, not the 4"; do
  IFS='|' read -r text column message <<< "$wrong"
  { echo "$text"; cat sheet.txt; } > wrong.txt
  "$golive" mark "$run" --from wrong.txt 2> wrong-errors.txt && fail "QR text $text was taken"
  cmp -s scanned-before.yaml "$run" || fail "QR text $text changed the run"
  grep -qF "wrong.txt:1:$column: error: " wrong-errors.txt && grep -qF "$message" wrong-errors.txt \
    || fail "no sheet-mismatch at 1:$column ($message) for $text: $(cat wrong-errors.txt)"
done

# The same transcription again would be appended again: mark never skips
# a record, so the run now holds each step twice, the later one its state.
[ "$failures" -eq 0 ] || { cat errors.txt; exit 1; }
echo "paper round trip: 13 records transcribed and checked; 10 mistakes refused"
