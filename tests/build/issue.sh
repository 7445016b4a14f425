#!/usr/bin/env bash
# Frozen deliverables: golive issue copies a built document into issued/
# with its version, date and SHA-256; later builds never change it; the same
# version with other content is refused; the document control lists the
# issued versions; golive verify checks the archive.
# Usage: issue.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/e"
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
refused() {  # refused EXPECTED COMMAND...
  local expected=$1 code=0
  shift
  "$@" > out.txt 2> err.txt || code=$?
  [ "$code" -ne 0 ] && grep -qF -- "$expected" err.txt || fail "'$*' ($code) does not say '$expected': $(cat err.txt)"
}

"$golive" build e/project.yaml -o first
"$golive" issue e/project.yaml audit --build first
cmp -s first/audit.pdf e/issued/audit-1.0.pdf || fail "the issued PDF is not the built one"
cmp -s first/audit.md e/issued/audit-1.0.md || fail "the issued Markdown is not the built one"
[ ! -w e/issued/audit-1.0.pdf ] || [ "$(id -u)" -eq 0 ] || fail "the issued PDF is writable"
[ "$(stat -c %a e/issued/audit-1.0.pdf)" = 444 ] || fail "the issued PDF is not read-only"
grep -qF "audit 1.0 2026-03-21 $(sha256sum first/audit.pdf | cut -d' ' -f1) audit-1.0.pdf" e/issued/ISSUED ||
  fail "the register does not list the issued PDF: $(cat e/issued/ISSUED)"
cp e/issued/ISSUED register.saved
"$golive" issue e/project.yaml audit --build first || fail "issuing the same version again fails"
cmp -s register.saved e/issued/ISSUED || fail "issuing the same content again changed the register"

# Hypercare goes on; the audit report stays as issued, and says so.
"$golive" mark e/runs/handover.yaml 40 done --by mjarvinen --at 2026-03-27T09:00:00+01:00
"$golive" build e/project.yaml -o second
cmp -s first/contacts.pdf second/contacts.pdf || fail "issuing the audit report changed the contacts sheet"
grep -qF "| Version history |" second/audit.md || fail "the audit report lists no version history"
grep -qF "| 1.0 | 2026-03-21 | \`audit-1.0.pdf\` |" second/audit.md || fail "the history lacks version 1.0"
cmp -s first/audit.pdf e/issued/audit-1.0.pdf || fail "a later build changed the issued PDF"
"$golive" verify second > /dev/null || fail "verify refuses an intact archive"

# The same version with other content is refused; a new version is not.
refused "version 1.0 of audit.pdf was issued on 2026-03-21 with other content" \
  "$golive" issue e/project.yaml audit --build second
sed -i 's/^  version: "1.0"/  version: "1.1"/' e/project.yaml
"$golive" build e/project.yaml -o third
"$golive" issue e/project.yaml audit --build third || fail "a new version cannot be issued"
[ -f e/issued/audit-1.1.pdf ] || fail "version 1.1 was not issued"
refused "'x' is not a document" "$golive" issue e/project.yaml x --build third

# A changed issued document is named in verify, at its register line.
chmod u+w e/issued/audit-1.0.md && echo "edited" >> e/issued/audit-1.0.md
line=$(grep -n "audit-1.0.md" e/issued/ISSUED | cut -d: -f1)
refused "ISSUED:$line:1: error: the issued document 'audit-1.0.md' changed since it was issued" \
  "$golive" verify third

[ "$failures" -eq 0 ] && echo "issue: all checks passed"
exit $((failures > 0))
