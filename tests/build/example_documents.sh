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
for tool in pdftotext qpdf; do
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
expect first/runbook "Steps closed: 19 of 24"
expect first/preflight "13 of 13 steps closed"
expect first/audit "BLOCKED"
expect first/closeout "PARTIAL"
expect first/contacts "Łukasiewicz"
for document in runbook signoff closeout; do
  expect first/$document "DRAFT: sign-offs still to be recorded"
done
for document in audit preflight contacts; do
  refuse first/$document "DRAFT"
done

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
expect third/signoff "DRAFT: sign-offs still to be recorded: 2 of 5"
expect third/closeout "DRAFT: sign-offs still to be recorded: 2 of 2"
"$golive" sign engagement/runs/golive.yaml closeout-sponsor --name "Jürgen Weiß" \
  --decision approved --date 2026-04-20
"$golive" sign engagement/runs/golive.yaml closeout-consultancy --name "Åsa Lindqvist" \
  --decision approved --date 2026-04-20
build fourth
for document in runbook signoff closeout; do
  refuse fourth/$document "DRAFT"
done
expect fourth/signoff "APPROVED"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "example documents: all checks passed"
