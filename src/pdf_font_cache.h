/* The faces' font files read once for many documents (a build's PDFs, or
 * md2pdf's one), instead of libharu reading each whole file, a value at a
 * time, for every document (HPDF_LoadTTFontFromFile). Each face's file is
 * mapped into memory, and libharu's definition of it (HPDF_FontDef) made
 * in the cache's own memory manager with the values libharu's loader
 * would give, from what HarfBuzz (pdf_font_metrics.h) and truetype.h read:
 * the name, flags and metrics at once, the glyph id and advance of a code
 * when it is first asked (pdf_font_cache_glyph). The definition is lent to
 * each document: put in its list of font definitions with the document's
 * next subset tag, as HPDF_LoadTTFontFromFile would, and taken out again
 * before the document is freed. The PDF device's fonts (pdf_font.c) are
 * its only user; it reaches into libharu 2.3.0's structures through
 * pdf_libharu_private.h. */
#ifndef GOLIVE_PDF_FONT_CACHE_H
#define GOLIVE_PDF_FONT_CACHE_H

#include <hpdf.h>

struct pdf_font_cache;

/* pdf_font_cache_new: an empty cache. Never NULL. */
struct pdf_font_cache *pdf_font_cache_new(void);
/* pdf_font_cache_free: frees the cache and its definitions, after every
 * document it lent them to has given them back (or NULL). */
void pdf_font_cache_free(struct pdf_font_cache *cache);

/* pdf_font_cache_lend: the definition of the font file at path (read when
 * first asked), added to document's font definitions under the document's
 * next subset tag. NULL when the file cannot be read (*error is 0) or
 * cannot be used: a table a PDF font needs missing or cut off
 * (HPDF_TTF_MISSING_TABLE), a table or name damaged
 * (HPDF_TTF_INVALID_FOMAT), embedding forbidden by its licence
 * (HPDF_TTF_CANNOT_EMBEDDING_FONT), as libharu's loader refused them, or
 * a font of the same name already in the document (HPDF_FONT_EXISTS);
 * asked again, the cache answers the same without reading the file
 * again. */
HPDF_FontDef pdf_font_cache_lend(struct pdf_font_cache *cache, const char *path, HPDF_Doc document,
                                 HPDF_STATUS *error);

/* pdf_font_cache_glyph: the glyph id of code in definition (one the cache
 * lent), 0 when the font has none. A definition answers libharu's
 * HPDF_TTFontDef_GetGlyphid and HPDF_TTFontDef_GetCharWidth only for the
 * codes asked here first: the PDF device asks for each code it measures or
 * draws. */
HPDF_UINT16 pdf_font_cache_glyph(struct pdf_font_cache *cache, HPDF_FontDef definition,
                                 HPDF_UINT16 code);

/* pdf_font_cache_give_back: takes every definition lent to document out of
 * its list, so that HPDF_Free(document) leaves them to the cache. */
void pdf_font_cache_give_back(struct pdf_font_cache *cache, HPDF_Doc document);

#endif
