#!/usr/bin/env bash
# The DRAFT watermark fits its page: the outlines of its letters, as the
# page's content stream draws them (the watermark artifact's path under its
# matrix), lie inside the page with a margin on A4 and Letter, for the
# catalog's word in each language and for long words of a project's own.
# Usage: check_watermark.sh GOLIVE
set -u
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

printf '# Cut-over\n\nA line of text.\n' >"$work/plain.md"
# mark NAME WORD: plain.md under a draft directive with WORD.
mark() { { printf '<!-- golive:draft text="%s" -->\n\n' "$2"; cat "$work/plain.md"; } >"$work/$1.md"; }
mark long-de 'ÉBAUCHE ÜBERPRÜFUNG'
mark long-en 'PRE-RELEASE FOR STEERING COMMITTEE REVIEW'
# The catalog's word of each language, as a built document prints it.
catalogs=$(cd "$(dirname "$0")/../../templates/lang" && pwd)
languages=""
for catalog in "$catalogs"/*.yaml; do
  language=$(basename "$catalog" .yaml)
  mark "catalog-$language" "$(sed -n 's/^pdf_draft: *//p' "$catalog")"
  languages+=" catalog-$language:$language"
done

# extent PDF: the watermark's drawn extent on page 1, "left bottom right top"
# in points from the page's lower left corner, and the page's size.
extent() {
  qpdf --qdf --object-streams=disable "$1" "$work/qdf.pdf" || return 1
  python3 - "$work/qdf.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read().decode("latin-1")
box = re.search(r"/MediaBox\s*\[\s*([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s*\]", data)
start = data.find("/Subtype /Watermark>> BDC")
if start < 0:
    sys.exit("no watermark artifact in the content stream")
block = data[start:data.find("EMC", start)]
matrix = re.search(r"(\S+) (\S+) (\S+) (\S+) (\S+) (\S+) cm", block)
if not matrix:
    sys.exit("the watermark is not drawn as outlines under a matrix")
a, b, c, d, e, f = map(float, matrix.groups())
xs, ys = [], []
for line in block[matrix.end():].splitlines():
    parts = line.split()
    if parts and parts[-1] in ("m", "l", "c"):
        numbers = list(map(float, parts[:-1]))
        for x, y in zip(numbers[0::2], numbers[1::2]):
            xs.append(a * x + c * y + e)
            ys.append(b * x + d * y + f)
if not xs:
    sys.exit("the watermark has no outline")
print(f"{min(xs):.1f} {min(ys):.1f} {max(xs):.1f} {max(ys):.1f} {box.group(3)} {box.group(4)}")
PY
}

margin=28 # [pt] ~10 mm: the least room left between the watermark and the page edge
for paper in a4 letter; do
  for case in long-de:de long-en:en draft:en $languages; do
    name=${case%%:*} language=${case#*:} option=""
    [ "$name" = draft ] && name=plain option=--draft
    pdf=$work/$name-$language-$paper.pdf
    "$golive" md2pdf "$work/$name.md" -o "$pdf" --paper "$paper" --language "$language" \
      --date 2026-03-20 $option 2>"$work/err" || { fail "md2pdf $case $paper: $(cat "$work/err")"; continue; }
    read -r left bottom right top width height < <(extent "$pdf") \
      || { fail "$case on $paper: no watermark outline found"; continue; }
    [ -n "${VERBOSE:-}" ] && echo "$case $paper: $left $bottom $right $top"
    awk -v l="$left" -v b="$bottom" -v r="$right" -v t="$top" -v w="$width" -v h="$height" \
      -v m="$margin" 'BEGIN { exit !(l >= m && b >= m && r <= w - m && t <= h - m) }' \
      || fail "$case on $paper: the watermark spans $left,$bottom to $right,$top on a ${width}x$height page (margin $margin pt)"
    # Still a watermark across the page, not a small stamp.
    awk -v l="$left" -v r="$right" -v w="$width" 'BEGIN { exit !(r - l >= w / 3) }' \
      || fail "$case on $paper: the watermark spans only $left to $right across a page $width wide"
  done
done

if [ "$failures" -eq 0 ]; then
  echo "check_watermark: every watermark inside its page"
fi
exit $((failures > 0))
