#!/usr/bin/env bash
# golive's PDFs as an archive takes them: PDF/A-2b by the clauses
# check_pdfa.py tests (it lists which it covers and which it cannot), on
# md2pdf's sample documents (links, bookmarks, images, the DRAFT
# watermark) and on the example engagement's six documents built in
# German; the same input gives the same bytes, /ID included; another input
# gives another /ID; the language reaches /Lang.
# Usage: check_pdfa.sh GOLIVE SOURCE_DIR WORK_DIR
set -uo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
samples=$source/tests/typeset

for name in showcase images; do
  for round in 1 2; do
    "$golive" md2pdf "$samples/$name.md" -o "$work/$name-$round.pdf" --date 2026-03-20 \
      --draft --logo "$samples/images/logo.png" --author "Ana Müller & Co" \
      --subject "Go-live <test>" 2>"$work/$name.err" \
      || fail "md2pdf $name: $(cat "$work/$name.err")"
  done
  cmp -s "$work/$name-1.pdf" "$work/$name-2.pdf" \
    || fail "$name: the same input gives different bytes"
done
identity() { qpdf --show-object=trailer "$1" | grep -o '/ID \[ <[0-9a-f]*>' ; }
[ -n "$(identity "$work/showcase-1.pdf")" ] || fail "showcase: no /ID"
[ "$(identity "$work/showcase-1.pdf")" != "$(identity "$work/images-1.pdf")" ] \
  || fail "two different documents have the same /ID"

cp -r "$source/examples/hollenbach" "$work/engagement"
"$golive" build "$work/engagement/project.yaml" -o "$work/de" --language de \
  >"$work/build.out" 2>&1 || fail "the example does not build in German: $(tail -3 "$work/build.out")"
for pdf in "$work"/de/*.pdf; do
  qpdf --show-object=trailer "$pdf" >/dev/null 2>&1 || continue
  lang=$(qpdf --json=2 --json-key=qpdf "$pdf" | python3 -c \
    'import json,sys; o=json.load(sys.stdin)["qpdf"][1]; r=o["trailer"]["value"]["/Root"]; print(o["obj:"+r]["value"].get("/Lang"))')
  [ "$lang" = "u:de" ] || fail "$(basename "$pdf"): /Lang is $lang, not de"
done

python3 "$source/tests/pdfa/check_pdfa.py" "$work"/showcase-1.pdf "$work"/images-1.pdf \
  "$work"/de/*.pdf || failures=$((failures + 1))
[ "$failures" -eq 0 ] && echo "PASS: PDF/A-2b clauses, determinism, /ID and /Lang"
exit "$failures"
