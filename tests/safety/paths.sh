#!/usr/bin/env bash
# Every path stays in the project: a project template or partial that is a
# link to a file outside the project's folder is refused (as runs and
# checklists are), and a run path that is a FIFO is reported as a FIFO by
# check, status and build, not as missing.
# Usage: paths.sh GOLIVE WORK SOURCE
. "$(dirname "$0")/common.sh"
mkdir -p "$work/outside"
echo "SECRET from outside the project" > "$work/outside/secret.md"

# A template that is a link out of the project.
cp -r "$source/tests/build/engagement" "$work/template"
ln -sf "$work/outside/secret.md" "$work/template/templates/signoff.md"
"$golive" build "$work/template/project.yaml" -o "$work/template/out" 2> "$work/err"
[ $? -eq 1 ] || fail "a template linking outside: exit status not 1"
grep -q "template/templates/signoff.md: error: this template is a link to a file outside the project's folder" "$work/err" \
  || fail "a template linking outside: $(cat "$work/err")"
[ -e "$work/template/out" ] && fail "a template linking outside: documents were written"

# A partial that is a link out of the project.
cp -r "$source/tests/build/engagement" "$work/partial"
printf '{{> extra}}\n' >> "$work/partial/templates/runbook.md"
ln -s "$work/outside/secret.md" "$work/partial/templates/extra.md"
"$golive" build "$work/partial/project.yaml" -o "$work/partial/out" 2> "$work/err"
[ $? -eq 1 ] || fail "a partial linking outside: exit status not 1"
grep -q "partial/templates/extra.md: error: this template is a link to a file outside" "$work/err" \
  || fail "a partial linking outside: $(cat "$work/err")"
[ -e "$work/partial/out" ] && fail "a partial linking outside: documents were written"

# A link inside the project is fine.
cp -r "$source/tests/build/engagement" "$work/inside"
mv "$work/inside/templates/signoff.md" "$work/inside/signoff-template.md"
ln -s ../signoff-template.md "$work/inside/templates/signoff.md"
"$golive" build "$work/inside/project.yaml" -o "$work/inside/out" -q 2> "$work/err" \
  || fail "a template linking inside the project: $(cat "$work/err")"

# A run path that is a FIFO.
cp -r "$source/tests/build/engagement" "$work/fifo"
rm "$work/fifo/run.yaml"
mkfifo "$work/fifo/run.yaml"
for command in check status build; do
  timeout 20 "$golive" $command "$work/fifo/project.yaml" 2> "$work/err"
  [ $? -eq 1 ] || fail "$command with a FIFO run: exit status not 1"
  grep -q "error: 'run.yaml' is a pipe (FIFO); golive reads only regular files" "$work/err" \
    || fail "$command with a FIFO run: $(cat "$work/err")"
done

finish "every path case behaves"
