#!/usr/bin/env bash
# What golive costs, in instructions counted by valgrind's callgrind: unlike
# time, the count does not depend on how busy the machine is, so a budget
# can be a test. Each budget sits between the cost before a speed-up and
# after it, with room for ordinary changes; a case over budget means some
# work came back that the speed-ups of issue #17 removed.
#   - md2pdf of a one-page document (five faces): 470 million instructions
#     while libharu built a 65,536-code glyph map per face, 188 million
#     without, 172 million in December 2026; 108 million with HarfBuzz's
#     font subsets in place of libharu's (which copied each font a byte at
#     a time), 71 million with golive making the font objects (libharu's
#     still walked 65,536 codes per face), 56 million with the font
#     objects' loops skipping unused codes; 47 million with the font files
#     mapped and parsed from memory (libharu read them a value at a time
#     through fread); 54 million at the fourth round's start; in the
#     fifth round 47 million with each face's definition made from what
#     HarfBuzz reads when asked (libharu read all of each file's cmap, hmtx
#     and loca a value at a time: 1.5 million a face), 48 million with the
#     shipped catalogs compiled in (parsing templates/lang/en.yaml cost 6
#     million); 16 million with HarfBuzz given the characters drawn (given
#     glyph ids it mapped each face's whole cmap: 15 million), the eleven
#     libraries that ship an archive linked statically (the dynamic
#     loader's relocations) and the used codes found 64 at a time; budget
#     24 million.
#   - the same in German (md2pdf --language de reads two catalogs, the
#     reference and the German): 63 million while both were parsed, 48
#     million with them compiled in, 16 million with the rest of the fifth
#     round; budget 24 million.
#   - md2pdf of bench/'s 1,000-item checklist: 666 million with the glyph
#     maps, 435 million with libharu's zlib at level 6, 380 million with
#     golive's libdeflate, 410 million in December 2026, 356 million with
#     HarfBuzz's font subsets, 326 million with golive's font objects, 297
#     million with golive writing the path and colour operators, 290
#     million with the font files parsed from memory, 274 million at the
#     third round's start, 245 million with ASCII decoded inline and each
#     document's (face, ASCII character) measures kept; 223 million with
#     ASCII words measured in a short loop and the layout keeping each
#     face's glyphs below U+0180 (fifth round), 181 million with the
#     fifth round's font and page-content changes; budget 215 million.
#   - status of bench/'s 2,000-step engagement: 485 million while each
#     YAML file was scanned twice (the lexical checks, then the parse), 318
#     million scanned once, 345 million in December 2026 with more checks;
#     budget 380 million.
#   - build of a 500-step engagement (14 documents, 7 of them PDFs): 2,372
#     million instructions in December 2026, 1,930 million with HarfBuzz's
#     font subsets and golive's font objects, 1,795 million with golive
#     writing the path and colour operators (libharu's cleared a 512-byte
#     buffer on every call), 1,563 million with each document's watermark
#     outlines written out once and repeated on the pages after, 1,580
#     million at the second speed round's start, 1,509 million with each
#     font file parsed once for the build's PDFs, not once per PDF, 1,459
#     million at the third round's start, 1,380 million with ASCII
#     measures kept per document; 1,218 million with the fifth round's
#     cuts (mapping index, measuring loop, fewer calls of snprintf, cmark's
#     UTF-8 check left out), 1,116 million with the rest of the fifth
#     round (faces loaded without libharu's parse, catalogs compiled in,
#     page contents gathered in golive's buffer); budget 1,300 million.
#   - verify of a 500-step engagement's build (2 MiB of documents, each
#     hashed): 328 million with golive's own SHA-256, 245 million with
#     libcrypto's (valgrind runs its AVX2 code; on the CPU its SHA
#     instructions cost less still). Since the MANIFEST lists the font
#     files the PDFs were drawn with (issue #11), verify hashes them too
#     (about 90 million more: 333 million in December 2026); budget 360
#     million.
# And a memory budget: md2pdf of 5,000 items within 48 MiB of peak RSS
# (24 MiB today; the target of issue #17). And a size budget: the one-page
# PDF within 64 KiB (96 KB with libharu's font programs, which kept every
# table, the glyph names and an empty slot for each glyph not drawn; 40 KB
# with HarfBuzz's subsets).
# Usage: instruction_budget.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
command -v valgrind >/dev/null || { echo "FAIL: valgrind is needed"; exit 1; }
if [ "$(nm "$golive" 2>&1 | grep -c __asan_init)" -gt 0 ]; then
  echo "SKIP: valgrind cannot run a sanitizer build; the plain build runs this test"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work"
failures=0

# budget NAME MILLIONS COMMAND...: runs COMMAND under callgrind.
budget() {
  local name=$1 millions=$2
  shift 2
  local count
  count=$(valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$@" 2>&1 >/dev/null \
            | awk '/Collected :/ { gsub(",", "", $4); print $4 }')
  if [ -z "$count" ]; then
    echo "FAIL: $name: callgrind counted nothing"
    failures=$((failures + 1))
  elif [ "$count" -gt $((millions * 1000000)) ]; then
    echo "FAIL: $name: $((count / 1000000)) million instructions, over its budget of $millions million"
    failures=$((failures + 1))
  else
    echo "ok: $name: $((count / 1000000)) million instructions (budget $millions million)"
  fi
}

budget "md2pdf, one page" 24 \
  "$golive" md2pdf "$source/tests/bench/one-page.md" -o "$work/one-page.pdf" --date 2026-03-20
budget "md2pdf, one page, German" 24 \
  "$golive" md2pdf "$source/tests/bench/one-page.md" -o "$work/one-page-de.pdf" --date 2026-03-20 \
  --language de
python3 "$source/bench/generate_checklist.py" 1000 >"$work/checklist-1000.md"
budget "md2pdf, 1,000 items" 215 \
  "$golive" md2pdf "$work/checklist-1000.md" -o "$work/checklist-1000.pdf" --date 2026-03-20

python3 "$source/bench/generate_engagement.py" "$work/engagement" 2000 100
budget "status, 2,000 steps" 380 "$golive" status "$work/engagement/project.yaml"

python3 "$source/bench/generate_engagement.py" "$work/engagement-500" 500 100
budget "build, 500 steps" 1300 \
  "$golive" build "$work/engagement-500/project.yaml" -o "$work/documents-500"
budget "verify, 500 steps" 360 "$golive" verify "$work/documents-500"

python3 "$source/bench/generate_checklist.py" 5000 >"$work/checklist-5000.md"
/usr/bin/time -o "$work/rss.txt" -f '%M' \
  "$golive" md2pdf "$work/checklist-5000.md" -o "$work/checklist-5000.pdf" --date 2026-03-20
peak=$(tail -1 "$work/rss.txt")
if [ "$peak" -gt $((48 * 1024)) ]; then
  echo "FAIL: md2pdf, 5,000 items: peak RSS $((peak / 1024)) MiB, over its budget of 48 MiB"
  failures=$((failures + 1))
else
  echo "ok: md2pdf, 5,000 items: peak RSS $((peak / 1024)) MiB (budget 48 MiB)"
fi
size=$(stat -c %s "$work/one-page.pdf")
if [ "$size" -gt $((64 * 1024)) ]; then
  echo "FAIL: md2pdf, one page: $((size / 1024)) KiB of PDF, over its budget of 64 KiB"
  failures=$((failures + 1))
else
  echo "ok: md2pdf, one page: $((size / 1024)) KiB of PDF (budget 64 KiB)"
fi
exit "$failures"
