#!/usr/bin/env bash
# The text layer as readers take it: the DRAFT watermark is seen on the
# page but is not text (pdftotext and pdf.js leave it out of the words, in
# English, German and French, accented capitals included);
# pdf.js, which gives text in the order the page draws it (as copying in
# a browser does), reads the running header's left part (the title)
# before its right part (the client), the header before the body, and a
# list's number before its item's text; pdftotext -raw (drawing order) and
# MuPDF's mutool too.
# Usage: check_reading.sh GOLIVE WORK_DIR PDFJS_DIR
set -uo pipefail
golive=$1 work=$2 pdfjs=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cat >"$work/order.md" <<'MD'
# Cut-over plan

Opening paragraph of the plan.

1. Freeze the stock moves
2. Export the open invoices

- Tell the warehouse
MD
for draft in "" --draft; do
  "$golive" md2pdf "$work/order.md" -o "$work/order${draft}.pdf" --date 2026-03-20 \
    --title "Plan title" --client "Client Name AG" $draft 2>"$work/md2pdf.err" \
    || fail "md2pdf $draft: $(cat "$work/md2pdf.err")"
done
pdf=$work/order--draft.pdf

pdftotext -enc UTF-8 "$pdf" "$work/layout.txt"
pdftotext -enc UTF-8 -raw "$pdf" "$work/raw.txt"
cat "$work/layout.txt" "$work/raw.txt" | tr -d ' \n' | grep -q DRAFT \
  && fail "pdftotext extracts the watermark's DRAFT"
tr '\n' ' ' <"$work/raw.txt" | grep -q 'Plan title.*Client Name AG.*Cut-over plan' \
  || fail "pdftotext -raw: the header is not read title, client, then the body: $(head -c 120 "$work/raw.txt")"
grep -q '^1\. Freeze the stock moves' "$work/raw.txt" \
  || fail "pdftotext -raw: the list number does not come before its text: $(grep -n 'Freeze' "$work/raw.txt")"

# The watermark is still drawn: the draft's page has far more tinted pixels.
tinted() {
  pdftoppm -gray -r 20 "$1" "$work/page" && python3 - "$work/page-1.pgm" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
header_end = 0
for _ in range(4):  # P5, width, height, maxval
    while data[header_end:header_end + 1].isspace():
        header_end += 1
    while not data[header_end:header_end + 1].isspace():
        header_end += 1
print(sum(1 for value in data[header_end + 1:] if value < 250))
PY
}
plain=$(tinted "$work/order.pdf") marked=$(tinted "$pdf")
[ "$marked" -gt $((plain + 200)) ] \
  || fail "the watermark is not drawn: $marked tinted pixels with it, $plain without"

if [ -f "$pdfjs/legacy/build/pdf.js" ] && command -v node >/dev/null; then
  here=$(dirname "$0")
  PDFJS=$pdfjs node "$here/../pdfjs/read_pdf.js" "$pdf" >/dev/null 2>&1 \
    || fail "pdf.js cannot read the PDF"
  text=$(cat "$pdf.pdfjs.txt")
  case $(echo "$text" | tr -d ' \n') in *DRAFT*) fail "pdf.js extracts the watermark's DRAFT" ;; esac
  # The watermark words of each language, accented capitals included
  # (composite glyphs in the face), are outlines too: no letter is text.
  for mark in en:DRAFT de:ENTWURF de:ÜBERPRÜFUNG fr:BROUILLON fr:ÉBAUCHE; do
    language=${mark%%:*} word=${mark#*:}
    { printf '<!-- golive:draft text="%s" -->\n\n' "$word"; cat "$work/order.md"; } >"$work/mark.md"
    "$golive" md2pdf "$work/mark.md" -o "$work/mark-$word.pdf" --language "$language" \
      --date 2026-03-20 2>"$work/md2pdf.err" || fail "md2pdf $word: $(cat "$work/md2pdf.err")"
    PDFJS=$pdfjs node "$here/../pdfjs/read_pdf.js" "$work/mark-$word.pdf" >/dev/null 2>&1 \
      || fail "pdf.js cannot read the PDF with the watermark $word"
    case $(tr -d ' \n' <"$work/mark-$word.pdf.pdfjs.txt") in
      *"$word"*) fail "pdf.js extracts the $language watermark's $word" ;;
    esac
  done
  echo "$text" | grep -q 'Plan title.*Client Name AG.*Cut-over plan' \
    || fail "pdf.js: the header is not read title, client, then the body: ${text:0:120}"
  echo "$text" | grep -q '1\. *Freeze the stock moves.*2\. *Export' \
    || fail "pdf.js: a list number is read after its text: ${text:0:300}"
else
  echo "note: pdf.js is not installed at $pdfjs; its half of the test is skipped"
fi
# MuPDF (mutool draw -F txt) reads the page as pdftotext -raw does, word for
# word: the header's title, its client, the body, each list number before
# its text; and no watermark letter, accented ones included.
if command -v mutool >/dev/null; then
  for file in "$pdf" "$work"/mark-*.pdf; do
    [ -f "$file" ] || continue
    mutool draw -F txt -o "$file.mutool.txt" "$file" 2>/dev/null || fail "mutool cannot read $file"
    pdftotext -enc UTF-8 -raw "$file" "$file.raw.txt"
    [ "$(tr -s ' \n' '\n\n' <"$file.mutool.txt")" = "$(tr -s ' \n' '\n\n' <"$file.raw.txt")" ] \
      || fail "mutool and pdftotext -raw read $(basename "$file") in different orders: $(tr '\n' ' ' <"$file.mutool.txt" | head -c 200)"
    word=$(basename "$file" .pdf) word=${word#mark-} word=${word#order--draft}
    case $(tr -d ' \n' <"$file.mutool.txt") in *"${word:-DRAFT}"*) fail "mutool extracts the watermark's ${word:-DRAFT}" ;; esac
  done
  tr '\n' ' ' <"$pdf.mutool.txt" | grep -q 'Plan title.*Client Name AG.*Cut-over plan.*1\. Freeze the stock moves' \
    || fail "mutool: the header, body and list number are not read in visual order: $(head -c 200 "$pdf.mutool.txt")"
else
  echo "note: mutool (mupdf-tools) is not installed; its half of the test is skipped"
fi
[ "$failures" -eq 0 ] && echo "PASS: the watermark is no text; pdf.js, pdftotext and mutool read in visual order"
exit "$failures"
