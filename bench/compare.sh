#!/usr/bin/env bash
# Two golive binaries side by side (a change's before and after): md2pdf on
# 100, 1,000 and 5,000 generated items and build on 500, 2,000 and 10,000
# generated steps, the two binaries' runs interleaved (old, new, old, new
# ...) so that a busy machine slows both alike. Prints per case the median
# CPU time (user + system) and the highest peak RSS of each, and their
# ratios. With CALLGRIND=1 also each binary's instruction count for one run
# (valgrind --tool=callgrind), which does not depend on the machine's load.
# Sizes: ITEMS="100 1000 5000" STEPS="500 2000 10000" (either may be empty).
# Usage: bench/compare.sh OLD_GOLIVE NEW_GOLIVE [RUNS]   (RUNS defaults to 7)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
old=$1 new=$2 runs=${3:-7}
out=$here/out/compare
mkdir -p "$out"
for golive in "$old" "$new"; do
  [ -x "$golive" ] || { echo "bench: $golive is not an executable"; exit 2; }
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
highest() { sort -n | tail -1; }

# instructions GOLIVE ARGUMENTS...: the instructions callgrind counts.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" "$@" 2>&1 >/dev/null \
    | awk '/Collected :/ { print $4 }'
}

# measure_case NAME ARGUMENTS... (with @GOLIVE@ and @OUT@ for the binary and
# its output): prints one row of the table.
measure_case() {
  local name=$1
  shift
  local -a cpu_old=() cpu_new=() rss_old=() rss_new=()
  for ((run = 0; run < runs; run++)); do
    for which in old new; do
      local golive=$old
      [ "$which" = new ] && golive=$new
      local -a command=()
      for argument in "$@"; do
        argument=${argument//@GOLIVE@/$golive}
        command+=("${argument//@OUT@/$out/$which}")
      done
      rm -rf "$out/$which" && mkdir -p "$out/$which"
      python3 "$here/measure.py" -o "$out/time.txt" "${command[@]}" >/dev/null
      read -r _ cpu rss <"$out/time.txt"
      if [ "$which" = old ]; then cpu_old+=("$cpu") rss_old+=("$rss"); else cpu_new+=("$cpu") rss_new+=("$rss"); fi
    done
  done
  local co cn ro rn
  co=$(printf '%s\n' "${cpu_old[@]}" | median) cn=$(printf '%s\n' "${cpu_new[@]}" | median)
  ro=$(printf '%s\n' "${rss_old[@]}" | highest) rn=$(printf '%s\n' "${rss_new[@]}" | highest)
  local io="" in=""
  if [ "${CALLGRIND:-0}" = 1 ]; then
    local -a command_old=() command_new=()
    for argument in "$@"; do
      command_old+=("$(a=${argument//@GOLIVE@/$old}; echo "${a//@OUT@/$out/old}")")
      command_new+=("$(a=${argument//@GOLIVE@/$new}; echo "${a//@OUT@/$out/new}")")
    done
    rm -rf "$out/old" "$out/new" && mkdir -p "$out/old" "$out/new"
    io=$(instructions "${command_old[@]}" | tr -d ,) in=$(instructions "${command_new[@]}" | tr -d ,)
  fi
  printf '%-14s %9.1f %9.1f %6.2f  %8.1f %8.1f %6.2f' "$name" "$co" "$cn" "$(echo "$co / $cn" | bc -l)" \
    "$(echo "$ro / 1024" | bc -l)" "$(echo "$rn / 1024" | bc -l)" "$(echo "$ro / $rn" | bc -l)"
  if [ -n "$io" ]; then
    printf '  %9.1f %9.1f %6.2f' "$(echo "$io / 1000000" | bc -l)" "$(echo "$in / 1000000" | bc -l)" \
      "$(echo "$io / $in" | bc -l)"
  fi
  printf '\n'
}

printf '%-14s %9s %9s %6s  %8s %8s %6s' case "CPU old" "CPU new" ratio "RSS old" "RSS new" ratio
[ "${CALLGRIND:-0}" = 1 ] && printf '  %9s %9s %6s' "Mi old" "Mi new" ratio
printf '\n%-14s %9s %9s %6s  %8s %8s %6s' "" "[ms]" "[ms]" "" "[MiB]" "[MiB]" ""
[ "${CALLGRIND:-0}" = 1 ] && printf '  %9s %9s %6s' "[instr]" "[instr]" ""
printf '\n'
for items in ${ITEMS-100 1000 5000}; do
  input=$here/out/checklist-$items.md
  python3 "$here/generate_checklist.py" "$items" >"$input"
  measure_case "md2pdf $items" @GOLIVE@ md2pdf "$input" -o @OUT@/checklist.pdf --date 2026-03-20
done
for steps in ${STEPS-500 2000 10000}; do
  engagement=$here/out/engagement-$steps
  rm -rf "$engagement" && python3 "$here/generate_engagement.py" "$engagement" "$steps" 100
  measure_case "build $steps" @GOLIVE@ build "$engagement/project.yaml" -o @OUT@/documents
done
