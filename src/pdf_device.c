/* The PDF device over libharu 2.3.0 (see pdf_device.h). The fonts are in
 * pdf_font.c, what is mended in libharu's font objects in pdf_font_mend.c: a
 * character's code in the content stream is its Unicode value (BMP only). */
#include "pdf_device.h"

#include "alloc.h"
#include "font_fallback.h"
#include "golive_limits.h"
#include "image_decode.h"
#include "pdf_archive.h"
#include "pdf_font.h"
#include "pdf_libharu_private.h"
#include "pdf_glyph_path.h"
#include "pdf_stream.h"
#include "text_normalise.h"
#include "text_shape.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct device_image {
    char *path;
    HPDF_Image image; /* NULL when libharu could not read it */
};

/* A watermark's outlines as written into a page's content stream, and
 * what they were drawn from: every page of a document repeats the same
 * watermark, whose outlines cost 15 % of a build to write out again. */
struct watermark_drawn {
    bool valid;
    enum font_face face;
    float size;
    uint32_t colour;
    float matrix[6];
    struct buffer text, content;
};

struct pdf_device {
    HPDF_Doc document;
    HPDF_Page page;
    HPDF_Page *pages;
    size_t page_count, page_capacity;
    float page_height;
    const char *name; /* the document, for messages; NULL when unnamed */
    struct diag_sink *sink;
    struct pdf_fonts fonts;
    /* ASCII characters' faces and advances as device_glyph found them, for
     * the layout measures text character by character */
    struct glyph_metrics ascii_glyphs[FACE_COUNT][0x80];
    bool ascii_known[FACE_COUNT][0x80];
    struct pdf_compressor *compressor;
    struct device_image *images;
    size_t image_count, image_capacity;
    HPDF_Outline outline_parents[7]; /* the last bookmark at each level 1-6 */
    bool has_outline;                /* a bookmark was made: the panel opens */
    HPDF_STATUS last_error;
    /* what the text state holds, to leave out redundant operators */
    enum font_face current_face;
    float current_size;
    float line_x, line_y; /* the text line matrix's origin inside BT ... ET */
    uint32_t fill_colour, stroke_colour;
    struct buffer scratch;
    struct watermark_drawn watermark; /* the last watermark drawn as outlines */
};

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    (void)detail;
    ((struct pdf_device *)data)->last_error = error;
}

struct pdf_device *pdf_device_new(const char *font_folder, struct diag_sink *sink)
{
    struct pdf_device *device = xcalloc(1, sizeof *device);
    device->sink = sink;
    device->document = HPDF_New(on_error, device);
    if (!device->document) {
        fprintf(stderr, "golive: out of memory\n");
        exit(70);
    }
    pdf_fonts_init(&device->fonts, device->document, font_folder, sink, &device->last_error);
    device->compressor = pdf_compressor_new();
    HPDF_SetCompressionMode(device->document, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(device->document);
    HPDF_SetCurrentEncoder(device->document, "UTF-8");
    device->current_face = FACE_NONE;
    return device;
}

void pdf_device_free(struct pdf_device *device)
{
    if (!device)
        return;
    pdf_fonts_free(&device->fonts);
    pdf_compressor_free(device->compressor);
    for (size_t index = 0; index < device->image_count; index++)
        free(device->images[index].path);
    free(device->images);
    free(device->pages);
    buffer_free(&device->scratch);
    buffer_free(&device->watermark.text);
    buffer_free(&device->watermark.content);
    HPDF_Free(device->document);
    free(device);
}

void pdf_device_set_name(struct pdf_device *device, const char *name)
{
    device->name = name;
}

void pdf_device_share_fonts(struct pdf_device *device, struct pdf_font_cache *cache)
{
    pdf_fonts_share_cache(&device->fonts, cache);
}

bool pdf_device_failed(const struct pdf_device *device)
{
    return device->fonts.failed;
}

unsigned pdf_device_faces_used(const struct pdf_device *device)
{
    return pdf_fonts_embedded(&device->fonts);
}

static struct glyph_metrics find_glyph(struct pdf_device *device, enum font_face face,
                                       uint32_t code_point)
{
    if (code_point == TEXT_LIGATURE_LAM) { /* drawn in the face of its ligature */
        enum font_face arabic[FONT_FALLBACK_MAX];
        font_fallback_faces(face, 0x0644, arabic);
        face = arabic[0];
    }
    uint16_t advance = pdf_fonts_advance(&device->fonts, face, code_point);
    /* A combining mark sits on the letter before it when it has no
     * advance; a monospaced face gives one a cell of its own, so it comes
     * from the fallback face, whose marks have none. */
    if (advance != PDF_FONT_MISSING && advance != 0 && face != FACE_SYMBOL &&
        text_is_combining_mark(code_point) &&
        pdf_fonts_advance(&device->fonts, FACE_SYMBOL, code_point) == 0)
        return (struct glyph_metrics){FACE_SYMBOL, 0};
    if (advance != PDF_FONT_MISSING)
        return (struct glyph_metrics){face, advance};
    enum font_face fallbacks[FONT_FALLBACK_MAX];
    size_t count = font_fallback_faces(face, code_point, fallbacks);
    for (size_t index = 0; index < count; index++) {
        advance = pdf_fonts_advance(&device->fonts, fallbacks[index], code_point);
        if (advance != PDF_FONT_MISSING)
            return (struct glyph_metrics){fallbacks[index], advance};
    }
    return (struct glyph_metrics){FACE_NONE, 0};
}

static struct glyph_metrics device_glyph(void *context, enum font_face face, uint32_t code_point)
{
    struct pdf_device *device = context;
    if (code_point >= 0x80 || face >= FACE_COUNT)
        return find_glyph(device, face, code_point);
    if (!device->ascii_known[face][code_point]) {
        device->ascii_glyphs[face][code_point] = find_glyph(device, face, code_point);
        device->ascii_known[face][code_point] = true;
    }
    return device->ascii_glyphs[face][code_point];
}

struct text_measurer pdf_device_measurer(struct pdf_device *device)
{
    return (struct text_measurer){.context = device, .glyph = device_glyph};
}

/* ---- pages and shapes ---------------------------------------------------- */

static float component(uint32_t colour, unsigned shift)
{
    return (float)((colour >> shift) & 0xFF) / 255.0f;
}

#define OPERATOR_LINE 192 /* room for six numbers of HPDF_FToA and an operator */

/* Writes "operands operator" into the page's content stream, the numbers
 * as libharu writes them (HPDF_FToA), so the bytes are those of
 * HPDF_Page_MoveTo and its like, which clear a 512-byte buffer byte by
 * byte on every call (libharu 2.3.0: 5 % of a build). Paths are begun and
 * painted by these alone, so libharu's graphics mode stays that of the
 * page. operator ends with its newline. */
static void write_operator(struct pdf_device *device, const float *operands, size_t count,
                           const char *operator)
{
    char line[OPERATOR_LINE];
    char *at = line, *end = line + sizeof line - 1;
    for (size_t index = 0; index < count && index < 6; index++) {
        at = HPDF_FToA(at, operands[index], end);
        *at++ = ' ';
    }
    at = (char *)HPDF_StrCpy(at, operator, end);
    HPDF_PageAttr page = (HPDF_PageAttr)device->page->attr;
    HPDF_Stream_Write(page->stream, (const HPDF_BYTE *)line, (HPDF_UINT)(at - line));
}

static void write_colour(struct pdf_device *device, uint32_t colour, const char *operator)
{
    float rgb[3] = {component(colour, 16), component(colour, 8), component(colour, 0)};
    write_operator(device, rgb, 3, operator);
}

static void set_fill(struct pdf_device *device, uint32_t colour)
{
    if (colour == device->fill_colour)
        return;
    write_colour(device, colour, "rg\n");
    device->fill_colour = colour;
}

static void set_stroke(struct pdf_device *device, uint32_t colour, float line_width)
{
    if (colour != device->stroke_colour)
        write_colour(device, colour, "RG\n");
    device->stroke_colour = colour;
    HPDF_Page_SetLineWidth(device->page, line_width);
}

/* A rectangle's path, from its top-left corner in layout coordinates. */
static void write_rectangle(struct pdf_device *device, float x, float y, float width, float height)
{
    float operands[4] = {x, device->page_height - y - height, width, height};
    write_operator(device, operands, 4, "re\n");
}

static void write_point(struct pdf_device *device, float x, float y, const char *operator)
{
    float operands[2] = {x, y};
    write_operator(device, operands, 2, operator);
}

/* A finished page's content is compressed at once, so that pages wait for
 * saving compressed. Nothing draws on a page once the next has begun. */
static void end_page(struct pdf_device *device)
{
    if (!device->page)
        return;
    HPDF_PageAttr page = (HPDF_PageAttr)device->page->attr;
    page->stream = pdf_stream_compress(device->compressor, page->contents);
}

void pdf_device_begin_page(struct pdf_device *device, float width, float height)
{
    end_page(device);
    device->page = HPDF_AddPage(device->document);
    if (device->page) {
        HPDF_PageAttr page = (HPDF_PageAttr)device->page->attr;
        page->stream = pdf_stream_collect(device->compressor, page->contents);
    }
    HPDF_Page_SetWidth(device->page, width);
    HPDF_Page_SetHeight(device->page, height);
    device->page_height = height;
    device->pages =
        xgrow(device->pages, &device->page_capacity, device->page_count + 1, sizeof *device->pages);
    device->pages[device->page_count++] = device->page;
    device->current_face = FACE_NONE;
    device->fill_colour = device->stroke_colour = 0; /* a new page starts black */
}

void pdf_device_fill(struct pdf_device *device, float x, float y, float width, float height,
                     uint32_t colour)
{
    set_fill(device, colour);
    write_rectangle(device, x, y, width, height);
    write_operator(device, NULL, 0, "f\n");
}

void pdf_device_line(struct pdf_device *device, float x, float y, float to_x, float to_y,
                     float line_width, uint32_t colour)
{
    set_stroke(device, colour, line_width);
    write_point(device, x, device->page_height - y, "m\n");
    write_point(device, to_x, device->page_height - to_y, "l\n");
    write_operator(device, NULL, 0, "S\n");
}

void pdf_device_frame(struct pdf_device *device, float x, float y, float width, float height,
                      float line_width, uint32_t colour)
{
    set_stroke(device, colour, line_width);
    write_rectangle(device, x, y, width, height);
    write_operator(device, NULL, 0, "S\n");
}

/* Strokes a path through three points given as shares of side from
 * (x, top). */
static void polyline(struct pdf_device *device, const float points[3][2], float x, float top,
                     float side)
{
    for (size_t point = 0; point < 3; point++) {
        float px = x + points[point][0] * side;
        float py = device->page_height - (top + points[point][1] * side);
        write_point(device, px, py, point == 0 ? "m\n" : "l\n");
    }
    write_operator(device, NULL, 0, "S\n");
}

/* The wrap mark: a hooked arrow (like U+21B5) drawn as lines, not text, so
 * that copying a wrapped command does not copy the mark. Points as shares
 * of the side, from the top-left of its square. */
static const float wrap_hook[3][2] = {{1.0f, 0.0f}, {1.0f, 0.7f}, {0.0f, 0.7f}};
static const float wrap_head[3][2] = {{0.35f, 0.4f}, {0.0f, 0.7f}, {0.35f, 1.0f}};

/* A tick as a polyline through points given as shares of the box's side,
 * from its top-left corner. */
static const float tick_shape[3][2] = {{0.18f, 0.52f}, {0.42f, 0.78f}, {0.84f, 0.20f}};
#define TICK_LINE_SCALE 1.6f /* a tick is drawn heavier than the box */

void pdf_device_checkbox(struct pdf_device *device, float x, float y, float side, float line_width,
                         uint32_t colour, bool ticked)
{
    pdf_device_frame(device, x, y, side, side, line_width, colour);
    if (!ticked)
        return;
    set_stroke(device, colour, line_width * TICK_LINE_SCALE);
    HPDF_Page_SetLineCap(device->page, HPDF_ROUND_END);
    HPDF_Page_SetLineJoin(device->page, HPDF_ROUND_JOIN);
    polyline(device, tick_shape, x, y, side);
    HPDF_Page_SetLineCap(device->page, HPDF_BUTT_END);
    HPDF_Page_SetLineJoin(device->page, HPDF_MITER_JOIN);
}

void pdf_device_wrap_mark(struct pdf_device *device, float x, float baseline, float side,
                          float line_width, uint32_t colour)
{
    set_stroke(device, colour, line_width);
    polyline(device, wrap_hook, x, baseline - side, side);
    polyline(device, wrap_head, x, baseline - side, side);
}

/* Decoded pixels as a libharu image, its opacity as a soft mask (which
 * PDF/A-2 allows), compressed by golive and counted in the /ID. */
static HPDF_Image raw_image(struct pdf_device *device, const struct decoded_image *decoded)
{
    HPDF_Image image = HPDF_LoadRawImageFromMem(
        device->document, decoded->pixels, decoded->width, decoded->height,
        decoded->channels == 3 ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8);
    if (!image)
        return NULL;
    pdf_stream_compress(device->compressor, image);
    if (!decoded->alpha)
        return image;
    HPDF_Image mask = HPDF_LoadRawImageFromMem(device->document, decoded->alpha, decoded->width,
                                               decoded->height, HPDF_CS_DEVICE_GRAY, 8);
    if (mask) {
        pdf_stream_compress(device->compressor, mask);
        HPDF_Image_AddSMask(image, mask);
    }
    return image;
}

/* A JPEG in grey or RGB goes in as it is (libharu copies the file); PNGs
 * and CMYK JPEGs are decoded (image_decode.h). */
static HPDF_Image load_image(struct pdf_device *device, const char *path, bool png)
{
    struct decoded_image decoded = {0};
    if (!png && !image_jpeg_is_cmyk(path)) {
        HPDF_Image image = HPDF_LoadJpegImageFromFile(device->document, path);
        if (image)
            return image;
        HPDF_ResetError(device->document);
    }
    bool read = png ? image_decode_png(path, &decoded) : image_decode_jpeg(path, &decoded);
    HPDF_Image image = read ? raw_image(device, &decoded) : NULL;
    decoded_image_free(&decoded);
    return image;
}

static HPDF_Image find_image(struct pdf_device *device, const char *path)
{
    for (size_t index = 0; index < device->image_count; index++)
        if (strcmp(device->images[index].path, path) == 0)
            return device->images[index].image;
    size_t length = strlen(path);
    bool png = length >= 4 && strcasecmp(path + length - 4, ".png") == 0;
    HPDF_Image image = load_image(device, path, png);
    if (!image) /* the extension may lie: try the other format */
        image = load_image(device, path, !png);
    if (!image)
        HPDF_ResetError(device->document);
    device->images = xgrow(device->images, &device->image_capacity, device->image_count + 1,
                           sizeof *device->images);
    device->images[device->image_count++] = (struct device_image){xstrdup(path), image};
    return image;
}

bool pdf_device_image(struct pdf_device *device, const char *path, float x, float y, float width,
                      float height)
{
    HPDF_Image image = find_image(device, path);
    if (!image)
        return false;
    HPDF_Page_DrawImage(device->page, image, x, device->page_height - y - height, width, height);
    return true;
}

/* ---- text ------------------------------------------------------------------ */

void pdf_device_begin_text(struct pdf_device *device)
{
    HPDF_Page_BeginText(device->page);
    device->line_x = device->line_y = 0;
}

/* A number with at most two decimals, without trailing zeros: what PDF
 * needs, written without printf's cost. */
static void append_number(struct buffer *out, float value)
{
    long hundredths = lroundf(value * 100.0f);
    if (hundredths < 0) {
        buffer_append_char(out, '-');
        hundredths = -hundredths;
    }
    char digits[24];
    int length = 0;
    long whole = hundredths / 100;
    do
        digits[length++] = (char)('0' + whole % 10);
    while ((whole /= 10) > 0);
    while (length)
        buffer_append_char(out, digits[--length]);
    long fraction = hundredths % 100;
    if (fraction == 0)
        return;
    buffer_append_char(out, '.');
    buffer_append_char(out, (char)('0' + fraction / 10));
    if (fraction % 10)
        buffer_append_char(out, (char)('0' + fraction % 10));
}

/* The letter after the backslash for each byte PDF reserves in a literal
 * string (ISO 32000-1 7.3.4.2), 0 for a byte written as it is. */
static const char literal_escapes[256] = {
    ['('] = '(', [')'] = ')', ['\\'] = '\\', ['\r'] = 'r', ['\n'] = 'n',
};

static size_t put_literal_byte(char *chunk, size_t used, unsigned char byte)
{
    char escape = literal_escapes[byte];
    if (escape) {
        chunk[used++] = '\\';
        chunk[used++] = escape;
    } else {
        chunk[used++] = (char)byte;
    }
    return used;
}

/* A PDF literal string of two-byte codes (the code is the Unicode value,
 * see the top of this file), with the bytes PDF reserves escaped. Built in
 * a local array: this runs once per character of the document. */
static void append_codes(struct buffer *out, const char *text, size_t length)
{
    char chunk[512];
    size_t used = 0;
    chunk[used++] = '(';
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point = (unsigned char)text[offset];
        if (code_point < 0x80) { /* most text: a zero byte, then the character */
            offset++;
            chunk[used++] = '\0';
        } else {
            offset += utf8_decode_lossy(text + offset, length - offset, &code_point);
            used = put_literal_byte(chunk, used, (unsigned char)(code_point >> 8));
        }
        used = put_literal_byte(chunk, used, (unsigned char)code_point);
        if (used > sizeof chunk - 8) {
            buffer_append(out, chunk, used);
            used = 0;
        }
    }
    chunk[used++] = ')';
    buffer_append(out, chunk, used);
}

void pdf_device_end_text(struct pdf_device *device)
{
    HPDF_Page_EndText(device->page);
}

/* "/F1 size Tf" as HPDF_Page_SetFontAndSize writes it (but for its 512-byte
 * clearing), the font named in the page's resources by libharu. */
static void set_font(struct pdf_device *device, HPDF_Font font, float size)
{
    const char *name = HPDF_Page_GetLocalFontName(device->page, font);
    if (!name) {
        HPDF_Page_SetFontAndSize(device->page, font, size); /* raises the error */
        return;
    }
    char line[HPDF_LIMIT_MAX_NAME_LEN + 3];
    size_t length = strlen(name); /* "/%s " by hand: once per change of font */
    if (length > sizeof line - 3)
        length = sizeof line - 3;
    line[0] = '/';
    memcpy(line + 1, name, length);
    line[length + 1] = ' ';
    HPDF_PageAttr page = (HPDF_PageAttr)device->page->attr;
    HPDF_Stream_Write(page->stream, (const HPDF_BYTE *)line, (HPDF_UINT)(length + 2));
    write_operator(device, &size, 1, "Tf\n");
}

void pdf_device_text(struct pdf_device *device, enum font_face face, float size, uint32_t colour,
                     float x, float baseline, const char *text, size_t length)
{
    HPDF_Font font = pdf_fonts_font(&device->fonts, face);
    if (!font || length == 0)
        return;
    if (face != device->current_face || size != device->current_size) {
        set_font(device, font, size);
        device->current_face = face;
        device->current_size = size;
    }
    set_fill(device, colour);
    pdf_fonts_mark_used(&device->fonts, face, text, length);
    /* Written straight into the page's content stream: libharu's TextOut
     * costs a 512-byte clearing and a width lookup per character and call,
     * which was most of md2pdf's time. Fonts, colours and BT/ET still go
     * through libharu, which keeps the page's resources. */
    float y = device->page_height - baseline;
    buffer_truncate(&device->scratch, 0);
    append_number(&device->scratch, x - device->line_x);
    buffer_append_char(&device->scratch, ' ');
    append_number(&device->scratch, y - device->line_y);
    buffer_append_text(&device->scratch, " Td ");
    append_codes(&device->scratch, text, length);
    buffer_append_text(&device->scratch, " Tj\n");
    device->line_x = x;
    device->line_y = y;
    HPDF_PageAttr page = (HPDF_PageAttr)device->page->attr;
    HPDF_Stream_Write(page->stream, (const HPDF_BYTE *)device->scratch.data,
                      (HPDF_UINT)device->scratch.length);
}

#define DEGREES_TO_RADIANS (3.14159265358979f / 180.0f)
#define WATERMARK_CAP_HEIGHT 0.7f /* [em] centres the capitals on the point */
/* The watermark is marked as an artifact (ISO 32000-1 14.8.2.2): not
 * part of the document's text, so that readers leave it out of copied
 * and extracted text. */
#define WATERMARK_ARTIFACT "/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n"

static bool same_watermark(const struct watermark_drawn *drawn, enum font_face face, float size,
                           uint32_t colour, const float matrix[6], const char *text, size_t length)
{
    return drawn->valid && drawn->face == face && drawn->size == size && drawn->colour == colour &&
           memcmp(drawn->matrix, matrix, sizeof drawn->matrix) == 0 &&
           drawn->text.length == length && memcmp(drawn->text.data, text, length) == 0;
}

/* Writes the outlines drawn last into the current page when they were
 * drawn from the same watermark; false (nothing written) when not. */
static bool repeat_watermark(struct pdf_device *device, enum font_face face, float size,
                             uint32_t colour, const float matrix[6], const char *text,
                             size_t length)
{
    struct watermark_drawn *drawn = &device->watermark;
    if (!same_watermark(drawn, face, size, colour, matrix, text, length))
        return false;
    HPDF_PageAttr page = (HPDF_PageAttr)device->page->attr;
    HPDF_Stream_Write(page->stream, (const HPDF_BYTE *)drawn->content.data,
                      (HPDF_UINT)drawn->content.length);
    return true;
}

/* Keeps the outlines just written (in the scratch buffer) for the pages
 * after. */
static void remember_watermark(struct pdf_device *device, enum font_face face, float size,
                               uint32_t colour, const float matrix[6], const char *text,
                               size_t length)
{
    struct watermark_drawn *drawn = &device->watermark;
    drawn->valid = true;
    drawn->face = face;
    drawn->size = size;
    drawn->colour = colour;
    memcpy(drawn->matrix, matrix, sizeof drawn->matrix);
    buffer_truncate(&drawn->text, 0);
    buffer_append(&drawn->text, text, length);
    buffer_truncate(&drawn->content, 0);
    buffer_append(&drawn->content, device->scratch.data, device->scratch.length);
}

/* The watermark's letters as filled outlines in the current page's
 * stream, under the matrix that places and turns them; false (nothing
 * written) when a letter is not a simple glyph of the face. */
static bool watermark_outlines(struct pdf_device *device, enum font_face face, float size,
                               uint32_t colour, const float matrix[6], const char *text,
                               size_t length)
{
    struct truetype_point *points = xreallocarray(NULL, TRUETYPE_MAX_POINTS, sizeof *points);
    struct buffer path = {0};
    unsigned units = 0;
    float pen = 0;
    bool drawn = true;
    for (size_t offset = 0; offset < length && drawn;) {
        uint32_t code_point;
        offset += utf8_decode_lossy(text + offset, length - offset, &code_point);
        uint16_t advance = pdf_fonts_advance(&device->fonts, face, code_point);
        size_t count = pdf_fonts_outline(&device->fonts, face, code_point, points, &units);
        drawn = advance != PDF_FONT_MISSING && (count > 0 || code_point == ' ') && units > 0;
        pdf_glyph_path(&path, points, count, pen);
        pen += (float)advance * (float)units / 1000.0f;
    }
    free(points);
    if (drawn) {
        float scale = size / (float)units;
        buffer_truncate(&device->scratch, 0);
        buffer_printf(&device->scratch, "q\n%.3f %.3f %.3f rg\n%.5f %.5f %.5f %.5f %.2f %.2f cm\n",
                      component(colour, 16), component(colour, 8), component(colour, 0),
                      matrix[0] * scale, matrix[1] * scale, matrix[2] * scale, matrix[3] * scale,
                      matrix[4], matrix[5]);
        buffer_append(&device->scratch, path.data, path.length);
        buffer_append_text(&device->scratch, "f\nQ\n");
        HPDF_PageAttr page = (HPDF_PageAttr)device->page->attr;
        HPDF_Stream_Write(page->stream, (const HPDF_BYTE *)device->scratch.data,
                          (HPDF_UINT)device->scratch.length);
        remember_watermark(device, face, size, colour, matrix, text, length);
    }
    buffer_free(&path);
    return drawn;
}

/* The watermark drawn as text, for a face whose letters are not all
 * simple outlines: still marked as an artifact. */
static void watermark_text(struct pdf_device *device, enum font_face face, float size,
                           uint32_t colour, const float matrix[6], const char *text, size_t length)
{
    HPDF_Font font = pdf_fonts_font(&device->fonts, face);
    if (!font)
        return;
    HPDF_Page_BeginText(device->page);
    HPDF_Page_SetFontAndSize(device->page, font, size);
    device->current_face = face;
    device->current_size = size;
    set_fill(device, colour);
    HPDF_Page_SetTextMatrix(device->page, matrix[0], matrix[1], matrix[2], matrix[3], matrix[4],
                            matrix[5]);
    pdf_fonts_mark_used(&device->fonts, face, text, length);
    buffer_truncate(&device->scratch, 0);
    append_codes(&device->scratch, text, length);
    buffer_append_text(&device->scratch, " Tj\n");
    HPDF_PageAttr page = (HPDF_PageAttr)device->page->attr;
    HPDF_Stream_Write(page->stream, (const HPDF_BYTE *)device->scratch.data,
                      (HPDF_UINT)device->scratch.length);
    HPDF_Page_EndText(device->page);
}

void pdf_device_watermark(struct pdf_device *device, enum font_face face, float size,
                          uint32_t colour, float x, float y, float text_width, float angle,
                          const char *text, size_t length)
{
    float cosine = cosf(angle * DEGREES_TO_RADIANS), sine = sinf(angle * DEGREES_TO_RADIANS);
    float half_width = text_width / 2, half_height = WATERMARK_CAP_HEIGHT * size / 2;
    float matrix[6] = {cosine,
                       sine,
                       -sine,
                       cosine,
                       x - cosine * half_width + sine * half_height,
                       device->page_height - y - sine * half_width - cosine * half_height};
    HPDF_PageAttr page = (HPDF_PageAttr)device->page->attr;
    HPDF_Stream_WriteStr(page->stream, WATERMARK_ARTIFACT);
    if (!repeat_watermark(device, face, size, colour, matrix, text, length) &&
        !watermark_outlines(device, face, size, colour, matrix, text, length))
        watermark_text(device, face, size, colour, matrix, text, length);
    HPDF_Stream_WriteStr(page->stream, "EMC\n");
}

/* ---- links and bookmarks --------------------------------------------------- */

static HPDF_Rect link_rect(const struct pdf_device *device, float x, float y, float width,
                           float height)
{
    HPDF_Rect rect = {x, device->page_height - y - height, x + width, device->page_height - y};
    return rect;
}

/* Puts text into out, cut after LIMIT_PDF_STRING characters with an
 * ellipsis: libharu fails on a PDF string over 65,535 bytes and then writes
 * no PDF at all (golive_limits.h). */
static void put_pdf_string(struct buffer *out, const char *text, size_t length)
{
    size_t at = 0;
    for (size_t characters = 0; at < length && characters < LIMIT_PDF_STRING; characters++) {
        uint32_t code_point;
        at += utf8_decode_lossy(text + at, length - at, &code_point);
    }
    buffer_append(out, text, at);
    if (at < length)
        buffer_append_text(out, "\xE2\x80\xA6");
}

/* A link without a border, printable: ISO 19005-2 6.3.2 wants every
 * annotation's flags with Print set and Hidden, NoView clear. */
#define ANNOTATION_PRINT 4
static void show_link(HPDF_Annotation link)
{
    if (!link)
        return;
    HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
    HPDF_Dict_AddNumber(link, "F", ANNOTATION_PRINT);
}

void pdf_device_uri_link(struct pdf_device *device, size_t page, float x, float y, float width,
                         float height, const char *uri, size_t length)
{
    if (length > LIMIT_LINK_LENGTH) {
        diag(device->sink, DIAG_TYPESET_LINK_TOO_LONG, source_position_of_file(device->name),
             "a link target of %zu bytes is printed but not made clickable; the limit is %u",
             length, LIMIT_LINK_LENGTH);
        return;
    }
    buffer_truncate(&device->scratch, 0);
    buffer_append(&device->scratch, uri, length);
    HPDF_Annotation link = HPDF_Page_CreateURILinkAnnot(
        device->pages[page], link_rect(device, x, y, width, height), buffer_text(&device->scratch));
    show_link(link);
}

static HPDF_Destination destination(struct pdf_device *device, size_t page, float y)
{
    HPDF_Destination target = HPDF_Page_CreateDestination(device->pages[page]);
    HPDF_Destination_SetFitH(target, device->page_height - y);
    return target;
}

void pdf_device_page_link(struct pdf_device *device, size_t page, float x, float y, float width,
                          float height, size_t target_page, float target_y)
{
    HPDF_Annotation link =
        HPDF_Page_CreateLinkAnnot(device->pages[page], link_rect(device, x, y, width, height),
                                  destination(device, target_page, target_y));
    show_link(link);
}

void pdf_device_bookmark(struct pdf_device *device, unsigned level, const char *title,
                         size_t length, size_t page, float y)
{
    if (level < 1 || level > 6 || length == 0)
        return;
    HPDF_Outline parent = NULL;
    for (unsigned above = level - 1; above >= 1 && !parent; above--)
        parent = device->outline_parents[above];
    buffer_truncate(&device->scratch, 0);
    put_pdf_string(&device->scratch, title, length);
    HPDF_Outline outline =
        HPDF_CreateOutline(device->document, parent, buffer_text(&device->scratch),
                           HPDF_GetEncoder(device->document, "UTF-8"));
    if (!outline)
        return;
    HPDF_Outline_SetDestination(outline, destination(device, page, y));
    device->has_outline = true;
    HPDF_Outline_SetOpened(outline, level == 1);
    device->outline_parents[level] = outline;
    for (unsigned below = level + 1; below <= 6; below++)
        device->outline_parents[below] = NULL;
}

/* ---- the document ------------------------------------------------------------ */

/* What a libharu error code means, for the message: never a bare code. */
static const char *libharu_error_meaning(HPDF_STATUS error)
{
    switch (error) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_STRING_OUT_OF_RANGE: return "a text is longer than a PDF string may be";
    case HPDF_INVALID_DOCUMENT:
        return "an earlier step left the document unusable (a text, image or font it refused)";
    case HPDF_PAGE_INVALID_SIZE: return "a page size out of range";
    case HPDF_INVALID_PARAMETER: return "a value out of range";
    default: return "an error golive does not know; please report it with the input";
    }
}

/* The document's fields, each cut to what a PDF string may hold, written
 * by pdf_archive.c with the metadata PDF/A asks for; they count towards
 * the file's identity with the content compressed so far. */
static void set_info(struct pdf_device *device, const struct pdf_document_info *info)
{
    struct buffer values[6] = {{0}};
    buffer_printf(&values[5], "%s with libharu %s", info->producer ? info->producer : "golive",
                  HPDF_VERSION_TEXT);
    const char *given[6] = {info->title,   info->author,   info->subject,
                            info->creator, info->language, values[5].data};
    for (size_t index = 0; index < 5; index++)
        if (given[index])
            put_pdf_string(&values[index], given[index], strlen(given[index]));
    for (size_t index = 0; index < 6; index++)
        pdf_compressor_note(device->compressor, values[index].data ? values[index].data : "",
                            values[index].length + 1);
    struct pdf_archive_fields fields = {
        .title = values[0].data,
        .author = values[1].data,
        .subject = values[2].data,
        .creator = values[3].data,
        .language = values[4].data,
        .producer = values[5].data,
        .creation_time = info->creation_time,
    };
    pdf_compressor_identity(device->compressor, fields.identity);
    pdf_archive_mark(device->document, device->compressor, &fields);
    for (size_t index = 0; index < 6; index++)
        buffer_free(&values[index]);
    if (device->has_outline)
        HPDF_SetPageMode(device->document, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* The PDF is written once, straight into out: HPDF_SaveToStream writes
 * into the document's stream, which is libharu's own memory stream unless
 * one is set, and reading that back would hold the whole PDF twice. */
bool pdf_device_finish(struct pdf_device *device, const struct pdf_document_info *info,
                       struct buffer *out)
{
    end_page(device);
    pdf_fonts_mend(&device->fonts, device->compressor);
    set_info(device, info);
    device->last_error = HPDF_OK;
    if (!device->document->stream)
        device->document->stream = pdf_stream_writer(device->document->mmgr, out);
    if (!device->document->stream || HPDF_SaveToStream(device->document) != HPDF_OK ||
        device->last_error != HPDF_OK) {
        diag(device->sink, DIAG_TYPESET_PDF, source_position_of_file(device->name),
             "libharu could not write the PDF: %s (libharu error 0x%04X)",
             libharu_error_meaning(device->last_error), (unsigned)device->last_error);
        return false;
    }
    return !pdf_device_failed(device);
}
