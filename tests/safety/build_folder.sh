#!/usr/bin/env bash
# golive build -o: only into a new or empty folder or one holding a golive
# build; never over a file its MANIFEST does not list; all or nothing when a
# rename fails part-way; a failed build leaves no folder it created; what an
# interrupted build leaves is named by verify and removed by the next build.
# Usage: build_folder.sh GOLIVE WORK SOURCE
. "$(dirname "$0")/common.sh"
snapshot() { (cd "$1" && find . -print0 | sort -z | xargs -0 stat -c '%n %F %s' && sha256sum $(find . -type f | sort)) ; }

cp -r "$source/tests/build/engagement" "$work/project"
project=$work/project/project.yaml
export SOURCE_DATE_EPOCH=1700000000

# A folder holding the user's own audit.md... here signoff.md: refused,
# naming it, and nothing written.
mkdir "$work/own"
echo "my notes" > "$work/own/signoff.md"
"$golive" build "$project" -o "$work/own" 2> "$work/err"
[ $? -eq 2 ] || fail "a hand-made signoff.md: exit status not 2"
grep -q "own/signoff.md: error: golive build would overwrite this file, which no golive build wrote" "$work/err" \
  || fail "a hand-made signoff.md: $(cat "$work/err")"
[ "$(cat "$work/own/signoff.md")" = "my notes" ] || fail "the hand-made signoff.md was overwritten"
[ "$(ls -A "$work/own")" = "signoff.md" ] || fail "files were written beside it: $(ls -A "$work/own")"

# A folder of other files, no MANIFEST: refused.
mkdir "$work/docs"
echo "x" > "$work/docs/letter.txt"
"$golive" build "$project" -o "$work/docs" 2> "$work/err"
[ $? -eq 2 ] || fail "a folder of other files: exit status not 2"
grep -q "docs/letter.txt: error: this file is not part of a golive build" "$work/err" \
  || fail "a folder of other files: $(cat "$work/err")"
[ "$(ls -A "$work/docs")" = "letter.txt" ] || fail "files were written into docs/"

# A previous build: rebuilt in place, and a file beside it left alone.
"$golive" build "$project" -o "$work/out" -q || fail "the first build failed"
echo "kept" > "$work/out/README.txt"
"$golive" build "$project" -o "$work/out" -q || fail "a rebuild over a previous build failed"
[ "$(cat "$work/out/README.txt")" = "kept" ] || fail "a file beside the build was changed"
rm "$work/out/README.txt"
"$golive" verify "$work/out" -q || fail "verify after the rebuild failed"

# A folder where a document should go: refused before anything changes.
before=$(snapshot "$work/out")
mv "$work/out/signoff.pdf" "$work/signoff.pdf.saved"
mkdir "$work/out/signoff.pdf"
before=$(snapshot "$work/out")
echo "<!-- changed -->" >> "$work/project/templates/runbook.md"
"$golive" build "$project" -o "$work/out" 2> "$work/err"
[ $? -eq 2 ] || fail "a folder in the way: exit status not 2"
grep -q "out/signoff.pdf: error: this is not a regular file" "$work/err" || fail "a folder in the way: $(cat "$work/err")"
[ "$(snapshot "$work/out")" = "$before" ] || fail "a refused build changed the folder"
rmdir "$work/out/signoff.pdf"
mv "$work/signoff.pdf.saved" "$work/out/signoff.pdf"

# A rename failing part-way (an immutable signoff.pdf, as root): every file
# as it was, the old MANIFEST, no staged file left, verify still passes.
echo "<!-- changed again -->" >> "$work/project/templates/runbook.md"
if [ "$(id -u)" -eq 0 ] && chattr +i "$work/out/signoff.pdf" 2>/dev/null; then
  before=$(snapshot "$work/out")
  "$golive" build "$project" -o "$work/out" 2> "$work/err"
  status=$?
  chattr -i "$work/out/signoff.pdf"
  [ $status -eq 3 ] || fail "an immutable signoff.pdf: exit status $status, not 3"
  grep -q "every file is as it was" "$work/err" || fail "an immutable signoff.pdf: $(cat "$work/err")"
  [ "$(snapshot "$work/out")" = "$before" ] || fail "a commit failing part-way left the folder changed"
  # The inputs did change; the documents must still match the old MANIFEST.
  "$golive" verify "$work/out" -q 2> "$work/err"
  grep -v "error: input '" "$work/err" | grep -q . && fail "verify after a failed commit: $(cat "$work/err")"
else
  echo "NOTE: not root or no chattr +i here: the immutable-file case did not run"
fi

# What a build killed before or after its commit leaves (staged and kept
# files, no journal) is removed by verify, which then passes: the folder
# holds one whole build (tests/safety/kill_commit.sh kills at every step).
"$golive" build "$project" -o "$work/out" -q || fail "the build after the change failed"
cp "$work/out/runbook.pdf" "$work/out/.runbook.pdf.golive-Ab12Cd"
cp "$work/out/MANIFEST" "$work/out/.MANIFEST.golive-xY34zW"
"$golive" verify "$work/out" -q 2> "$work/err" || fail "verify with leftovers: $(cat "$work/err")"
ls -A "$work/out" | grep -q golive- && fail "verify left the leftovers: $(ls -A "$work/out")"
cp "$work/out/runbook.pdf" "$work/out/.runbook.pdf.golive-Ab12Cd"
"$golive" build "$project" -o "$work/out" -q || fail "the build after an interrupted one failed"
ls -A "$work/out" | grep -q golive- && fail "the next build left the leftovers: $(ls -A "$work/out")"
"$golive" verify "$work/out" -q || fail "verify after the next build failed"

# A commit journal golive cannot undo (edited by hand): verify and build
# stop, naming it, and touch nothing.
printf 'replace\trunbook.pdf\t../elsewhere\n' > "$work/out/.golive-journal"
before=$(snapshot "$work/out")
"$golive" verify "$work/out" 2> "$work/err"
[ $? -eq 3 ] || fail "verify with a bad journal: exit status not 3"
grep -q "out/.golive-journal:1:1: error: this is not a commit journal golive can undo" "$work/err" \
  || fail "verify with a bad journal: $(cat "$work/err")"
"$golive" build "$project" -o "$work/out" 2> "$work/err"
[ $? -eq 3 ] || fail "build with a bad journal: exit status not 3"
grep -q "out/.golive-journal:1:1: error: this is not a commit journal" "$work/err" \
  || fail "build with a bad journal: $(cat "$work/err")"
[ "$(snapshot "$work/out")" = "$before" ] || fail "a bad journal: the folder changed"
rm "$work/out/.golive-journal"

# Two commands at once: a build into a folder another golive command is
# writing into is refused (here a held lock stands for the other command).
if command -v flock > /dev/null; then
  flock "$work/out" -c "'$golive' build '$project' -o '$work/out'" 2> "$work/err"
  [ $? -eq 3 ] || fail "a locked folder: exit status not 3"
  grep -q "another golive command is writing into it" "$work/err" || fail "a locked folder: $(cat "$work/err")"
fi

# A build failing while it writes into a folder it had to create leaves no
# folder behind (files over 1 KiB cannot be written under ulimit -f 1).
( trap '' XFSZ; ulimit -f 1; exec "$golive" build "$project" -o "$work/new/deeper" ) 2> "$work/err"
[ $? -eq 3 ] || fail "a write failure: exit status not 3 ($(cat "$work/err"))"
[ -e "$work/new" ] && fail "a failed build left the folder it created: $(find "$work/new")"

finish "every build-folder case behaves"
