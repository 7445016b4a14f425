#!/usr/bin/env bash
# The example's timeline chart, drawn by the typesetter as vector shapes:
# in the runbook and the close-out, each phase's planned span an outlined
# bar and its actual span a solid bar at the place its minutes give on the
# axis (17:00 to 02:00: 540 min over the 371.88 pt right of the 110 pt
# label column on A4); row labels top to bottom and hour ticks left to
# right as real text. The blank runbook (no run yet) draws planned bars
# only, and its caption speaks of them alone; a plan over weeks is drawn
# as three charts: before the window and after it ticked in days from the
# window start, the window in hours.
# Usage: timeline_chart.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
for tool in pdftotext qpdf; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed"; exit 1; }
done
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/filled"
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
cp -r filled blank
sed -i '/file: checklists\/golive-runbook.yaml/{n;/run: runs\/golive.yaml/d}' blank/project.yaml
! grep -q "run: runs/golive.yaml" blank/project.yaml || fail "the blank copy still has its run"

"$golive" build filled/project.yaml --only runbook,closeout --format pdf -q -o filled-out
"$golive" build blank/project.yaml --only runbook --format pdf -q -o blank-out

# rectangles PDF: every "x y width height re" of the page contents, rounded
rectangles() {
  qpdf --qdf --object-streams=disable "$1" "$1.qdf"
  grep -a ' re$' "$1.qdf" | awk '{ printf "%.1f %.1f %.1f\n", $1, $3, $4 }' | sort -u
}
# has_bar RECTANGLES X WIDTH HEIGHT WHAT
has_bar() {
  grep -qx -- "$2 $3 $4" "$1" || fail "$1: no $5 bar at x $2, width $3, height $4"
}
# Execution: planned 0..230 min, actual 3..244 min (18:03-22:04);
# downtime planned 0..325, recorded 9..359 (18:09-23:59).
for pdf in filled-out/runbook.pdf filled-out/closeout.pdf; do
  rectangles "$pdf" > "$pdf.rects"
  has_bar "$pdf.rects" 208.0 158.4 12.0 "planned Execution"
  has_bar "$pdf.rects" 210.1 166.0 5.0 "actual Execution"
  has_bar "$pdf.rects" 208.0 223.8 12.0 "planned downtime"
  has_bar "$pdf.rects" 214.2 241.0 5.0 "actual downtime"
  count=$(grep -c ' 5.0$' "$pdf.rects" || true)
  [ "$count" = 6 ] || fail "$pdf: $count actual bars, not 6 (every phase that ran, the downtime)"
done
rectangles blank-out/runbook.pdf > blank.rects
has_bar blank.rects 208.0 158.4 12.0 "planned Execution"
! grep -q ' 5.0$' blank.rects || fail "the blank runbook draws an actual bar"
# The labels are text: rows top to bottom, ticks left to right, on the
# chart's page.
pdftotext -enc UTF-8 filled-out/runbook.pdf runbook.txt
page=$(awk -v RS='\f' '/Timeline:/ { print NR; exit }' runbook.txt)
[ -n "$page" ] || fail "the runbook has no timeline"
pdftotext -enc UTF-8 -f "${page:-1}" -l "${page:-1}" -bbox filled-out/runbook.pdf words.html
# words WORD: "yMin xMin" of each place WORD is on the page
words() { sed -n "s/.*xMin=\"\([0-9.]*\)\" yMin=\"\([0-9.]*\)\".*>$1<.*/\2 \1/p" words.html; }
# Each row label is the first of its word below the one before.
previous=$(words Timeline: | sort -g | head -1 | cut -d' ' -f1)
for row in Before Execution Validation Decision Reopening Rollback Downtime; do
  y=$(words "$row" | awk -v after="${previous:-0}" '$1 > after' | sort -g | head -1 | cut -d' ' -f1)
  [ -n "$y" ] || fail "no row $row below the one before"
  previous=${y:-0}
done
# The ticks sit on one line below the last row, left to right.
axis=$(words 17:00 | awk -v after="${previous:-0}" '$1 > after' | sort -g | head -1 | cut -d' ' -f1)
previous=0
for tick in 17:00 18:00 19:00 20:00 21:00 22:00 23:00 00:00 01:00 02:00; do
  x=$(words "$tick" | awk -v y="${axis:-0}" '$1 == y { print $2 }')
  [ -n "$x" ] && awk -v a="$previous" -v b="$x" 'BEGIN { exit !(b > a) }' ||
    fail "tick $tick is not on the axis right of the one before ($x after $previous)"
  previous=${x:-0}
done
pdftotext -enc UTF-8 -f "${page:-1}" -l "${page:-1}" filled-out/runbook.pdf page.txt
for text in "Rollback deadline" "Window end" "Planned" "Actual"; do
  grep -qF "$text" page.txt || fail "the chart's page does not say: $text"
done

# The caption says what the chart draws: the window end and the rollback
# deadline as dashed lines, or the window end alone for a project without
# a rollback deadline (no such line, no such marker).
cp -r blank nodeadline
sed -i '/^  rollback_deadline:/d' nodeadline/project.yaml
for copy in blank nodeadline; do
  "$golive" build $copy/project.yaml --only runbook --format md -q -o $copy-md
  grep -F '**Timeline: ' $copy-md/runbook.md > $copy-caption.txt || fail "$copy: no timeline caption"
done
grep -qF "The dashed lines are the window end and the rollback deadline." blank-caption.txt ||
  fail "the caption with a rollback deadline: $(cat blank-caption.txt)"
grep -qF "The dashed line is the window end." nodeadline-caption.txt ||
  fail "the caption without a rollback deadline: $(cat nodeadline-caption.txt)"
! grep -qi "rollback deadline" nodeadline-caption.txt ||
  fail "the caption names a rollback deadline the project does not have"
! grep -q 'golive:timeline .*markers="[^"]*Rollback' nodeadline-md/runbook.md ||
  fail "the chart marks a rollback deadline the project does not have"
# The caption speaks of solid bars (the actual spans) only where the chart
# draws some: in the filled runbook, not in the blank one.
"$golive" build filled/project.yaml --only runbook --format md -q -o filled-md
grep -F '**Timeline: ' filled-md/runbook.md > filled-caption.txt || fail "filled: no timeline caption"
for copy in blank filled; do
  grep -qF "Each phase's planned span is drawn as an outline." $copy-caption.txt ||
    fail "the $copy caption does not explain the outlines: $(cat $copy-caption.txt)"
done
! grep -qi "solid bar\|actual" blank-caption.txt ||
  fail "the blank runbook's caption speaks of bars it does not draw: $(cat blank-caption.txt)"
grep -qF "The solid bar inside it is the span the phase actually took." filled-caption.txt ||
  fail "the filled runbook's caption does not explain its solid bars: $(cat filled-caption.txt)"

# A plan over weeks (the shipped migration checklist, pinned from T-14d,
# hypercare to T+30d) is drawn in three charts, so that the window's
# phases are not slivers: the preparation before the window and the
# hypercare after it each on an axis of days from the window start, the
# window (and the day before it) with the downtime and the window end on
# an axis of hours of the clock.
"$golive" new migration --checklist migration > new.out
"$golive" build migration/project.yaml --only runbook --format md -q -o migration-out
sed -n 's/.*golive:timeline rows="\([^"]*\)".* ticks="\([^"]*\)" markers="\([^"]*\)".*/\1 ticks \2 markers \3/p' \
  migration-out/runbook.md > charts.txt
[ "$(wc -l < charts.txt)" = 3 ] || fail "the migration plan is not drawn in 3 charts: $(cat charts.txt)"
before=$(sed -n 1p charts.txt) window=$(sed -n 2p charts.txt) after=$(sed -n 3p charts.txt)
case "$before" in
  "Preparation: backups and restore test|"*"|Preparation: compatibility and tooling| ticks -20160=T-14d|-17280=T-12d|"*"|0=T| markers ") ;;
  *) fail "the chart before the window: $before" ;;
esac
case "$window" in
  "Migration day: pre-migration checks|"*"|First four hours|Rollback|Downtime| ticks -60=17:00|0=18:00|"*"|480=02:00| markers 480=Window end|") ;;
  *) fail "the window's chart: $window" ;;
esac
case "$after" in
  "First 24 hours|72-hour stabilisation|Week 1|Month 1| ticks 0=T|10080=T+7d|"*"|50400=T+35d| markers ") ;;
  *) fail "the chart after the window: $after" ;;
esac
for part in "Before the window" "The window and the day before" "After the window"; do
  grep -qx "\*$part\*" migration-out/runbook.md || fail "no chart headed $part"
done

[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
echo "timeline chart: runbook, close-out and blank runbook as expected"
