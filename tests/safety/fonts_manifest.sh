#!/usr/bin/env bash
# The MANIFEST lists the font files a build drew with, by SHA-256 and name
# within golive's data folder (golive:fonts/NAME), so golive verify notices
# a changed font as it does a changed template; fonts no document drew are
# not listed, and the fingerprint is not changed by them.
# Usage: fonts_manifest.sh GOLIVE WORK SOURCE
. "$(dirname "$0")/common.sh"

mkdir -p "$work/data"
cp -r "$source/templates" "$source/checklists" "$source/fonts" "$work/data/"
cp -r "$source/tests/build/engagement" "$work/project"
export GOLIVE_DATADIR=$work/data SOURCE_DATE_EPOCH=1700000000

"$golive" build "$work/project/project.yaml" -o "$work/out" -q || fail "the build failed"
font=$work/data/fonts/NotoSans-Regular.ttf
hash=$(sha256sum < "$font" | cut -d' ' -f1)
grep -qx "input $hash  golive:fonts/NotoSans-Regular.ttf" "$work/out/MANIFEST" \
  || fail "the MANIFEST does not list the body font: $(grep '^input' "$work/out/MANIFEST")"
grep -q "golive:fonts/NotoSansArabic" "$work/out/MANIFEST" && fail "a font no document drew is listed"
grep -q "/data/" "$work/out/MANIFEST" && fail "the MANIFEST records the data folder's path"
"$golive" verify "$work/out" -q || fail "verify after the build failed"

# The same font with other bytes (a new version of the package): verify
# names it.
printf 'x' >> "$font"
"$golive" verify "$work/out" 2> "$work/err"
[ $? -eq 6 ] || fail "a changed font: verify's exit status is not 6"
grep -q "error: input '.*fonts/NotoSans-Regular.ttf' changed since the build" "$work/err" \
  || fail "a changed font: $(cat "$work/err")"

finish "the fonts drawn are in the MANIFEST, and verify checks them"
