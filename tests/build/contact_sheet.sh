#!/usr/bin/env bash
# The example's contacts sheet (14 contacts in four groups) and its client
# copy, on A4 and on Letter, in English, German and French: one page each,
# and every e-mail address of the project printed whole on one line (the
# sheet is read to dial and to type from).
# Usage: contact_sheet.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
for tool in pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils)"; exit 1; }
done
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/engagement"
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

mapfile -t emails < <(sed -n 's/^ *email: *//p' engagement/project.yaml)
[ "${#emails[@]}" -ge 10 ] || fail "the example lists only ${#emails[@]} e-mail addresses"
for paper in a4 letter; do
  for language in en de fr; do
    out=$paper-$language
    "$golive" build engagement/project.yaml --only contacts --format pdf --paper "$paper" \
      --language "$language" -q -o "$out"
    for sheet in contacts contacts-client; do
      pages=$(pdfinfo "$out/$sheet.pdf" | sed -n 's/^Pages: *//p')
      [ "$pages" = 1 ] || fail "$out/$sheet.pdf takes $pages pages, not one"
      pdftotext -enc UTF-8 "$out/$sheet.pdf" "$out/$sheet.txt"
      for email in "${emails[@]}"; do
        grep -qF -- "$email" "$out/$sheet.txt" ||
          fail "$out/$sheet.pdf does not print $email whole on one line"
      done
    done
  done
done

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "contact sheets: one page each, every e-mail address whole"
