/* The PDF device: the only code that knows libharu. It loads the fonts
 * under fonts/, answers glyph widths from a per-face cache (the layout's
 * text_measurer), and draws what the renderer asks for: text runs, lines,
 * fills, checkboxes, images, links, bookmarks. Coordinates are points from
 * the page's top-left corner, y downwards, as in the display list. */
#ifndef GOLIVE_PDF_DEVICE_H
#define GOLIVE_PDF_DEVICE_H

#include "buffer.h"
#include "diag.h"
#include "font_face.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pdf_device;

struct pdf_document_info {
    const char *title, *author, *subject, *creator; /* NULL leaves one out */
    const char *producer;                           /* the device adds " with libharu VERSION" */
    const char *language;                           /* a BCP 47 tag such as "de"; NULL: "en" */
    int64_t creation_time;                          /* [s since 1970-01-01 UTC] */
};

/* pdf_device_new: a device for one document, reading fonts from
 * font_folder when first used. Never NULL (out of memory is fatal). */
struct pdf_device *pdf_device_new(const char *font_folder, struct diag_sink *sink);
void pdf_device_free(struct pdf_device *device);
/* pdf_device_set_name: the document's name for the device's messages
 * (borrowed; NULL: none). */
void pdf_device_set_name(struct pdf_device *device, const char *name);

struct pdf_font_cache;
/* pdf_device_share_fonts: the device takes its faces from cache
 * (pdf_font_cache.h), which outlives it; before anything is measured. */
void pdf_device_share_fonts(struct pdf_device *device, struct pdf_font_cache *cache);

/* pdf_device_measurer: the layout's view of the device's glyph widths. */
struct text_measurer pdf_device_measurer(struct pdf_device *device);
/* pdf_device_failed: a font could not be loaded (an error was recorded). */
bool pdf_device_failed(const struct pdf_device *device);
/* pdf_device_faces_used: the faces drawn into the document, as bits
 * 1u << face. */
unsigned pdf_device_faces_used(const struct pdf_device *device);

void pdf_device_begin_page(struct pdf_device *device, float width, float height);
void pdf_device_fill(struct pdf_device *device, float x, float y, float width, float height,
                     uint32_t colour);
void pdf_device_line(struct pdf_device *device, float x, float y, float to_x, float to_y,
                     float line_width, uint32_t colour);
void pdf_device_frame(struct pdf_device *device, float x, float y, float width, float height,
                      float line_width, uint32_t colour);
void pdf_device_checkbox(struct pdf_device *device, float x, float y, float side, float line_width,
                         uint32_t colour, bool ticked);
void pdf_device_wrap_mark(struct pdf_device *device, float x, float baseline, float side,
                          float line_width, uint32_t colour);
/* pdf_device_image: draws the PNG or JPEG file; false (with a warning) when
 * it cannot be decoded (image_decode.h). */
bool pdf_device_image(struct pdf_device *device, const char *path, float x, float y, float width,
                      float height);
/* Text: runs between begin_text and end_text, nothing else in between. */
void pdf_device_begin_text(struct pdf_device *device);
void pdf_device_text(struct pdf_device *device, enum font_face face, float size, uint32_t colour,
                     float x, float baseline, const char *text, size_t length);
void pdf_device_end_text(struct pdf_device *device);
/* pdf_device_watermark: text of width text_width centred on (x, y), rising
 * at angle degrees. */
void pdf_device_watermark(struct pdf_device *device, enum font_face face, float size,
                          uint32_t colour, float x, float y, float text_width, float angle,
                          const char *text, size_t length);
/* Links and bookmarks go on pages already begun (page is 0-based). */
void pdf_device_uri_link(struct pdf_device *device, size_t page, float x, float y, float width,
                         float height, const char *uri, size_t length);
void pdf_device_page_link(struct pdf_device *device, size_t page, float x, float y, float width,
                          float height, size_t target_page, float target_y);
void pdf_device_bookmark(struct pdf_device *device, unsigned level, const char *title,
                         size_t length, size_t page, float y);

/* pdf_device_finish: writes the document into out. False after an error. */
bool pdf_device_finish(struct pdf_device *device, const struct pdf_document_info *info,
                       struct buffer *out);

#endif
