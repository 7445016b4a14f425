#!/usr/bin/env bash
# The re-audit: issuing the audit report keeps its findings beside it; the
# next version's report says what changed since (new, resolved, accepted,
# reopened, re-rated, removed), in a section and in one line of the summary;
# nothing of it before a first issue; a tampered snapshot is refused by the
# build and named by verify. And states on missing items: a resolved
# blocking item no longer blocks the verdict.
# Usage: reaudit.sh GOLIVE SOURCE_DIR WORK_DIR
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
edit() {  # edit FILE PYTHON-REPLACEMENTS: old<TAB>new lines on stdin
  python3 -c '
import sys
path = sys.argv[1]
text = open(path).read()
for line in sys.stdin.read().split("\n"):
    if line:
        old, new = line.split("\t")
        old, new = old.replace("\\n", "\n"), new.replace("\\n", "\n")
        assert old in text, old
        text = text.replace(old, new, 1)
open(path, "w").write(text)' "$1"
}

"$golive" build e/project.yaml -o first > out.txt
grep -q "Changes since\|Since version" first/audit.md && fail "a first audit report speaks of changes"
grep -qF "> ### BLOCKED" first/audit.md || fail "the example's audit is not blocked to begin with"

"$golive" issue e/project.yaml audit --build first
snapshot=e/issued/audit-1.0.findings.yaml
[ -f $snapshot ] || fail "issuing the audit kept no findings snapshot"
[ "$(stat -c %a $snapshot)" = 444 ] || fail "the findings snapshot is not read-only"
grep -qF "audit 1.0 2026-03-21 $(sha256sum $snapshot | cut -d' ' -f1) audit-1.0.findings.yaml" e/issued/ISSUED ||
  fail "the register does not list the snapshot: $(cat e/issued/ISSUED)"
"$golive" build e/project.yaml -o same > out.txt
grep -q "Changes since" same/audit.md && fail "version 1.0 itself speaks of changes since 1.0"

# Version 1.1: the critical risk resolved, the blocking item still open.
edit e/audit.yaml <<'X'
    owner: zlukasiewicz\n	    owner: zlukasiewicz\n    id: backup\n    state: resolved\n    state_date: 2026-01-12\n    state_note: Off-site copy running; restore tested on 12 January.\n
X
sed -i 's/^  version: "1.0"/  version: "1.1"/' e/project.yaml
"$golive" build e/project.yaml -o second > out.txt
grep -qF "> ### BLOCKED" second/audit.md || fail "an open blocking missing item no longer blocks"
grep -qF "**Since version 1.0:** 1 resolved." second/audit.md || fail "the summary line is wrong: $(grep -F 'Since version' second/audit.md)"

# The blocking item supplied: resolved; a risk accepted, one re-rated, a
# cleanup finding removed, one new.
edit e/audit.yaml <<'X'
    notes: Without it, the EDI scope, the effort and the go-live date cannot be planned.\n	    notes: Without it, the EDI scope, the effort and the go-live date cannot be planned.\n    state: resolved\n    state_date: 2026-01-20\n    state_note: Release 19.0.1 confirmed in writing.\n
  - title: Custom scheduling module depends on rewritten work-order code\n    severity: high	  - title: Custom scheduling module depends on rewritten work-order code\n    severity: medium
    owner: ohorak\n	    owner: ohorak\n    state: accepted-risk\n    state_note: The client goes live with the web portal as fallback.\n
  - title: Fax gateway module still installed\n    kind: obsolete\n    action: clean\n    notes: Unused since 2021; uninstall before the first rehearsal.\n	  - title: Duplicate partner records\n    action: clean\n
X
"$golive" build e/project.yaml -o third > out.txt
md=third/audit.md
grep -qF "> ### NEEDS PREPARATION" $md || fail "a resolved blocking missing item still blocks: $(grep -F '> ###' $md)"
grep -qF "**Since version 1.0:** 1 new, 2 resolved, 1 accepted as a risk, 1 severity changed, 1 removed." $md ||
  fail "the summary line is wrong: $(grep -F 'Since version' $md)"
grep -qF "## Changes since version 1.0 (issued 2026-03-21)" $md || fail "no changes section"
for row in "| **Duplicate partner records** | Cleanup finding | New |" \
  "| **No off-site backup, and no restore ever tested** | Risk | Resolved |" \
  "| **Written confirmation of a 19.0 release of the EDI connector, or its source code under licence** | Missing information | Resolved |" \
  "| **EDI connector not available for Odoo 19** | Risk | Accepted as a risk |" \
  "| **Custom scheduling module depends on rewritten work-order code** | Risk | Severity: HIGH → MEDIUM |" \
  "| **Fax gateway module still installed** | Cleanup finding | Removed from the audit |"; do
  grep -qF -- "$row" $md || fail "the changes section lacks: $row"
done
grep -qF "**Resolved 2026-01-20**: Release 19.0.1 confirmed in writing. |" $md || fail "the resolved missing item is not marked"
tail_row=$(grep -n "Release 19.0.1 confirmed" $md | cut -d: -f1)
other_row=$(grep -n "Documentation of the scripts on the file server" $md | tail -1 | cut -d: -f1)
[ "$tail_row" -gt "$other_row" ] || fail "the resolved missing item is not listed last"
pdftotext third/audit.pdf third.txt
grep -qF "Changes since version 1.0 (issued 2026-03-21)" third.txt || fail "the PDF has no changes section"
grep -qF "Since version 1.0: 1 new, 2 resolved" third.txt || fail "the PDF's summary has no changes line"
grep -qF "Removed from the audit" third.txt || fail "the PDF lists no removed finding"

# In French and German, in the catalog's words; a French colon has its space.
nbsp=$'\xc2\xa0'
"$golive" build e/project.yaml --language fr -o french > out.txt
grep -qF "**Depuis la version 1.0${nbsp}:** 1 nouveau, 2 résolus" french/audit.md || fail "no French summary line"
grep -qF "| Risque | Gravité${nbsp}: ÉLEVÉE → MOYENNE |" french/audit.md || fail "no French severity change"
"$golive" build e/project.yaml --language de -o german > out.txt
grep -qF "## Änderungen seit Version 1.0 (herausgegeben am " german/audit.md || fail "no German changes section"

# Reopened, after 1.1 is issued; a finding with an id keeps it under a new
# title (the id was added after 1.0: matched by title then).
"$golive" issue e/project.yaml audit --build third
sed -i 's/^  version: "1.1"/  version: "1.2"/' e/project.yaml
edit e/audit.yaml <<'X'
    state: accepted-risk\n	    state: open\n
  - title: No off-site backup, and no restore ever tested\n	  - title: Off-site backup and restore in place\n
X
"$golive" build e/project.yaml -o fourth > out.txt
grep -qF "**Since version 1.1:** 1 reopened." fourth/audit.md || fail "no reopened finding: $(grep -F 'Since version' fourth/audit.md)"
grep -qF "| **EDI connector not available for Odoo 19** | Risk | Reopened |" fourth/audit.md || fail "the reopened row is missing"

# A duplicate finding id is a positioned error.
cp e/audit.yaml audit.saved
edit e/audit.yaml <<'X'
    owner: ohorak\n	    owner: ohorak\n    id: backup\n
X
line=$(grep -n "    id: backup" e/audit.yaml | tail -1 | cut -d: -f1)
refused "audit.yaml:$line:9: error: the finding id 'backup' is already used" "$golive" check e/project.yaml
cp audit.saved e/audit.yaml

# A hand-edited snapshot: the build refuses it, verify names it.
chmod u+w e/issued/audit-1.1.findings.yaml
sed -i 's/state: accepted-risk/state: open/' e/issued/audit-1.1.findings.yaml
refused "audit-1.1.findings.yaml:1:1: error: the findings snapshot changed since version 1.1 was issued" \
  "$golive" build e/project.yaml -o fifth
[ ! -e fifth/audit.pdf ] || fail "a build with a tampered snapshot wrote the audit report"
line=$(grep -n "audit-1.1.findings.yaml" e/issued/ISSUED | cut -d: -f1)
refused "ISSUED:$line:1: error: the issued document 'audit-1.1.findings.yaml' changed since it was issued" \
  "$golive" verify fourth

# A snapshot edited and its register line with it: still not as golive
# writes it, named at its line and column.
sed -i 's/^    state: open$/    state: opened/' e/issued/audit-1.1.findings.yaml
sed -i 's/state: accepted-risk/state: open/' e/issued/audit-1.1.findings.yaml
chmod u+w e/issued/ISSUED
sed -i "s/ [0-9a-f]\{64\} audit-1.1.findings.yaml/ $(sha256sum e/issued/audit-1.1.findings.yaml | cut -d' ' -f1) audit-1.1.findings.yaml/" e/issued/ISSUED
line=$(grep -n "state: opened" e/issued/audit-1.1.findings.yaml | head -1 | cut -d: -f1)
refused "audit-1.1.findings.yaml:$line:12: error: 'opened' is not a state golive writes into a findings snapshot" \
  "$golive" build e/project.yaml -o sixth

rm -rf e/issued && mkdir -p e/issued && "$golive" build e/project.yaml -o seventh > out.txt
grep -q "Changes since" seventh/audit.md && fail "without an issued version the report speaks of changes"

# Issuing refuses an audit file changed since its build.
"$golive" build e/project.yaml -o eighth > out.txt
echo "# edited" >> e/audit.yaml
refused "the audit changed since the build in 'eighth'; build again, then issue" \
  "$golive" issue e/project.yaml audit --build eighth
[ ! -e e/issued/audit-1.2.pdf ] || fail "an audit changed since its build was issued"

[ "$failures" -eq 0 ] && echo "reaudit: all checks passed"
exit $((failures > 0))
