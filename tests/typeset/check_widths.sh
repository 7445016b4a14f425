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

# Two tables of the same columns and different content: each gets widths
# of its own (the Owner column moves), unless <!-- golive:table
# widths="shared" --> before the first gives them one set.
tables() {
  printf '%s\n\n' "$1"
  printf '## Migrate\n\n| Item | Owner | Notes |\n|---|---|---|\n| Stock | Ana | Counted once |\n\n'
  printf '## Review\n\n| Item | Owner | Notes |\n|---|---|---|\n'
  printf '| Customer invoices of the closed financial years | Finance and accounting team lead | Keep |\n'
}
owner_columns() {
  tables "$1" >"$work/tables.md"
  (cd "$work" && "$golive" md2pdf --dump layout tables.md >tables.dump 2>err) || cat "$work/err"
  awk '$1 == "text" && $NF == "\"Owner\"" { printf "%s ", $2 }' "$work/tables.dump"
}
set -- $(owner_columns '')
if [ "$#" -ne 2 ] || [ "$1" = "$2" ]; then
  echo "FAIL: two tables of different content: Owner columns at $*, expected two different places"
  failures=$((failures + 1))
fi
set -- $(owner_columns '<!-- golive:table widths="shared" -->')
if [ "$#" -ne 2 ] || [ "$1" != "$2" ]; then
  echo "FAIL: widths=\"shared\": Owner columns at $*, expected one place"
  failures=$((failures + 1))
fi

if [ "$failures" -eq 0 ]; then
  echo "check_widths: every column as wide as its content asks; shared widths line up"
fi
exit $((failures > 0))
