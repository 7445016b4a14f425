/* The PDF device's fonts over libharu (see pdf_font.h): loading the faces
 * when first used, each glyph's advance, the code points each face draws.
 *
 * Fonts are embedded as CID TrueType fonts through libharu's UTF-8 encoder:
 * a character's code in the content stream is its Unicode value (BMP only);
 * the font program embedded holds only the glyphs used (pdf_font_subset.h).
 * The font objects golive makes and mends, and the libharu defects that
 * make it necessary, are in pdf_font_mend.c. */
#include "pdf_font.h"

#include "alloc.h"
#include "buffer.h"
#include "font_fallback.h"
#include "text_normalise.h"
#include "text_shape.h"
#include "pdf_font_mend.h"
#include "pdf_libharu_private.h"
#include "pdf_stream.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CODE_PAGE_SIZE 256u
#define ADVANCE_UNKNOWN 0u /* cache entries hold advance + 1 */

void pdf_fonts_init(struct pdf_fonts *fonts, HPDF_Doc document, const char *folder,
                    struct diag_sink *sink, const HPDF_STATUS *last_error)
{
    *fonts = (struct pdf_fonts){
        .document = document, .folder = folder, .sink = sink, .last_error = last_error};
}

void pdf_fonts_share_cache(struct pdf_fonts *fonts, struct pdf_font_cache *cache)
{
    fonts->cache = cache;
}

void pdf_fonts_free(struct pdf_fonts *fonts)
{
    if (fonts->cache)
        pdf_font_cache_give_back(fonts->cache, fonts->document);
    pdf_font_cache_free(fonts->own_cache);
    for (size_t face = 0; face < FACE_COUNT; face++) {
        for (size_t page = 0; page < PDF_FONT_CODE_PAGES; page++)
            free(fonts->faces[face].advances[page]);
        free(fonts->faces[face].used);
        truetype_free(fonts->faces[face].outlines);
        free(fonts->faces[face].path);
    }
}

unsigned pdf_fonts_embedded(const struct pdf_fonts *fonts)
{
    unsigned faces = 0;
    for (int face = 0; face < FACE_COUNT; face++)
        if (fonts->faces[face].font)
            faces |= 1u << face;
    return faces;
}

/* Why a font file cannot be used, by the code of libharu's that the font
 * cache gives (pdf_font_cache.h). */
static const char *font_refusal(HPDF_STATUS error)
{
    switch (error) {
    case HPDF_TTF_MISSING_TABLE: return "a table a PDF font needs is missing or cut off";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "its licence forbids embedding it in a PDF";
    case HPDF_FONT_EXISTS: return "another face of the document has the same font name";
    default: return "a table or a name in it is damaged";
    }
}

static void load_face(struct pdf_fonts *fonts, enum font_face face)
{
    struct pdf_font *slot = &fonts->faces[face];
    slot->tried = true;
    struct buffer path = {0};
    if (font_file_name(face))
        buffer_printf(&path, "%s/%s", fonts->folder, font_file_name(face));
    else if (font_system_path(face))
        buffer_append_text(&path, font_system_path(face));
    HPDF_STATUS error = HPDF_OK;
    if (path.length && !fonts->cache)
        fonts->cache = fonts->own_cache = pdf_font_cache_new();
    if (path.length) {
        slot->path = xstrdup(path.data);
        slot->definition = pdf_font_cache_lend(fonts->cache, path.data, fonts->document, &error);
        slot->name = slot->definition ? slot->definition->base_font : NULL;
    }
    if (!path.length) {
        /* a system font that is not installed: its characters are missing */
    } else if (!slot->definition && error == HPDF_OK) {
        diag(fonts->sink, DIAG_TYPESET_FONT_MISSING, source_position_of_file(path.data),
             "cannot open the font file; golive's fonts/ folder is incomplete");
    } else if (!slot->definition) {
        diag(fonts->sink, DIAG_TYPESET_FONT_INVALID, source_position_of_file(path.data),
             "cannot read this TrueType font: %s (error 0x%04X)", font_refusal(error),
             (unsigned)error);
    }
    slot->failed = !slot->name;
    fonts->failed = fonts->failed || (slot->failed && path.length);
    buffer_free(&path);
}

uint16_t pdf_fonts_advance(struct pdf_fonts *fonts, enum font_face face, uint32_t code_point)
{
    struct pdf_font *slot = &fonts->faces[face];
    if (code_point > 0xFFFF)
        return PDF_FONT_MISSING; /* libharu's codes are 16 bits */
    uint16_t **page = &slot->advances[code_point / CODE_PAGE_SIZE];
    if (!*page)
        *page = xcalloc(CODE_PAGE_SIZE, sizeof **page);
    uint16_t *entry = &(*page)[code_point % CODE_PAGE_SIZE];
    if (*entry != ADVANCE_UNKNOWN)
        return *entry == PDF_FONT_MISSING ? PDF_FONT_MISSING : (uint16_t)(*entry - 1);
    if (!slot->tried)
        load_face(fonts, face);
    *entry = PDF_FONT_MISSING;
    if (!slot->failed &&
        pdf_font_cache_glyph(fonts->cache, slot->definition, (HPDF_UINT16)code_point)) {
        int16_t width = HPDF_TTFontDef_GetCharWidth(slot->definition, (HPDF_UINT16)code_point);
        *entry = (uint16_t)((width > 0 ? width : 0) + 1);
    }
    return *entry == PDF_FONT_MISSING ? PDF_FONT_MISSING : (uint16_t)(*entry - 1);
}

HPDF_Font pdf_fonts_font(struct pdf_fonts *fonts, enum font_face face)
{
    struct pdf_font *slot = &fonts->faces[face];
    if (!slot->tried)
        load_face(fonts, face);
    if (!slot->font && !slot->failed) {
        slot->font = pdf_font_new(fonts->document, slot);
        slot->used = xcalloc(0x10000 / 8, 1);
    }
    return slot->font;
}

size_t pdf_fonts_outline(struct pdf_fonts *fonts, enum font_face face, uint32_t code_point,
                         struct truetype_point *out, unsigned *units_per_em)
{
    struct pdf_font *slot = &fonts->faces[face];
    if (pdf_fonts_advance(fonts, face, code_point) == PDF_FONT_MISSING)
        return 0;
    if (!slot->outlines)
        slot->outlines = truetype_open(slot->path);
    if (!slot->outlines)
        return 0;
    *units_per_em = truetype_units_per_em(slot->outlines);
    uint16_t glyph = HPDF_TTFontDef_GetGlyphid(slot->definition, (HPDF_UINT16)code_point);
    return truetype_outline(slot->outlines, glyph, out);
}

void pdf_fonts_mark_used(struct pdf_fonts *fonts, enum font_face face, const char *text,
                         size_t length)
{
    struct pdf_font *slot = &fonts->faces[face];
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point;
        offset += utf8_decode_lossy(text + offset, length - offset, &code_point);
        uint8_t bit = (uint8_t)(1u << (code_point % 8));
        if (code_point > 0xFFFF || (slot->used[code_point / 8] & bit))
            continue;
        slot->used[code_point / 8] |= bit;
        /* the font objects look up its glyph (pdf_font_cache_glyph) */
        pdf_font_cache_glyph(fonts->cache, slot->definition, (HPDF_UINT16)code_point);
    }
}
