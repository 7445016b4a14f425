/* The font objects golive makes and mends in libharu's document
 * (pdf_font_mend.c says which libharu defects, and why the version is
 * pinned). For pdf_font.c alone:
 * the rest of golive goes through pdf_font.h. */
#ifndef GOLIVE_PDF_FONT_MEND_H
#define GOLIVE_PDF_FONT_MEND_H

#include "pdf_font.h"

#include <hpdf.h>
#include <stdint.h>

/* pdf_font_new: slot's face (loaded) as a Type0 font that libharu's page
 * operators take, made without libharu's 65,536-code glyph map and widths
 * (pdf_fonts_mend writes those of the code points drawn, and the font
 * program). Only for HPDF_Page_SetFontAndSize: libharu cannot measure or
 * show text in it. NULL when libharu ran out of memory. */
HPDF_Font pdf_font_new(HPDF_Doc document, struct pdf_font *slot);

#endif
