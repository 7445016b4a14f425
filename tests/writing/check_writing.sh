#!/usr/bin/env bash
# Writing systems in the PDF, read back with poppler (pdftotext, -bbox):
# decomposed text set in NFC, combining marks on their letter, and the
# warnings about characters no font has (see docs/typesetting.md,
# "Characters").
# Usage: check_writing.sh GOLIVE SAMPLES_DIR TYPESETTING_MD
set -u
golive=$1 samples=$2 docs=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext is missing (poppler-utils)"; exit 1; }

render() { # NAME: samples/NAME.md to work/NAME.pdf, .txt, .err
  local name=$1
  cp "$samples/$name.md" "$work/$name.md"
  "$golive" md2pdf "$work/$name.md" -o "$work/$name.pdf" 2>"$work/$name.err" \
    || fail "$name: md2pdf exited $?: $(cat "$work/$name.err")"
  pdftotext -enc UTF-8 "$work/$name.pdf" "$work/$name.txt"
  pdftotext -bbox "$work/$name.pdf" "$work/$name.bbox"
}

word_width() { # FILE WORD: the width of the first word WORD in pdftotext -bbox output
  awk -v word="$2" 'index($0, ">" word "</word>") {
      match($0, /xMin="[^"]*"/); x0 = substr($0, RSTART + 6, RLENGTH - 7)
      match($0, /xMax="[^"]*"/); x1 = substr($0, RSTART + 6, RLENGTH - 7)
      printf "%.2f\n", x1 - x0; exit }' "$1"
}

# Decomposed input (NFD, as macOS file names give it) is set composed: one
# letter, its accent on it, in body text, a table cell and code.
render nfd
[ -s "$work/nfd.err" ] && fail "nfd: warnings: $(cat "$work/nfd.err")"
[ "$(grep -c 'Zürich' "$work/nfd.txt")" -eq 3 ] \
  || fail "nfd: 'Zürich' (composed) is not in body, table and code: $(grep -a Z "$work/nfd.txt" | od -c | head -3)"
grep -q 'Lefèvre' "$work/nfd.txt" || fail "nfd: 'Lefèvre' does not come back composed"
# A mark with no precomposed letter (q̃) sits on its letter, even in a
# monospaced font: it takes no cell of its own ('aq̃' is two cells of the
# three of 'aqb'), and copies back in its place.
grep -qx 'aq̃b' "$work/nfd.txt" || fail "nfd: 'aq̃b' in code does not come back as written"
with=$(word_width "$work/nfd.bbox" 'aq̃') without=$(word_width "$work/nfd.bbox" 'aqb')
awk -v a="$with" -v b="$without" 'BEGIN { exit !(a != "" && (a * 3 - b * 2) ^ 2 < 0.01) }' \
  || fail "nfd: 'aq̃' is $with pt wide in code, 'aqb' $without pt: the mark takes a cell"

# Right-to-left text: Arabic joined (presentation forms, lam-alef), drawn
# in visual order, right-to-left paragraphs flush right, and read back in
# logical order by pdftotext and pdf.js. pdftotext puts U+202A-U+202E
# around runs of the other direction; they are removed before comparing.
render rtl
[ -s "$work/rtl.err" ] && fail "rtl: warnings: $(cat "$work/rtl.err")"
"$golive" md2pdf --dump layout "$work/rtl.md" >"$work/rtl.layout" 2>&1
grep -q 'arabic 10.0 #1A1A1A "ﺓﺭﺎﺠﺘﻠﻟ ﺭﻮﻨﻟﺍ ﺔﻛﺮﺷ"' "$work/rtl.layout" \
  || fail "rtl: 'شركة النور للتجارة' is not joined and drawn right to left: $(grep arabic "$work/rtl.layout" | head -2)"
grep -q 'ﻡﻼ' "$work/rtl.layout" || fail "rtl: no lam-alef ligature in السلام"
grep -q 'hebrew 10.0 #1A1A1A "אפלא תרבח לש הריגהה חוד והז"' "$work/rtl.layout" \
  || fail "rtl: Hebrew is not drawn right to left"
grep -q "mono 8.5 #1A1A1A \"name = 'ﺭﻮﻨﻟﺍ ﺔﻛﺮﺷ'\"" "$work/rtl.layout" \
  || fail "rtl: Arabic in code is not joined and right to left"
# The right-to-left paragraph ends at the right margin (538.6 pt).
right=$(awk '/<word / && /xMax/ { if ($0 ~ /[\330-\333]/) {
    match($0, /xMax="[^"]*"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0; if (x > max) max = x } }
    END { printf "%.1f", max }' "$work/rtl.bbox")
[ "$right" = "538.6" ] || fail "rtl: right-to-left text reaches $right pt, not the right margin 538.6 pt"
perl -CSD -pe 's/[\x{202A}-\x{202E}]//g' "$work/rtl.txt" >"$work/rtl.plain"
# pdftotext reverses each run of right-to-left letters of a left-to-right
# page, taking the Arabic comma for a break: phrases between commas.
for phrase in 'شركة النور للتجارة' 'السلام عليكم' 'هذا تقرير الترحيل لشركة النور' \
              'זהו דוח ההגירה של חברת אלפא' 'חברת אלפא' 'Zürich bestätigt.'; do
  grep -qF "$phrase" "$work/rtl.plain" || fail "rtl: pdftotext does not give '$phrase' back in order"
done
if ! command -v node >/dev/null || [ ! -e /usr/share/nodejs/pdfjs-dist/build/pdf.js ]; then
  fail "rtl: node or pdf.js is missing (Debian: nodejs, libjs-pdf)"
else
  node "$samples/pdfjs_text.js" "$work/rtl.pdf" >"$work/rtl.pdfjs" 2>&1 || fail "rtl: pdf.js: $(head -3 "$work/rtl.pdfjs")"
  for phrase in 'Der Kunde شركة النور للتجارة hat den Vertrag in Zürich bestätigt.' \
                'السلام عليكم، هذا تقرير الترحيل لشركة النور' 'זהו דוח ההגירה של חברת אלפא' \
                'شركة النور Riad'; do
    grep -qF "$phrase" "$work/rtl.pdfjs" || fail "rtl: pdf.js does not give '$phrase' back in order"
  done
fi

# The document of every script: German, Polish, Czech, Turkish, Greek,
# Russian, Ukrainian, Vietnamese, Arabic, Hebrew, Chinese and Japanese in
# body, table and code (their glyphs are checked in tests/glyphs). Every
# line comes back through both readers, but for the lines that mix
# directions inside code or around punctuation the readers reorder by
# guesswork (see docs/typesetting.md).
render scripts
[ -s "$work/scripts.err" ] && fail "scripts: warnings: $(cat "$work/scripts.err")"
perl -CSD -pe 's/[\x{202A}-\x{202E}]//g' "$work/scripts.txt" >"$work/scripts.plain"
node "$samples/pdfjs_text.js" "$work/scripts.pdf" >"$work/scripts.pdfjs" 2>&1 \
  || fail "scripts: pdf.js: $(head -3 "$work/scripts.pdfjs")"
while IFS= read -r phrase; do
  [ -z "$phrase" ] && continue
  grep -qF -- "$phrase" "$work/scripts.plain" || fail "scripts: pdftotext does not give '$phrase' back"
  grep -qF -- "$phrase" "$work/scripts.pdfjs" || fail "scripts: pdf.js does not give '$phrase' back"
done <<'PHRASES'
German: Die Übergabe an Zürich Ölwerke AG ist für Größe und Maß geprüft.
Polish: Łukasz Żółć zatwierdził migrację w Gdańsku.
Czech: Příliš žluťoučký kůň úpěl ďábelské ódy.
Turkish: Müşteri İstanbul'da ağır işçiliği onayladı.
Greek: Ο πελάτης στην Αθήνα ενέκρινε τη μετάβαση (ά έ ή ί ό ύ ώ ΐ ΰ).
Russian: Клиент в Москве утвердил переход; Ёлка и ёж.
Ukrainian: Клієнт у Києві затвердив перехід; Їжак і ґанок.
Vietnamese: Khách hàng ở Hà Nội đã phê duyệt việc chuyển đổi: ế ặ ữ ợ.
Arabic: شركة النور للتجارة والمقاولات
السلام عليكم
تمت الموافقة على الترحيل في الرياض
Hebrew: חברת אלפא מערכות
הלקוח אישר את ההגירה
Chinese: 客户已在上海批准迁移。
Japanese: 東京のお客様が移行を承認しました。
Αθηναϊκή Ά.Ε.
Công ty Phở Việt
شركة النور
חברת אלפא
תל אביב
上海贸易有限公司
株式会社さくら
UPDATE res_partner SET city = 'Zürich' WHERE name = 'Ölwerke';
-- Ελλάδα: Αθήνα ά έ ή; Россия: Ёлка; Україна: Їжак ґ
-- Việt Nam: ế ặ ữ ợ
UPDATE res_partner SET name = '上海贸易' WHERE id = 9;
UPDATE res_partner SET name = 'さくら' WHERE id = 10;
PHRASES

# Characters of the running header and footer from the command line are
# warned about too, without a line.
printf '# Notes\n\nplain\n' >"$work/fields.md"
"$golive" md2pdf "$work/fields.md" -o "$work/fields.pdf" --title 'Kunde ꀀ' --client '😀' \
  2>"$work/fields.err" || fail "fields: md2pdf exited $?"
grep -qx "golive: warning: U+A000 'ꀀ' is in none of the fonts: shown as U+FFFD (once)" "$work/fields.err" \
  || fail "fields: no warning for the title's U+A000: $(cat "$work/fields.err")"
grep -q "U+1F600 '😀' is above U+FFFF" "$work/fields.err" || fail "fields: no warning for the client's emoji"

# docs/typesetting.md's table of scripts is what golive does: each row's
# sample is typeset alone; a row drawn with a face comes back word by word
# without a warning, a row drawn with none (—) gives its warning.
rows=$(sed -n '/^<!-- scripts: /,/^$/p' "$docs" | grep '^| ' | tail -n +3)
[ -n "$rows" ] || fail "docs: no table of scripts in $docs"
row=0
while IFS= read -r line; do
  row=$((row + 1))
  sample=$(printf '%s\n' "$line" | awk -F'|' '{ print $3 }' | sed 's/^[^`]*`//; s/`.*$//')
  drawn=$(printf '%s\n' "$line" | awk -F'|' '{ print $4 }')
  printf '%s\n' "$sample" >"$work/row$row.md"
  "$golive" md2pdf "$work/row$row.md" -o "$work/row$row.pdf" 2>"$work/row$row.err" \
    || fail "docs row $row: md2pdf exited $?"
  if printf '%s' "$drawn" | grep -q '—'; then
    grep -q 'warning: .*U+FFFD' "$work/row$row.err" || fail "docs row $row ($sample): no warning"
    continue
  fi
  [ -s "$work/row$row.err" ] && fail "docs row $row ($sample): $(cat "$work/row$row.err")"
  pdftotext -enc UTF-8 "$work/row$row.pdf" - | perl -CSD -pe 's/[\x{202A}-\x{202E}]//g' >"$work/row$row.txt"
  for word in $sample; do
    grep -qF -- "$word" "$work/row$row.txt" || fail "docs row $row: '$word' does not come back"
  done
done <<<"$rows"

[ "$failures" -eq 0 ] && echo "all writing checks passed"
exit $((failures > 0))
