#!/usr/bin/env bash
# golive md2pdf --draft --language CODE marks each page with the catalog's
# own word for a draft (pdf_draft: ENTWURF in German, BROUILLON in French),
# as golive build does, and numbers pages in that language (pdf_page_of);
# a language golive ships no catalog for keeps the English words. The
# watermark is drawn as outlines, so the layout dump is where it is read.
# Usage: check_draft_word.sh GOLIVE SOURCE_DIR
set -u
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

printf '# Cutover notes\n\nThe window opens on Friday.\n' >"$work/notes.md"

# word CODE KEY: the catalog's text for KEY, without quotes.
word() { sed -n "s/^$2: *//p" "$source_dir/templates/lang/$1.yaml" | sed 's/^"//; s/"$//'; }

for code in en de fr es; do
  catalog=$code
  [ -f "$source_dir/templates/lang/$code.yaml" ] || catalog=en
  if ! (cd "$work" && "$golive" md2pdf --draft --language "$code" --dump layout notes.md \
    >dump 2>err); then
    fail "md2pdf --language $code failed: $(cat "$work/err")"
    continue
  fi
  expected=$(word "$catalog" pdf_draft)
  grep -q "^  watermark .* \"$expected\"$" "$work/dump" \
    || fail "--language $code: watermark is not '$expected': $(grep watermark "$work/dump")"
  page=$(word "$catalog" pdf_page_of | sed 's/{page}/1/; s/{pages}/1/')
  grep -q "\"$page\"" "$work/dump" || fail "--language $code: no '$page' on the page"
done

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "ok: the draft mark and page numbers in the language's words"
