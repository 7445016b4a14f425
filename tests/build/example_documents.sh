#!/usr/bin/env bash
# Builds the bundled example engagement and reads its PDFs back with
# pdftotext: each holds what a client must find in it (the client's name
# with its accents; every blocking step of the checklists it prints; the
# computed verdict and counts; the DRAFT notice while a sign-off is missing,
# and not once all are recorded). Also: qpdf finds every PDF sound, and a
# second build gives the same bytes.
# Usage: example_documents.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
for tool in pdftotext pdfinfo qpdf; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils, qpdf)"; exit 1; }
done
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/engagement"
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A PDF's text on one line, line ends made spaces. pdftotext drops the
# hyphen of a word broken after it ("off-" "site" gives "offsite"), so
# hyphens are left out of both the text and what is looked for.
text_of() { pdftotext -enc UTF-8 "$1" - | tr '\n' ' ' | tr -d -- '-' | tr -s ' '; }

expect() {   # expect FILE TEXT
  grep -qF -- "${2//-/}" "$1.txt" || fail "$1 does not hold: $2"
}
refuse() {   # refuse FILE TEXT
  ! grep -qF -- "${2//-/}" "$1.txt" || fail "$1 holds: $2"
}

# The titles of the blocking steps of a checklist file, read from the YAML.
blocking_titles() {
  awk '/^      - id:/ { if (blocking) print title; blocking = 0; title = "" }
       /^        title: / { sub(/^        title: /, ""); gsub(/^"|"$/, ""); title = $0 }
       /^        blocking: true/ { blocking = 1 }
       END { if (blocking) print title }' "$1"
}

build() {    # build OUT
  "$golive" build engagement/project.yaml -o "$1"
  for pdf in "$1"/*.pdf; do
    qpdf --check "$pdf" >/dev/null || fail "qpdf --check $pdf"
    text_of "$pdf" > "${pdf%.pdf}.txt"
  done
}

build first
for document in audit preflight runbook signoff contacts closeout; do
  expect first/$document "Hollenbach Präzisionsteile GmbH"
done
while read -r title; do expect first/runbook "$title"; done \
  < <(blocking_titles engagement/checklists/golive-runbook.yaml)
while read -r title; do expect first/preflight "$title"; done \
  < <(blocking_titles engagement/checklists/preflight.yaml)
expect first/runbook "READY"
expect first/runbook "Closed: 19 of 24"
expect first/preflight "Closed: 13 of 13"
expect first/audit "BLOCKED"
expect first/closeout "PARTIAL"
# One go-live sign-off signed electronically (the example's test key), one
# in ink: the sheet says which, and golive verify and stock minisign agree.
expect first/signoff "Signed electronically by Åsa Lindqvist with key 5F7561E7FFF6EB9C"
expect first/signoff "signature verified at build"
"$golive" build engagement/project.yaml -o verified
"$golive" verify verified > verify.txt || fail "golive verify refuses the example's build: $(cat verify.txt)"
grep -qF "signed sign-off of golive-consultancy (Project lead, Norrsken ERP (go-live approval)): Åsa Lindqvist, approved, 2026-03-18T16:20:00+01:00" verify.txt ||
  fail "golive verify does not say what the example's signature covers: $(cat verify.txt)"
statement=engagement/runs/signatures/golive-consultancy-20260318T162000.txt
minisign -V -p engagement/keys/TEST-KEY-alindqvist.pub -m "$statement" -x "$statement.minisig" > /dev/null ||
  fail "stock minisign does not verify the example's signature"
expect first/contacts "Łukasiewicz"
# No near-empty pages: the sign-off sheet's summary shares its page with
# the signatures; the close-out's acceptance is signed last, beside its
# document control; the rehearsals' heading stands on the page of its table.
[ "$(pdfinfo first/signoff.pdf | sed -n 's/^Pages: *//p')" = 3 ] || fail "the sign-off sheet is not 3 pages"
last=$(pdfinfo first/closeout.pdf | sed -n 's/^Pages: *//p')
pdftotext -f "$last" -l "$last" first/closeout.pdf - | grep -qF "Close-out acceptance" ||
  fail "the close-out's last page has no acceptance block"
for page in $(seq 1 "$last"); do
  text=$(pdftotext -f "$page" -l "$page" first/closeout.pdf - | tr '\n' ' ')
  case $text in
    *"Rehearsals against the plan"*) case $text in *"Confirm the go-live approval"*) ;;
      *) fail "the close-out's rehearsals heading is not on its table's page $page" ;; esac ;;
  esac
done
for document in runbook signoff closeout; do
  expect first/$document "DRAFT – sign-offs still to be recorded"
done
for document in audit preflight contacts; do
  refuse first/$document "DRAFT"
done

# The contacts sheet: grouped, with deputies, the bridge and the triggers;
# the client's copy leaves out the entry the project marks private.
for document in contacts contacts-client; do
  expect first/$document "Consultancy"
  expect first/$document "Deputy: Mikko Järvinen"
  expect first/$document "+49 40 3861 2200, PIN 4711"
  expect first/$document "When to escalate"
done
refuse first/runbook "ActionCommunication"  # a root key must not shadow a step kind
expect first/contacts "Norrsken on-call engineer"
refuse first/contacts-client "Norrsken on-call engineer"
expect first/contacts-client "client copy"

# The contacts sheet groups its entries, so its numbers give the order of
# calls, not the order of the rows.
for document in contacts contacts-client; do
  expect first/$document "Call in the order of the numbers"
  refuse first/$document "Call in this order"
done
# The filled pre-flight sheet: the date of the check in its head; the
# times of a one-day check without the date; the evidence recorded as
# written, without the checklist's key names and with no separator left
# dangling at the end of a cell.
grep -qF "| 1.0 | 2026-03-19 |" first/preflight.md || fail "the pre-flight sheet has no date of the check"
grep -qF "| PZ | 09:05 |" first/preflight.md || fail "the pre-flight sheet's times repeat the date"
refuse first/preflight "restore_drill"
! grep -qE " · +\|" first/preflight.md || fail "a pre-flight cell ends in a separator: $(grep -E ' · +\|' first/preflight.md | head -1)"
# The risk table's last column is headed "Status", one word that does not
# wrap into a three-line header in German.
refuse first/audit "Finding state"
# The checklist's version is named as one, not a bare number after its title.
expect first/preflight "Daybefore preflight check · Version 1.0 · Sheet code"
# The distribution list ends without a separator.
! grep -qE "; +\|" first/audit.md || fail "the audit's distribution ends in a separator"

# Same inputs, same bytes.
"$golive" build engagement/project.yaml -o second
for file in first/*.md first/*.pdf first/MANIFEST; do
  cmp -s "$file" "second/${file#first/}" || fail "$file differs between two builds"
done

# The missing go-live sign-off, then the close-out ones: the DRAFT notice
# leaves each document once its own sign-offs are all recorded.
"$golive" sign engagement/runs/golive.yaml golive-sponsor --name "Jürgen Weiß" \
  --decision approved --date 2026-03-20
build third
refuse third/runbook "DRAFT"
expect third/signoff "DRAFT – sign-offs still to be recorded: 2 of 5"
expect third/closeout "DRAFT – sign-offs still to be recorded: 2 of 2"
"$golive" sign engagement/runs/golive.yaml closeout-sponsor --name "Jürgen Weiß" \
  --decision approved --date 2026-04-20
"$golive" sign engagement/runs/golive.yaml closeout-consultancy --name "Åsa Lindqvist" \
  --decision approved --date 2026-04-20
build fourth
for document in runbook signoff closeout; do
  refuse fourth/$document "DRAFT"
done
expect fourth/signoff "APPROVED"

# The runbook printed blank before the window is a paper form: each piece
# of evidence a step asks for gets a ruled line across the page to write
# the file name or checksum on, not a narrow table column.
cp -r engagement blank
sed -i '/file: checklists\/golive-runbook.yaml/{n;/run: runs\/golive.yaml/d}' blank/project.yaml
"$golive" build blank/project.yaml --only runbook --format md -q -o blank-out
"$golive" md2pdf blank-out/runbook.md --dump layout > blank.layout 2>/dev/null
for key in final_dump filestore_archive upgrade_log; do
  awk -v key="$key" 'found && /^  line / { split($4, size, "x"); ok = size[1] >= 340; exit }
       index($0, "\"" key ": ") { found = 1 }
       END { exit !ok }' blank.layout || fail "the blank runbook has no line to write $key on"
done

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "example documents: all checks passed"
