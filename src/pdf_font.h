/* The PDF device's fonts, over libharu 2.3.0 exactly (pdf_font_mend.c says
 * why the version is pinned): loading the faces under fonts/ when first used,
 * each glyph's advance from a per-face cache, the code points each face
 * draws, and the font objects, made and written by golive (libharu's are
 * slow, wrong or large; see pdf_font_mend.c). Only the PDF device uses this; with it, the only code
 * that knows libharu. */
#ifndef GOLIVE_PDF_FONT_H
#define GOLIVE_PDF_FONT_H

#include "diag.h"
#include "font_face.h"
#include "pdf_font_cache.h"

#include "truetype.h"

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PDF_FONT_CODE_PAGES 256u /* the BMP in pages of 256 code points */
#define PDF_FONT_MISSING 0xFFFFu /* pdf_fonts_advance: the face has no such glyph */

struct pdf_font {
    const char *name; /* libharu's font name once loaded */
    HPDF_FontDef definition;
    HPDF_Font font;                          /* created when first drawn */
    uint16_t *advances[PDF_FONT_CODE_PAGES]; /* [1/1000 em] + 1, per code page */
    uint8_t *used;                           /* one bit per code point drawn */
    struct truetype_font *outlines;          /* for watermark outlines, once asked */
    char *path;                              /* of its font file */
    bool tried, failed;
};

/* The faces of one document. last_error points at where the document's
 * libharu error handler records the last error, for messages. */
struct pdf_fonts {
    HPDF_Doc document;
    struct pdf_font_cache *cache;     /* the font files read once (pdf_font_cache.h) */
    struct pdf_font_cache *own_cache; /* the cache made here when none was shared */
    const char *folder;
    struct diag_sink *sink;
    const HPDF_STATUS *last_error;
    struct pdf_font faces[FACE_COUNT];
    bool failed; /* a face could not be loaded */
};

void pdf_fonts_init(struct pdf_fonts *fonts, HPDF_Doc document, const char *folder,
                    struct diag_sink *sink, const HPDF_STATUS *last_error);
void pdf_fonts_free(struct pdf_fonts *fonts);
/* pdf_fonts_share_cache: the faces come from cache (kept by the caller, for
 * other documents too), not from a cache of this document's own; before
 * the first face is loaded. */
void pdf_fonts_share_cache(struct pdf_fonts *fonts, struct pdf_font_cache *cache);
/* pdf_fonts_embedded: the faces drawn so far, as bits 1u << face. */
unsigned pdf_fonts_embedded(const struct pdf_fonts *fonts);

/* pdf_fonts_advance: the advance [1/1000 em] of code_point in face, loading
 * the face when first asked; PDF_FONT_MISSING when the face lacks it (or
 * could not be loaded, or the code point is beyond the BMP). */
uint16_t pdf_fonts_advance(struct pdf_fonts *fonts, enum font_face face, uint32_t code_point);

/* pdf_fonts_font: the face as a libharu font to select with
 * HPDF_Page_SetFontAndSize (text is written by the device: libharu cannot
 * measure it, see pdf_font_mend.h), created when
 * first asked; NULL when the face could not be loaded. */
HPDF_Font pdf_fonts_font(struct pdf_fonts *fonts, enum font_face face);

/* pdf_fonts_mark_used: records the code points of text[0..length) as drawn
 * in face (after pdf_fonts_font gave a font), so that they are embedded. */
void pdf_fonts_mark_used(struct pdf_fonts *fonts, enum font_face face, const char *text,
                         size_t length);

/* pdf_fonts_outline: the outline of code_point's glyph in face, read from
 * its font file, into out (see truetype_outline); returns the points, 0
 * when the face lacks the character or the glyph is not a simple one.
 * units_per_em: the font's design units per em. */
size_t pdf_fonts_outline(struct pdf_fonts *fonts, enum font_face face, uint32_t code_point,
                         struct truetype_point *out, unsigned *units_per_em);

struct pdf_compressor;

/* pdf_fonts_mend: rewrites each drawn face's font objects for the code
 * points drawn (see pdf_font_mend.c) and compresses their streams with
 * compressor, just before the document is saved. */
void pdf_fonts_mend(struct pdf_fonts *fonts, struct pdf_compressor *compressor);

#endif
