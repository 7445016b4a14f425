#!/usr/bin/env bash
# golive import from the client's files to the audit report, on the ACME
# trees of tests/import: two imports (addons with target trees, then the
# Apps export), golive check, the audit report's inventory section, a hand
# edit that re-imports keep, a re-import whose inputs changed, and each
# refusal. Every command's output and exit status go into one transcript
# compared with expected/transcript.txt; the inventory and the report's
# section are compared with expected/. After a deliberate change, rerun
# with GOLIVE_UPDATE_GOLDEN=1 and read the diff before committing it.
# Usage: check_import.sh GOLIVE SOURCE_DIR WORK_DIR
set -u
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source=$(cd "$2" && pwd)
work=$3/import
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
cp -r "$source/client" "$source/target" "$source/bad" "$source/removed-18.0.txt" .
cp -r "$source/engagement" acme
export SOURCE_DATE_EPOCH=1781222400 NO_COLOR=1
transcript=$work/transcript.txt
: >"$transcript"
run() {
  printf '$ golive %s\n' "$*" >>"$transcript"
  "$golive" "$@" >stdout.txt 2>stderr.txt
  local status=$?
  cat stdout.txt >>"$transcript"
  printf 'stderr:\n' >>"$transcript"
  cat stderr.txt >>"$transcript"
  printf 'exit: %s\n\n' "$status" >>"$transcript"
}
note() { printf '# %s\n' "$*" >>"$transcript"; }

note "first import: the addons trees, with the 18.0 trees and the removed list"
run import addons client/custom client/oca client/vendor \
    --target target/oca-18.0 --target target/acme-18.0 --target target/vendor-18.0 \
    --removed removed-18.0.txt --own-author "ACME IT" --project acme/project.yaml -o acme/inventory.yaml
note "then the Apps export (BOM, CRLF, quoted fields): only installed modules count"
run import modules client/modules.csv -o acme/inventory.yaml
cp acme/inventory.yaml inventory.yaml
note "the audit names the inventory; check accepts the whole"
run check acme/project.yaml
run check acme/inventory.yaml
run build acme/project.yaml -o out --only audit --format md
sed -n '/^## Module inventory/,/^## Cleanup and known bugs/p' out/audit.md >audit-inventory.md

# An audit that leaves its modules to the inventory (no components of its
# own) points at the inventory; it does not say it lists no modules.
mkdir -p bare && cp -r acme/. bare/
python3 - bare/audit.yaml <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
text = text[:text.index('components:\n')] + text[text.index('next_step:'):]
text += 'method: Read the trees and the export.\nsources: [Apps export of 12 May]\n'
text += 'timeline:\n  - {milestone: Rehearsal, date: 2026-06-01, effort: 3 person-days}\n'
open(path, 'w', encoding='utf-8').write(text)
PY
"$golive" build bare/project.yaml -o bare-out --only audit --format md >/dev/null 2>&1 \
  || { echo "FAIL: the audit without components does not build"; bare_status=1; }
if grep -q "lists no modules" bare-out/audit.md \
   || ! grep -q "The modules are in the module inventory below" bare-out/audit.md; then
  echo "FAIL: an audit whose modules are in the inventory says it lists none"
  bare_status=1
fi
# its effort and timeline, method and sources
for line in "## Effort and timeline to the go-live" "| **Rehearsal** | 2026-06-01 | 3 person-days |" \
            "## Method and sources" "Read the trees and the export." "- Apps export of 12 May"; do
  grep -qF -- "$line" bare-out/audit.md || { echo "FAIL: the audit report lacks: $line"; bare_status=1; }
done

note "the consultant edits two modules; a re-import keeps both edits, byte for byte"
python3 - acme/inventory.yaml <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
old = '  - name: "acme_sale_discount"\n'
start = text.index(old)
block_end = text.index('  - name: ', start + len(old))
block = text[start:block_end]
edited = block.replace('    action: migrate\n', '    action: replace\n    notes: |-\n      Replaced by the standard discount rules of 18.0:\n      agreed with Petra on 2026-05-12.\n')
text = text[:start] + edited + text[block_end:]
text = text.replace('    action: migrate\n', '    action: migrate\n    notes: "Keep: ported already (branch 18.0)."\n', 1)
open(path, 'w', encoding='utf-8').write(text)
PY
cp acme/inventory.yaml edited.yaml
run import addons client/custom client/oca client/vendor -o acme/inventory.yaml
if cmp -s edited.yaml acme/inventory.yaml; then note "re-import: identical to the edited file"
else note "re-import: CHANGED the edited file"; diff edited.yaml acme/inventory.yaml >>"$transcript"; fi

note "a re-import with fewer target trees: proposals change, the edits stay"
run import addons client/custom client/oca client/vendor --target target/oca-18.0 -o acme/inventory.yaml
grep -c 'action: replace' acme/inventory.yaml >>"$transcript"
grep -A2 'Replaced by the standard' acme/inventory.yaml >>"$transcript"
run check acme/project.yaml

note "refusals: nothing is written"
cp acme/inventory.yaml before.yaml
run import addons bad/call -o acme/inventory.yaml
run import addons bad/deep-depends -o acme/inventory.yaml
run import modules bad/unclosed.csv -o acme/inventory.yaml
run import modules bad/columns.csv -o acme/inventory.yaml
run import modules bad/states.csv -o acme/inventory.yaml
run import addons no-such-tree -o acme/inventory.yaml
run import addons client/custom -o acme/project.yaml
run import things client/custom
note "a module in two trees: the first wins, with a warning; a tree nested too deep"
mkdir -p copies && cp -r client/custom/acme_base copies/
run import addons client/custom copies -o dup.yaml
note "modules linked into an addons folder are read; OCA's setup/ links are not walked"
mkdir -p links/setup/acme_base/odoo/addons
ln -s ../client/custom/acme_base links/acme_base
ln -s ../../../../acme_base links/setup/acme_base/odoo/addons/acme_base
run import addons links -o links.yaml
mkdir -p deep/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r
run import addons deep -o deep.yaml
printf 'website_sale_delivery\nNot-A-Module  # typo\n' >bad-removed.txt
run import addons client/custom --removed bad-removed.txt -o acme/inventory.yaml
printf 'name,state\nsale,install\xe9d\n' >latin1.csv
run import modules latin1.csv -o acme/inventory.yaml
run import addons client/custom --project acme/audit.yaml -o acme/inventory.yaml
sed -i 's/    action: replace/    action: replase/' acme/inventory.yaml
cp acme/inventory.yaml before.yaml
run import addons client/custom -o acme/inventory.yaml
cmp -s before.yaml acme/inventory.yaml && note "the inventory is unchanged" || note "the inventory CHANGED"

status=${bare_status:-0}
compare() {
  if [ "${GOLIVE_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$1" "$source/expected/$2"
  elif ! diff -u "$source/expected/$2" "$1"; then
    echo "FAIL: $2 differs"
    status=1
  fi
}
compare "$transcript" transcript.txt
compare inventory.yaml inventory.yaml
compare audit-inventory.md audit-inventory.md
[ "$status" -eq 0 ] && echo "check_import: all as expected"
exit $status
