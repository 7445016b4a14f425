/* A font's glyphs and metrics through HarfBuzz (see pdf_font_metrics.h).
 * HarfBuzz reads a table when first asked and each value where it lies, so
 * a face costs what the document draws from it, not its whole file. */
#include "pdf_font_metrics.h"

#include "alloc.h"

#include <hb-ot.h>
#include <hb.h>
#include <stdint.h>
#include <stdlib.h>

struct pdf_font_metrics {
    hb_blob_t *bytes;
    hb_face_t *face;
    hb_font_t *font; /* at the scale of the font's units per em: values in design units */
};

struct pdf_font_metrics *pdf_font_metrics_new(const unsigned char *data, size_t length)
{
    struct pdf_font_metrics *metrics = xcalloc(1, sizeof *metrics);
    unsigned size = length > UINT32_MAX ? 0 : (unsigned)length;
    metrics->bytes = hb_blob_create((const char *)data, size, HB_MEMORY_MODE_READONLY, NULL, NULL);
    metrics->face = hb_face_create(metrics->bytes, 0);
    metrics->font = hb_font_create(metrics->face);
    return metrics;
}

void pdf_font_metrics_free(struct pdf_font_metrics *metrics)
{
    if (!metrics)
        return;
    hb_font_destroy(metrics->font);
    hb_face_destroy(metrics->face);
    hb_blob_destroy(metrics->bytes);
    free(metrics);
}

uint16_t pdf_font_metrics_glyph(struct pdf_font_metrics *metrics, uint32_t code_point)
{
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(metrics->font, code_point, &glyph) || glyph > UINT16_MAX)
        return 0;
    return (uint16_t)glyph;
}

unsigned pdf_font_metrics_advance(struct pdf_font_metrics *metrics, uint16_t glyph)
{
    hb_position_t advance = hb_font_get_glyph_h_advance(metrics->font, glyph);
    return advance > 0 ? (unsigned)advance : 0;
}

int pdf_font_metrics_top(struct pdf_font_metrics *metrics, uint16_t glyph)
{
    hb_glyph_extents_t extents = {0};
    if (!hb_font_get_glyph_extents(metrics->font, glyph, &extents))
        return 0;
    return extents.y_bearing;
}

bool pdf_font_metrics_name(struct pdf_font_metrics *metrics, enum pdf_font_name name, char *out,
                           size_t size)
{
    unsigned length = size > UINT32_MAX ? UINT32_MAX : (unsigned)size;
    hb_language_t english = hb_language_from_string("en", -1);
    unsigned whole =
        hb_ot_name_get_utf8(metrics->face, (hb_ot_name_id_t)name, english, &length, out);
    if (size)
        out[length < size ? length : size - 1] = 0;
    return whole > 0;
}
