#!/bin/bash
# The layers as linked: each stage's static library may use only symbols
# defined in the stages below it (src/CMakeLists.txt, docs/architecture.md).
# Arguments: NM, then one STAGE=ARCHIVE=DEP,DEP,... per stage (direct
# dependencies). Fails naming each symbol a stage takes from a stage above
# it or beside it.
set -u
nm_tool=$1
shift
declare -A archive direct owner
stages=()
for spec in "$@"; do
    IFS='=' read -r stage path deps <<<"$spec"
    stages+=("$stage")
    archive[$stage]=$path
    direct[$stage]=${deps//,/ }
done
# Which stage defines each golive symbol.
for stage in "${stages[@]}"; do
    while read -r symbol; do
        [[ -n $symbol ]] && owner[$symbol]=$stage
    done < <("$nm_tool" --defined-only -g "${archive[$stage]}" 2>/dev/null | awk 'NF == 3 { print $3 }')
done
below() { # every stage that $1 reaches through its dependencies
    local -A seen=()
    local queue=(${direct[$1]})
    while ((${#queue[@]})); do
        local next=${queue[0]}
        queue=("${queue[@]:1}")
        [[ -n ${seen[$next]:-} ]] && continue
        seen[$next]=1
        queue+=(${direct[$next]})
    done
    echo "${!seen[@]}"
}
failures=0
for stage in "${stages[@]}"; do
    allowed=" $stage $(below "$stage") "
    while read -r symbol; do
        [[ -z $symbol ]] && continue
        from=${owner[$symbol]:-}
        [[ -z $from || $allowed == *" $from "* ]] && continue
        echo "golive_$stage uses $symbol from golive_$from, which is not below it"
        failures=$((failures + 1))
    done < <("$nm_tool" --undefined-only -g "${archive[$stage]}" 2>/dev/null | awk '{ print $NF }' | sort -u)
done
if ((failures)); then
    echo "$failures call(s) run up the pipeline (docs/architecture.md, Layer rules)"
    exit 1
fi
echo "every stage uses only the stages below it (${#stages[@]} stages)"
