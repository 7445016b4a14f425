/* The faces' font files read and parsed once for many documents (a build's
 * PDFs, or md2pdf's one), instead of libharu reading each file again, a
 * value at a time through fread, for every document
 * (HPDF_LoadTTFontFromFile). Each face's file is mapped into memory,
 * parsed by libharu from there (HPDF_TTFontDef_Load over a callback stream)
 * into the cache's own memory manager, and lent to each document: put in
 * its list of font definitions with the document's next subset tag, as
 * HPDF_LoadTTFontFromFile would, and taken out again before the document
 * is freed. The PDF device's fonts (pdf_font.c) are its only user; it
 * reaches into libharu 2.3.0's structures through pdf_libharu_private.h. */
#ifndef GOLIVE_PDF_FONT_CACHE_H
#define GOLIVE_PDF_FONT_CACHE_H

#include <hpdf.h>

struct pdf_font_cache;

/* pdf_font_cache_new: an empty cache. Never NULL. */
struct pdf_font_cache *pdf_font_cache_new(void);
/* pdf_font_cache_free: frees the cache and its definitions, after every
 * document it lent them to has given them back (or NULL). */
void pdf_font_cache_free(struct pdf_font_cache *cache);

/* pdf_font_cache_lend: the definition of the font file at path (read and
 * parsed when first asked), added to document's font definitions under the
 * document's next subset tag. NULL when the file cannot be read (*error is
 * 0) or libharu cannot parse it (*error is libharu's code; asked again, the
 * cache answers the same without reading the file again). */
HPDF_FontDef pdf_font_cache_lend(struct pdf_font_cache *cache, const char *path, HPDF_Doc document,
                                 HPDF_STATUS *error);

/* pdf_font_cache_give_back: takes every definition lent to document out of
 * its list, so that HPDF_Free(document) leaves them to the cache. */
void pdf_font_cache_give_back(struct pdf_font_cache *cache, HPDF_Doc document);

#endif
