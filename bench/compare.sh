#!/usr/bin/env bash
# golive binaries side by side (a change's before and after, or more):
# md2pdf on a one-page document and on 100, 1,000 and 5,000 generated items and build on 500, 2,000 and
# 10,000 generated steps, the runs interleaved (first binary, second, ...,
# then the peers, then again) so that a busy machine slows each alike.
# Prints a Markdown table: per case and tool the median CPU time (user +
# system, with the tool's child processes) and the median peak RSS (of its
# largest process) over RUNS runs, and how many times the last binary's CPU
# time the tool's takes. Wall time is left out: on a shared machine it
# measures the neighbours.
# PEERS=1 adds the Markdown-to-PDF tools of peer_tools.sh to the md2pdf
# cases, on the same input in the same rounds; PEERS_UP_TO="pandoc=1000"
# runs a peer (named by its first word) only up to that many items. CALLGRIND=1 adds each golive
# binary's instruction count for one run (valgrind --tool=callgrind), which
# does not depend on the machine's load.
# Sizes: ITEMS="100 1000 5000" STEPS="500 2000 10000" (either may be empty);
# ONE_PAGE=0 leaves out md2pdf of tests/bench/one-page.md.
# Usage: bench/compare.sh [LABEL=]GOLIVE... [RUNS]   (RUNS defaults to 7)
#   e.g. bench/compare.sh before=/tmp/before/build/golive after=build/golive 7
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/out/compare
mkdir -p "$out"
export XDG_RUNTIME_DIR=$out  # wkhtmltopdf without a display
runs=7 labels=() binaries=()
for argument in "$@"; do
  if [[ $argument =~ ^[0-9]+$ ]]; then runs=$argument; continue; fi
  label=${argument%%=*} binary=${argument#*=}
  [ "$label" = "$argument" ] && label=golive$(( ${#binaries[@]} + 1 ))
  [ -x "$binary" ] || { echo "bench: $binary is not an executable"; exit 2; }
  labels+=("$label") binaries+=("$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")")
done
[ "${#binaries[@]}" -gt 0 ] || { sed -n 's/^# Usage: //p' "$0"; exit 2; }
peer_names=() peer_commands=()
[ "${PEERS:-0}" = 1 ] && source "$here/peer_tools.sh"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# measure_case NAME COMMAND [ITEMS]: runs COMMAND (bash -c over $golive,
# $input and $result; $valgrind before $golive for the instruction count)
# with each binary, and given ITEMS the peers over $input and $pdf, RUNS
# rounds; prints the case's rows.
measure_case() {
  local name=$1 command=$2 with_peers=${3:-} tools=() commands=() index
  for index in "${!binaries[@]}"; do
    tools+=("golive (${labels[$index]})") commands+=("golive=${binaries[$index]@Q}; $command")
  done
  if [ -n "$with_peers" ]; then
    for index in "${!peer_names[@]}"; do
      local word=${peer_names[$index]%% *} limit
      limit=$(printf '%s\n' ${PEERS_UP_TO-} | sed -n "s/^$word=//p")
      [ -n "$limit" ] && [ "$with_peers" -gt "$limit" ] && continue
      tools+=("${peer_names[$index]}") commands+=("${peer_commands[$index]}")
    done
  fi
  local -A cpu=() rss=()
  for ((run = 0; run < runs; run++)); do
    for index in "${!tools[@]}"; do
      rm -rf "$out/$index" && mkdir -p "$out/$index"
      if ! input=$input result=$out/$index pdf=$out/$index/result.pdf python3 "$here/measure.py" \
          -o "$out/time.txt" bash -c "${commands[$index]}" >/dev/null 2>"$out/stderr.txt"; then
        echo "bench: ${tools[$index]} failed on $name: $(tail -1 "$out/stderr.txt")" >&2
        exit 1
      fi
      read -r _ c r <"$out/time.txt"
      cpu[$index]+="$c " rss[$index]+="$r "
    done
  done
  local last=$(( ${#binaries[@]} - 1 )) base
  base=$(printf '%s\n' ${cpu[$last]} | median)
  for index in "${!tools[@]}"; do
    local c r instructions=""
    c=$(printf '%s\n' ${cpu[$index]} | median) r=$(printf '%s\n' ${rss[$index]} | median)
    if [ "${CALLGRIND:-0}" = 1 ] && [ "$index" -le "$last" ]; then
      rm -rf "$out/$index" && mkdir -p "$out/$index"
      instructions=$(valgrind="valgrind --tool=callgrind --callgrind-out-file=$out/callgrind.out" \
        input=$input result=$out/$index bash -c "${commands[$index]}" 2>&1 >/dev/null \
        | awk '/Collected :/ { gsub(",", "", $4); printf "%.1f", $4 / 1000000 }')
    fi
    printf '| %s | %s | %.1f | %.1f | %.2f |' "$name" "${tools[$index]}" "$c" \
      "$(echo "$r / 1024" | bc -l)" "$(echo "$c / $base" | bc -l)"
    [ "${CALLGRIND:-0}" = 1 ] && printf ' %s |' "${instructions:-–}"
    printf '\n'
  done
}

printf '| case | tool | CPU [ms] | peak RSS [MiB] | CPU ÷ %s |' "${labels[-1]}"
[ "${CALLGRIND:-0}" = 1 ] && printf ' instructions [M] |'
printf '\n|---|---|---:|---:|---:|'
[ "${CALLGRIND:-0}" = 1 ] && printf -- '---:|'
printf '\n'
if [ "${ONE_PAGE:-1}" = 1 ]; then
  input=$here/../tests/bench/one-page.md
  measure_case "md2pdf one page" \
    '$valgrind "$golive" md2pdf "$input" -o "$result/one-page.pdf" --date 2026-03-20' "${PEERS:+1}"
fi
for items in ${ITEMS-100 1000 5000}; do
  input=$here/out/checklist-$items.md
  python3 "$here/generate_checklist.py" "$items" >"$input"
  measure_case "md2pdf $items items" \
    '$valgrind "$golive" md2pdf "$input" -o "$result/checklist.pdf" --date 2026-03-20' "${PEERS:+$items}"
done
for steps in ${STEPS-500 2000 10000}; do
  engagement=$here/out/engagement-$steps
  rm -rf "$engagement" && python3 "$here/generate_engagement.py" "$engagement" "$steps" 100
  input=$engagement/project.yaml
  measure_case "build $steps steps" '$valgrind "$golive" build "$input" -o "$result/documents"'
done
