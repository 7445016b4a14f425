# Sourced by peers.sh and compare.sh: the Markdown-to-PDF tools installed
# here, each a name in peer_names and a command in peer_commands (run by
# bash -c over $input and $pdf). Each peer when installed (apt-get install
# wkhtmltopdf cmark-gfm lowdown groff pandoc), with default options:
#   cmark-gfm + wkhtmltopdf   cmark-gfm's HTML (GFM extensions) printed by Qt WebKit
#   lowdown + groff           lowdown's ms output typeset by groff -Tpdf
#   pandoc + wkhtmltopdf      pandoc's route to PDF through HTML (its groff route
#                             needs ghostscript, its LaTeX route a TeX installation)
# typst has no package in Debian 12 (apt-cache policy typst: no candidate);
# the scripts say so when it is missing.
# The peers are for benchmarks only; CI installs none of them.
peer_names=() peer_commands=()
peer_have() { command -v "$1" >/dev/null; }
if peer_have cmark-gfm && peer_have wkhtmltopdf; then
  peer_names+=("cmark-gfm + wkhtmltopdf")
  peer_commands+=('cmark-gfm -e table -e tasklist -e strikethrough -e autolink "$input" >"$pdf.html" && wkhtmltopdf -q "$pdf.html" "$pdf"')
else
  echo "(cmark-gfm or wkhtmltopdf is not installed: cmark-gfm + wkhtmltopdf left out)" >&2
fi
if peer_have lowdown && peer_have groff && peer_have gropdf; then
  peer_names+=("lowdown + groff")
  peer_commands+=('lowdown -s -Tms "$input" | groff -k -ms -Tpdf >"$pdf"')
else
  echo "(lowdown or groff is not installed: lowdown + groff left out)" >&2
fi
if peer_have pandoc && peer_have wkhtmltopdf; then
  peer_names+=("pandoc + wkhtmltopdf")
  peer_commands+=('pandoc -f gfm "$input" --metadata title=Checklist --pdf-engine=wkhtmltopdf -o "$pdf"')
else
  echo "(pandoc or wkhtmltopdf is not installed: pandoc + wkhtmltopdf left out)" >&2
fi
peer_have typst || echo "(typst is not installed: left out)" >&2
export QT_QPA_PLATFORM=offscreen  # wkhtmltopdf without a display
