#!/usr/bin/env bash
# Builds the bundled example in English, German and French and reads the
# PDFs back with pdftotext. Fails when a catalog lacks a key of the English
# one or has one more, when a template asks for a word no catalog has, and
# when an English word of the catalog is left in a German or French
# document. The example's own data is written in English, so an English
# phrase may appear in a German document as often as it appears in the
# example built with a catalog of the project's own whose every word is
# "ZZ" (which also shows that a project can bring a language), and no more.
# Durations of two parts stay on one line in every language.
# Usage: languages.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
for tool in pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils)"; exit 1; }
done
rm -rf "$work" && mkdir -p "$work" && cp -r "$source/examples/hollenbach" "$work/engagement"
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
catalogs=$source/templates/lang

keys_of() { sed -n 's/^"\{0,1\}\([a-z_]*\)"\{0,1\}: .*/\1/p' "$1" | sort; }
# value_of FILE KEY: the text of KEY, quotes taken off.
value_of() {
  sed -n "s/^\"\{0,1\}$2\"\{0,1\}: //p" "$1" | sed 's/^"\(.*\)"$/\1/; s/\\"/"/g'
}

keys_of "$catalogs/en.yaml" > en.keys
for language in de fr; do
  keys_of "$catalogs/$language.yaml" > $language.keys
  missing=$(comm -23 en.keys $language.keys | tr '\n' ' ')
  extra=$(comm -13 en.keys $language.keys | tr '\n' ' ')
  [ -z "$missing" ] || fail "$language.yaml lacks: $missing"
  [ -z "$extra" ] || fail "$language.yaml has keys English lacks: $extra"
done
used=$(grep -oh '{{t\.[a-z_]*}}' "$source"/templates/*.md | sed 's/{{t\.//; s/}}//' | sort -u)
for key in $used; do
  grep -qx "$key" en.keys || fail "a template asks for t.$key, which en.yaml lacks"
done

# The project's own language: every word "ZZ", formats kept working.
mkdir -p engagement/own/lang
sed 's/^\("\{0,1\}[a-z_]*"\{0,1\}\): .*/\1: ZZ/' "$catalogs/en.yaml" \
  | sed 's/^format_date: ZZ/format_date: "{year}-{month}-{day}"/;
         s/^format_timestamp: ZZ/format_timestamp: "{date} {time} {offset}"/;
         s/^pdf_page_of: ZZ/pdf_page_of: "ZZ {page}"/' > engagement/own/lang/zz.yaml
printf 'templates: own\n' >> engagement/project.yaml

# Text on one line; a word broken at a line end joined again.
text_of() {
  pdftotext -enc UTF-8 "$1" - | tr '\n' ' ' | tr -s ' ' \
    | sed 's/\([[:alpha:]]\)- \([[:lower:]]\)/\1\2/g'
}
# No words in the templates themselves: each is a {{t.KEY}}. Tags,
# comments and the print directives' own syntax are taken out first; the
# names of products are the same in every language.
proper_names='Odoo|OCA|Python|XML|JavaScript|Enterprise'
for template in "$source"/templates/*.md; do
  words=$(tr '\n' ' ' < "$template" | sed 's/{{![^}]*}}//g; s/{{[^}]*}}//g;
      s/<!-- golive:[a-z-]*//g; s/ [a-z-]*="[a-z0-9]*"//g; s/ [a-z-]*="//g; s/&#[0-9]*;//g' \
      | grep -oE '[[:alpha:]]{2,}' | grep -vxE "$proper_names" || true)
  [ -z "$words" ] || fail "$(basename "$template") has words of its own: $(echo $words | head -c 80)"
done

for language in en de fr zz; do
  "$golive" build engagement/project.yaml -o $language --language $language \
    || fail "the example does not build in $language"
  for pdf in $language/*.pdf; do text_of "$pdf" >> $language.txt; done
done
count() { { grep -owF -- "$1" "$2" || true; } | wc -l; }

# A document's lines depend on its own text alone, not on what the build
# typeset before it (hyphenation patterns another document loaded): each
# document built alone has the bytes it has in the whole build. The
# close-out differs by design: it lists the documents built with it.
for document in audit preflight runbook signoff contacts; do
  "$golive" build engagement/project.yaml -o alone-$document --language de --only $document \
    || fail "the example's $document does not build alone in de"
  cmp -s de/$document.pdf alone-$document/$document.pdf \
    || fail "$document.pdf built alone in de differs from the whole build's"
done

# Each English word of the catalog that the other language writes
# differently must not appear in its documents. Formats and units are not
# words; one- and two-letter words ("of", "to") are too common to look for.
# The check sees the words as they come out of each catalog; a change to a
# catalog's key set fails above, before this runs.
for language in de fr; do
  sed 's/^[^:]*: //' "$catalogs/$language.yaml" > $language.words
  while read -r key; do
    case $key in format_*|unit_*) continue ;; esac
    english=$(value_of "$catalogs/en.yaml" "$key")
    english=${english%%\{*}
    english=${english% }
    [ "$english" = "$(value_of "$catalogs/$language.yaml" "$key")" ] && continue
    [ ${#english} -ge 3 ] || continue
    # A word both languages share ("Budget", "Module", "Page") is no leftover.
    grep -qwF -- "$english" $language.words && continue
    found=$(count "$english" $language.txt) data=$(count "$english" zz.txt)
    if [ "$found" -gt "$data" ]; then
      fail "the $language documents hold the English '$english' ($key): $found times, the data $data"
    fi
  done < en.keys
done

# French punctuation: a no-break space before ":", ";", "!" and "?", in
# the catalog's words and where a template puts a colon after a label.
nbsp=$'\xc2\xa0'
sed -n 's/^"\{0,1\}[a-z_]*"\{0,1\}: //p' "$catalogs/fr.yaml" | grep -v -e '^"{' -e '^"\\u00a0' \
  | grep -nE "([^${nbsp}]|^)[:;!?]( |\"?$)" > fr.punctuation || true
if [ -s fr.punctuation ]; then
  fail "French words without a no-break space before : ; ! ?: $(head -3 fr.punctuation)"
fi
for text in "Terminées${nbsp}: 13 sur 13" "**GO**${nbsp}: toutes"; do
  grep -qF -- "$text" fr/preflight.md || fail "the French pre-flight sheet does not hold: $text"
done
grep -qF "Sources consultées${nbsp}:" fr/audit.md || fail "the French audit's sources have no no-break space before the colon"
grep -qF "Suppléance${nbsp}: Mikko Järvinen" fr/contacts.md || fail "the French deputies are not 'Suppléance${nbsp}: NAME'"

# German risk registers speak of the Schweregrad, not the bare "Schwere".
grep -qF "| Schweregrad |" de/audit.md || fail "the German risk table does not head its column Schweregrad"

# The typesetter's words and the dates are the language's.
grep -qF "Seite 1 von" de.txt || fail "German pages are not numbered 'Seite N von M'"
grep -qF "Page 1 sur" fr.txt || fail "French pages are not numbered 'Page N sur M'"
grep -qF "21.03.2026" de.txt || fail "German dates are not written 21.03.2026"
grep -qF "21/03/2026" fr.txt || fail "French dates are not written 21/03/2026"
grep -qF "ENTWURF" de.txt || fail "the German draft notice is not ENTWURF"
# The draft notice reads with one colon, before the count, in each language.
for notice in "en DRAFT – sign-offs still to be recorded: 3 of 5." \
  "de ENTWURF – noch ausstehende Freigaben: 3 von 5." \
  "fr BROUILLON – approbations encore attendues : 3 sur 5."; do
  language=${notice%% *} expected=${notice#* }
  line=$(grep -m1 '^> \*\*' $language/signoff.md | sed 's/\*\*//g; s/^> //; s/\xc2\xa0/ /g')
  [ "$line" = "$expected" ] || fail "the $language draft notice reads '$line', not '$expected'"
  [ "$(printf '%s' "$line" | tr -cd ':' | wc -c)" -eq 1 ] \
    || fail "the $language draft notice has more than one colon: $line"
done
# French sets a (no-break) space before a colon, in templates and in the
# typesetter's signature blocks alike; pdftotext reads it as a space.
for phrase in "Nom : Jürgen Weiß" "attendues : 3 sur 5" "Résultat attendu :" "Fenêtre prévue :"; do
  grep -qF "$phrase" fr.txt || fail "the French documents lack: $phrase"
done
for phrase in "Nom:" "attendues: 3" "Résultat attendu:" "Fenêtre prévue:"; do
  ! grep -qF "$phrase" fr.txt || fail "the French documents hold a colon with no space before it: $phrase"
done
# A heading stands on the page of its table's first row: the French
# runbook's timetable and rehearsals, the close-out's rehearsals.
for check in "fr/runbook Calendrier Confirm the go-live approval" \
             "fr/runbook Répétitions Confirm the go-live approval" \
             "fr/closeout Répétitions Confirm the go-live approval"; do
  set -- $check
  document=$1 heading=$2; shift 2; row="$*"
  for page in $(seq 1 "$(pdfinfo "$document.pdf" | sed -n 's/^Pages: *//p')"); do
    text=$(pdftotext -f "$page" -l "$page" "$document.pdf" - | tr '\n' ' ')
    case $text in *"$heading"*": Go-live execution runbook"*)
      case $text in *"$row"*) ;; *) fail "$document: '$heading' stands apart from its table on page $page" ;; esac ;;
    esac
  done
done
# A document never ends on a page holding only its closing blocks (the
# document control, the lines for conditions given by hand) when the page
# before can give it more: above the document control's heading the last
# page holds the running header and at least three more lines.
for check in "en:Document control" "de:Dokumentenlenkung" "fr:Maîtrise du document"; do
  language=${check%%:*} heading=${check#*:}
  for document in audit runbook signoff closeout; do
    pages=$(pdfinfo "$language/$document.pdf" | sed -n 's/^Pages: *//p')
    above=$(pdftotext -f "$pages" -l "$pages" "$language/$document.pdf" - \
      | awk -v heading="$heading" 'index($0, heading) {exit} NF {n++} END {print n + 0}')
    [ "$above" -ge 4 ] \
      || fail "$language/$document: the last page holds little more than the document control ($above lines above it)"
  done
done
# A count before a French plural ("1 non atteints") reads wrong: the
# close-out counts its criteria after their label.
grep -qF "non atteints : 1" fr.txt || fail "the French close-out does not count 'non atteints : 1'"
! grep -qF "1 non atteints" fr.txt || fail "the French close-out writes '1 non atteints'"
# A duration whose unit ends in a dot ("50 Min.") takes no second one.
for language in de fr; do
  ! grep -qE '(Min|Std|Tg)\.\.' $language.txt || fail "the $language documents put a full stop after 'Min.'"
done

# A duration of two parts ("3 Std. 30 Min.") is never parted at a line
# end, in a narrow table column least of all: each one the runbook and the
# close-out record write stands whole in one line of their layouts.
for language in en de fr; do
  for document in runbook closeout; do
    "$golive" md2pdf "$language/$document.md" --language $language --dump layout \
      >$language-$document.layout 2>/dev/null || fail "md2pdf $language/$document.md failed"
    python3 - "$catalogs/$language.yaml" "$language/$document.md" $language-$document.layout <<'PY' \
      || fail "$language $document.md: a duration is broken across lines"
import re, sys
catalog, markdown, layout = sys.argv[1:]
units = dict(re.findall(r'^unit_(days|hours|minutes): (.*)$', open(catalog, encoding="utf-8").read(), re.M))
unit = "|".join(re.escape(units[k]) for k in ("days", "hours", "minutes"))
part = r"\d+[ \u00a0](?:%s)" % unit
found = re.findall(r"%s[ \u00a0]%s(?![\w.])" % (part, part), open(markdown, encoding="utf-8").read())
durations = {}
for d in found:
    durations[d.replace("\u00a0", " ")] = durations.get(d.replace("\u00a0", " "), 0) + 1
lines = [l.split('"', 1)[1].rstrip('"\n').replace("\u00a0", " ")
         for l in open(layout, encoding="utf-8") if l.startswith("  text ")]
# each written as often as whole on a line
broken = sorted(d for d, n in durations.items() if sum(l.count(d) for l in lines) < n)
if not durations:
    print(f"{markdown}: no duration of two parts to look at"); sys.exit(1)
for d in broken:
    print(f"FAIL: {markdown}: '{d}' is not on one line")
sys.exit(1 if broken else 0)
PY
  done
done

# One word of the project's own, over the catalog, without a template copied.
printf 'words:\n  label_owner: Zuständig\n' >> engagement/project.yaml
"$golive" build engagement/project.yaml -o own-word --language de --only runbook
own=$(text_of own-word/runbook.pdf)
grep -qF "Zuständig" <<<"$own" || fail "the project's word for label_owner is not printed"
! grep -qF "Verantwortlich" <<<"$own" || fail "the catalog's word for label_owner is still printed"

[ "$failures" -eq 0 ] && echo "languages: all checks pass" || exit 1
