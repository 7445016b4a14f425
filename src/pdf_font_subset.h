/* A face's font program cut down to the glyphs a document draws, by
 * HarfBuzz's subsetter (libharfbuzz-subset): the library made for this job,
 * in place of libharu 2.3.0's own, which copies the whole font byte by byte
 * and keeps every table, glyph names and all. The only code that knows
 * HarfBuzz. */
#ifndef GOLIVE_PDF_FONT_SUBSET_H
#define GOLIVE_PDF_FONT_SUBSET_H

#include "buffer.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* pdf_font_subset: the TrueType font at path with only the characters
 * code_points[0..count), each with the glyph the font's cmap gives it (the
 * glyph golive draws for it: pdf_font_metrics_glyph reads the same cmap
 * with HarfBuzz), every glyph those are built from (composites at any
 * depth) and the missing glyph, appended to out. Glyph ids stay as in the
 * font, so that a CIDToGIDMap written for the whole font holds; the glyph
 * names and the tables a PDF reader does not use (layout, kerning,
 * bitmaps) are left out. False, out untouched, when the file cannot be
 * read or subset. */
bool pdf_font_subset(const char *path, const uint32_t *code_points, size_t count,
                     struct buffer *out);

#endif
