#!/usr/bin/env bash
# md2pdf's PDFs read by pdf.js, the reader in Firefox and many web
# viewers, besides poppler: each sample document and a generated 1,000-item
# checklist (page streams compressed by golive, fonts mended) open, every
# page's content stream and fonts parse, the page count is poppler's, and
# the text holds what the document says, accents included.
# Usage: check_pdfjs.sh GOLIVE SOURCE_DIR WORK_DIR PDFJS_DIR
# (PDFJS_DIR: an installed pdfjs-dist, see .ci/install-deps)
set -uo pipefail
golive=$1 source=$2 work=$3 pdfjs=$4
if [ ! -f "$pdfjs/legacy/build/pdf.js" ] || ! command -v node >/dev/null; then
  echo "SKIP: pdf.js is not installed at $pdfjs (or node is missing): .ci/install-deps installs it"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

python3 "$source/bench/generate_checklist.py" 1000 >"$work/checklist-1000.md"
cp "$source"/tests/typeset/{showcase,wide-table,long-code}.md "$source/tests/bench/one-page.md" "$work/"
for markdown in "$work"/*.md; do
  "$golive" md2pdf "$markdown" -o "${markdown%.md}.pdf" --date 2026-03-20 \
    --client "Zürich Ölwerke AG" 2>"$work/md2pdf.err" || fail "md2pdf $markdown: $(cat "$work/md2pdf.err")"
done
PDFJS=$pdfjs node "$source/tests/pdfjs/read_pdf.js" "$work"/*.pdf 2>/dev/null >"$work/pages.txt"
for pdf in "$work"/*.pdf; do
  read -r _ pages < <(grep -F "$pdf " "$work/pages.txt") || pages=""
  expected=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  case $pages in
    "") fail "$(basename "$pdf"): pdf.js gave no answer" ;;
    FAIL*) fail "$(basename "$pdf"): $pages" ;;
    "$expected") ;;
    *) fail "$(basename "$pdf"): pdf.js counts $pages pages, poppler $expected" ;;
  esac
  grep -qF "Zürich Ölwerke AG" "$pdf.pdfjs.txt" 2>/dev/null \
    || grep -qF "Große Prüfmaschinen AG" "$pdf.pdfjs.txt" 2>/dev/null \
    || fail "$(basename "$pdf"): pdf.js does not find the client's name in the text"
done
grep -qF "Verify the production database" "$work/checklist-1000.pdf.pdfjs.txt" \
  || fail "checklist-1000.pdf: pdf.js does not find 'Verify the production database'"
[ "$failures" -eq 0 ] && echo "PASS: pdf.js reads $(ls "$work"/*.pdf | wc -l) PDFs like poppler"
exit "$failures"
