#!/usr/bin/env bash
# The record chain: records appended by golive mark and sign carry a hash
# of everything above them, and editing, deleting, inserting, reordering or
# moving an earlier record is an error naming the first broken record.
# Usage: record_chain.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# fresh: a copy of the small engagement with three records appended by mark.
fresh() {
  rm -rf "$work/e" && cp -r "$source/tests/cli/engagement" "$work/e"
  cd "$work/e"
  "$golive" mark run.yaml 30 done --by lukas --at 2026-03-21T18:10:00+01:00
  "$golive" mark run.yaml 40 done --by petra --at 2026-03-21T18:20:00+01:00 --decision go
  "$golive" mark run.yaml 30 done --by lukas --at 2026-03-21T18:30:00+01:00 --note "third"
}
# refused HOW EXPECTED: golive check and status exit 1 and print EXPECTED.
refused() {
  local how=$1 expected=$2 code=0
  for command in check status; do
    code=0
    "$golive" "$command" project.yaml > out.txt 2> err.txt || code=$?
    [ "$code" -eq 1 ] || fail "$how: $command exited $code, not 1"
    grep -qF -- "$expected" err.txt || fail "$how: $command does not say '$expected': $(cat err.txt)"
  done
}

fresh
"$golive" check project.yaml || fail "a chained run does not check"
[ "$(grep -c 'chain: "' run.yaml)" -eq 3 ] || fail "mark did not chain its records"
line=$(grep -n 'note: "third"' run.yaml | cut -d: -f1)
chain=$(sed -n "${line}p" run.yaml | sed 's/.*chain: "\([0-9a-f]*\)".*/\1/')
[ "$(head -n $((line - 1)) run.yaml | sha256sum | cut -d' ' -f1)" = "$chain" ] ||
  fail "a record's chain is not the sha256sum of the lines above it"

broken="error: this record's chain does not match the lines above it"
fresh; sed -i '8s/by: "petra"/by: "lukas"/' run.yaml
refused edited "run.yaml:9:"
refused edited "$broken"
fresh; sed -i '8d' run.yaml
refused deleted "run.yaml:8:"
fresh; sed -i '8i - {item: "30", status: done, by: lukas, at: "2026-03-21T18:11:00+01:00"}' run.yaml
refused inserted "run.yaml:9:"
fresh; sed -i '8{h;d};9{G}' run.yaml
refused reordered "run.yaml:8:"
refused reordered "run.yaml:7:1: note: the lines above this record are as they were"
fresh; sed -i 's/^kind: run$/kind: run  /' run.yaml
refused "header edited" "run.yaml:7:"
fresh; sed -i '9s/chain: "[0-9a-f]*"/chain: "nonsense"/' run.yaml
refused malformed "run.yaml:9:"
refused malformed "'chain' must be a SHA-256"

# A record moved from another run: its chain covers that run's lines.
fresh; cp -r "$work/e" "$work/other"
"$golive" mark "$work/other/run.yaml" 30 done --by petra --at 2026-03-21T18:40:00+01:00
"$golive" mark "$work/other/run.yaml" 30 done --by petra --at 2026-03-21T18:41:00+01:00
tail -n 1 "$work/other/run.yaml" >> run.yaml
refused moved "run.yaml:10:"

# Runs written before chaining still load; a chained record appended after
# them covers them.
fresh; sed -i 's/, chain: "[0-9a-f]*"//' run.yaml
"$golive" check project.yaml || fail "a run without chains does not load"
"$golive" mark run.yaml 30 done --by petra --at 2026-03-21T18:50:00+01:00
"$golive" check project.yaml || fail "a chained record after unchained ones does not check"
sed -i '5s/lukas/petra/' run.yaml
refused "legacy record edited" "run.yaml:10:"

[ "$failures" -eq 0 ] && echo "record chain: all checks passed"
exit $((failures > 0))
