#!/usr/bin/env bash
# A build killed at any point leaves its folder holding exactly the build
# before it or exactly the new one, once golive verify (or the next build)
# has looked at it; verify then passes. The library killpoint.so kills
# golive with SIGKILL just before its Nth change to the file system; N
# runs over every step of the build, until one finishes unkilled.
# Usage: kill_commit.sh GOLIVE WORK SOURCE KILLPOINT_LIBRARY
. "$(dirname "$0")/common.sh"
killpoint=$4
# Every entry of a folder, hidden ones too, with the SHA-256 of each file.
snapshot() { (cd "$1" && find . -mindepth 1 -type f -print0 | sort -z | xargs -0r sha256sum
  find . -mindepth 1 -not -type f | sort); }

if nm "$golive" 2>/dev/null | grep __asan_init > /dev/null; then
  echo "NOTE: a sanitizer build intercepts the calls killpoint.so counts; run this test on the plain build"
  exit 0
fi

cp -r "$source/tests/build/engagement" "$work/project"
project=$work/project/project.yaml
export SOURCE_DATE_EPOCH=1700000000

# The old build, and the new one (a changed template) built cleanly.
"$golive" build "$project" -o "$work/old" -q || fail "the old build failed"
echo "<!-- changed -->" >> "$work/project/templates/runbook.md"
"$golive" build "$project" -o "$work/new" -q || fail "the new build failed"
"$golive" build "$project" -o "$work/ref/deeper" -q || fail "the new build one folder deeper failed"
old=$(snapshot "$work/old")
new=$(snapshot "$work/new")
new_deeper=$(snapshot "$work/ref/deeper")
[ "$old" != "$new" ] || fail "the change made no difference to the build"

# kill_at N FOLDER: builds into FOLDER, killed before the Nth step; prints
# the exit status. Every golive from here on runs with killpoint.so, which
# skips flushing to disk (a kill loses nothing written).
export LD_PRELOAD=$killpoint
kill_at() {
  GOLIVE_TEST_KILL_AT=$1 "$golive" build "$project" -o "$2" -q 2> "$work/err"
  echo $?
}

# verify_one_build FOLDER: verify passes on the new build; on the old one
# it fails only for the changed template (an input of the old build).
verify_one_build() {
  "$golive" verify "$1" -q 2> "$work/err"
  local status=$? after
  after=$(snapshot "$1")
  if [ "$after" = "$new" ]; then
    [ $status -eq 0 ] || fail "step $n: verify failed on the new build: $(cat "$work/err")"
  elif [ "$after" = "$old" ]; then
    grep "error:" "$work/err" | grep -v "error: input '.*runbook.md' changed since the build" | grep -q . \
      && fail "step $n: verify on the old build: $(cat "$work/err")"
  else
    fail "step $n: the folder holds neither build: $(diff <(echo "$old") <(echo "$after"))"
  fi
}

# A rebuild over the old build, killed at each step.
killed=0 rolled_back=0
for n in $(seq 1 500); do
  rm -rf "$work/out" "$work/again"
  cp -a "$work/old" "$work/out"
  status=$(kill_at "$n" "$work/out")
  if [ "$status" -ne 137 ]; then
    [ "$status" -eq 0 ] || fail "step $n: the build failed unkilled ($status): $(cat "$work/err")"
    [ "$(snapshot "$work/out")" = "$new" ] || fail "the unkilled build is not the new build"
    break
  fi
  killed=$((killed + 1))
  [ -e "$work/out/.golive-journal" ] && cp -a "$work/out" "$work/again"
  verify_one_build "$work/out"
  grep -q "was interrupted" "$work/err" && rolled_back=$((rolled_back + 1))
  # Killed mid-commit, the next build (instead of verify) undoes it too and
  # writes the whole new build.
  if [ -e "$work/again" ]; then
    "$golive" build "$project" -o "$work/again" -q 2> "$work/err" || fail "step $n: the next build failed: $(cat "$work/err")"
    [ "$(snapshot "$work/again")" = "$new" ] || fail "step $n: the next build did not give the new build"
  fi
done
[ "$killed" -ge 20 ] || fail "killpoint.so stopped the build only $killed times"
[ "$rolled_back" -ge 5 ] || fail "no kill fell between the first and the last rename ($rolled_back)"
echo "rebuild: killed at $killed steps, $rolled_back of them mid-commit and rolled back"

# A first build into a missing folder, killed at each step: afterwards the
# folder holds no file at all, or the whole new build.
for n in $(seq 1 500); do
  rm -rf "$work/first"
  status=$(kill_at "$n" "$work/first/deeper")
  [ "$status" -ne 137 ] && break
  "$golive" verify "$work/first/deeper" -q 2> "$work/err"
  status=$?
  if [ $status -eq 0 ]; then
    [ "$(snapshot "$work/first/deeper")" = "$new_deeper" ] || fail "first build, step $n: verify passed on a partial build"
  elif [ -e "$work/first" ]; then
    files=$(find "$work/first" -type f)
    [ -z "$files" ] || fail "first build, step $n: verify failed and files remain: $files"
  fi
done

finish "a build killed at any step leaves one whole build"
