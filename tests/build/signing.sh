#!/usr/bin/env bash
# Electronic sign-offs in minisign's format, checked with the stock minisign
# tool both ways: golive's keys and signatures verify with minisign, and
# minisign's keys and signatures work in golive. Tampering, the wrong key
# and replayed signatures are refused.
# Usage: signing.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
command -v minisign > /dev/null || { echo "minisign is not installed (.ci/install-deps)"; exit 1; }
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# refused HOW EXPECTED COMMAND...: COMMAND exits non-zero and prints EXPECTED.
refused() {
  local how=$1 expected=$2 code=0
  shift 2
  "$@" > out.txt 2> err.txt || code=$?
  [ "$code" -ne 0 ] || fail "$how: '$*' succeeded"
  grep -qF -- "$expected" err.txt out.txt || fail "$how: '$*' does not say '$expected': $(cat err.txt)"
}
echo "correct horse battery staple" > "$work/passphrase"
echo "wrong passphrase" > "$work/wrong"

# fresh: the small engagement, the sponsor with a golive key (encrypted),
# the lead with a key made by minisign -G.
fresh() {
  rm -rf "$work/e" && cp -r "$source/tests/cli/engagement" "$work/e"
  cd "$work/e" && mkdir keys
  "$golive" key new keys/sponsor --passphrase-fd 3 3< "$work/passphrase"
  minisign -G -W -p keys/lead.pub -s keys/lead.key > /dev/null
  sed -i -e 's|\(id: sponsor.*\)}$|\1, key: keys/sponsor.pub}|' \
         -e 's|\(id: lead.*\)}$|\1, key: keys/lead.pub}|' project.yaml
  "$golive" check project.yaml || fail "the project with keys does not check"
}
sign_sponsor() {
  "$golive" sign run.yaml sponsor --name "Petra Šťastná" --decision approved \
    --key keys/sponsor.key --passphrase-fd 3 "$@" 3< "$work/passphrase"
}
statement_of() { sed -n "$1p" run.yaml | sed 's/.*statement: "\([^"]*\)".*/\1/'; }

fresh
# golive's key: stock minisign signs with it (the passphrase round-trips).
echo "a file" > file.txt
minisign -S -s keys/sponsor.key -m file.txt < "$work/passphrase" > /dev/null ||
  fail "minisign cannot open golive's encrypted secret key"
minisign -V -q -p keys/sponsor.pub -m file.txt || fail "minisign does not verify with golive's public key"
[ "$(stat -c %a keys/sponsor.key)" = 600 ] || fail "the secret key is readable by others"
refused "existing key" "golive never replaces a key" "$golive" key new keys/sponsor --unencrypted
refused "no terminal" "no terminal to ask for the passphrase" "$golive" key new keys/other < /dev/null
"$golive" key new keys/plain --unencrypted
minisign -S -s keys/plain.key -m file.txt < /dev/null > /dev/null ||
  fail "minisign cannot use golive's unencrypted key"

# A signatory with a key cannot sign in ink.
refused "ink" "declares a key" "$golive" sign run.yaml sponsor --name "Petra Šťastná" --decision approved
refused "wrong passphrase" "the passphrase does not open this key" \
  "$golive" sign run.yaml sponsor --name "Petra Šťastná" --decision approved --key keys/sponsor.key --passphrase-fd 3 3< "$work/wrong"
refused "another key" "is not the key signatory 'sponsor' declares" \
  "$golive" sign run.yaml sponsor --name "Petra Šťastná" --decision approved --key keys/plain.key
[ "$(wc -l < run.yaml)" -eq 6 ] || fail "a refused sign-off changed the run"

# Signed by golive, verified by stock minisign.
sign_sponsor
statement=$(statement_of 7)
minisign -V -p keys/sponsor.pub -m "$statement" -x "$statement.minisig" > minisign.txt ||
  fail "stock minisign does not verify golive's signature"
grep -q "Signature and comment signature verified" minisign.txt || fail "minisign: $(cat minisign.txt)"
[ "$(sed -n 's/^run sha256: //p' "$statement")" = "$(head -n 6 run.yaml | sha256sum | cut -d' ' -f1)" ] ||
  fail "the statement's run hash is not sha256sum of the run's first lines"
"$golive" check project.yaml || fail "a signed sign-off does not check"

# Requested by golive, signed by stock minisign, recorded by golive.
"$golive" sign run.yaml lead --name "Lukáš Dvořák" --decision conditional \
  --condition "Invoices re-checked on Monday" --request > request.txt
request=$(sed -n 's/^golive sign: the statement to sign is //p' request.txt)
[ "$(wc -l < run.yaml)" -eq 7 ] || fail "--request recorded something"
minisign -S -s keys/lead.key -m "$request" > /dev/null
"$golive" sign run.yaml lead --signature "$request.minisig" || fail "golive refuses minisign's signature"
grep -q 'conditions: \["Invoices re-checked on Monday"\]' run.yaml || fail "the conditions were not recorded"
"$golive" status project.yaml | grep -q "Approval: APPROVED" || fail "the signed sign-offs do not approve"
"$golive" check project.yaml || fail "a sign-off signed by minisign does not check"
lead_statement=$(statement_of 8)

# A signature by the wrong key: the lead signs the sponsor's request.
"$golive" sign run.yaml sponsor --name "Petra Šťastná" --decision rejected --request > request.txt
other=$(sed -n 's/^golive sign: the statement to sign is //p' request.txt)
minisign -S -s keys/lead.key -m "$other" > /dev/null
refused "wrong key" "made with another key than the signatory's" \
  "$golive" sign run.yaml sponsor --signature "$other.minisig"
# Replayed: the lead's signed statement recorded again for the sponsor.
refused "replayed signatory" "a signature counts once" \
  "$golive" sign run.yaml sponsor --signature "$lead_statement.minisig"
refused "replayed statement" "this signed statement is recorded already, at line 8" \
  "$golive" sign run.yaml lead --signature "$lead_statement.minisig"
cp run.yaml run.saved
sed -n 8p run.yaml | sed 's/, chain: "[0-9a-f]*"//' >> run.yaml
refused "replayed record" "run.yaml:9:3: error: this signed statement is recorded already" "$golive" check project.yaml
cp run.saved run.yaml

# One byte flipped in a statement, or in a signature.
cp "$statement" statement.saved
sed -i 's/decision: approved/decision: approvee/' "$statement"
refused "statement flipped" "run.yaml:7:3: error: the signature" "$golive" check project.yaml
cp statement.saved "$statement"
cp "$statement.minisig" signature.saved
# The sixth character of the signature line becomes another one, whatever
# the key made it (a fixed replacement left it unchanged once in 64 keys).
awk 'NR == 2 { c = substr($0, 6, 1); $0 = substr($0, 1, 5) (c == "A" ? "B" : "A") substr($0, 7) } { print }' \
    "$statement.minisig" > signature.flipped && mv signature.flipped "$statement.minisig"
refused "signature flipped" "run.yaml:7:" "$golive" check project.yaml
cp signature.saved "$statement.minisig"
"$golive" check project.yaml || fail "restoring the files does not restore the check"

# A signature from another project: same people and keys, another title.
rm -rf "$work/other" && cp -r "$source/tests/cli/engagement" "$work/other"
cp -r "$work/e/keys" "$work/e/project.yaml" "$work/other/" && cd "$work/other"
sed -i 's/^  title: .*/  title: Another project/; s/^title: .*/title: Another project/' project.yaml
"$golive" sign run.yaml lead --name "Lukáš Dvořák" --decision approved --request > request.txt
foreign=$(sed -n 's/^golive sign: the statement to sign is //p' request.txt)
minisign -S -s keys/lead.key -m "$foreign" > /dev/null
cd "$work/e" && cp "$work/other/$foreign" signatures/foreign.txt
cp "$work/other/$foreign.minisig" signatures/foreign.txt.minisig
refused "another project" "it names another project" \
  "$golive" sign run.yaml lead --signature signatures/foreign.txt.minisig
rm signatures/foreign.txt signatures/foreign.txt.minisig

# golive verify on a build: what each signature covers, and each tampering
# named. The sign-offs approve the sign-off sheet too.
cd "$work/e"
sed -i 's/^artifacts: \[runbook\]/artifacts: [runbook, signoff]/' project.yaml
"$golive" build project.yaml -o build --format md
"$golive" verify build > verify.txt || fail "verify fails on an untouched build: $(cat verify.txt)"
grep -qF "run.yaml:7: signed sign-off of sponsor (Client sponsor): Petra Šťastná, approved" verify.txt ||
  fail "verify does not say what the sponsor's signature covers: $(cat verify.txt)"
grep -qF "covers run.yaml lines 1-7" verify.txt || fail "verify does not print the lines covered"
grep -qF "condition: Invoices re-checked on Monday" verify.txt || fail "verify does not print the conditions"
grep -qF "Signed electronically by Petra Šťastná" build/signoff.md ||
  fail "the sign-off sheet does not show the electronic signature"
grep -qE "key [0-9A-F]{16}.*verified at build" build/signoff.md ||
  fail "the sign-off sheet does not show the key id and 'verified at build'"
# A signature over a build: the statement lists its documents' SHA-256.
"$golive" key new keys/closer --unencrypted
sed -i 's|\(id: lead.*\)}$|\1}\n  - {id: closer, role: Close-out, person: lukas, artifacts: [runbook], key: keys/closer.pub}|' project.yaml
"$golive" build project.yaml -o approved --format md
"$golive" sign run.yaml closer --name "Lukáš Dvořák" --decision approved --key keys/closer.key --build approved
closer=$(statement_of "$(wc -l < run.yaml)")
grep -qF "build manifest sha256: $(sha256sum approved/MANIFEST | cut -d' ' -f1)" "$closer" ||
  fail "the statement does not name the build's MANIFEST: $(cat "$closer")"
grep -qF "document: runbook.md $(sha256sum approved/runbook.md | cut -d' ' -f1)" "$closer" ||
  fail "the statement does not list the build's documents"
"$golive" build project.yaml -o build --format md
"$golive" verify build > verify.txt || fail "verify fails after a signature over a build: $(cat verify.txt)"
grep -qF "covers document runbook.md" verify.txt || fail "verify does not print the documents covered"
cp run.yaml run.saved
sed -i '$d' run.yaml
refused "last record deleted" "changed since the build" "$golive" verify build
cp run.saved run.yaml
sed -i '7s/approved/rejected/' run.yaml
refused "record edited" "run.yaml:8:3: error: this record's chain does not match" "$golive" verify build
cp run.saved run.yaml
cp "$statement" statement.saved
sed -i 's/^name: Petra/name: Petr/' "$statement"
refused "statement edited" "run.yaml:7:3: error: the signature" "$golive" verify build
cp statement.saved "$statement"
sed -i 's/APPROVED/APPROVEE/' build/signoff.md
refused "document edited" "signoff.md' changed since the build" "$golive" verify build

[ "$failures" -eq 0 ] && echo "signing: all checks passed"
exit $((failures > 0))
