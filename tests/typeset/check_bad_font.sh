#!/usr/bin/env bash
# A broken or missing font file under fonts/: md2pdf refuses with each
# file's own diagnostic (for a file it cannot use, why, with libharu's
# error code, never a meaningless 0x0000), exits non-zero and writes no PDF.
# Usage: check_bad_font.sh GOLIVE SOURCE_DIR
set -u
golive=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A data folder like the source's, with its own fonts/ folder.
mkdir "$work/data" "$work/data/fonts"
for entry in "$source"/*; do
  [ "$(basename "$entry")" = fonts ] || ln -s "$entry" "$work/data/"
done
printf '# Title\n\nSome text, *some emphasis*, `code`.\n' >"$work/page.md"

# check NAME EXPECTED: md2pdf with the fonts/ folder as it is now.
check() {
  local name=$1 expected=$2
  GOLIVE_DATADIR=$work/data "$golive" md2pdf "$work/page.md" -o "$work/$name.pdf" \
    2>"$work/$name.err"
  local status=$?
  [ "$status" -ne 0 ] || fail "$name: exit status 0"
  [ ! -e "$work/$name.pdf" ] || fail "$name: a PDF was written"
  grep -q "fonts/DejaVuSans.ttf: error: $expected" "$work/$name.err" ||
    fail "$name: no '$expected' for DejaVuSans.ttf in: $(head -3 "$work/$name.err")"
  if grep -q "error 0x0000" "$work/$name.err"; then fail "$name: error code 0x0000"; fi
}

for font in "$source"/fonts/*.ttf; do
  head -c 3000 "$font" >"$work/data/fonts/$(basename "$font")"
done
check truncated "cannot read this TrueType font: a table a PDF font needs is missing or cut off (error 0x1060)"
rm "$work/data/fonts/"*.ttf
check missing "cannot open the font file"

[ "$failures" -eq 0 ] && echo "ok: broken and missing fonts refused"
exit "$failures"
