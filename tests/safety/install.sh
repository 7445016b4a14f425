#!/usr/bin/env bash
# cmake --install puts everything in its place, and the installed golive
# finds its data relative to itself (also once the whole prefix is moved),
# builds the example from outside the source tree, and with no data says
# where it looked.
# Usage: install.sh GOLIVE WORK SOURCE BUILD
set -uo pipefail
golive=$1
work=$2
source=$3
build=$4
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
rm -rf "$work"
mkdir -p "$work"
unset GOLIVE_DATADIR

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log" || fail "cmake --install failed"
for path in bin/golive share/golive/templates/runbook.md share/golive/checklists/preflight.yaml \
            share/golive/fonts/NotoSans-Regular.ttf share/man/man1/golive.1 \
            share/doc/golive/README.md share/doc/golive/build.md; do
  [ -e "$work/prefix/$path" ] || fail "cmake --install did not install $path"
done

# Moved elsewhere, it still finds its own data: a checklist removed from the
# installed copy is gone from its list (the source tree still has it).
mv "$work/prefix" "$work/moved"
rm "$work/moved/share/golive/checklists/handover.yaml"
installed=$work/moved/bin/golive
"$installed" list > "$work/list" || fail "the installed golive list failed"
grep -q "^  preflight " "$work/list" || fail "the installed golive lists no checklists: $(cat "$work/list")"
grep -q "^  handover " "$work/list" && fail "the installed golive read the source tree's data, not its own"

# The example, built and verified from outside the source tree.
cp -r "$source/examples/hollenbach" "$work/engagement"
(cd "$work" && "$installed" build engagement/project.yaml -o archive > "$work/out" 2> "$work/err") \
  || fail "the installed golive could not build the example: $(cat "$work/err")"
grep -Eq "^golive build: wrote [0-9]+ files and MANIFEST into 'archive'" "$work/out" || fail "build said: $(cat "$work/out")"
(cd "$work" && "$installed" verify archive -q) || fail "verify of the installed golive's build failed"

# No data anywhere: each command that needs it says where it looked.
mkdir "$work/empty"
printf '# x\n' > "$work/x.md"
for command in "list" "new $work/fresh" "build $work/engagement/project.yaml -o $work/none" "md2pdf $work/x.md"; do
  GOLIVE_DATADIR=$work/empty "$installed" $command > /dev/null 2> "$work/err"
  [ $? -eq 3 ] || fail "$command with no data: exit status not 3"
  grep -q "golive: error: golive's templates/, checklists/ and fonts/ are not in '$work/empty' (from GOLIVE_DATADIR)" "$work/err" \
    || fail "$command with no data: $(cat "$work/err")"
done
[ -e "$work/fresh" ] || [ -e "$work/none" ] || [ -e "$work/x.pdf" ] && fail "a command with no data wrote something"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "the installed golive behaves"
