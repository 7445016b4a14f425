#!/usr/bin/env bash
# Column widths from content, through the layout dump: a table of 300 rows
# whose "Owner 3" column holds two-word names and whose Notes column has
# one long note must keep the names on one line (one line per row, 9 pages)
# rather than squeeze them to the column's longest word (two lines per
# row, 12 pages).
# Usage: check_widths.sh GOLIVE
set -u
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

python3 - >"$work/owner.md" <<'PY'
print('| Step | Task | Owner 3 | Notes |')
print('|---|---|---|---|')
note = ('The counting team found a difference in the bin of the main warehouse; the stock '
        'was corrected after a recount with the supervisor and booked to inventory loss')
for row in range(300):
    print('| %d | Count the stock in bin %d | Ana Müller | %s |' % (row, row, note if row == 7 else ''))
PY
(cd "$work" && "$golive" md2pdf --dump layout owner.md >dump 2>err) || cat "$work/err"
pages=$(awk 'NR==1{print $3}' "$work/dump")
if [ "$pages" -gt 9 ]; then
  echo "FAIL: owner table: $pages pages, at most 9 expected"
  failures=$((failures + 1))
fi
whole=$(grep -c '"Ana Müller"' "$work/dump")
if [ "$whole" -ne 300 ]; then
  echo "FAIL: owner table: $whole of 300 names on one line"
  failures=$((failures + 1))
fi

if [ "$failures" -eq 0 ]; then
  echo "check_widths: every column as wide as its content asks"
fi
exit $((failures > 0))
