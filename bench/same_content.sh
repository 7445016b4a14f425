#!/usr/bin/env bash
# Shows that two golive binaries write the same documents apart from how
# streams are compressed: builds a generated engagement and typesets the
# md2pdf benchmark's checklists with each, then compares every Markdown
# file byte for byte and every PDF after `qpdf --qdf --object-streams=disable
# --static-id` (streams uncompressed, objects in a fixed form), which leaves
# only what a reader sees. The MANIFEST and the close-out list the PDFs'
# SHA-256 sums, which change with the compression: they are compared with
# the sums masked, and the close-out's PDF by typesetting the new close-out's
# Markdown with both binaries. Prints one line per file; exits 1 on a
# difference.
# Usage: bench/same_content.sh OLD_GOLIVE NEW_GOLIVE [STEPS] [ITEMS...]
#        (defaults: 2000 steps; 100 1000 5000 items)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
old=$1 new=$2 steps=${3:-2000}
shift $(( $# > 2 ? 3 : 2 ))
items=("${@:-100 1000 5000}")
out=$here/out/same
rm -rf "$out" && mkdir -p "$out"
python3 "$here/generate_engagement.py" "$out/engagement" "$steps" 100
differences=0
for which in old new; do
  golive=$old
  [ "$which" = new ] && golive=$new
  "$golive" build "$out/engagement/project.yaml" -o "$out/$which"
  for count in ${items[*]}; do
    python3 "$here/generate_checklist.py" "$count" >"$out/checklist-$count.md"
    "$golive" md2pdf "$out/checklist-$count.md" -o "$out/$which/checklist-$count.pdf" --date 2026-03-20
  done
done
masked() { sed -E 's/[0-9a-f]{64}/<sha256>/g; s/(\.pdf \| )[0-9a-f]{12} \|/\1<sha> |/' "$1"; }
for which in old new; do
  golive=$old
  [ "$which" = new ] && golive=$new
  "$golive" md2pdf "$out/new/closeout.md" -o "$out/$which/closeout-typeset.pdf" --date 2026-03-20
done
for file in "$out"/old/*; do
  name=$(basename "$file")
  case $name in
    MANIFEST|closeout.md)
      if cmp -s <(masked "$file") <(masked "$out/new/$name"); then echo "same but sums $name"
      else echo "DIFFERENT     $name"; differences=$((differences + 1)); fi ;;
    closeout.pdf) echo "see           closeout-typeset.pdf (its Markdown lists the sums)" ;;
    *.pdf)
      for which in old new; do
        qpdf --qdf --object-streams=disable --static-id "$out/$which/$name" "$out/$which/$name.qdf"
      done
      if [ "${FONT_PROGRAMS:-}" = mask ]; then
        for which in old new; do
          python3 "$here/mask_font_programs.py" "$out/$which/$name.qdf" >"$out/$which/$name.masked"
          mv "$out/$which/$name.masked" "$out/$which/$name.qdf"
        done
      fi
      if cmp -s "$out/old/$name.qdf" "$out/new/$name.qdf"; then
        printf 'same content  %-22s %9d -> %9d bytes\n' "$name" "$(stat -c %s "$file")" \
          "$(stat -c %s "$out/new/$name")"
      else
        echo "DIFFERENT     $name"; differences=$((differences + 1))
      fi ;;
    *.qdf) ;;
    *)
      if cmp -s "$file" "$out/new/$name"; then echo "same bytes    $name"
      else echo "DIFFERENT     $name"; differences=$((differences + 1)); fi ;;
  esac
done
exit $(( differences > 0 ))
