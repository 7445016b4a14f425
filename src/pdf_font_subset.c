/* Subsetting a font program with HarfBuzz (see pdf_font_subset.h). */
#include "pdf_font_subset.h"

#include <hb-subset.h>
#include <hb.h>

/* The tables a PDF reader has no use for in an embedded TrueType program
 * (it lays out nothing, the content stream places each glyph): what
 * HarfBuzz would otherwise subset and keep. Left are the tables libharu
 * embedded: OS/2, cmap, cvt, fpgm, glyf, head, hhea, hmtx, loca, maxp,
 * name, post (without glyph names) and prep. */
static const char *const unused_tables[] = {
    "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "gasp", "DSIG", "hdmx",
    "LTSH", "VDMX", "vhea", "vmtx", "morx", "kerx", "feat", "meta", "STAT", "FFTM",
};

/* Whether each glyph is the one the face's cmap gives its character. Then
 * HarfBuzz is given the characters alone, which it looks up one by one;
 * given glyph ids as well, it maps the face's whole cmap to find their
 * characters (for DejaVu Sans some 6,000 entries), which was a third of a
 * one-page PDF's work. A drawn glyph that is not its character's nominal
 * glyph is given by id, so that it is kept all the same. */
static bool glyphs_are_nominal(hb_face_t *face, const uint32_t *code_points, const uint16_t *glyphs,
                               size_t count)
{
    hb_font_t *font = hb_font_create(face);
    bool nominal = true;
    for (size_t index = 0; index < count && nominal; index++) {
        hb_codepoint_t glyph = 0;
        if (!hb_font_get_nominal_glyph(font, code_points[index], &glyph))
            glyph = 0;
        nominal = glyph == glyphs[index];
    }
    hb_font_destroy(font);
    return nominal;
}

static hb_subset_input_t *subset_input(hb_face_t *face, const uint32_t *code_points,
                                       const uint16_t *glyphs, size_t count)
{
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (!input)
        return NULL;
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS);
    hb_set_t *unicodes = hb_subset_input_unicode_set(input);
    for (size_t index = 0; index < count; index++)
        hb_set_add(unicodes, code_points[index]);
    if (!glyphs_are_nominal(face, code_points, glyphs, count)) {
        hb_set_t *glyph_set = hb_subset_input_glyph_set(input);
        for (size_t index = 0; index < count; index++)
            hb_set_add(glyph_set, glyphs[index]);
    }
    hb_set_t *dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t index = 0; index < sizeof unused_tables / sizeof *unused_tables; index++)
        hb_set_add(dropped, hb_tag_from_string(unused_tables[index], 4));
    return input;
}

bool pdf_font_subset(const char *path, const uint32_t *code_points, const uint16_t *glyphs,
                     size_t count, struct buffer *out)
{
    hb_blob_t *file = hb_blob_create_from_file_or_fail(path);
    if (!file)
        return false;
    hb_face_t *face = hb_face_create(file, 0);
    hb_subset_input_t *input = subset_input(face, code_points, glyphs, count);
    hb_face_t *subset = input ? hb_subset_or_fail(face, input) : NULL;
    hb_blob_t *program = subset ? hb_face_reference_blob(subset) : NULL;
    unsigned length = 0;
    const char *data = program ? hb_blob_get_data(program, &length) : NULL;
    if (data && length)
        buffer_append(out, data, length);
    hb_blob_destroy(program);
    hb_face_destroy(subset);
    hb_subset_input_destroy(input);
    hb_face_destroy(face);
    hb_blob_destroy(file);
    return data && length;
}
