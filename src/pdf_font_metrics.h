/* A font file's glyphs and metrics read through HarfBuzz, from its bytes in
 * memory, when asked: the glyph of a character (the cmap), a glyph's
 * advance (hmtx), its top (glyf), and the names of the face. The font
 * cache (pdf_font_cache.h) makes libharu's font definitions from these,
 * instead of libharu reading every table of the file a value at a time. */
#ifndef GOLIVE_PDF_FONT_METRICS_H
#define GOLIVE_PDF_FONT_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pdf_font_metrics;

/* pdf_font_metrics_new: the font in data[0..length), which must stay
 * unchanged until pdf_font_metrics_free. Never NULL; a font HarfBuzz
 * cannot read answers no glyphs. */
struct pdf_font_metrics *pdf_font_metrics_new(const unsigned char *data, size_t length);
void pdf_font_metrics_free(struct pdf_font_metrics *metrics);

/* pdf_font_metrics_glyph: the glyph the font's character map gives
 * code_point; 0 (the missing glyph) when none. */
uint16_t pdf_font_metrics_glyph(struct pdf_font_metrics *metrics, uint32_t code_point);

/* pdf_font_metrics_advance: glyph's advance width [design units]. */
unsigned pdf_font_metrics_advance(struct pdf_font_metrics *metrics, uint16_t glyph);

/* pdf_font_metrics_top: the top of glyph's box (its yMax) [design units];
 * 0 for an empty glyph. */
int pdf_font_metrics_top(struct pdf_font_metrics *metrics, uint16_t glyph);

/* The names pdf_font_metrics_name reads (OpenType 'name' ids). */
enum pdf_font_name { PDF_FONT_NAME_SUBFAMILY = 2, PDF_FONT_NAME_POSTSCRIPT = 6 };

/* pdf_font_metrics_name: the font's name of that kind in English, as UTF-8
 * into out[0..size) (cut to fit, always terminated); false when the font
 * has none. */
bool pdf_font_metrics_name(struct pdf_font_metrics *metrics, enum pdf_font_name name, char *out,
                           size_t size);

#endif
