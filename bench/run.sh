#!/usr/bin/env bash
# md2pdf's benchmark: generates checklist-style Markdown of 100, 1,000 and
# 5,000 items (generate_checklist.py), typesets each RUNS times and prints
# the median wall and CPU (user + system) time, the peak RSS, the PDF's
# size and pages, what its embedded font programs weigh, and the 5,000 /
# 1,000 time ratio. Set ITEMS to choose the sizes (ITEMS="1000 50000").
# Run it on a quiet machine: the medians are only as good as the quiet.
# Usage: bench/run.sh [GOLIVE] [RUNS]   (defaults: build/golive, 7)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
golive=${1:-$here/../build/golive}
runs=${2:-7}
out=$here/out
mkdir -p "$out"
[ -x "$golive" ] || { echo "bench: build golive first (cmake --build build)"; exit 2; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The compressed bytes of the PDF's embedded font programs (FontFile2).
font_bytes() {
  qpdf --json=2 --json-key=qpdf "$1" | python3 -c '
import json, sys
objects = json.load(sys.stdin)["qpdf"][1]
total = 0
for value in objects.values():
    stream = value.get("stream") if isinstance(value, dict) else None
    if stream and "/Length1" in stream["dict"]:
        length = stream["dict"]["/Length"]
        if isinstance(length, str):  # an indirect object, "9 0 R"
            length = objects["obj:" + length]["value"]
        total += length
print(total)'
}

printf '%6s %10s %10s %10s %10s %6s %11s\n' items "wall [ms]" "CPU [ms]" "RSS [MiB]" "PDF [KiB]" \
  pages "fonts [KiB]"
declare -A medians
sizes=${ITEMS:-100 1000 5000}
for items in $sizes; do
  input=$out/checklist-$items.md
  python3 "$here/generate_checklist.py" "$items" >"$input"
  times=() cpus=() rss=()
  for ((run = 0; run < runs; run++)); do
    start=$(date +%s%N)
    /usr/bin/time -o "$out/time.txt" -f '%U %S %M' \
      "$golive" md2pdf "$input" -o "$out/checklist-$items.pdf" --date 2026-03-20
    times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
    read -r user system peak <"$out/time.txt"
    cpus+=("$(echo "($user + $system) * 1000 / 1" | bc)")
    rss+=("$peak")
  done
  medians[$items]=$(printf '%s\n' "${times[@]}" | median)
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  pdf=$out/checklist-$items.pdf
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  printf '%6d %10d %10d %10.1f %10d %6d %11d\n' "$items" "${medians[$items]}" \
    "$(printf '%s\n' "${cpus[@]}" | median)" "$(echo "$peak / 1024" | bc -l)" \
    "$(( $(stat -c %s "$pdf") / 1024 ))" "$pages" "$(( $(font_bytes "$pdf") / 1024 ))"
done
if [ -n "${medians[5000]:-}" ] && [ -n "${medians[1000]:-}" ]; then
  echo "5000 / 1000 time ratio: $(echo "scale=2; ${medians[5000]} / ${medians[1000]}" | bc)"
fi
