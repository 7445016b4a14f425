#!/usr/bin/env bash
# The example's contacts sheet and its client copy, on A4 and on Letter:
# every e-mail address of the project is printed whole on one line (the
# sheet is read to dial and to type from), and the sheet keeps to 8 pt type.
# Usage: contact_emails.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext is needed (poppler-utils)"; exit 1; }
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/engagement"
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

mapfile -t emails < <(sed -n 's/^ *email: *//p' engagement/project.yaml)
[ "${#emails[@]}" -ge 10 ] || fail "the example lists only ${#emails[@]} e-mail addresses"
for paper in a4 letter; do
  "$golive" build engagement/project.yaml --only contacts --format pdf --paper "$paper" -q -o "$paper"
  for sheet in contacts contacts-client; do
    pdftotext -enc UTF-8 "$paper/$sheet.pdf" "$paper/$sheet.txt"
    for email in "${emails[@]}"; do
      grep -qF -- "$email" "$paper/$sheet.txt" ||
        fail "$paper/$sheet.pdf does not print $email whole on one line"
    done
  done
done

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "contact e-mails: all whole"
