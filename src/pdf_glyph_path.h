/* Glyph outlines as PDF path operators: how the PDF device draws text that
 * must look like text but not be text (the DRAFT watermark, which readers
 * would otherwise copy and extract with the page's words). */
#ifndef GOLIVE_PDF_GLYPH_PATH_H
#define GOLIVE_PDF_GLYPH_PATH_H

#include "buffer.h"
#include "truetype.h"

#include <stddef.h>

/* pdf_glyph_path: appends the contours of one glyph, points[0..count) in
 * design units, moved right by pen design units, as a PDF path (m, l, c,
 * h; TrueType's quadratic curves as cubic ones), to be filled with the
 * nonzero winding rule (f). */
void pdf_glyph_path(struct buffer *out, const struct truetype_point *points, size_t count,
                    float pen);

#endif
