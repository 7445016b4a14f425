#!/usr/bin/env bash
# Archives that move: the MANIFEST records the project's folder relative to
# the archive, inputs relative to the project and golive's own templates by
# name within its data folder, so a copied engagement with its archive, or
# the archive alone, verifies silently; a changed input is still found.
# Usage: moved_archive.sh GOLIVE WORK SOURCE
. "$(dirname "$0")/common.sh"
cp -r "$source/examples/hollenbach" "$work/engagement"
"$golive" build "$work/engagement/project.yaml" -o "$work/engagement/out" -q || fail "the build failed"
grep -q "^project \.\.$" "$work/engagement/out/MANIFEST" || fail "no relative project line"
grep -q "  golive:templates/" "$work/engagement/out/MANIFEST" || fail "shipped templates are not named within the data folder"
grep -q "  project.yaml$" "$work/engagement/out/MANIFEST" || fail "inputs are not relative to the project"

quiet_verify() { # FOLDER WHAT
  "$golive" verify "$1" -q 2> "$work/err"
  [ $? -eq 0 ] || fail "$2: verify failed"
  [ -s "$work/err" ] && fail "$2: verify was not silent: $(head -5 "$work/err")"
}
cp -r "$work/engagement" "$work/copied"
quiet_verify "$work/copied/out" "a copied engagement"
mv "$work/engagement/out" "$work/archive-alone"
quiet_verify "$work/archive-alone" "an archive moved alone"

echo "# changed" >> "$work/copied/project.yaml"
"$golive" verify "$work/copied/out" -q 2> "$work/err"
[ $? -eq 6 ] || fail "a changed input: exit status not 6"
grep -q "input '.*project.yaml' changed since the build" "$work/err" || fail "a changed input: $(cat "$work/err")"

finish "moved archives verify"
