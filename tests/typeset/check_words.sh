#!/usr/bin/env bash
# Words at line ends, through the layout dump: a word too long for its
# column is hyphenated where the language's patterns allow, with a visible
# hyphen; German compounds by German patterns (--language de); a word no
# pattern splits is still cut with a hyphen; e-mail addresses, URLs and
# identifiers break only after their punctuation and get no hyphen; a
# number and its unit, bound by a no-break space, stay together.
# Usage: check_words.sh GOLIVE
set -u
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# dump FILE [OPTIONS...]: the layout dump of FILE's text items, one per line.
dump() {
  local file=$1; shift
  (cd "$work" && "$golive" md2pdf --dump layout "$@" "$file" 2>err) \
    | awk '$1=="text" && $3>60 && $3<790' | sed 's/^.*#[0-9A-F]* "//; s/"$//' >"$work/texts"
}

# Ten columns of one long word each: every column is narrower than it.
row() { local cells=""; for ((column = 0; column < 10; column++)); do cells+="| $1 "; done; echo "$cells|"; }
{ row Head; echo "|---|---|---|---|---|---|---|---|---|---|"; row Implementation; } >"$work/narrow.md"
dump narrow.md
# en-US patterns: im-ple-men-ta-tion; each cut ends a piece followed by "-"
grep -qxE 'Im|Imple|Implemen|Implementa' "$work/texts" \
  || fail "Implementation is not cut where the patterns allow: $(head -c 200 "$work/texts")"
[ "$(grep -cx -- '-' "$work/texts")" -ge 10 ] \
  || fail "Implementation is cut with no visible hyphen: $(tr '\n' '|' <"$work/texts" | head -c 200)"

# German compounds by German patterns.
{ row Kopf; echo "|---|---|---|---|---|---|---|---|---|---|"; row Datenübernahmeprotokoll; } >"$work/german.md"
dump german.md --language de
grep -qxE 'Da|Daten|Datenüber|Datenüberna|Datenübernah' "$work/texts" \
  || fail "Datenübernahmeprotokoll is not cut by German patterns: $(head -c 200 "$work/texts")"

# No pattern: still a visible hyphen ("Colum-n", not "Colum/n").
{ row Head; echo "|---|---|---|---|---|---|---|---|---|---|"; row Xqzvwkptrmhglbd; } >"$work/nonsense.md"
dump nonsense.md
[ "$(grep -cx -- '-' "$work/texts")" -ge 10 ] \
  || fail "a word no pattern splits is cut with no hyphen: $(tr '\n' '|' <"$work/texts" | head -c 200)"

# Addresses, URLs, identifiers: no hyphen, cut only after / . @ - _.
printf '%s\n' '| A | B | C | D | E | F | G | H |' '|---|---|---|---|---|---|---|---|' \
  '| ana.mueller@example.com | https://erp.example.com/odoo/action-42 | INV/2026/00012 | 18 min | 1 h | B | C | D |' \
  >"$work/ids.md"
sed -i 's/18 min/18\xc2\xa0min/; s/1 h/1\xc2\xa0h/' "$work/ids.md"
dump ids.md
if grep -qx -- '-' "$work/texts"; then
  fail "a hyphen was added inside an address, URL or identifier: $(tr '\n' '|' <"$work/texts")"
fi
for whole in $'18\xc2\xa0min' $'1\xc2\xa0h'; do
  grep -qxF "$whole" "$work/texts" || fail "'$whole' is not kept whole: $(tr '\n' '|' <"$work/texts")"
done
awk '/@|https|INV/' "$work/texts" | grep -vE '[/.@_-]$|\.com$|action-42$|00012$' \
  && fail "an address, URL or identifier is cut elsewhere than after its punctuation"

if [ "$failures" -eq 0 ]; then
  echo "check_words: every word hyphenated or kept as it should be"
fi
exit $((failures > 0))
