#!/usr/bin/env bash
# golive compiles the shipped catalogs in (src/language_compiled.h), but a
# data folder whose catalogs were edited is read as it is: the edited words
# print, in English and German, and a broken edit is refused with its
# position in the edited file. The data folder is a copy in the test's own
# folder (GOLIVE_DATADIR), its fonts and checklists linked.
# Usage: catalog_edited.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work/data" && cd "$work"
cp -r "$source/templates" data/templates
ln -s "$source/fonts" data/fonts
ln -s "$source/checklists" data/checklists
printf '# Cut-over\n\nStop the scheduler before the backup.\n' >page.md
failures=0
footer() { # LANGUAGE: the page footer md2pdf prints with the data folder
  GOLIVE_DATADIR="$work/data" "$golive" md2pdf page.md -o "page-$1.pdf" --date 2026-03-20 \
    --language "$1"
  pdftotext "page-$1.pdf" - | grep -E ' 1 (of|von) 1' || true
}
expect() { # WHAT ACTUAL EXPECTED
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: '$2', expected '$3'"
    failures=$((failures + 1))
  fi
}
expect "shipped English" "$(footer en)" "Page 1 of 1"
expect "shipped German" "$(footer de)" "Seite 1 von 1"
sed -i 's/^pdf_page_of: .*/pdf_page_of: "Sheet {page} of {pages}"/' data/templates/lang/en.yaml
sed -i 's/^pdf_page_of: .*/pdf_page_of: "Blatt {page} von {pages}"/' data/templates/lang/de.yaml
expect "edited English" "$(footer en)" "Sheet 1 of 1"
expect "edited German" "$(footer de)" "Blatt 1 von 1"
sed -i 's/^pdf_page_of: .*/pdf_page_of:/' data/templates/lang/de.yaml
status=0
GOLIVE_DATADIR="$work/data" NO_COLOR=1 "$golive" md2pdf page.md -o broken.pdf --language de \
  2>stderr.txt || status=$?
line=$(grep -n '^pdf_page_of:' data/templates/lang/de.yaml | cut -d: -f1)
expect "broken German, exit status" "$status" 1
expect "broken German, message" "$(head -1 stderr.txt)" \
  "$work/data/templates/lang/de.yaml:$line:13: error: 'pdf_page_of' must be text in the catalog"
expect "broken German, no PDF" "$(ls broken.pdf 2>&1 >/dev/null | wc -l)" 1
if ((failures)); then
  exit 1
fi
echo "ok: edited catalogs read, not the compiled ones"
