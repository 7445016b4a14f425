#!/usr/bin/env bash
# Every accented letter of Latin Extended-A/B and Additional, Greek and
# Cyrillic, in body, bold, italic and code (accented.md), typeset and then
# compared glyph by glyph with FreeType's rendering of the font files
# (glyph_check.c): a composite glyph whose accent or base letter did not
# make it into the embedded subset fails. Also: no warning, and the text
# extracts exactly. Then the same glyph check for the document of every
# script (../writing/scripts.md: Arabic, Hebrew, Chinese, Japanese too).
# Usage: check_glyphs.sh GOLIVE GLYPH_CHECK FONT_DIR SAMPLES_DIR
set -u
golive=$1 glyph_check=$2 fonts=$3 samples=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpi=300
for tool in pdftoppm pdftotext; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (poppler-utils)"; exit 1; }
done
cp "$samples/accented.md" "$work/accented.md"
"$golive" md2pdf "$work/accented.md" -o "$work/accented.pdf" 2>"$work/err" \
  || { echo "FAIL: md2pdf exited $?: $(cat "$work/err")"; exit 1; }
[ -s "$work/err" ] && { echo "FAIL: md2pdf warned: $(head -3 "$work/err")"; exit 1; }
"$golive" md2pdf --dump layout "$work/accented.md" >"$work/layout" || { echo "FAIL: dump"; exit 1; }
pdftoppm -gray -r "$dpi" "$work/accented.pdf" "$work/page" || { echo "FAIL: pdftoppm"; exit 1; }
pdftotext -enc UTF-8 "$work/accented.pdf" "$work/accented.txt"
status=0
# Every letter of the source comes back from the text layer.
grep -v '^#\|^```\|^$\|:$' "$work/accented.md" | tr -d '*\\' | tr ' ' '\n' | sort -u >"$work/want"
tr -s ' \n' '\n' <"$work/accented.txt" | sort -u >"$work/got"
missing=$(comm -23 "$work/want" "$work/got" | tr '\n' ' ')
[ -n "$missing" ] && { echo "FAIL: not in the text layer: $missing"; status=1; }
"$glyph_check" "$fonts" "$dpi" "$work/layout" $(ls "$work"/page-*.pgm | sort -V) || status=1

cp "$samples/../writing/scripts.md" "$work/scripts.md"
"$golive" md2pdf "$work/scripts.md" -o "$work/scripts.pdf" 2>"$work/scripts.err" \
  || { echo "FAIL: md2pdf scripts.md exited $?: $(cat "$work/scripts.err")"; exit 1; }
[ -s "$work/scripts.err" ] && { echo "FAIL: scripts.md: md2pdf warned: $(head -3 "$work/scripts.err")"; status=1; }
"$golive" md2pdf --dump layout "$work/scripts.md" >"$work/scripts.layout" || status=1
pdftoppm -gray -r "$dpi" "$work/scripts.pdf" "$work/scripts" || status=1
"$glyph_check" "$fonts" "$dpi" "$work/scripts.layout" $(ls "$work"/scripts-*.pgm | sort -V) || status=1
exit $status
