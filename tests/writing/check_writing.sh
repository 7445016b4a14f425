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

# Right-to-left text: Arabic joined (presentation forms, lam-alef), drawn
# in visual order, right-to-left paragraphs flush right, and read back in
# logical order by pdftotext and pdf.js. pdftotext puts U+202A-U+202E
# around runs of the other direction; they are removed before comparing.
render rtl
[ -s "$work/rtl.err" ] && fail "rtl: warnings: $(cat "$work/rtl.err")"
"$golive" md2pdf --dump layout "$work/rtl.md" >"$work/rtl.layout" 2>&1
grep -q 'arabic 10.0 #1A1A1A "ﺓﺭﺎﺠﺘﻠﻟ ﺭﻮﻨﻟﺍ ﺔﻛﺮﺷ"' "$work/rtl.layout" \
  || fail "rtl: 'شركة النور للتجارة' is not joined and drawn right to left: $(grep arabic "$work/rtl.layout" | head -2)"
grep -q 'ﻡﻼ' "$work/rtl.layout" || fail "rtl: no lam-alef ligature in السلام"
grep -q 'hebrew 10.0 #1A1A1A "אפלא תרבח לש הריגהה חוד והז"' "$work/rtl.layout" \
  || fail "rtl: Hebrew is not drawn right to left"
grep -q "mono 8.5 #1A1A1A \"name = 'ﺭﻮﻨﻟﺍ ﺔﻛﺮﺷ'\"" "$work/rtl.layout" \
  || fail "rtl: Arabic in code is not joined and right to left"
# The right-to-left paragraph ends at the right margin (538.6 pt).
right=$(awk '/<word / && /xMax/ { if ($0 ~ /[\330-\333]/) {
    match($0, /xMax="[^"]*"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0; if (x > max) max = x } }
    END { printf "%.1f", max }' "$work/rtl.bbox")
[ "$right" = "538.6" ] || fail "rtl: right-to-left text reaches $right pt, not the right margin 538.6 pt"
perl -CSD -pe 's/[\x{202A}-\x{202E}]//g' "$work/rtl.txt" >"$work/rtl.plain"
# pdftotext reverses each run of right-to-left letters of a left-to-right
# page, taking the Arabic comma for a break: phrases between commas.
for phrase in 'شركة النور للتجارة' 'السلام عليكم' 'هذا تقرير الترحيل لشركة النور' \
              'זהו דוח ההגירה של חברת אלפא' 'חברת אלפא' 'Zürich bestätigt.'; do
  grep -qF "$phrase" "$work/rtl.plain" || fail "rtl: pdftotext does not give '$phrase' back in order"
done
if ! command -v node >/dev/null || [ ! -e /usr/share/nodejs/pdfjs-dist/build/pdf.js ]; then
  fail "rtl: node or pdf.js is missing (Debian: nodejs, libjs-pdf)"
else
  node "$samples/pdfjs_text.js" "$work/rtl.pdf" >"$work/rtl.pdfjs" 2>&1 || fail "rtl: pdf.js: $(head -3 "$work/rtl.pdfjs")"
  for phrase in 'Der Kunde شركة النور للتجارة hat den Vertrag in Zürich bestätigt.' \
                'السلام عليكم، هذا تقرير الترحيل لشركة النور' 'זהו דוח ההגירה של חברת אלפא' \
                'شركة النور Riad'; do
    grep -qF "$phrase" "$work/rtl.pdfjs" || fail "rtl: pdf.js does not give '$phrase' back in order"
  done
fi

[ "$failures" -eq 0 ] && echo "all writing checks passed"
exit $((failures > 0))
