#!/usr/bin/env bash
# Evidence files: golive mark --attach records a file's path and SHA-256;
# the runbook and the close-out list them; a changed or missing attachment
# is a warning in golive build and an error in golive verify.
# Usage: attachments.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/e"
cd "$work/e"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
mkdir -p evidence && printf 'restore finished in 47 min\n' > evidence/restore.log
hash=$(sha256sum evidence/restore.log | cut -d' ' -f1)
"$golive" mark runs/golive.yaml 20 done --by pzielinski --at 2026-03-20T17:36:00+01:00 \
  --attach evidence/restore.log
grep -qF "attachments: [{path: \"../evidence/restore.log\", sha256: \"$hash\"}]" runs/golive.yaml ||
  fail "the record does not hold the attachment: $(tail -n 1 runs/golive.yaml)"
code=0; "$golive" mark runs/golive.yaml 20 done --by x --attach nothing.log 2> err.txt || code=$?
[ "$code" -eq 1 ] && grep -qF -- "--attach 'nothing.log': there is no such regular file" err.txt ||
  fail "a missing attachment is not refused: $code $(cat err.txt)"
printf 'x\n' > "$work/outside.log"
code=0; "$golive" mark runs/golive.yaml 20 done --by x --attach "$work/outside.log" 2> err.txt || code=$?
[ "$code" -eq 1 ] && grep -qF "it lies outside the project's folder" err.txt ||
  fail "an attachment outside the project is not refused: $code $(cat err.txt)"

"$golive" build project.yaml -o out --format md 2> err.txt
[ ! -s err.txt ] || fail "build warns about an intact attachment: $(cat err.txt)"
grep -qF "\`../evidence/restore.log\` (SHA-256 ${hash:0:12}…)" out/runbook.md ||
  fail "the runbook does not list the attachment with a short hash"
grep -qF "| 20 | \`../evidence/restore.log\` | \`$hash\` |" out/closeout.md ||
  fail "the close-out does not list the attachment"
"$golive" verify out > /dev/null || fail "verify refuses an intact attachment"

printf 'edited\n' >> evidence/restore.log
"$golive" build project.yaml -o changed --format md 2> err.txt || fail "build fails on a changed attachment"
grep -qF "warning: the attachment '../evidence/restore.log' changed since it was recorded" err.txt ||
  fail "build does not warn about a changed attachment: $(cat err.txt)"
code=0; "$golive" verify out > /dev/null 2> err.txt || code=$?
[ "$code" -ne 0 ] && grep -qF "error: the attachment '../evidence/restore.log' changed since it was recorded" err.txt ||
  fail "verify does not refuse a changed attachment: $code $(cat err.txt)"
rm evidence/restore.log
code=0; "$golive" verify out > /dev/null 2> err.txt || code=$?
[ "$code" -ne 0 ] && grep -qF "'../evidence/restore.log' is gone since it was recorded" err.txt ||
  fail "verify does not refuse a missing attachment: $code $(cat err.txt)"

[ "$failures" -eq 0 ] && echo "attachments: all checks passed"
exit $((failures > 0))
