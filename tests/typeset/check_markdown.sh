#!/usr/bin/env bash
# Markdown constructs through the layout dump: list indentation grows to
# the documented depth (12 levels, docs/typesetting.md's limits) and stops
# there.
# Usage: check_markdown.sh GOLIVE
set -u
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

for ((depth = 0; depth < 15; depth++)); do
  printf '%*s- Depth%d\n' $((2 * depth)) '' $((depth + 1))
done >"$work/deep.md"
(cd "$work" && "$golive" md2pdf --dump layout deep.md >dump 2>err) || cat "$work/err"
x_of() { awk -v word="\"Depth$1\"" '$1=="text" && $NF==word {print $2}' "$work/dump"; }
for ((depth = 2; depth <= 12; depth++)); do
  if ! awk -v a="$(x_of $((depth - 1)))" -v b="$(x_of "$depth")" 'BEGIN{exit !(b > a)}'; then
    echo "FAIL: a list at depth $depth is not indented past depth $((depth - 1)) ($(x_of $((depth - 1))) and $(x_of "$depth"))"
    failures=$((failures + 1))
  fi
done
for depth in 13 14 15; do
  if [ "$(x_of "$depth")" != "$(x_of 12)" ]; then
    echo "FAIL: a list at depth $depth does not keep depth 12's column"
    failures=$((failures + 1))
  fi
done

# A link to an anchor no heading has is warned about with its line; one to
# a heading is not.
printf '# Intro\n\nSee [the intro](#intro) and\n[nowhere](#missing-part).\n\n## Second part\n\n[ok](#second-part)\n' \
  >"$work/anchors.md"
(cd "$work" && "$golive" md2pdf anchors.md -o anchors.pdf 2>err)
expected="anchors.md:4:1: warning: the link to '#missing-part' leads nowhere: no heading of the document has that anchor"
if [ "$(cat "$work/err")" != "$expected" ]; then
  echo "FAIL: dead anchor link: expected \"$expected\", got \"$(cat "$work/err")\""
  failures=$((failures + 1))
fi

if [ "$failures" -eq 0 ]; then
  echo "check_markdown: lists indent to the documented depth; dead anchor links are named"
fi
exit $((failures > 0))
