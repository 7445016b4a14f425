#!/usr/bin/env bash
# Words at line ends, through the layout dump: a word too long for its
# column is hyphenated where the language's patterns allow, with a visible
# hyphen; German compounds by German patterns (--language de); a word no
# pattern splits is still cut with a hyphen; e-mail addresses, URLs and
# identifiers break only after their punctuation and get no hyphen; a
# number and its unit, bound by a no-break space, stay together; in a
# table too narrow for its longest words, long words give way by
# hyphenation before an identifier is cut.
# Usage: check_words.sh GOLIVE
set -u
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# dump FILE [OPTIONS...]: the layout dump of FILE's text items, one per line
# (none, and a failure, when md2pdf fails).
dump() {
  local file=$1; shift
  if ! (cd "$work" && "$golive" md2pdf --dump layout "$@" "$file" >dump 2>err); then
    fail "md2pdf $file $*: $(cat "$work/err")"
    : >"$work/dump"
  fi
  awk '$1=="text" && $3>60 && $3<790' "$work/dump" | sed 's/^.*#[0-9A-F]* "//; s/"$//' >"$work/texts"
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

# A many-column table whose longest words do not fit side by side: the
# words that may be hyphenated give way (a column's least width is its
# longest piece after hyphenation), so the identifiers stay whole and the
# long words are hyphenated, with a visible hyphen, in English and German.
printf '%s\n' '| Step | Area | Data | Invoice | Order | Closing | Role |' '|---|---|---|---|---|---|---|' \
  '| Reconciliation | Internationalization | Responsibilities | INV/2026/000123 | SO-2026-004711 | Telecommunications | Administrator |' \
  >"$work/many-en.md"
printf '%s\n' '| Schritt | Bereich | Daten | Beleg | Auftrag | Abschluss | Rolle |' '|---|---|---|---|---|---|---|' \
  '| Datenübernahmeprotokoll | Lagerbestandsbewertung | Kundenstammdatenpflege | INV/2026/000123 | SO-2026-004711 | Buchhaltungsabschluss | Verantwortlich |' \
  >"$work/many-de.md"
for language in en de; do
  (cd "$work" && "$golive" md2pdf --dump layout --language $language many-$language.md >many.dump 2>err) \
    || fail "md2pdf many-$language.md failed: $(cat "$work/err")"
  python3 - "$work/many-$language.md" "$work/many.dump" <<'PY' || failures=$((failures + 1))
import re, sys
markdown, dump = sys.argv[1:]
words = [w.strip() for w in open(markdown, encoding="utf-8").read().splitlines()[2].strip("|").split("|")]
cells = {}
for line in open(dump, encoding="utf-8"):
    m = re.match(r'  text ([0-9.]+) ([0-9.]+) sans [0-9.]+ #[0-9A-F]+ "(.*)"$', line)
    if m and 90 < float(m.group(2)) < 200:
        cells.setdefault(float(m.group(1)), []).append((float(m.group(2)), m.group(3)))
pieces = {x: [t for y, t in sorted(v)] for x, v in cells.items() if any(t != "-" for y, t in v)}
hyphens = sum(t == "-" for v in cells.values() for y, t in v)
bad = []
for word in words:
    column = [p for p in pieces.values() if "".join(p) == word]
    if not column:
        bad.append(f"'{word}' is not set whole or in pieces: {sorted(pieces.values())}")
    elif ("/" in word or word[-1].isdigit()) and len(column[0]) != 1:
        bad.append(f"the identifier '{word}' is broken: {column[0]}")
cut = sum(len(p) - 1 for p in pieces.values() if len(p) > 1)
if cut == 0 or hyphens != cut:
    bad.append(f"{cut} words cut, {hyphens} hyphens drawn: {sorted(pieces.values())}")
for b in bad:
    print(f"FAIL: {markdown}: {b}")
sys.exit(1 if bad else 0)
PY
done

# An ordinary table of contacts beside a long notes column: an address the
# column can hold stays whole on one line (a column is at least as wide as
# its addresses, up to the cap on a word's width); a longer one breaks only
# after its punctuation, with no hyphen added.
note='Signs the go-live decision and holds the rollback authority for the whole cut-over weekend, reachable by phone at all times.'
printf '%s\n' '| Name | E-mail | Role | Notes |' '|---|---|---|---|' \
  "| Ana Müller | ana.mueller@example-group.com | Project lead | $note |" \
  "| Bob Stone | robert.stone-hamilton@client-enterprises.co.uk | Key user | $note |" >"$work/mail.md"
dump mail.md
grep -qxF 'ana.mueller@example-group.com' "$work/texts" \
  || fail "an address the column can hold is broken: $(grep -E 'ana|group' "$work/texts" | tr '\n' '|')"
grep -qx -- '-' "$work/texts" && fail "a hyphen was added inside an address: $(tr '\n' '|' <"$work/texts")"
grep -E 'robert|enterprises' "$work/texts" | grep -vE '[/.@-]$|\.co\.uk$' \
  && fail "a long address is cut elsewhere than after its punctuation"

# A loose line: in a table whose compounds need the German patterns, a
# ragged-right line that would end shorter than 60 % of its column because
# the next word is a long compound (a clause's last, its full stop after it)
# takes the compound's first part, hyphenated, instead (pdftotext -bbox:
# each line's extent in the last column, whose text runs from the header
# word's left to the A4 text area's right edge less the cell's padding).
printf '%s\n' '| Schritt | Bereich | Prüfung | Beschreibung | Verantwortung |' '|---|---|---|---|---|' \
  '| Datenübernahmeprotokoll | Lagerbestandsbewertung | Kundenstammdatenpflege | Die Datenübernahme wird vor der Inbetriebnahme abgestimmt. | Die Freigabe der Eröffnungsbilanzwerte erfolgt nach der Vollständigkeitsprüfung durch die Finanzbuchhaltungsabteilung und die Projektleitung. |' \
  >"$work/loose.md"
if (cd "$work" && "$golive" md2pdf --language de loose.md -o loose.pdf 2>err); then
  pdftotext -bbox "$work/loose.pdf" "$work/loose.html"
  python3 - "$work/loose.html" Verantwortung 534.1 <<'PY' || failures=$((failures + 1))
import html, re, sys
page, header, right = sys.argv[1], sys.argv[2], float(sys.argv[3])
words = [(float(x0), float(y0), float(x1), html.unescape(t)) for x0, y0, x1, t in re.findall(
    r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>',
    open(page, encoding="utf-8").read())]
left, top = [(x0, y0) for x0, y0, x1, t in words if t == header][0]
lines = {}
for x0, y0, x1, t in words:
    if x0 >= left - 1 and top + 5 < y0 < 700:
        lines.setdefault(round(y0), []).append((x0, x1, t))
shown = [sorted(line) for y, line in sorted(lines.items())]
full = [(line[-1][1] - line[0][0]) / (right - left) for line in shown]
text = " | ".join(" ".join(t for x0, x1, t in line) for line in shown)
bad = [f"line {n + 1} is {share:.0%} full" for n, share in enumerate(full[:-1]) if share < 0.6]
if not any(line[-1][2].endswith("-") for line in shown[:-1]):
    bad.append("no line ends with a hyphen")
for b in bad:
    print(f"FAIL: a loose German line: {b}: {text}")
sys.exit(1 if bad else 0)
PY
else
  fail "md2pdf loose.md failed: $(cat "$work/err")"
fi

if [ "$failures" -eq 0 ]; then
  echo "check_words: every word hyphenated or kept as it should be"
fi
exit $((failures > 0))
