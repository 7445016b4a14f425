# The layer rules of docs/architecture.md, checked on the sources: which
# files may include which headers. A line "RULE files headers" below says
# that no file matching the first regular expression may include a header
# matching the second.
file(GLOB sources RELATIVE "${SOURCE}" "${SOURCE}/*.c" "${SOURCE}/*.h")
set(rules
  # Only the device (with its fonts and streams) knows libharu; only the loader knows
  # libyaml; only the Markdown front end and the layout know cmark-gfm.
  "^(?!pdf_device\\.c$|pdf_font\\.[ch]$|pdf_font_cache\\.[ch]$|pdf_font_mend\\.[ch]$|pdf_stream\\.[ch]$|pdf_archive\\.[ch]$|pdf_libharu_private\\.h$)"
                                                      "^(hpdf|pdf_libharu_private)"
  # libharu's private headers only through the fence that checks its version.
  "^(?!pdf_libharu_private\\.h$)"                    "^hpdf_"
  "^(?!yaml_load\\.c$|yaml_lexical_check\\.c$|yaml_scalar_span\\.c$)" "^yaml\\.h$"
  "^(?!markdown\\.|layout)"                            "^cmark-gfm"
  # Only layout_qr.c knows libqrencode.
  "^(?!layout_qr\\.c$)"                               "^qrencode"
  # Only the font subsetter and the font metrics (the glyphs and advances
  # the font cache gives libharu's definitions, read when asked instead of
  # libharu parsing every table) know HarfBuzz.
  "^(?!pdf_font_subset\\.c$|pdf_font_metrics\\.c$)"  "^hb[-.]"
  # Only the minisign module knows libsodium.
  "^(?!signature_minisign\\.c$)"                      "^sodium"
  # Only the SHA-256 module knows OpenSSL.
  "^(?!sha256\\.[ch]$)"                              "^openssl/"
  # The evaluator and the model never see a renderer.
  "^(evaluate|model)"        "^(view|tmpl|typeset|layout|pdf_|display_list|status_report|build)"
  # The typesetter knows nothing of YAML files or golive's model.
  "^(layout|pdf_|display_list|typeset|markdown|image_probe)"
                             "^(model|yaml_load|evaluate|view|schema|tmpl|build)"
  # The template engine knows nothing of golive's model.
  "^tmpl"                    "^(model|evaluate|view|typeset|layout|schema|build)"
  # The view reads the evaluated model; it renders nothing.
  "^view"                    "^(tmpl|typeset|layout|pdf_|build|yaml_load)"
)
list(LENGTH rules count)
math(EXPR last "${count} - 1")
set(failures "")
foreach(index RANGE 0 ${last} 2)
  math(EXPR next "${index} + 1")
  list(GET rules ${index} file_pattern)
  list(GET rules ${next} header_pattern)
  # CMake's regular expressions have no look-ahead: "^(?!x)" means "not x".
  set(negate FALSE)
  if(file_pattern MATCHES "^\\^\\(\\?!(.*)\\)$")
    set(negate TRUE)
    set(file_pattern "^(${CMAKE_MATCH_1})")
  endif()
  foreach(source IN LISTS sources)
    set(applies FALSE)
    if(source MATCHES "${file_pattern}")
      set(applies TRUE)
    endif()
    if(negate)
      if(applies)
        set(applies FALSE)
      else()
        set(applies TRUE)
      endif()
    endif()
    if(NOT applies)
      continue()
    endif()
    file(STRINGS "${SOURCE}/${source}" includes REGEX "^#include [<\"]")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^#include [<\"]([^>\"]+)[>\"].*" "\\1" header "${line}")
      if(header MATCHES "${header_pattern}")
        string(APPEND failures "  ${source} includes ${header}\n")
      endif()
    endforeach()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "layer rules broken (docs/architecture.md):\n${failures}")
endif()
