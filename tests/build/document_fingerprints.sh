#!/usr/bin/env bash
# Each document's fingerprint covers only the inputs it uses: a hypercare
# record changes the close-out's bytes and the runbook's (its table of every
# checklist's roll-up) and no other document's; a change to the audit findings changes the
# audit report's. The manifest's fingerprint still covers every input.
# Usage: document_fingerprints.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/e"
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
same() { cmp -s "$1/$3" "$2/$3" || fail "$3 changed from $1 to $2"; }
differs() { ! cmp -s "$1/$3" "$2/$3" || fail "$3 did not change from $1 to $2"; }

"$golive" build e/project.yaml -o before
"$golive" mark e/runs/handover.yaml 40 done --by mjarvinen --at 2026-03-27T09:00:00+01:00 \
  --note "Hypercare closed"
"$golive" build e/project.yaml -o hypercare
for document in audit preflight signoff contacts; do
  for format in md pdf; do same before hypercare "$document.$format"; done
done
for document in runbook closeout; do
  for format in md pdf; do differs before hypercare "$document.$format"; done
done
[ "$(grep '^fingerprint' before/MANIFEST)" != "$(grep '^fingerprint' hypercare/MANIFEST)" ] ||
  fail "the manifest's fingerprint did not change"

sed -i 's/^date: /date: /; $a # a reviewed line' e/audit.yaml
"$golive" build e/project.yaml -o audited
differs hypercare audited audit.pdf
same hypercare audited contacts.pdf

[ "$failures" -eq 0 ] && echo "document fingerprints: all checks passed"
exit $((failures > 0))
