#!/usr/bin/env bash
# <!-- golive:toc -->'s entries are links: read through qpdf's JSON, each
# contents line of the PDF has a /Link annotation, over the line, that goes
# to the page its heading is on (the page its number prints), and keeps
# PDF/A-2b (Print flag set; tests/pdfa/check_pdfa.py).
# Usage: toc_links.sh GOLIVE SOURCE_DIR WORK_DIR
set -euo pipefail
golive=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
cat > report.md <<'MD'
# Audit report

<!-- golive:toc -->

<!-- golive:pagebreak -->

# Summary

Text of the summary.

## Findings by severity

Text of the findings.

<!-- golive:pagebreak -->

# Method and sources

Text of the method.

<!-- golive:pagebreak -->

## Inventory

Text of the inventory.
MD
"$golive" md2pdf report.md -o report.pdf --date 2026-03-01
qpdf --json report.pdf > report.json
python3 - report.json <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
objects = {}
for entry in data["qpdf"][1:]:
    for key, value in entry.items():
        if key.startswith("obj:"):
            objects[key[4:]] = value.get("value", value)
pages = [page["object"] for page in data["pages"]]
def resolve(value):
    return objects.get(value, value) if isinstance(value, str) and value.endswith(" R") else value
failures = []
# the contents page: titles and the page their number says
expected = {"Summary": 2, "Findings by severity": 2, "Method and sources": 3, "Inventory": 4}
annotations = [resolve(a) for a in resolve(resolve(pages[0]).get("/Annots", []))]
links = [a for a in annotations if a.get("/Subtype") == "/Link"]
if len(links) != len(expected):
    failures.append(f"the contents page has {len(links)} links, not {len(expected)}")
targets = []
for link in links:
    destination = resolve(link.get("/Dest"))
    if destination is None and isinstance(resolve(link.get("/A")), dict):
        destination = resolve(resolve(link["/A"]).get("/D"))
    if not isinstance(destination, list) or destination[0] not in pages:
        failures.append(f"a contents link has no page destination: {link}")
        continue
    if link.get("/F") != 4:
        failures.append(f"a contents link's /F is {link.get('/F')}, not 4 (Print)")
    rect = link["/Rect"]
    targets.append((-rect[1], pages.index(destination[0]) + 1))
# top to bottom, the links go to the pages the entries print
targets.sort()
wanted = list(expected.values())
got = [page for _, page in targets]
if got != wanted:
    failures.append(f"the contents links go to pages {got}, not {wanted}")
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
PY
# the numbers the entries print are the same pages
text=$(pdftotext -f 1 -l 1 -layout report.pdf - | tr -s ' ')
for line in "Summary 2" "Findings by severity 2" "Method and sources 3" "Inventory 4"; do
  echo "$text" | grep -q "^ *${line% *}[ .]*${line##* }\$" || { echo "FAIL: no contents line '$line': $text"; exit 1; }
done
python3 "$source/tests/pdfa/check_pdfa.py" report.pdf
