#!/usr/bin/env bash
# The C sources as clang-format lays them out by the committed .clang-format.
# Usage: format_check.sh SOURCE          (the test `format`: report, change nothing)
#        format_check.sh SOURCE --fix    (the build target `format`: rewrite in place)
# The layout is that of Debian 12's clang-format 14; another version lays
# out some lines differently, so the check skips there (CI runs Debian 12).
set -euo pipefail
source=$1 mode=${2:-check}
tool=$(command -v clang-format || true)
if [ -z "$tool" ]; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: clang-format is not installed (.ci/install-deps installs it)"
    exit 1
  fi
  echo "SKIP: clang-format is not installed (Debian package clang-format)"
  exit 77
fi
version=$("$tool" --version | sed -E 's/.*version ([0-9]+).*/\1/')
if [ "$version" != 14 ]; then
  echo "SKIP: clang-format $version here; the layout is checked with Debian 12's clang-format 14"
  exit 77
fi
cd "$source"
mapfile -t files < <(find src tests \( -name '*.c' -o -name '*.h' \) -not -path 'tests/libharu-other/*' | sort)
if [ "$mode" = --fix ]; then
  "$tool" -i "${files[@]}"
  echo "format: ${#files[@]} files laid out by .clang-format"
  exit 0
fi
if ! errors=$("$tool" --dry-run --Werror "${files[@]}" 2>&1); then
  printf '%s\n' "$errors" | grep -E '^[^ ].*: error:' | cut -d: -f1 | sort -u \
    | sed 's/^/not laid out by .clang-format: /'
  echo "FAIL: run 'cmake --build build --target format' and commit the result"
  exit 1
fi
echo "ok: ${#files[@]} files as .clang-format lays them out"
