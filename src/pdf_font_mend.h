/* What golive mends in libharu's font objects (pdf_font_mend.c says which
 * libharu defects, and why the version is pinned). For pdf_font.c alone:
 * the rest of golive goes through pdf_font.h. */
#ifndef GOLIVE_PDF_FONT_MEND_H
#define GOLIVE_PDF_FONT_MEND_H

#include "pdf_font.h"

#include <hpdf.h>
#include <stdint.h>

/* pdf_font_load_without_glyph_map: slot's face as a libharu font, created
 * without libharu's 65,536-code glyph map and widths (pdf_fonts_mend
 * writes those of the code points drawn). */
HPDF_Font pdf_font_load_without_glyph_map(HPDF_Doc document, struct pdf_font *slot);

#endif
