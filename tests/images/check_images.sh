#!/usr/bin/env bash
# Images as the reader sees them: every kind of PNG the standard allows
# (make_pngs.py: 1 to 16 bits, grey, RGB, palette, transparency, alpha,
# interlaced) and baseline, progressive, grey and CMYK JPEGs (make_jpeg)
# typeset by md2pdf, rendered by poppler at 72 dpi and each quadrant's
# colour compared with what the file holds (compare.py); the PDF stays
# PDF/A-2b (no CMYK); a damaged PNG gives a warning naming it
# and line, its alt text in a frame, and still a PDF (it used to abort
# golive inside libharu's libpng).
# Usage: check_images.sh GOLIVE MAKE_JPEG SOURCE_DIR WORK_DIR
set -uo pipefail
golive=$1 make_jpeg=$2 source=$3 work=$4
here=$source/tests/images
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

python3 "$here/make_pngs.py" "$work" >"$work/expected.txt" || fail "make_pngs.py failed"
rgb="230 20 30 20 160 60 30 60 220 250 200 40"
for mode in baseline progressive cmyk; do
  "$make_jpeg" "$work/jpeg-$mode.jpg" $mode || fail "make_jpeg $mode failed"
  echo "jpeg-$mode $rgb" >>"$work/expected.txt"
done
"$make_jpeg" "$work/jpeg-grey.jpg" grey || fail "make_jpeg grey failed"
echo "jpeg-grey 20 20 20 160 160 160 60 60 60 200 200 200" >>"$work/expected.txt"

cut -d' ' -f1 "$work/expected.txt" | while read -r name; do
  file=$(ls "$work/$name".* | head -1)
  printf '![%s](%s)\n\n' "$name" "$(basename "$file")"
done >"$work/images.md"
"$golive" md2pdf "$work/images.md" -o "$work/images.pdf" --date 2026-03-20 2>"$work/warnings.txt" \
  || fail "md2pdf failed: $(cat "$work/warnings.txt")"
[ -s "$work/warnings.txt" ] && fail "md2pdf warns about valid images: $(head -3 "$work/warnings.txt")"
"$golive" md2pdf "$work/images.md" --dump layout --date 2026-03-20 >"$work/layout.txt" 2>/dev/null
pdftoppm -r 72 "$work/images.pdf" "$work/page" || fail "pdftoppm cannot render the PDF"
python3 "$here/compare.py" "$work/expected.txt" "$work/layout.txt" "$work/page" \
  || failures=$((failures + 1))
python3 "$source/tests/pdfa/check_pdfa.py" "$work/images.pdf" >"$work/pdfa.txt" \
  || fail "the PDF with images is not PDF/A-2b: $(head -3 "$work/pdfa.txt")"

# A damaged PNG: the first 60 bytes of a valid one.
head -c 60 "$work/rgb16.png" >"$work/damaged.png"
printf 'Before.\n\n![the damaged one](damaged.png)\n\nAfter.\n' >"$work/damaged.md"
"$golive" md2pdf "$work/damaged.md" -o "$work/damaged.pdf" --date 2026-03-20 2>"$work/damaged.err"
status=$?
[ "$status" -eq 0 ] || fail "a damaged image makes md2pdf exit $status: $(head -3 "$work/damaged.err")"
grep -q "damaged.md:3:1: warning: image '.*damaged.png' cannot be decoded" "$work/damaged.err" \
  || fail "no warning naming the damaged image and its line: $(cat "$work/damaged.err")"
pdftotext "$work/damaged.pdf" - | grep -qF '[image: the damaged one]' \
  || fail "the damaged image's alt text is not shown"
[ -s "$work/damaged.pdf" ] || fail "no PDF for a document with a damaged image"
[ "$failures" -eq 0 ] && echo "PASS: every PNG and JPEG kind drawn right; a damaged one warned about"
exit "$failures"
