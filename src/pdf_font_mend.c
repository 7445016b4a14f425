/* Mending libharu's font objects: the one file that edits libharu's
 * private structures (through pdf_libharu_private.h, which pins the exact
 * version at compile time, as cmake/libharu_version.cmake does at configure
 * time). It works around these defects of libharu 2.3.0's font code:
 *   - HPDF_GetFont builds a CIDToGIDMap and /W widths over all 65,536 codes
 *     of the UTF-8 encoder, each code looked up with a linear search of the
 *     font's cmap (CIDFontType2_New in hpdf_font_cid.c): 262,144 look-ups
 *     for four faces, most of the time of a short document. We show libharu
 *     a cmap of one empty segment while it runs (pdf_font_load_without_glyph_map), so
 *     the map it builds is empty, and write the map and widths ourselves;
 *   - its /ToUnicode is a copy of its UTF-8 CMap, which text extraction
 *     cannot read; we write a real one, code = Unicode value;
 *   - its /W widths and /CIDToGIDMap cover all 65,536 codes (some 150 KB a
 *     face); we write them for the characters the document uses;
 *   - its font program (HPDF_TTFontDef_SaveFontData) is the whole font
 *     copied a byte at a time, with every table and the glyph names (35 to
 *     60 KB a face, which no PDF reader uses), only the unused glyphs
 *     emptied: most of the time of a short document. It also embeds a
 *     composite glyph's direct components only, so a glyph built from
 *     glyphs that are themselves composite draws incomplete. We hide the
 *     font from it while it writes the descriptor and embed HarfBuzz's
 *     subset instead (pdf_font_subset.h), components at all depths.
 * Before accepting another libharu version, check each of these against
 * its hpdf_font_cid.c, hpdf_fontdef_tt.c and hpdf_font_tt.c. */
#include "pdf_font_mend.h"

#include "alloc.h"
#include "buffer.h"
#include "pdf_font_subset.h"
#include "pdf_libharu_private.h"
#include "pdf_stream.h"
#include "text_normalise.h"
#include "text_shape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The font of a face without libharu's 65,536-code glyph map: while
 * HPDF_GetFont builds its CIDToGIDMap and /W from the face's cmap (the
 * first defect above), the cmap it reads is the one segment every format 4
 * cmap ends with, 0xFFFF to 0xFFFF, which maps nothing; so the look-up of
 * each code ends at once, the widths are all the default and the map is
 * zeros. The real cmap is put back at once: widths, glyph ids and subsetting
 * use it from then on, and pdf_fonts_mend writes the map and the widths of
 * the codes drawn. */
HPDF_Font pdf_font_load_without_glyph_map(HPDF_Doc document, struct pdf_font *slot)
{
    HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)slot->definition->attr;
    if (attr->cmap.format != 4) /* format 0 costs nothing; no other is read */
        return HPDF_GetFont(document, slot->name, "UTF-8");
    HPDF_UINT16 end = 0xFFFF, start = 0xFFFF, range_offset = 0;
    HPDF_INT16 delta = 1;
    HPDF_TTF_CmapRange real = attr->cmap, empty = real;
    empty.seg_count_x2 = 2;
    empty.end_count = &end;
    empty.start_count = &start;
    empty.id_delta = &delta;
    empty.id_range_offset = &range_offset;
    empty.glyph_id_array = NULL;
    empty.glyph_id_array_count = 0;
    attr->cmap = empty;
    HPDF_Font font = HPDF_GetFont(document, slot->name, "UTF-8");
    attr->cmap = real;
    return font;
}

/* ---- mending libharu's font objects ---------------------------------------- */

static bool is_used(const struct pdf_font *slot, uint32_t code_point)
{
    return slot->used[code_point / 8] & (1u << (code_point % 8));
}

/* A run of used code points within one block of 256 (a bfrange may not
 * cross one). Returns false when none is left after *start. */
static bool next_run(const struct pdf_font *slot, uint32_t *start, uint32_t *end)
{
    uint32_t code = *start;
    while (code <= 0xFFFF && !is_used(slot, code))
        code++;
    if (code > 0xFFFF)
        return false;
    uint32_t last = code;
    while (last + 1 <= 0xFFFF && (last + 1) % 256 != 0 && is_used(slot, last + 1))
        last++;
    *start = code;
    *end = last;
    return true;
}

#define BFRANGE_BLOCK 100u /* a CMap's begin...end block holds at most 100 entries */

static void write_bfrange_block(HPDF_Stream stream, uint32_t runs[][2], size_t count)
{
    char line[64];
    if (count == 0)
        return;
    snprintf(line, sizeof line, "%zu beginbfrange\n", count);
    HPDF_Stream_WriteStr(stream, line);
    for (size_t index = 0; index < count; index++) {
        snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n", (unsigned)runs[index][0],
                 (unsigned)runs[index][1], (unsigned)runs[index][0]);
        HPDF_Stream_WriteStr(stream, line);
    }
    HPDF_Stream_WriteStr(stream, "endbfrange\n");
}

/* What code stands for in the text layer: an Arabic letter is drawn as its
 * shaped presentation form (text_shape.h) and copies back as the letter; a
 * lam-alef ligature as the alef, the lam drawn before it as
 * TEXT_LIGATURE_LAM. Returns how many letters. */
static size_t letters_of(enum font_face face, uint32_t code, uint32_t letters[TEXT_LETTERS_MAX])
{
    (void)face;
    if (code == TEXT_LIGATURE_LAM) { /* never in the input: see text_normalise_nfc */
        letters[0] = 0x0644;
        return 1;
    }
    size_t count = text_presentation_letters(code, letters);
    if (count == 2 && letters[0] == 0x0644 && code >= 0xFEF5 && code <= 0xFEFC) {
        letters[0] = letters[1];
        return 1;
    }
    return count;
}

static void write_presentation_forms(HPDF_Stream stream, enum font_face face,
                                     const struct pdf_font *slot)
{
    uint32_t codes[BFRANGE_BLOCK];
    size_t count = 0;
    for (uint32_t code = TEXT_LIGATURE_LAM; code <= 0xFEFE; code++) {
        uint32_t letters[TEXT_LETTERS_MAX];
        if (code == TEXT_LIGATURE_LAM + 1)
            code = 0xFB50;
        if (is_used(slot, code) && letters_of(face, code, letters))
            codes[count++] = code;
        if (count == 0 || (count < BFRANGE_BLOCK && code < 0xFEFE))
            continue;
        char line[48];
        snprintf(line, sizeof line, "%zu beginbfchar\n", count);
        HPDF_Stream_WriteStr(stream, line);
        for (size_t index = 0; index < count; index++) {
            size_t letter_count = letters_of(face, codes[index], letters);
            snprintf(line, sizeof line, "<%04X> <", (unsigned)codes[index]);
            HPDF_Stream_WriteStr(stream, line);
            for (size_t letter = 0; letter < letter_count; letter++) {
                snprintf(line, sizeof line, "%04X", (unsigned)letters[letter]);
                HPDF_Stream_WriteStr(stream, line);
            }
            HPDF_Stream_WriteStr(stream, ">\n");
        }
        HPDF_Stream_WriteStr(stream, "endbfchar\n");
        count = 0;
    }
}

static bool maps_elsewhere(enum font_face face, uint32_t code)
{
    uint32_t letters[TEXT_LETTERS_MAX];
    return (code == TEXT_LIGATURE_LAM || (code >= 0xFB50 && code <= 0xFEFE)) &&
           letters_of(face, code, letters);
}

/* Adds the run [start, end] to the ranges, less the codes that stand for
 * other letters. */
static void add_ranges(HPDF_Stream stream, enum font_face face, uint32_t runs[][2], size_t *count,
                       uint32_t start, uint32_t end)
{
    for (uint32_t code = start; code <= end; code++) {
        if (maps_elsewhere(face, code))
            continue;
        uint32_t last = code;
        while (last < end && !maps_elsewhere(face, last + 1))
            last++;
        runs[*count][0] = code;
        runs[*count][1] = last;
        if (++*count == BFRANGE_BLOCK) {
            write_bfrange_block(stream, runs, *count);
            *count = 0;
        }
        code = last;
    }
}

/* The ToUnicode CMap: each code is its own Unicode value, but for Arabic
 * presentation forms. */
static void write_to_unicode(HPDF_Dict cmap, enum font_face face, const struct pdf_font *slot)
{
    HPDF_Stream stream = pdf_stream_fresh(cmap);
    HPDF_Stream_WriteStr(
        stream, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    uint32_t runs[BFRANGE_BLOCK][2];
    size_t count = 0;
    for (uint32_t start = 0, end; start <= 0xFFFF && next_run(slot, &start, &end); start = end + 1)
        add_ranges(stream, face, runs, &count, start, end);
    write_bfrange_block(stream, runs, count);
    write_presentation_forms(stream, face, slot);
    HPDF_Stream_WriteStr(stream, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
                                 "end\nend\n");
}

/* /W: the widths of the codes used, in runs: [first [w w ...] first [...]]. */
static void write_widths(HPDF_Dict descendant, const struct pdf_font *slot)
{
    HPDF_Array widths = HPDF_Array_New(descendant->mmgr);
    for (uint32_t start = 0, end; start <= 0xFFFF && next_run(slot, &start, &end);
         start = end + 1) {
        HPDF_Array run = HPDF_Array_New(descendant->mmgr);
        for (uint32_t code = start; code <= end; code++)
            HPDF_Array_AddNumber(run,
                                 HPDF_TTFontDef_GetCharWidth(slot->definition, (HPDF_UINT16)code));
        HPDF_Array_AddNumber(widths, (HPDF_INT32)start);
        HPDF_Array_Add(widths, run);
    }
    HPDF_Dict_Add(descendant, "W", widths);
}

/* /CIDToGIDMap: two bytes per code up to the highest code used. */
static void write_glyph_map(HPDF_Dict map, const struct pdf_font *slot)
{
    uint32_t highest = 0;
    for (uint32_t code = 0; code <= 0xFFFF; code++)
        if (is_used(slot, code))
            highest = code;
    HPDF_Stream stream = pdf_stream_fresh(map);
    for (uint32_t code = 0; code <= highest; code++) {
        HPDF_UINT16 glyph = is_used(slot, code)
                                ? HPDF_TTFontDef_GetGlyphid(slot->definition, (HPDF_UINT16)code)
                                : 0;
        HPDF_BYTE bytes[2] = {(HPDF_BYTE)(glyph >> 8), (HPDF_BYTE)glyph};
        HPDF_Stream_Write(stream, bytes, 2);
    }
}

/* ---- the font program ----------------------------------------------------- */

/* The glyphs and characters the document draws in the face, for
 * pdf_font_subset: the glyph of each code point drawn (what the CIDToGIDMap
 * names) and the code points themselves. */
static size_t drawn_glyphs(const struct pdf_font *slot, uint16_t *glyphs, uint32_t *code_points)
{
    size_t count = 0;
    for (uint32_t code = 0; code <= 0xFFFF; code++)
        if (is_used(slot, code)) {
            glyphs[count] = HPDF_TTFontDef_GetGlyphid(slot->definition, (HPDF_UINT16)code);
            code_points[count++] = code;
        }
    return count;
}

/* Makes libharu build the font's descriptor now (it would at saving, and
 * then leaves it be) without its font program: libharu 2.3.0 writes that
 * only with embedding on, by copying the whole font byte by byte. The
 * program is HarfBuzz's subset instead (pdf_font_subset.h), compressed at
 * once, in a stream object of golive's. Returns that object, or NULL when
 * there is none. */
static HPDF_Dict embed_font_program(struct pdf_font *slot, struct pdf_compressor *compressor)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)slot->font->attr;
    HPDF_TTFontDefAttr definition = (HPDF_TTFontDefAttr)attr->fontdef->attr;
    definition->embedding = HPDF_FALSE;
    bool described = slot->font->before_write_fn &&
                     slot->font->before_write_fn(slot->font) == HPDF_OK &&
                     attr->fontdef->descriptor;
    definition->embedding = HPDF_TRUE;
    if (!described)
        return NULL;
    uint16_t *glyphs = xreallocarray(NULL, 0x10000, sizeof *glyphs);
    uint32_t *code_points = xreallocarray(NULL, 0x10000, sizeof *code_points);
    size_t count = drawn_glyphs(slot, glyphs, code_points);
    struct buffer program = {0};
    HPDF_Dict file = NULL;
    if (pdf_font_subset(slot->path, glyphs, count, code_points, count, &program)) {
        file = HPDF_DictStream_New(slot->font->mmgr, attr->xref);
        pdf_stream_set_compressed(compressor, file, program.data, program.length);
        HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)program.length);
        HPDF_Dict_AddNumber(file, "Length2", 0);
        HPDF_Dict_Add(attr->fontdef->descriptor, "FontFile2", file);
    }
    buffer_free(&program);
    free(glyphs);
    free(code_points);
    return file;
}

/* Rewrites the font's objects, then compresses their streams with
 * golive's compressor. libharu copies the font's filter to the CMap and
 * glyph map streams each time it writes the font: with the font's filter
 * none, it leaves them as compressed here. */
static void mend_font(enum font_face face, struct pdf_font *slot, struct pdf_compressor *compressor)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)slot->font->attr;
    HPDF_Dict to_unicode = HPDF_Dict_GetItem(slot->font, "ToUnicode", HPDF_OCLASS_DICT);
    if (to_unicode)
        write_to_unicode(to_unicode, face, slot);
    if (attr->descendant_font)
        write_widths(attr->descendant_font, slot);
    if (attr->map_stream)
        write_glyph_map(attr->map_stream, slot);
    embed_font_program(slot, compressor);
    HPDF_Dict streams[] = {to_unicode, attr->map_stream};
    for (size_t index = 0; index < sizeof streams / sizeof *streams; index++)
        if (streams[index])
            pdf_stream_compress(compressor, streams[index]);
    slot->font->filter = HPDF_STREAM_FILTER_NONE;
}

void pdf_fonts_mend(struct pdf_fonts *fonts, struct pdf_compressor *compressor)
{
    for (size_t face = 0; face < FACE_COUNT; face++)
        if (fonts->faces[face].font)
            mend_font((enum font_face)face, &fonts->faces[face], compressor);
}
