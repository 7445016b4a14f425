#!/usr/bin/env bash
# Images in lines, in table cells and with captions, as the reader sees
# them (issue 14): an image inside a paragraph's text sits in its line,
# standing on the baseline and no taller than the line, without breaking
# the paragraph; an image in a table cell is drawn in the cell (one that
# cannot be read warns at its own line and column and shows its alt text);
# a page-high image keeps its caption (the line after it, or an emphasis
# paragraph after it) and the heading above it on its page, scaled down to
# make room.
# Usage: check_inline_images.sh GOLIVE WORK_DIR
set -uo pipefail
golive=$1 work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
python3 - <<'PY'
import struct, zlib
def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
def png(name, width, height, rgb):
    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(name, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                  + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
png("signature.png", 200, 40, (20, 40, 200))
png("screenshot.png", 300, 200, (30, 160, 60))
png("plan.png", 900, 1400, (200, 30, 30))
PY
dump() { "$golive" md2pdf "$1" --dump layout --date 2026-03-20 2>"$1.err"; }

# 1. In a line: one line of text with the image between its words.
printf 'Signed ![signature](signature.png) by the lead, on the day of the go-live.\n' >inline.md
dump inline.md >inline.txt
read -r image_x image_y size < <(awk '$1 == "image" { print $2, $3, $4 }' inline.txt)
before=$(awk '$1 == "text" && /"Signed "/ { print $3 }' inline.txt)
after=$(awk '$1 == "text" && /" by the lead/ { print $3 }' inline.txt)
if [ -z "${image_y:-}" ] || [ -z "$before" ] || [ "$before" != "$after" ]; then
  fail "the inline image splits its paragraph: $(grep -E '^  (text|image)' inline.txt | head -4)"
else
  height=${size#*x}
  python3 -c "import sys; y, h, b = map(float, sys.argv[1:]); sys.exit(abs(y + h - b) > 0.05 or h > 10.5)" \
    "$image_y" "$height" "$before" \
    || fail "the inline image does not stand on the baseline $before within the line: $image_y $size"
fi
"$golive" md2pdf inline.md -o inline.pdf --date 2026-03-20 2>inline.pdf.err || fail "md2pdf inline.md failed"
pdftotext -layout inline.pdf - | grep -q 'Signed .*by the lead' \
  || fail "the text around the inline image is not on one line: $(pdftotext -layout inline.pdf - | head -3)"
[ -s inline.md.err ] && fail "warnings for a valid inline image: $(cat inline.md.err)"

# 2. In a table cell: drawn inside the cell; a missing one warned about.
printf '| Step | Note |\n|---|---|\n| 1 | Done, see ![screenshot](screenshot.png) |\n| 2 | ![missing](missing.png) |\n' >cell.md
dump cell.md >cell.txt
grep -q '^  image .* "\./screenshot.png"' cell.txt \
  || fail "the image in a table cell is not drawn: $(grep -E '^  (text|image)' cell.txt | head -6)"
grep -q '"screenshot"' cell.txt && fail "the cell shows the image's alt text instead of the image"
grep -q '^cell.md:4:7: warning: cannot read image' cell.md.err \
  || fail "no warning at the missing cell image's line and column: $(cat cell.md.err)"
grep -q '"\[image: missing\]"' cell.txt || fail "the missing cell image's alt text is not shown"

# 3. A caption and a heading stay with a page-high image, in both forms.
printf '# Plan\n\n![the cut-over plan](plan.png)\n*Figure 1: the cut-over plan*\n\nAfter.\n' >caption.md
printf '# Plan\n\n![the cut-over plan](plan.png)\n\n*Figure 1: the cut-over plan*\n\nAfter.\n' >caption2.md
for file in caption.md caption2.md; do
  dump "$file" >"$file.txt"
  awk '$1 == "page" { page = $2 } $1 == "image" { image = page }
       /"Figure 1: the cut-over plan"/ { caption = page } /sans-bold 20.0 .*"Plan"/ { heading = page }
       END { exit !(image != "" && image == caption && image == heading) }' "$file.txt" \
    || fail "$file: the heading, image and caption are not on one page: $(grep -E '^(page|  image)|Figure 1|"Plan"' "$file.txt")"
done
[ "$failures" -eq 0 ] && echo "PASS: images in lines and cells, captions with their images"
exit "$failures"
