#!/usr/bin/env bash
# Page breaks a typographer would sign: each case is typeset with 0 to N
# filler lines before it, so that its construct meets the page foot at
# every height, and the layout dump (`md2pdf --dump layout`) must show the
# keep-together rule of docs/typesetting.md holding at each height.
# Usage: check_breaks.sh GOLIVE
set -u
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# page_of WORD: the page of the first text item of the body (not the
# running header or footer) that is exactly WORD.
page_of() {
  awk -v word="\"$1\"" '/^page /{page=$2}
    $1=="text" && $3>60 && $3<790 && $NF==word {print page; exit}' "$work/dump"
}

# typeset FILLER BODY: FILLER one-line paragraphs, then BODY.
typeset_case() {
  { for ((line = 0; line < $1; line++)); do printf 'Filler %d.\n\n' "$line"; done
    printf '%s\n' "$2"; } >"$work/in.md"
  (cd "$work" && "$golive" md2pdf --dump layout in.md >dump 2>err) || cat "$work/err"
}

# same_page CASE FILLER WORD...: every WORD on one page.
same_page() {
  local case=$1 filler=$2 first; shift 2
  first=$(page_of "$1")
  for word in "$@"; do
    if [ "$(page_of "$word")" != "$first" ] || [ -z "$first" ]; then
      echo "FAIL: $case with $filler filler lines: \"$1\" on page $first, \"$word\" on page $(page_of "$word")"
      failures=$((failures + 1))
      return
    fi
  done
}

paragraph='HeadA

Alpha one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix twentyseven twentyeight twentynine thirty.'
list='## HeadB

- ItemOne
- ItemTwo
- ItemThree
- ItemFour
- ItemFive
- ItemSix
- ItemSeven
- ItemEight
- ItemNine
- ItemTen'
short_list='Tail paragraph.

1. ShortOne
2. ShortTwo
3. ShortThree
4. ShortFour
5. ShortFive'
long_table='| RowHead | Value |
|---|---|'
for ((row = 1; row <= 12; row++)); do long_table+=$'\n'"| Row$row | v |"; done
keep_group='<!-- golive:keep -->

*KeepBy*

KeepNote

KeepNoteEnd

<!-- golive:keep-end -->

After the group.'
tall_cell=$(for ((word = 0; word < 900; word++)); do printf 'word%d ' "$word"; done)
tall_row="### HeadTall

| TallHead | B |
|---|---|
| $tall_cell | TallSecond |"

# A heading kept with a line that references a footnote keeps room for
# the footnote too: it never stays behind at a page's foot with the line
# and its note on the next page.
noted='## HeadNote

NoteLine[^tall]

After the noted line.

[^tall]: NoteStart of a note of several lines: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix twentyseven twentyeight twentynine thirty thirtyone thirtytwo thirtythree thirtyfour thirtyfive thirtysix thirtyseven thirtyeight thirtynine forty fortyone fortytwo fortythree.'
for ((filler = 0; filler < 52; filler++)); do
  typeset_case "$filler" "# $paragraph"
  # a heading keeps with the first two lines of its paragraph
  awk '/^page /{page=$2} $1=="text" && $3>60 && $3<790 && $NF=="\"HeadA\"" {seen=1}
       seen && $1=="text" && $3>60 && $3<790 {print page}' "$work/dump" \
    | head -3 | sort -u | wc -l | grep -qx 1 \
    || { echo "FAIL: heading with $filler filler lines parted from its paragraph's first two lines"; failures=$((failures + 1)); }
  typeset_case "$filler" "$list"
  same_page heading-list "$filler" HeadB ItemOne ItemTwo
  same_page list-end "$filler" ItemNine ItemTen
  typeset_case "$filler" "$short_list"
  same_page short-list "$filler" ShortOne ShortTwo ShortThree ShortFour ShortFive
  typeset_case "$filler" "$long_table"
  same_page table-start "$filler" RowHead Row1 Row2
  same_page table-end "$filler" Row11 Row12
  typeset_case "$filler" "$keep_group"
  same_page keep-directive "$filler" KeepBy KeepNote KeepNoteEnd
  typeset_case "$filler" "$noted"
  note_page=$(awk '/^page /{page=$2} $1=="text" && $3>60 && $3<800 && /"NoteStart /{print page; exit}' "$work/dump")
  same_page heading-footnote "$filler" HeadNote NoteLine¹
  [ "$note_page" = "$(page_of HeadNote)" ] \
    || { echo "FAIL: heading-footnote with $filler filler lines: the note on page $note_page, its heading on $(page_of HeadNote)"; failures=$((failures + 1)); }
done
for filler in 5 30; do
  typeset_case "$filler" "$tall_row"
  same_page tall-row "$filler" HeadTall TallHead TallSecond
done

# last_page_check FROM TO BODY PATTERN MINIMUM WHAT: with FROM to TO
# filler lines before BODY, the last page (of two or more) holds at least
# MINIMUM body text items matching PATTERN.
last_page_check() {
  local filler pages left
  for ((filler = $1; filler < $2; filler++)); do
    typeset_case "$filler" "$3"
    pages=$(awk 'NR==1{print $3}' "$work/dump")
    [ "$pages" -gt 1 ] || continue
    left=$(awk -v last="$pages" -v pattern="$4" '/^page /{page=$2}
      page==last && $1=="text" && $3>60 && $3<790 && $0 ~ pattern' "$work/dump" | wc -l)
    if [ "$left" -lt "$5" ]; then
      echo "FAIL: last page with $filler filler lines holds $6 and $left lines"
      failures=$((failures + 1))
    fi
  done
}

# The last page is never a remainder of one or two lines when the page
# before can give it more.
last_page_check 28 40 "Last line." "" 3 "the last line"

# The last page never holds only the document's final keep block (a
# document control table) when the page before can give it lines.
control='<!-- golive:keep -->

| Control | Value |
|---|---|
| CtlVersion | one |
| CtlDate | two |
| CtlClass | three |
| CtlPrint | four |

<!-- golive:keep-end -->'
last_page_check 30 44 "$control" '"Filler ' 2 "the keep block"

if [ "$failures" -eq 0 ]; then
  echo "check_breaks: every keep-together rule holds"
fi
exit $((failures > 0))
