#!/usr/bin/env bash
# The example's pre-flight sheet printed blank, the day before (the
# checklist with no run file: 13 steps in two phases), on A4 and on Letter,
# in English, German and French: one page, with the result of the check and
# the "checked by" lines on it. Filled in from the example's run, it prints
# what was recorded (initials and times of each step).
# Usage: preflight_sheet.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
for tool in pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils)"; exit 1; }
done
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/filled"
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# The blank form: the same engagement without the pre-flight run.
cp -r filled blank
sed -i '/file: checklists\/preflight.yaml/{n;/run: runs\/preflight.yaml/d}' blank/project.yaml
! grep -q "run: runs/preflight.yaml" blank/project.yaml || fail "the blank copy still has its run"

for paper in a4 letter; do
  for language in en de fr; do
    out=$paper-$language
    "$golive" build blank/project.yaml --only preflight --format pdf --paper "$paper" \
      --language "$language" -q -o "blank-$out"
    pages=$(pdfinfo "blank-$out/preflight.pdf" | sed -n 's/^Pages: *//p')
    [ "$pages" = 1 ] || fail "blank-$out/preflight.pdf takes $pages pages, not one"
  done
  pdftotext -enc UTF-8 "blank-$paper-en/preflight.pdf" "blank-$paper-en.txt"
  for text in "Closed: 0 of 13" "Result of the pre-flight check" "Checked by"; do
    grep -qF -- "$text" "blank-$paper-en.txt" || fail "blank-$paper-en/preflight.pdf does not hold: $text"
  done
  "$golive" build filled/project.yaml --only preflight --format pdf --paper "$paper" -q -o "filled-$paper"
  pdftotext -enc UTF-8 "filled-$paper/preflight.pdf" "filled-$paper.txt"
  for text in "Closed: 13 of 13" "2026-03-19" "Checked by"; do
    grep -qF -- "$text" "filled-$paper.txt" || fail "filled-$paper/preflight.pdf does not hold: $text"
  done
done

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "pre-flight sheets: the blank form on one page"
