#!/usr/bin/env bash
# golive build's benchmark: generates engagements of 500, 2,000 and 10,000
# steps with 100 contacts (generate_engagement.py), builds all six documents
# in Markdown and PDF RUNS times each, and prints the median wall and CPU
# (user + system) time and the peak RSS, with the size of what was written.
# Set STEPS to choose the sizes (STEPS="2000 20000" bench/build.sh); a size
# golive refuses (a 20,000-step runbook renders past the 16 MiB output
# limit) prints golive's first message instead of figures.
# Run it on a quiet machine: the medians are only as good as the quiet.
# Usage: bench/build.sh [GOLIVE] [RUNS]   (defaults: build/golive, 7)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
golive=${1:-$here/../build/golive}
runs=${2:-7}
out=$here/out
[ -x "$golive" ] || { echo "bench: build golive first (cmake --build build)"; exit 2; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%6s %9s %10s %10s %10s %12s %7s\n' steps contacts "wall [ms]" "CPU [ms]" "RSS [MiB]" \
  "output [KiB]" pages
for steps in ${STEPS:-500 2000 10000}; do
  engagement=$out/engagement-$steps
  rm -rf "$engagement" "$engagement-out"
  python3 "$here/generate_engagement.py" "$engagement" "$steps" 100
  walls=() cpus=() rss=()
  for ((run = 0; run < runs; run++)); do
    start=$(date +%s%N)
    if ! /usr/bin/time -o "$out/time.txt" -f '%e %U %S %M' \
        "$golive" build "$engagement/project.yaml" -o "$engagement-out" 2>"$out/build.txt"; then
      printf '%6d refused: %s\n' "$steps" "$(grep -m1 error: "$out/build.txt" || tail -1 "$out/build.txt")"
      continue 2
    fi
    walls+=("$(( ($(date +%s%N) - start) / 1000000 ))")
    read -r _ user system peak <"$out/time.txt"
    cpus+=("$(echo "($user + $system) * 1000 / 1" | bc)")
    rss+=("$peak")
  done
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  pages=0
  for pdf in "$engagement-out"/*.pdf; do
    pages=$(( pages + $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }') ))
  done
  printf '%6d %9d %10d %10d %10.1f %12d %7d\n' "$steps" 100 \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" \
    "$(echo "$peak / 1024" | bc -l)" "$(( $(du -sk "$engagement-out" | cut -f1) ))" "$pages"
done
