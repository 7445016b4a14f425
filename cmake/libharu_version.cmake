# golive's font mending (src/pdf_font_mend.c) works around libharu 2.3.0's
# font bugs by reaching into its internal structures (hpdf_fontdef.h,
# hpdf_font.h), whose layout and behaviour change between releases. So the
# exact version is required here, at configure time, with a message saying
# why, rather than a build that compiles and writes broken PDFs; and again
# at compile time by src/pdf_libharu_private.h, against
# GOLIVE_LIBHARU_VERSION_ID (HPDF_VERSION_ID's form) derived from this one
# number.
set(GOLIVE_LIBHARU_VERSION "2.3.0")
string(REGEX MATCH "^([0-9]+)\\.([0-9]+)\\.([0-9]+)$" golive_libharu_parts "${GOLIVE_LIBHARU_VERSION}")
math(EXPR GOLIVE_LIBHARU_VERSION_ID
     "${CMAKE_MATCH_1} * 10000 + ${CMAKE_MATCH_2} * 100 + ${CMAKE_MATCH_3}")
file(STRINGS "${HPDF_INCLUDE}/hpdf_version.h" hpdf_version_line
     REGEX "^#define HPDF_VERSION_TEXT \"[^\"]*\"")
string(REGEX REPLACE ".*\"([^\"]*)\".*" "\\1" hpdf_version "${hpdf_version_line}")
if(NOT hpdf_version STREQUAL GOLIVE_LIBHARU_VERSION)
  message(FATAL_ERROR
    "golive needs libharu ${GOLIVE_LIBHARU_VERSION} exactly, found '${hpdf_version}' in "
    "${HPDF_INCLUDE}/hpdf_version.h: src/pdf_font_mend.c mends libharu ${GOLIVE_LIBHARU_VERSION}'s "
    "font objects through its internals. Install Debian 12's libhpdf-dev, or check "
    "pdf_font_mend.c against the new version before changing GOLIVE_LIBHARU_VERSION.")
endif()
message(STATUS "libharu ${hpdf_version} (the version src/pdf_font_mend.c is written for)")
