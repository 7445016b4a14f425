#!/usr/bin/env bash
# Limits are checked where the input is read: a step title at the limit
# builds; one past it, or 64 KiB, is refused by check (and build) with
# file:line:column and the limit, never an exit 70 from libharu. A heading
# of 70,000 characters still typesets in md2pdf.
# Usage: limits.sh GOLIVE WORK SOURCE
. "$(dirname "$0")/common.sh"

with_title() { # COUNT: a copy of the minimal example whose first step title has COUNT characters
  rm -rf "$work/p$1"
  cp -r "$source/examples/minimal" "$work/p$1"
  python3 - "$work/p$1/checklist.yaml" "$1" <<'PY'
import re, sys
path, count = sys.argv[1], int(sys.argv[2])
text = open(path, encoding='utf-8').read()
text = re.sub(r'(\n        title: )[^\n]*', lambda m: m.group(1) + 'é' * count, text, count=1)
open(path, 'w', encoding='utf-8').write(text)
PY
}

with_title 1000
"$golive" check "$work/p1000/project.yaml" 2> "$work/err" || fail "a 1000-character title: $(cat "$work/err")"
"$golive" build "$work/p1000/project.yaml" -o "$work/p1000/out" -q 2> "$work/err" \
  || fail "building a 1000-character title: $(cat "$work/err")"

for count in 1001 65536; do
  with_title $count
  "$golive" check "$work/p$count/project.yaml" 2> "$work/err"
  [ $? -eq 1 ] || fail "a $count-character title: check's exit status is not 1"
  grep -Eq "p$count/checklist.yaml:[0-9]+:[0-9]+: error: 'title' is $count characters long; the limit for one line of text is 1000" "$work/err" \
    || fail "a $count-character title: $(cut -c1-300 "$work/err")"
  "$golive" build "$work/p$count/project.yaml" -o "$work/p$count/out" 2> "$work/err"
  [ $? -eq 1 ] || fail "a $count-character title: build's exit status is not 1: $(cut -c1-300 "$work/err")"
  [ -e "$work/p$count/out" ] && fail "a refused build wrote $work/p$count/out"
done

python3 -c "print('# ' + 'Y' * 70000 + '\n\nText.')" > "$work/heading.md"
"$golive" md2pdf "$work/heading.md" -o "$work/heading.pdf" 2> "$work/err" \
  || fail "a 70,000-character heading: $(cut -c1-300 "$work/err")"
[ "$(head -c 4 "$work/heading.pdf" 2>/dev/null)" = "%PDF" ] || fail "no PDF for a 70,000-character heading"

finish "every limit case behaves"
