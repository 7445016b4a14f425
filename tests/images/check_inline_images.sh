#!/usr/bin/env bash
# Images in lines, in table cells and with captions, as the reader sees
# them (issue 14): an image inside a paragraph's text sits in its line,
# standing on the baseline and no taller than the line, without breaking
# the paragraph; an image in a table cell is drawn in the cell (one that
# cannot be read warns at its own line and column and shows its alt text);
# an image alone in a cell is scaled to the cell, its row as tall as it;
# a right-to-left line draws its images in their visual place;
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
# 4. An image alone in a table cell is scaled to its column, not to a line:
# as wide as the column allows (its own width at most), its aspect kept, no
# taller than a third of the text area; the row is as tall as the image and
# the text of the cells beside it keeps its baseline; a row of text after it
# starts below it. A wide table squeezes the image column and the image with
# it; a page of such rows breaks between rows, the header repeated.
printf '| Step | Screen | Note |\n|---|---|---|\n| 1 | ![screenshot](screenshot.png) | Checked by Ana |\n| 2 | ![plan](plan.png) | Signed |\n| 3 | none | Done |\n' >alone.md
printf '| Step | Screen | Owner | Checked | Note |\n|---|---|---|---|---|\n| 1 | ![screenshot](screenshot.png) | Ana Müller | yes | %s |\n| 2 | text | Ben | no | short |\n' \
  "The export of the open invoices was compared with the ledger, line by line, and the totals agree to the cent." >narrow.md
{ printf '| Step | Screen |\n|---|---|\n'; for n in 1 2 3 4 5 6 7 8 9; do printf '| %s | ![screenshot](screenshot.png) |\n' "$n"; done; } >rows.md
for file in alone.md narrow.md rows.md; do dump "$file" >"$file.txt"; done
python3 - <<'PY' || failures=$((failures + 1))
import re, sys
def items(path):
    pages, page = [], None
    for line in open(path, encoding="utf-8"):
        if line.startswith("page "):
            page = []
            pages.append(page)
        elif page is not None and line.startswith("  "):
            kind, rest = line.split(None, 1)
            x, y, rest = rest.split(None, 2)
            page.append((kind, float(x), float(y), rest.strip()))
    return pages
def size(rest):
    w, h = rest.split()[0].split("x")
    return float(w), float(h)
bad = []
pad = 4.5  # a cell's inner margin left and right
text_height = 841.9 - 70.0 - 62.1  # A4's text area
# alone: each image at its own width (or capped), the row's text beside it,
# the next row below it
page = items("alone.md.txt")[0]
images = [(x, y) + size(r) for k, x, y, r in page if k == "image"]
if len(images) != 2:
    bad.append(f"alone: {len(images)} images drawn, not 2")
else:
    (x1, y1, w1, h1), (x2, y2, w2, h2) = images
    if abs(w1 - 225) > 0.1 or abs(h1 - 150) > 0.1:
        bad.append(f"alone: the screenshot is {w1}x{h1}, not its own 225x150")
    if abs(h2 - text_height / 3) > 1 or abs(w2 / h2 - 900 / 1400) > 0.01:
        bad.append(f"alone: the tall plan is {w2}x{h2}, not a third of the page high with its aspect")
    texts = {r.split('"')[1]: y for k, x, y, r in page if k == "text"}
    if abs(texts["1"] - texts["Checked by Ana"]) > 0.05 or texts["1"] > y1 + 12:
        bad.append(f"alone: row 1's text is not on one baseline at the row's top: {texts}")
    if not (y1 + h1 < texts["2"] - 9 and y2 + h2 < texts["3"] - 9):
        bad.append(f"alone: a row's text overlaps the image above it: {images} {texts}")
    rules = sorted({round(y, 1) for k, x, y, r in page if k == "line" and r.startswith("481.9x0.0")})
    if not any(abs(r - (y1 + h1 + 3.5)) < 0.2 for r in rules):
        bad.append(f"alone: no row rule right under the first image ({y1 + h1}): {rules}")
# narrow: the image takes its column's width less the padding
page = items("narrow.md.txt")[0]
image = [(x, y) + size(r) for k, x, y, r in page if k == "image"]
columns = sorted({round(x, 2) for k, x, y, r in page if k == "line" and r.startswith("0.0x")})
if len(image) != 1 or len(columns) != 6:
    bad.append(f"narrow: {len(image)} images, {len(columns)} column rules")
else:
    x, y, w, h = image[0]
    left = max(c for c in columns if c < x)
    right = min(c for c in columns if c > x)
    if abs(w - (right - left - 2 * pad)) > 0.1 or w > 224 or abs(w / h - 1.5) > 0.01:
        bad.append(f"narrow: the image is {w}x{h}, its column {left}..{right}: not scaled to the cell")
    if w < 60:
        bad.append(f"narrow: the image is a thumbnail ({w} pt wide) in a column of {right - left} pt")
# rows: nine 157 pt rows break between rows, header repeated on each page
pages = items("rows.md.txt")
per_page = [sum(1 for k, *_ in p if k == "image") for p in pages]
headers = [sum(1 for k, x, y, r in p if k == "text" and '"Screen"' in r) for p in pages]
if sum(per_page) != 9 or len(pages) < 3 or any(h != 1 for h in headers):
    bad.append(f"rows: images per page {per_page}, headers {headers}")
for p in pages:
    for k, x, y, r in p:
        if k == "image" and y + size(r)[1] > 841.9 - 62.1 + 0.1:
            bad.append(f"rows: an image runs into the foot margin at {y}")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY

# 5. Right to left: an image in an Arabic or a Hebrew line is drawn where
# it stands in the visual order, between the first word (on the right) and
# the last (on the left), standing on the baseline.
printf 'وقّع ![signature](signature.png) المدير\n\nחתם ![signature](signature.png) המנהל\n' >rtl.md
dump rtl.md >rtl.txt
python3 - <<'PY' || failures=$((failures + 1))
import sys
bad, lines = [], {}
for line in open("rtl.txt", encoding="utf-8"):
    f = line.split()
    if line.startswith("  image "):
        w, h = map(float, f[3].split("x"))
        lines.setdefault("images", []).append((float(f[1]), float(f[2]), w, h))
    elif line.startswith("  text ") and f[3] in ("arabic", "hebrew"):
        lines.setdefault(float(f[2]), []).append(float(f[1]))
images = lines.pop("images", [])
if len(images) != 2 or len(lines) != 2:
    bad.append(f"{len(images)} images drawn in {len(lines)} right-to-left lines, expected 2 in 2")
for (x, y, w, h), (baseline, xs) in zip(images, sorted(lines.items())):
    if not (min(xs) < x and x + w <= max(xs) + 0.05):
        bad.append(f"the image at {x}..{x + w} is not between the words at {sorted(xs)}")
    if abs(y + h - baseline) > 0.05:
        bad.append(f"the image does not stand on the baseline {baseline}: {y} + {h}")
for b in bad:
    print("FAIL: right to left:", b)
sys.exit(1 if bad else 0)
PY

[ "$failures" -eq 0 ] && echo "PASS: images in lines and cells, captions with their images"
exit "$failures"
