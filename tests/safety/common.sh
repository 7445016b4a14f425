# Sourced by the safety scripts, whose arguments start GOLIVE WORK SOURCE:
# names them, starts an empty WORK, and counts failures.
set -uo pipefail
golive=$1
work=$2
source=$3
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# finish MESSAGE: exits 1 after any failure, else prints MESSAGE.
finish() {
  [ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
  echo "$1"
}
rm -rf "$work"
mkdir -p "$work"
