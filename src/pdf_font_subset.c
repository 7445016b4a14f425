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

/* HarfBuzz is given the characters, which it looks up in the face's cmap
 * one by one. Given glyph ids, it would map the whole cmap to find their
 * characters (for DejaVu Sans some 6,000 entries): a third of a one-page
 * PDF's work. */
static hb_subset_input_t *subset_input(const uint32_t *code_points, size_t count)
{
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (!input)
        return NULL;
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS);
    hb_set_t *unicodes = hb_subset_input_unicode_set(input);
    for (size_t index = 0; index < count; index++)
        hb_set_add(unicodes, code_points[index]);
    hb_set_t *dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t index = 0; index < sizeof unused_tables / sizeof *unused_tables; index++)
        hb_set_add(dropped, hb_tag_from_string(unused_tables[index], 4));
    return input;
}

bool pdf_font_subset(const char *path, const uint32_t *code_points, size_t count,
                     struct buffer *out)
{
    hb_blob_t *file = hb_blob_create_from_file_or_fail(path);
    if (!file)
        return false;
    hb_face_t *face = hb_face_create(file, 0);
    hb_subset_input_t *input = subset_input(code_points, count);
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
