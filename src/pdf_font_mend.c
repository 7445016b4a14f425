/* golive's font objects in libharu's document: the one file that makes
 * and edits libharu's font structures (through pdf_libharu_private.h, which
 * pins the exact version at compile time, as cmake/libharu_version.cmake
 * does at configure time). libharu keeps the page resources; golive fills
 * in each face's definition itself (pdf_font_cache.c, from the file's
 * header tables and HarfBuzz, each glyph when first used) and makes the
 * font objects, because of these defects of libharu 2.3.0's font code:
 *   - HPDF_GetFont builds a CIDToGIDMap and /W widths over all 65,536 codes
 *     of the UTF-8 encoder, each code looked up in the font's cmap
 *     (CIDFontType2_New in hpdf_font_cid.c), with a 65,536-entry table per
 *     face of every PDF: a fifth to a third of a short document's time
 *     even with the cmap hidden. We make the Type0 font and its objects
 *     ourselves (pdf_font_new), as libharu would, without the map;
 *   - its /ToUnicode is a copy of its UTF-8 CMap, which text extraction
 *     cannot read; we write a real one, code = Unicode value;
 *   - its /W widths and /CIDToGIDMap cover all 65,536 codes (some 150 KB a
 *     face); we write them for the characters the document uses;
 *   - its font program (HPDF_TTFontDef_SaveFontData) is the whole font
 *     copied a byte at a time, with every table and the glyph names (35 to
 *     60 KB a face, which no PDF reader uses), only the unused glyphs
 *     emptied: two fifths of a short document's time. It also embeds a
 *     composite glyph's direct components only, so a glyph built from
 *     glyphs that are themselves composite draws incomplete. We write the
 *     descriptor and embed HarfBuzz's subset instead (pdf_font_subset.h),
 *     components at all depths.
 * Before accepting another libharu version, check each of these against
 * its hpdf_font_cid.c, hpdf_fontdef_tt.c and hpdf_font_tt.c, and that the
 * fields of its font record pdf_font_new fills are still all its page
 * operators read (hpdf_page_operator.c; pdf_device.c writes most operators
 * itself in HPDF_FToA's format). */
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

/* ---- the font objects ------------------------------------------------------ */

/* The font's name with the subset tag libharu gave it at loading. */
static const char *slot_base_font(HPDF_FontDef definition)
{
    return ((HPDF_TTFontDefAttr)definition->attr)->base_font;
}

static void free_font_attr(HPDF_Dict font)
{
    HPDF_FreeMem(font->mmgr, font->attr);
}

/* Adds the encoder's /CIDSystemInfo to object. */
static HPDF_STATUS add_system_info(HPDF_Dict object, HPDF_Encoder encoder)
{
    HPDF_CMapEncoderAttr encoding = (HPDF_CMapEncoderAttr)encoder->attr;
    HPDF_Dict info = HPDF_Dict_New(object->mmgr);
    if (!info)
        return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS status = HPDF_Dict_Add(object, "CIDSystemInfo", info);
    status +=
        HPDF_Dict_Add(info, "Registry", HPDF_String_New(object->mmgr, encoding->registry, NULL));
    status +=
        HPDF_Dict_Add(info, "Ordering", HPDF_String_New(object->mmgr, encoding->ordering, NULL));
    status += HPDF_Dict_AddNumber(info, "Supplement", encoding->suppliment);
    return status;
}

/* The ToUnicode stream's dictionary as libharu's CreateCMap writes it. */
static HPDF_STATUS describe_cmap(HPDF_Dict cmap, HPDF_Encoder encoder)
{
    HPDF_STATUS status = HPDF_Dict_AddName(cmap, "Type", "CMap");
    status += HPDF_Dict_AddName(cmap, "CMapName", encoder->name);
    status += add_system_info(cmap, encoder);
    status +=
        HPDF_Dict_AddNumber(cmap, "WMode", ((HPDF_CMapEncoderAttr)encoder->attr)->writing_mode);
    return status;
}

/* The CIDFontType2 font under the Type0 font: what libharu's
 * CIDFontType2_New writes, but for /W and the glyph map's data (written by
 * pdf_fonts_mend) and the descriptor (by describe_font). */
static HPDF_STATUS add_descendant(HPDF_Dict font, HPDF_FontAttr attr)
{
    HPDF_Dict descendant = attr->descendant_font;
    HPDF_FontDef definition = attr->fontdef;
    HPDF_Array descendants = HPDF_Array_New(font->mmgr);
    HPDF_Array vertical = HPDF_Array_New(font->mmgr);
    if (!descendants || !vertical)
        return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS status = HPDF_Dict_Add(font, "DescendantFonts", descendants);
    status += HPDF_Array_Add(descendants, descendant);
    status += HPDF_Dict_AddName(descendant, "Type", "Font");
    status += HPDF_Dict_AddName(descendant, "Subtype", "CIDFontType2");
    status += HPDF_Dict_AddNumber(descendant, "DW", definition->missing_width);
    status += HPDF_Dict_Add(descendant, "DW2", vertical);
    status += HPDF_Array_AddNumber(vertical, (HPDF_INT32)definition->font_bbox.bottom);
    status += HPDF_Array_AddNumber(
        vertical, (HPDF_INT32)(definition->font_bbox.bottom - definition->font_bbox.top));
    status += HPDF_Dict_Add(descendant, "CIDToGIDMap", attr->map_stream);
    status += add_system_info(descendant, attr->encoder);
    status += HPDF_Dict_AddName(descendant, "BaseFont", slot_base_font(definition));
    return status;
}

/* The face as a Type0 font with Identity-H codes (the code is the
 * character's Unicode value, see pdf_font.c), made here rather than by
 * HPDF_GetFont: libharu 2.3.0's CIDFontType2_New builds a CIDToGIDMap and
 * /W over all 65,536 codes of the UTF-8 encoder, each looked up in the
 * font's cmap, for every face of every PDF (the first defect above). The
 * objects are those it makes, in its order, so that libharu's page
 * operators take the font (HPDF_Font_Validate) and the PDF holds what it
 * held; only the fields of libharu's font record that golive's drawing
 * reaches (writing mode, font definition, the objects) are filled: its
 * text-width functions are not, so golive writes text operators itself. */
HPDF_Font pdf_font_new(HPDF_Doc document, struct pdf_font *slot)
{
    HPDF_Dict font = HPDF_Dict_New(document->mmgr);
    HPDF_FontAttr attr = HPDF_GetMem(document->mmgr, sizeof *attr);
    if (!font || !attr || HPDF_Xref_Add(document->xref, font) != HPDF_OK)
        return NULL;
    font->header.obj_class |= HPDF_OSUBCLASS_FONT;
    font->attr = attr;
    font->free_fn = free_font_attr;
    *attr = (HPDF_FontAttr_Rec){.type = HPDF_FONT_TYPE0_TT,
                                .writing_mode = HPDF_WMODE_HORIZONTAL,
                                .fontdef = slot->definition,
                                .encoder = HPDF_GetEncoder(document, "UTF-8"),
                                .xref = document->xref};
    HPDF_STATUS status = HPDF_Dict_AddName(font, "Type", "Font");
    status += HPDF_Dict_AddName(font, "BaseFont", slot_base_font(slot->definition));
    status += HPDF_Dict_AddName(font, "Subtype", "Type0");
    status += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
    attr->cmap_stream = HPDF_DictStream_New(document->mmgr, document->xref);
    status += attr->cmap_stream ? HPDF_Dict_Add(font, "ToUnicode", attr->cmap_stream) : 1;
    status += attr->cmap_stream ? describe_cmap(attr->cmap_stream, attr->encoder) : 0;
    attr->descendant_font = HPDF_Dict_New(document->mmgr);
    if (!attr->encoder || status != HPDF_OK || !attr->descendant_font ||
        HPDF_Xref_Add(document->xref, attr->descendant_font) != HPDF_OK)
        return NULL;
    attr->map_stream = HPDF_DictStream_New(document->mmgr, document->xref);
    if (!attr->map_stream || add_descendant(font, attr) != HPDF_OK)
        return NULL;
    return font;
}

/* ---- mending libharu's font objects ---------------------------------------- */

static bool is_used(const struct pdf_font *slot, uint32_t code_point)
{
    return slot->used[code_point / 8] & (1u << (code_point % 8));
}

#define NO_CODE 0x10000u /* next_used: none left */

/* Whether none of the 64 code points from code on (a multiple of 64) is
 * drawn. */
static bool none_of_64_used(const struct pdf_font *slot, uint32_t code)
{
    uint64_t bits;
    memcpy(&bits, &slot->used[code / 8], sizeof bits);
    return bits == 0;
}

/* The first code point drawn from code on, skipping 64 or 8 unused at a
 * time (a document draws a few hundred of the 65,536, and each face's
 * objects walk them four times); NO_CODE when none is. */
static uint32_t next_used(const struct pdf_font *slot, uint32_t code)
{
    while (code <= 0xFFFF && !is_used(slot, code)) {
        if (code % 64 == 0 && none_of_64_used(slot, code))
            code += 64;
        else if (code % 8 == 0 && slot->used[code / 8] == 0)
            code += 8;
        else
            code++;
    }
    return code <= 0xFFFF ? code : NO_CODE;
}

/* A run of used code points within one block of 256 (a bfrange may not
 * cross one). Returns false when none is left after *start. */
static bool next_run(const struct pdf_font *slot, uint32_t *start, uint32_t *end)
{
    uint32_t code = next_used(slot, *start);
    if (code == NO_CODE)
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
    size_t byte = 0x10000 / 8;
    while (byte > 0 && slot->used[byte - 1] == 0)
        byte--;
    size_t length = byte * 8 * 2; /* up to the end of the last byte in use */
    HPDF_BYTE *glyphs = xcalloc(length ? length : 1, 1);
    for (uint32_t code = next_used(slot, 0); code != NO_CODE; code = next_used(slot, code + 1)) {
        HPDF_UINT16 glyph = HPDF_TTFontDef_GetGlyphid(slot->definition, (HPDF_UINT16)code);
        glyphs[code * 2] = (HPDF_BYTE)(glyph >> 8);
        glyphs[code * 2 + 1] = (HPDF_BYTE)glyph;
    }
    while (length >= 2 && glyphs[length - 1] == 0 && glyphs[length - 2] == 0 &&
           !is_used(slot, (uint32_t)(length / 2 - 1)))
        length -= 2;
    HPDF_Stream stream = pdf_stream_fresh(map);
    HPDF_Stream_Write(stream, glyphs, (HPDF_UINT)length);
    free(glyphs);
}

/* ---- the font program ----------------------------------------------------- */

/* The characters the document draws in the face, for pdf_font_subset. */
static size_t drawn_characters(const struct pdf_font *slot, uint32_t *code_points)
{
    size_t count = 0;
    for (uint32_t code = next_used(slot, 0); code != NO_CODE; code = next_used(slot, code + 1))
        code_points[count++] = code;
    return count;
}

/* The font program: HarfBuzz's subset (pdf_font_subset.h), compressed at
 * once. NULL when it cannot be made. */
static HPDF_Dict font_program(struct pdf_font *slot, struct pdf_compressor *compressor)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)slot->font->attr;
    uint32_t *code_points = xreallocarray(NULL, 0x10000, sizeof *code_points);
    size_t count = drawn_characters(slot, code_points);
    struct buffer program = {0};
    HPDF_Dict file = NULL;
    if (pdf_font_subset(slot->path, code_points, count, &program))
        file = HPDF_DictStream_New(slot->font->mmgr, attr->xref);
    if (file) {
        pdf_stream_set_compressed(compressor, file, program.data, program.length);
        HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)program.length);
        HPDF_Dict_AddNumber(file, "Length2", 0);
        HPDF_Dict_AddNumber(file, "Length3", 0);
    }
    buffer_free(&program);
    free(code_points);
    return file;
}

/* The font descriptor with the font program, as libharu's
 * CIDFontType2_BeforeWrite_Func makes it from the face's metrics, but with
 * HarfBuzz's subset in place of libharu's (the second defect above). */
static void describe_font(struct pdf_font *slot, struct pdf_compressor *compressor)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)slot->font->attr;
    HPDF_FontDef definition = attr->fontdef;
    HPDF_Dict file = font_program(slot, compressor);
    HPDF_Dict descriptor = HPDF_Dict_New(slot->font->mmgr);
    if (!descriptor || HPDF_Xref_Add(attr->xref, descriptor) != HPDF_OK)
        return;
    if (file)
        HPDF_Dict_Add(descriptor, "FontFile2", file);
    HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    HPDF_Dict_AddNumber(descriptor, "Ascent", definition->ascent);
    HPDF_Dict_AddNumber(descriptor, "Descent", definition->descent);
    HPDF_Dict_AddNumber(descriptor, "Flags", (HPDF_INT32)definition->flags);
    HPDF_Dict_Add(descriptor, "FontBBox",
                  HPDF_Box_Array_New(slot->font->mmgr, definition->font_bbox));
    HPDF_Dict_AddName(descriptor, "FontName", slot_base_font(definition));
    HPDF_Dict_AddNumber(descriptor, "ItalicAngle", definition->italic_angle);
    HPDF_Dict_AddNumber(descriptor, "StemV", definition->stemv);
    HPDF_Dict_AddNumber(descriptor, "XHeight", definition->x_height);
    HPDF_Dict_Add(attr->descendant_font, "FontDescriptor", descriptor);
}

/* Writes the font's streams and widths for the code points drawn, and
 * compresses the streams with golive's compressor. */
static void mend_font(enum font_face face, struct pdf_font *slot, struct pdf_compressor *compressor)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)slot->font->attr;
    write_to_unicode(attr->cmap_stream, face, slot);
    write_widths(attr->descendant_font, slot);
    write_glyph_map(attr->map_stream, slot);
    describe_font(slot, compressor);
    pdf_stream_compress(compressor, attr->cmap_stream);
    pdf_stream_compress(compressor, attr->map_stream);
}

void pdf_fonts_mend(struct pdf_fonts *fonts, struct pdf_compressor *compressor)
{
    for (size_t face = 0; face < FACE_COUNT; face++)
        if (fonts->faces[face].font)
            mend_font((enum font_face)face, &fonts->faces[face], compressor);
}
