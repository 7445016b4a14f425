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

# GFM footnotes: a superscript number in the line, the note at the foot of
# the page holding the reference (below every line of text), never raw.
{
  for ((n = 1; n <= 150; n++)); do
    case $n in
      3) printf 'Para%d opens the runbook[^early].\n\n' "$n" ;;
      110) printf 'Para%d names the rollback drill[^late] here.\n\n' "$n" ;;
      *) printf 'Para%d is a line of ordinary filler text for the page.\n\n' "$n" ;;
    esac
  done
  printf '[^late]: Latenote: the drill is rehearsed twice.\n\n[^early]: Earlynote: see the plan.\n'
} >"$work/notes.md"
(cd "$work" && "$golive" md2pdf --dump layout notes.md >notes.dump 2>err) || cat "$work/err"
footnote_check() { # word of the line, word of the note, number
  awk -v ref="$1" -v note="$2" -v mark="$3" '
    $1 == "page" { page = $2 }
    $1 == "text" && index($0, "\"" ref " ") { ref_page = page; if (!index($0, mark)) nomark = 1 }
    $1 == "text" && index($0, note) { note_page = page; note_y = $3; note_size = $5 }
    $1 == "text" && $5 == "10.0" { if ($3 > body_bottom[page]) body_bottom[page] = $3 }
    index($0, "[^") { raw = 1 }
    END {
      if (raw) { print "the reference is printed raw"; exit 1 }
      if (nomark) { print "no superscript " mark " after the reference"; exit 1 }
      if (ref_page == "" || ref_page != note_page) {
        print "the note is on page " note_page ", its reference on page " ref_page; exit 1 }
      if (note_y <= body_bottom[ref_page]) { print "the note is not below the text"; exit 1 }
      if (note_size >= 10) { print "the note is not smaller than the text"; exit 1 }
    }' "$work/notes.dump"
}
for case in "Para3 Earlynote ¹" "Para110 Latenote ²"; do
  set -- $case
  if ! message=$(footnote_check "$1" "$2" "$3"); then
    echo "FAIL: footnote $3: $message"
    failures=$((failures + 1))
  fi
done

# A wrapped code line: its continuation starts further right than the line,
# and pdftotext gives the line back with one line break and nothing else.
command='odoo-bin -c /etc/odoo/odoo.conf -d prod --update=sale_ext,stock_ext,account_ext,purchase_ext,mrp_ext,hr_ext,project_ext --stop-after-init --log-level=warn --workers=0 --no-http'
printf 'Before.\n\n```\n%s\necho done\n```\n' "$command" >"$work/code.md"
(cd "$work" && "$golive" md2pdf --dump layout code.md >code.dump && "$golive" md2pdf code.md -o code.pdf) \
  2>"$work/err" || cat "$work/err"
if ! awk '$1 == "text" && $4 == "mono" { x[++n] = $2 }
          END { exit !(n == 3 && x[2] > x[1] && x[3] == x[1]) }' "$work/code.dump"; then
  echo "FAIL: a wrapped code line's continuation is not indented (or a new line is)"
  failures=$((failures + 1))
fi
copied=$(pdftotext "$work/code.pdf" - | sed -n '/^odoo-bin/,/^echo done/p' | sed '$d' | tr -d '\n')
if [ "$copied" != "$command" ]; then
  echo "FAIL: the wrapped code line copies out as \"$copied\""
  failures=$((failures + 1))
fi

if [ "$failures" -eq 0 ]; then
  echo "check_markdown: lists indent to the documented depth; dead anchor links are named; footnotes sit at the foot of their page; wrapped code lines indent and copy out whole"
fi
exit $((failures > 0))
