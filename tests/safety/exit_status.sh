#!/usr/bin/env bash
# The exit statuses golive(1) and golive --help list are the ones golive
# gives: the two tables agree, and for each row a real command that should
# end with that status does. A row added to the manual without a command
# here fails the test.
# Usage: exit_status.sh GOLIVE WORK SOURCE
. "$(dirname "$0")/common.sh"

cp -r "$source/tests/cli/engagement" "$work/project"
cp "$source/tests/bad-input/bad-duration.yaml" "$work/"
cd "$work/project" || exit 1
export NO_COLOR=1 GOLIVE_BY= SOURCE_DATE_EPOCH=1700000000

# The rows of the manual's EXIT STATUS section, and of --help's table.
manual=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$source/docs/golive.1" | sed -n 's/^\.B \([0-9][0-9]*\)$/\1/p' | sort -n)
help=$("$golive" --help | sed -n '/^Exit status:/,/^$/p' | sed -n 's/^ *\([0-9][0-9]*\) .*/\1/p' | sort -n)
[ -n "$manual" ] || fail "no exit status found in docs/golive.1"
[ "$manual" = "$help" ] || fail "golive(1) lists $(echo $manual) but --help lists $(echo $help)"

# expect STATUS WHAT COMMAND...: runs the command, checks its status.
expect() {
  local want=$1 what=$2
  shift 2
  "$@" > "$work/out" 2> "$work/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit status $got, the manual says $want ($(head -c 300 "$work/err"))"
}

internal_failure() {
  # 1.9 million list items need far more than 60 MB for their nodes.
  python3 -c "import sys; sys.stdout.write('kind: checklist\nitems:\n' + '- a\n' * 1900000)" > "$work/huge.yaml"
  ( ulimit -v 60000; exec "$golive" check "$work/huge.yaml" )
}

for status in $manual; do
  case $status in
    0) expect 0 "a valid project checked" "$golive" check project.yaml ;;
    1) expect 1 "a bad input file" "$golive" check "$work/bad-duration.yaml"
       expect 1 "a step that is not in the checklist" "$golive" mark run.yaml 99 done --by lukas ;;
    2) expect 2 "an unknown command" "$golive" chekc project.yaml
       expect 2 "an unknown option" "$golive" check project.yaml --frobnicate
       expect 2 "mark without --by" "$golive" mark run.yaml 30 done
       expect 2 "an unknown gate" "$golive" status project.yaml --gate tomorrow ;;
    3) expect 3 "a missing input file" "$golive" check missing.yaml
       expect 3 "an output folder that is a file" "$golive" build project.yaml -o run.yaml ;;
    4) expect 4 "a gate that is not ready" "$golive" status project.yaml --gate go-live ;;
    5) cp run.yaml "$work/run.saved"
       "$golive" mark run.yaml 30 done --by lukas --at 2026-03-21T18:10:00+01:00 -q 2> /dev/null
       "$golive" mark run.yaml 40 done --by petra --at 2026-03-21T20:40:00+01:00 --decision rollback \
         --note "Invoices post to the wrong journal" 2> /dev/null
       expect 5 "a decision that says rollback" "$golive" status project.yaml --gate go-live
       cp "$work/run.saved" run.yaml ;;
    6) "$golive" build project.yaml -o "$work/out-build" -q || fail "the build for verify failed"
       echo "changed" >> "$work/out-build/runbook.md"
       expect 6 "a changed document" "$golive" verify "$work/out-build" ;;
    70) if nm "$golive" 2>/dev/null | grep __asan_init > /dev/null; then
          echo "NOTE: a sanitizer build cannot run under ulimit -v: status 70 not tried"
        else
          expect 70 "out of memory" internal_failure
          grep -q "out of memory" "$work/err" || fail "out of memory: $(head -c 300 "$work/err")"
        fi ;;
    *) fail "golive(1) lists exit status $status, and this test has no command for it" ;;
  esac
done

finish "every exit status of the manual's table is given by a real command"
