#!/usr/bin/env bash
# golive build's benchmark: generates an engagement of 2,000 steps and 100
# contacts (generate_engagement.py), builds all six documents in Markdown
# and PDF RUNS times, and prints the median wall time and the peak RSS,
# with the size of what was written. Also times a 1,000-step engagement, to
# show how the cost grows.
# Run it on a quiet machine: the medians are only as good as the quiet.
# Usage: bench/build.sh [GOLIVE] [RUNS]   (defaults: build/golive, 7)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
golive=${1:-$here/../build/golive}
runs=${2:-7}
out=$here/out
[ -x "$golive" ] || { echo "bench: build golive first (cmake --build build)"; exit 2; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%6s %9s %12s %10s %12s %7s\n' steps contacts "median [ms]" "RSS [MiB]" "output [KiB]" pages
for steps in 1000 2000; do
  engagement=$out/engagement-$steps
  rm -rf "$engagement" "$engagement-out"
  python3 "$here/generate_engagement.py" "$engagement" "$steps" 100
  times=() rss=()
  for ((run = 0; run < runs; run++)); do
    start=$(date +%s%N)
    result=$( { /usr/bin/time -f '%M' "$golive" build "$engagement/project.yaml" -o "$engagement-out"; } 2>&1 )
    times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
    rss+=("$result")
  done
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  pages=0
  for pdf in "$engagement-out"/*.pdf; do
    pages=$(( pages + $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }') ))
  done
  printf '%6d %9d %12d %10.1f %12d %7d\n' "$steps" 100 "$(printf '%s\n' "${times[@]}" | median)" \
    "$(echo "$peak / 1024" | bc -l)" "$(( $(du -sk "$engagement-out" | cut -f1) ))" "$pages"
done
