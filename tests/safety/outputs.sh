#!/usr/bin/env bash
# What -o does with what is already at the path: a regular file is replaced
# atomically, a device or FIFO is written in place (never replaced), '-' is
# standard output, a symbolic link is written through (the link stays), a
# folder, socket or dangling link is refused. Run as the current user and,
# when that is root, once more as an unprivileged user. Every file lives in
# this test's own folder; the character device is made there with mknod.
# Usage: outputs.sh GOLIVE WORK
set -uo pipefail
golive=$1
work=$2
failures=0
fail() { echo "FAIL ($(id -un)): $*"; failures=$((failures + 1)); }

run_cases() {
  local t=$1
  printf '# Title\n\nSome text.\n' > "$t/in.md"
  printf 'Hello {{name}}\n' > "$t/hello.md"
  printf 'name: world\n' > "$t/data.yaml"

  # A regular file: replaced whole (a new inode), no temporary left.
  printf 'old' > "$t/out.pdf"
  local before; before=$(stat -c %i "$t/out.pdf")
  "$golive" md2pdf "$t/in.md" -o "$t/out.pdf" || fail "md2pdf onto a regular file failed"
  [ "$(head -c 4 "$t/out.pdf")" = "%PDF" ] || fail "out.pdf is not the PDF"
  [ "$(stat -c %i "$t/out.pdf")" != "$before" ] || fail "out.pdf was rewritten in place, not replaced"
  ls -A "$t" | grep -q golive- && fail "a temporary file was left: $(ls -A "$t")"

  # '-': standard output, and no file named '-'.
  (cd "$t" && "$golive" md2pdf in.md -o - > stdout.pdf) || fail "md2pdf -o - failed"
  [ "$(head -c 4 "$t/stdout.pdf")" = "%PDF" ] || fail "md2pdf -o - wrote no PDF to stdout"
  (cd "$t" && "$golive" render hello.md --data data.yaml -o - > render.out) || fail "render -o - failed"
  [ "$(cat "$t/render.out")" = "Hello world" ] || fail "render -o - printed '$(cat "$t/render.out")'"
  [ -e "$t/-" ] && fail "a file named '-' was written"

  # A FIFO: written in place; it stays a FIFO.
  mkfifo "$t/pipe"
  timeout 10 cat "$t/pipe" > "$t/from-pipe" &
  local reader=$!
  timeout 20 "$golive" md2pdf "$t/in.md" -o "$t/pipe" || fail "md2pdf into a FIFO failed"
  wait "$reader"
  [ -p "$t/pipe" ] || fail "the FIFO was replaced"
  [ "$(head -c 4 "$t/from-pipe")" = "%PDF" ] || fail "the FIFO's reader got no PDF"

  # A character device (made here, never the system's own): written in
  # place, and still a device afterwards.
  if [ "$(id -u)" -eq 0 ]; then
    if mknod "$t/null" c 1 3 2>/dev/null; then
      "$golive" md2pdf "$t/in.md" -o "$t/null" || fail "md2pdf into a character device failed"
      [ -c "$t/null" ] || fail "the character device was replaced by a regular file"
    else
      echo "NOTE: mknod is not permitted here; the character-device case did not run"
    fi
  fi

  # A symbolic link to a regular file: the target is replaced, the link stays.
  printf 'old' > "$t/real.pdf"
  ln -s real.pdf "$t/link.pdf"
  "$golive" md2pdf "$t/in.md" -o "$t/link.pdf" || fail "md2pdf through a link failed"
  [ -L "$t/link.pdf" ] || fail "the link was replaced by a file"
  [ "$(head -c 4 "$t/real.pdf")" = "%PDF" ] || fail "the link's target was not written"
  # ... to a FIFO: written in place through the link.
  ln -s pipe "$t/pipe-link"
  timeout 10 cat "$t/pipe" > "$t/from-pipe-link" &
  reader=$!
  timeout 20 "$golive" md2pdf "$t/in.md" -o "$t/pipe-link" || fail "md2pdf through a link to a FIFO failed"
  wait "$reader"
  [ -L "$t/pipe-link" ] && [ -p "$t/pipe" ] || fail "the link or its FIFO was replaced"
  [ "$(head -c 4 "$t/from-pipe-link")" = "%PDF" ] || fail "the FIFO behind the link got no PDF"

  # Refused, exit 3, nothing changed: a link to nothing, a folder, a socket.
  ln -s missing.pdf "$t/dangling.pdf"
  "$golive" md2pdf "$t/in.md" -o "$t/dangling.pdf" 2> "$t/err"
  [ $? -eq 3 ] || fail "a dangling link: exit status not 3"
  grep -q "is a symbolic link to a missing file" "$t/err" || fail "a dangling link: $(cat "$t/err")"
  [ -L "$t/dangling.pdf" ] && [ ! -e "$t/missing.pdf" ] || fail "the dangling link was followed or replaced"
  mkdir "$t/folder.pdf"
  "$golive" md2pdf "$t/in.md" -o "$t/folder.pdf" 2> "$t/err"
  [ $? -eq 3 ] || fail "a folder: exit status not 3"
  grep -q "is a folder; golive writes only regular files, devices and pipes" "$t/err" \
    || fail "a folder: $(cat "$t/err")"
  python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$t/socket"
  "$golive" md2pdf "$t/in.md" -o "$t/socket" 2> "$t/err"
  [ $? -eq 3 ] || fail "a socket: exit status not 3"
  grep -q "is a socket; golive writes only" "$t/err" || fail "a socket: $(cat "$t/err")"
  [ -S "$t/socket" ] || fail "the socket was replaced"
}

rm -rf "$work"
mkdir -p "$work/self"
run_cases "$work/self"
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p "$work/user"
  chmod 0777 "$work" "$work/user"
  # The same cases as an unprivileged user (nobody), in a folder of its own.
  export -f run_cases fail
  export golive failures
  setpriv --reuid=65534 --regid=65534 --clear-groups \
    bash -c 'failures=0; run_cases "$1"; exit $failures' _ "$work/user" || failures=$((failures + 1))
else
  echo "NOTE: not root: the mknod device case and the second user's run did not run"
fi
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "every output case behaves"
