#!/usr/bin/env bash
# Hostile Markdown through md2pdf: deep nesting, a thousand table columns,
# one enormous word or code line, fifty thousand links or headings, too
# many pages. Each must end within its time limit (no quadratic path, no
# hang) with success or a clean refusal, never a crash.
# Usage: check_hostile.sh GOLIVE
set -u
golive=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

repeat() { # COUNT TEXT: TEXT COUNT times
  awk -v count="$1" -v text="$2" 'BEGIN { for (i = 0; i < count; i++) printf "%s", text }'
}

{ repeat 10000 '>'; echo ' deep'; } >"$work/deep-quotes.md"
awk 'BEGIN { for (i = 0; i < 2000; i++) { for (j = 0; j < i; j++) printf "  "; print "- item" } }' >"$work/deep-lists.md"
awk 'BEGIN { for (r = 0; r < 3; r++) { printf "|"; for (c = 0; c < 1000; c++) printf (r == 1 ? "-|" : "c%d|"), c; print "" } }' >"$work/wide-table.md"
{ repeat 1000000 x; echo; } >"$work/long-word.md"
{ echo '```'; repeat 2000000 y; echo; echo '```'; } >"$work/long-code-line.md"
{ repeat 50000 '[a](#b) '; echo; } >"$work/many-links.md"
repeat 50000 $'# h\n' >"$work/many-headings.md"
repeat 20000 '*a **b ' >"$work/emphasis.md"
repeat 500000 $'a\n\n' >"$work/too-many-pages.md"
printf '| [ ] |\n|---|\n| [x] |\n' >"$work/checkbox-only.md"

for input in "$work"/*.md; do
  name=$(basename "$input" .md)
  start=$(date +%s)
  timeout 60 "$golive" md2pdf "$input" -o "$work/$name.pdf" 2>"$work/$name.err"
  status=$?
  expected=0
  [ "$name" = too-many-pages ] && expected=1
  if [ "$status" -ne "$expected" ]; then
    echo "FAIL: $name: exit $status (expected $expected) after $(( $(date +%s) - start )) s: $(head -c 300 "$work/$name.err")"
    failures=$((failures + 1))
  fi
done
grep -q 'typeset-too-many-pages\|more than 10000 pages' "$work/too-many-pages.err" \
  || { echo "FAIL: too-many-pages: $(cat "$work/too-many-pages.err")"; failures=$((failures + 1)); }
[ -e "$work/too-many-pages.pdf" ] && { echo "FAIL: a refused document was written"; failures=$((failures + 1)); }
[ "$failures" -eq 0 ] && echo "check_hostile: every hostile input handled in time"
exit $((failures > 0))
