#!/usr/bin/env bash
# The QR codes of the example's printed sheets, decoded back from the
# rendered pages with zbarimg: the pre-flight sheet (blank and filled, A4
# and Letter; the blank one still on one page) and the runbook each carry the identification
# of their checklist, "golive:CODE;ENGAGEMENT;CHECKLIST;VERSION" with the
# sheet code printed beside it. Skipped without zbarimg (zbar-tools),
# except on CI, where it must be installed.
# Usage: sheet_qr.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
if ! command -v zbarimg >/dev/null; then
  [ "${CI:-}" = true ] && { echo "FAIL: zbarimg is needed (zbar-tools)"; exit 1; }
  echo "SKIP: zbarimg is not installed (apt-get install zbar-tools)"
  exit 0
fi
for tool in pdftotext pdftoppm pdfinfo; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils)"; exit 1; }
done
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/filled"
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
cp -r filled blank
sed -i '/file: checklists\/preflight.yaml/{n;/run: runs\/preflight.yaml/d}' blank/project.yaml

# decoded PDF PAGE: the QR codes zbarimg finds on the page at 150 dpi
# (PAGE 0: on every page)
decoded() {
  if [ "$2" = 0 ]; then pdftoppm -png -r 150 "$1" page; else pdftoppm -png -r 150 -f "$2" -l "$2" "$1" page; fi
  zbarimg -q --raw -Sdisable -Sqrcode.enable page*.png 2>/dev/null || true
  rm -f page*.png
}
# expect PDF PAGE TEXT
expect() {
  local found
  found=$(decoded "$1" "$2")
  [ "$found" = "$3" ] || fail "$1 page $2: the QR code holds '$found', not '$3'"
}

preflight="golive:HOL-09d2de;NRS-2025-041;preflight;1.0"
for paper in a4 letter; do
  for copy in blank filled; do
    "$golive" build "$copy/project.yaml" --only preflight --format pdf --paper "$paper" -q -o "$copy-$paper"
    pdftotext -enc UTF-8 "$copy-$paper/preflight.pdf" sheet.txt
    grep -qF "Sheet code HOL-09d2de" sheet.txt || fail "$copy-$paper: no sheet code printed"
    expect "$copy-$paper/preflight.pdf" 0 "$preflight"
  done
  pages=$(pdfinfo "blank-$paper/preflight.pdf" | sed -n 's/^Pages: *//p')
  [ "$pages" = 1 ] || fail "blank-$paper/preflight.pdf takes $pages pages, not one"
  for language in de fr; do
    "$golive" build blank/project.yaml --only preflight --format pdf --paper "$paper" \
      --language "$language" -q -o "blank-$paper-$language"
    expect "blank-$paper-$language/preflight.pdf" 1 "$preflight"
  done
done

"$golive" build filled/project.yaml --only runbook --format pdf -q -o runbook
pdftotext -enc UTF-8 runbook/runbook.pdf runbook.txt
# the page of the runbook's own section: its sheet code on a line of its own
page=$(awk -v RS='\f' '/\nSheet code HOL-46fb6b\n/ { print NR; exit }' runbook.txt)
[ -n "$page" ] || fail "the runbook prints no sheet code beside its QR code"
expect runbook/runbook.pdf "${page:-1}" "golive:HOL-46fb6b;NRS-2025-041;golive-runbook;1.0"

[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
echo "QR codes: the pre-flight sheet and the runbook decode to their identification"
