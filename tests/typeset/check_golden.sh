#!/usr/bin/env bash
# Golden layout dumps: `golive md2pdf --dump layout` of each golden/*.md
# must equal golden/*.layout, position for position. After a deliberate
# change of the look, regenerate them with GOLIVE_UPDATE_GOLDEN=1 and read
# the diff before committing it.
# Usage: check_golden.sh GOLIVE GOLDEN_DIR
set -u
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
folder=$2
failures=0
for input in "$folder"/*.md; do
  expected=${input%.md}.layout
  actual=$(cd "$folder" && "$golive" md2pdf --dump layout --date 2026-03-20 \
             --client "Zürich Ölwerke AG" --doc-version 1.2 --classification Confidential \
             "$(basename "$input")" 2>&1)
  if [ "${GOLIVE_UPDATE_GOLDEN:-}" = 1 ]; then
    printf '%s\n' "$actual" >"$expected"
    continue
  fi
  if ! diff -u "$expected" <(printf '%s\n' "$actual") >/dev/null 2>&1; then
    echo "FAIL: $(basename "$input"): the layout differs from $(basename "$expected"):"
    diff -u "$expected" <(printf '%s\n' "$actual") | head -40
    failures=$((failures + 1))
  fi
done
if [ "${GOLIVE_UPDATE_GOLDEN:-}" = 1 ]; then
  echo "check_golden: layouts rewritten; read the diff before committing it"
elif [ "$failures" -eq 0 ]; then
  echo "check_golden: all layouts as expected"
fi
exit $((failures > 0))
