#!/usr/bin/env bash
# golive md2pdf beside the Markdown-to-PDF tools installed here, on the same
# input (generate_checklist.py's checklists of ITEMS items), in one run with
# the tools' runs interleaved (golive, peer 1, peer 2, ... then again), so
# that a busy machine slows each alike. Prints per size and tool the median
# CPU time (user + system, the tool's processes together), the median wall
# time, the highest peak RSS (of its largest process), the PDF's pages, and
# how many times golive's CPU and wall time each takes.
# The peers are listed in peer_tools.sh.
# Usage: bench/peers.sh [GOLIVE] [RUNS]   (build/golive, 7); ITEMS="100 1000 5000"
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
golive=${1:-$here/../build/golive}
runs=${2:-7}
out=$here/out/peers
mkdir -p "$out"
[ -x "$golive" ] || { echo "bench: build golive first (cmake --build build)"; exit 2; }
export XDG_RUNTIME_DIR=$out  # wkhtmltopdf without a display

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Each tool: a name and a command over $input and $pdf (run by bash -c).
source "$here/peer_tools.sh"
names=("golive md2pdf" "${peer_names[@]}")
commands=('"$golive" md2pdf "$input" -o "$pdf" --date 2026-03-20' "${peer_commands[@]}")

printf '%6s  %-24s %9s %9s %9s %6s %8s %8s\n' items tool "CPU [ms]" "wall [ms]" "RSS [MiB]" pages \
  "CPU ×" "wall ×"
for items in ${ITEMS:-100 1000 5000}; do
  input=$out/checklist-$items.md
  python3 "$here/generate_checklist.py" "$items" >"$input"
  declare -A cpu=() wall=() rss=()
  for ((run = 0; run < runs; run++)); do
    for index in "${!names[@]}"; do
      pdf=$out/$index-$items.pdf
      rm -f "$pdf"
      golive=$golive input=$input pdf=$pdf python3 "$here/measure.py" -o "$out/time.txt" \
        bash -c "${commands[$index]}" >/dev/null 2>"$out/stderr-$index.txt"
      read -r w c r <"$out/time.txt"
      cpu[$index]+="$c " wall[$index]+="$w " rss[$index]+="$r "
    done
  done
  base_cpu="" base_wall=""
  for index in "${!names[@]}"; do
    pdf=$out/$index-$items.pdf
    c=$(printf '%s\n' ${cpu[$index]} | median) w=$(printf '%s\n' ${wall[$index]} | median)
    r=$(printf '%s\n' ${rss[$index]} | sort -n | tail -1)
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    [ -z "$base_cpu" ] && base_cpu=$c base_wall=$w
    printf '%6d  %-24s %9.0f %9.0f %9.1f %6s %8.1f %8.1f\n' "$items" "${names[$index]}" "$c" "$w" \
      "$(echo "$r / 1024" | bc -l)" "${pages:-none}" "$(echo "$c / $base_cpu" | bc -l)" \
      "$(echo "$w / $base_wall" | bc -l)"
  done
  unset cpu wall rss
done
