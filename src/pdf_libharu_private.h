/* libharu's private headers, for the PDF device's files that reach into its
 * structures (pdf_font_mend.c above all; pdf_font.c, pdf_stream.c and
 * pdf_device.c for stream and font-definition internals, and pdf_device.c
 * for libharu's number format, HPDF_FToA). Those structures
 * change between releases, so the exact version golive was written for is
 * required here at compile time, as cmake/libharu_version.cmake requires it
 * at configure time (it passes GOLIVE_LIBHARU_VERSION_ID). */
#ifndef GOLIVE_PDF_LIBHARU_PRIVATE_H
#define GOLIVE_PDF_LIBHARU_PRIVATE_H

#include <hpdf.h>
#include <hpdf_version.h>

#ifndef GOLIVE_LIBHARU_VERSION_ID
#error "GOLIVE_LIBHARU_VERSION_ID is not set: build golive with its CMake files"
#endif
#if !defined(HPDF_VERSION_ID) || HPDF_VERSION_ID != GOLIVE_LIBHARU_VERSION_ID
#error                                                                                             \
    "golive edits libharu's private structures and needs the exact libharu version that cmake/libharu_version.cmake names (see pdf_font_mend.c)"
#endif

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#endif
