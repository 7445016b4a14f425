#!/usr/bin/env bash
# What md2pdf's PDFs promise, checked with poppler and qpdf on the sample
# documents beside this script: qpdf finds nothing wrong; every font is
# embedded, subset and has a Unicode map; pdftotext gives the exact text
# back, accents included, without warnings; no word lies outside the text
# area and its header and footer bands (pdftotext -bbox); the same input
# gives the same bytes; Letter paper; links and bookmarks are there; a
# failure leaves no output behind and an existing output untouched.
# Usage: check_pdf.sh GOLIVE SAMPLES_DIR
set -u
golive=$1
samples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for tool in pdftotext pdffonts pdfinfo pdfimages qpdf; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (poppler-utils, qpdf)"; exit 1; }
done

render() { # NAME [OPTIONS...]
  local name=$1; shift
  "$golive" md2pdf "$samples/$name.md" -o "$work/$name.pdf" --date 2026-03-20 \
    --client "Zürich Ölwerke AG" --doc-version 1.2 --classification Confidential "$@" \
    2>"$work/$name.err" || fail "$name: md2pdf exited $?: $(cat "$work/$name.err")"
}

for name in showcase directives wide-table long-code images; do
  render "$name" --logo "$samples/images/logo.png"
  pdf=$work/$name.pdf
  qpdf --check "$pdf" >"$work/qpdf.out" 2>&1 || fail "$name: qpdf --check: $(tail -3 "$work/qpdf.out")"
  grep -qi warning "$work/qpdf.out" && fail "$name: qpdf warns: $(grep -i warning "$work/qpdf.out")"
  pdffonts "$pdf" | tail -n +3 | grep -v ' yes yes yes ' && fail "$name: a font is not embedded, subset and mapped"
  pdftotext -enc UTF-8 "$pdf" "$work/$name.txt" 2>"$work/pdftotext.err"
  [ -s "$work/pdftotext.err" ] && fail "$name: pdftotext complains: $(head -3 "$work/pdftotext.err")"
  # Every word inside the text area and the header and footer bands:
  # A4 is 595.28 x 841.89 pt, margins 56.7 pt at the sides; the header's
  # text starts 40 pt from the top less its ascent, the footer's ends
  # 32 pt from the bottom plus its descent (809.9 + 2.2 pt). Rotated DRAFT is the exception.
  pdftotext -bbox "$pdf" - | awk -v name="$name" '
    /<word / {
      match($0, /xMin="[^"]*"/); x0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
      match($0, /yMin="[^"]*"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
      match($0, /xMax="[^"]*"/); x1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
      match($0, /yMax="[^"]*"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
      word = $0; sub(/.*">/, "", word); sub(/<\/word>.*/, "", word)
      if (word == "DRAFT") next
      if (x0 < 56.2 || x1 > 539.1 || y0 < 30 || y1 > 812.5)
        { if (bad++ < 5) printf "FAIL: %s: \"%s\" at x %s-%s, y %s-%s is outside the text area\n", name, word, x0, x1, y0, y1 }
    }
    END { exit bad > 0 }' || failures=$((failures + 1))
done

grep -qxF 'Zürich Ölwerke AG — Łukasz Żółć, François Lefèvre, Søren Kierkegård, Ines Gonçalves' \
  "$work/showcase.txt" || fail "showcase: the line of accented names does not come back exactly"
grep -qF 'Staging walkthrough (sale → invoice → pay → ship) — owner: Functional lead' \
  "$work/showcase.txt" || fail "showcase: arrows and dashes do not come back exactly"
grep -qF 'Page 1 of 1' "$work/showcase.txt" || fail "showcase: no 'Page 1 of 1' in the footer"

# Images: the PNG and the JPEG embedded, the four that may not be read
# replaced with a warning each; the cover's logo from --logo.
[ "$(pdfimages -list "$work/images.pdf" | tail -n +3 | wc -l)" -eq 2 ] || fail "images: not 2 images"
[ "$(grep -c 'warning: .*image' "$work/images.err")" -eq 4 ] || fail "images: $(cat "$work/images.err")"
pdfimages -list -f 1 -l 1 "$work/directives.pdf" | grep -q ' png \| image ' || fail "directives: no logo on the cover"

mkdir "$work/linked"
ln -s "$(cd "$samples/images" && pwd)/photo.jpg" "$work/linked/photo.jpg"
printf '![escapes](photo.jpg)\n' >"$work/linked/doc.md"
"$golive" md2pdf "$work/linked/doc.md" 2>"$work/linked.err"
grep -q 'is a link to a file outside' "$work/linked.err" || fail "a symbolic link out of the folder was followed"
[ "$(pdfimages -list "$work/linked/doc.pdf" | tail -n +3 | wc -l)" -eq 0 ] || fail "the linked image was embedded"

qpdf --qdf --object-streams=disable "$work/showcase.pdf" "$work/showcase.qdf"
grep -aq '/URI (mailto:ana.mueller@example.com)' "$work/showcase.qdf" || fail "showcase: no mailto: link"
grep -aq '/URI (tel:+41441234567)' "$work/showcase.qdf" || fail "showcase: no tel: link"
grep -aq '/Outlines' "$work/showcase.qdf" || fail "showcase: no bookmarks"
grep -a -B12 '/Subtype /Link' "$work/showcase.qdf" | grep -q '/Dest ' \
  || fail "showcase: the #emergency-contacts link does not jump to the heading"
grep -aq '/CreationDate (D:20260320000000Z' "$work/showcase.qdf" || fail "showcase: creation date is not --date"

# Same input, same bytes; SOURCE_DATE_EPOCH gives the date when --date is absent.
"$golive" md2pdf "$samples/showcase.md" -o "$work/again.pdf" --date 2026-03-20 \
  --client "Zürich Ölwerke AG" --doc-version 1.2 --classification Confidential \
  --logo "$samples/images/logo.png"
cmp -s "$work/showcase.pdf" "$work/again.pdf" || fail "two renderings of showcase differ"
SOURCE_DATE_EPOCH=1773964800 "$golive" md2pdf "$samples/showcase.md" -o "$work/epoch.pdf" \
  --client "Zürich Ölwerke AG" --doc-version 1.2 --classification Confidential \
  --logo "$samples/images/logo.png"
cmp -s "$work/showcase.pdf" "$work/epoch.pdf" || fail "SOURCE_DATE_EPOCH and --date of the same day differ"

render showcase --paper letter
pdfinfo "$work/showcase.pdf" | grep -q 'Page size: *612 x 792 pts (letter)' || fail "--paper letter is not Letter"

# Failures leave nothing behind, and an existing output untouched.
printf 'bad \xff byte\n' >"$work/bad.md"
"$golive" md2pdf "$work/bad.md" 2>"$work/bad.err"; status=$?
[ "$status" -eq 1 ] || fail "invalid UTF-8 exits $status, not 1"
grep -q 'bad.md:1:5: error: invalid UTF-8' "$work/bad.err" || fail "invalid UTF-8: $(cat "$work/bad.err")"
[ -e "$work/bad.pdf" ] && fail "invalid UTF-8 left $work/bad.pdf"
echo keep >"$work/kept.pdf"
"$golive" md2pdf "$work/bad.md" -o "$work/kept.pdf" 2>/dev/null
[ "$(cat "$work/kept.pdf")" = keep ] || fail "a failed run replaced an existing output"
"$golive" md2pdf "$work/missing.md" 2>/dev/null; status=$?
[ "$status" -eq 3 ] || fail "a missing input exits $status, not 3"
"$golive" md2pdf "$samples/showcase.md" --paper a5 2>/dev/null; status=$?
[ "$status" -eq 2 ] || fail "--paper a5 exits $status, not 2"

if [ "$failures" -eq 0 ]; then echo "check_pdf: all checks passed"; fi
exit $((failures > 0))
