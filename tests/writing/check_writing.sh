#!/usr/bin/env bash
# Writing systems in the PDF, read back with poppler (pdftotext, -bbox):
# decomposed text set in NFC, combining marks on their letter, and the
# warnings about characters no font has (see docs/typesetting.md,
# "Characters").
# Usage: check_writing.sh GOLIVE SAMPLES_DIR
set -u
golive=$1 samples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext is missing (poppler-utils)"; exit 1; }

render() { # NAME: samples/NAME.md to work/NAME.pdf, .txt, .err
  local name=$1
  cp "$samples/$name.md" "$work/$name.md"
  "$golive" md2pdf "$work/$name.md" -o "$work/$name.pdf" 2>"$work/$name.err" \
    || fail "$name: md2pdf exited $?: $(cat "$work/$name.err")"
  pdftotext -enc UTF-8 "$work/$name.pdf" "$work/$name.txt"
  pdftotext -bbox "$work/$name.pdf" "$work/$name.bbox"
}

word_width() { # FILE WORD: the width of the first word WORD in pdftotext -bbox output
  awk -v word="$2" 'index($0, ">" word "</word>") {
      match($0, /xMin="[^"]*"/); x0 = substr($0, RSTART + 6, RLENGTH - 7)
      match($0, /xMax="[^"]*"/); x1 = substr($0, RSTART + 6, RLENGTH - 7)
      printf "%.2f\n", x1 - x0; exit }' "$1"
}

# Decomposed input (NFD, as macOS file names give it) is set composed: one
# letter, its accent on it, in body text, a table cell and code.
render nfd
[ -s "$work/nfd.err" ] && fail "nfd: warnings: $(cat "$work/nfd.err")"
[ "$(grep -c 'Zürich' "$work/nfd.txt")" -eq 3 ] \
  || fail "nfd: 'Zürich' (composed) is not in body, table and code: $(grep -a Z "$work/nfd.txt" | od -c | head -3)"
grep -q 'Lefèvre' "$work/nfd.txt" || fail "nfd: 'Lefèvre' does not come back composed"
# A mark with no precomposed letter (q̃) sits on its letter, even in a
# monospaced font: it takes no cell of its own ('aq̃' is two cells of the
# three of 'aqb'), and copies back in its place.
grep -qx 'aq̃b' "$work/nfd.txt" || fail "nfd: 'aq̃b' in code does not come back as written"
with=$(word_width "$work/nfd.bbox" 'aq̃') without=$(word_width "$work/nfd.bbox" 'aqb')
awk -v a="$with" -v b="$without" 'BEGIN { exit !(a != "" && (a * 3 - b * 2) ^ 2 < 0.01) }' \
  || fail "nfd: 'aq̃' is $with pt wide in code, 'aqb' $without pt: the mark takes a cell"

[ "$failures" -eq 0 ] && echo "all writing checks passed"
exit $((failures > 0))
