#!/usr/bin/env bash
# golive import's benchmark: generates an addons tree of 1,000 and 5,000
# modules (generate_addons.py) in a temporary folder, with a target tree and
# the Apps export, and times `golive import addons` (manifests parsed, code
# lines counted, target tree read) then `golive import modules` (the export,
# merged into that inventory), RUNS times each; prints the median wall time,
# the peak RSS and the inventory's size, and the 5,000 / 1,000 time ratio.
# The first run warms the disk cache; run it on a quiet machine.
# Usage: bench/import.sh [GOLIVE] [RUNS]   (defaults: build/golive, 5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
golive=$(realpath "${1:-$here/../build/golive}")
runs=${2:-5}
[ -x "$golive" ] || { echo "bench: build golive first (cmake --build build)"; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# time_import LABEL COMMAND...: the median time and peak RSS of COMMAND.
time_import() {
  local label=$1 modules=$2
  shift 2
  local times=() rss=()
  for ((run = 0; run < runs; run++)); do
    local start
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$scratch/rss" "$@" >/dev/null 2>&1
    times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
    rss+=("$(tail -1 "$scratch/rss")")
  done
  local peak
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  printf '%8d %-16s %12d %10.1f %14d\n' "$modules" "$label" "$(printf '%s\n' "${times[@]}" | median)" \
    "$(echo "$peak / 1024" | bc -l)" "$(( $(stat -c %s "$scratch/$modules/inventory.yaml") / 1024 ))"
  last_median=$(printf '%s\n' "${times[@]}" | median)
}

printf '%8s %-16s %12s %10s %14s\n' modules import "median [ms]" "RSS [MiB]" "inventory [KiB]"
declare -A addons_median
for modules in 1000 5000; do
  folder=$scratch/$modules
  python3 "$here/generate_addons.py" "$modules" "$folder"
  cd "$folder"
  time_import addons "$modules" "$golive" import addons addons --target target --own-author "ACME IT" \
      --from 16.0 --to 18.0 -o inventory.yaml
  addons_median[$modules]=$last_median
  time_import "modules (csv)" "$modules" "$golive" import modules modules.csv -o inventory.yaml
  "$golive" check inventory.yaml
  cd "$here"
done
echo "addons 5000 / 1000 time ratio: $(echo "scale=2; ${addons_median[5000]} / ${addons_median[1000]}" | bc)"
