#!/usr/bin/env bash
# Every name a shipped template asks for ({{name}}, {{#name}}, {{a.b}}) is a
# view field that docs/templates.md documents: each part of a dotted name
# must appear there inside backticks. A documented value such as
# `not-required` is asked for as the flag not_required, and the flag of a
# choice (type_is.workflow) may name any choice docs/format.md lists.
# Catalog words ({{t.key}}) are checked by example-languages; partials and
# comments are not names.
# Usage: template_names.sh SOURCE_DIR
set -euo pipefail
source=$1
documented=$(grep -o '`[^`]*`' "$source/docs/templates.md" | tr '-' '_' \
               | grep -o '[a-z_][a-z0-9_]*' | sort -u | tr '\n' ' ')
choices=$(grep -o 'choices\{0,1\}: `[^|]*' "$source/docs/format.md" | tr '-' '_' \
            | grep -o '`[a-z_]*`' | tr -d '`' | sort -u | tr '\n' ' ')
for template in "$source"/templates/*.md; do
  grep -o '{{[#^/&{]\{0,1\} *[a-z_][a-z0-9_.]*' "$template" \
    | sed "s|^{{[#^/&{]\\{0,1\\} *||; s|^|$(basename "$template") |"
done | awk -v documented="$documented" -v choices="$choices" '
  BEGIN { split(documented, list, " "); for (i in list) known[list[i]] = 1
          split(choices, list, " "); for (i in list) choice[list[i]] = 1 }
  $2 !~ /^t\./ {
    parts = split($2, part, ".")
    for (i = 1; i <= parts; i++)
      if (!(part[i] in known) && !(i > 1 && part[i - 1] ~ /_is$/ && part[i] in choice)) {
        printf "FAIL: %s asks for %s: docs/templates.md does not document %s\n", $1, $2, part[i]
        failures++
      }
  }
  END { if (failures) exit 1; print "template_names: every name is documented" }'
