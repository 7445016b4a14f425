/* The PDF device over libharu 2.3.0 (see pdf_device.h).
 *
 * Fonts are embedded as CID TrueType fonts through libharu's UTF-8 encoder:
 * a character's code in the content stream is its Unicode value (BMP only),
 * and libharu writes only the glyphs used. Two things libharu 2.3.0 gets
 * wrong or writes large are mended before saving (mend_font):
 *   - its /ToUnicode is a copy of its UTF-8 CMap, which text extraction
 *     cannot read; we write a real one, code = Unicode value;
 *   - its /W widths and /CIDToGIDMap cover all 65,536 codes (some 150 KB a
 *     face); we write them for the characters the document uses;
 *   - the embedded font program keeps the font's glyph names (its 'post'
 *     table, 35 to 60 KB a face), which no PDF reader uses; we drop them. */
#include "pdf_device.h"

#include "alloc.h"
#include "golive_limits.h"
#include "utf8.h"

#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_font.h>
#include <hpdf_pages.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const face_files[FACE_COUNT] = {
    [FACE_SANS] = "NotoSans-Regular.ttf",
    [FACE_SANS_BOLD] = "NotoSans-Bold.ttf",
    [FACE_SANS_ITALIC] = "NotoSans-Italic.ttf",
    [FACE_SANS_BOLD_ITALIC] = "NotoSans-BoldItalic.ttf",
    [FACE_MONO] = "DejaVuSansMono.ttf",
    [FACE_MONO_BOLD] = "DejaVuSansMono-Bold.ttf",
    [FACE_SYMBOL] = "DejaVuSans.ttf",
};

#define MEM_STREAM_CHUNK 4096u /* libharu grows memory streams by this much [bytes] */
#define CODE_PAGES 256u       /* the BMP in pages of 256 code points */
#define CODE_PAGE_SIZE 256u
#define ADVANCE_UNKNOWN 0u    /* cache entries hold advance + 1 */
#define ADVANCE_MISSING 0xFFFFu

struct device_face {
    const char *name;                 /* libharu's font name once loaded */
    HPDF_FontDef definition;
    HPDF_Font font;                   /* created when first drawn */
    uint16_t *advances[CODE_PAGES];   /* [1/1000 em] + 1, per code page */
    uint8_t *used;                    /* one bit per code point drawn */
    bool tried, failed;
};

struct device_image {
    char *path;
    HPDF_Image image;                 /* NULL when libharu could not read it */
};

struct pdf_device {
    HPDF_Doc document;
    HPDF_Page page;
    HPDF_Page *pages;
    size_t page_count, page_capacity;
    float page_height;
    const char *font_folder;
    const char *name;                 /* the document, for messages; NULL when unnamed */
    struct diag_sink *sink;
    struct device_face faces[FACE_COUNT];
    struct device_image *images;
    size_t image_count;
    HPDF_Outline outline_parents[7];  /* the last bookmark at each level 1-6 */
    HPDF_STATUS last_error;
    bool failed;
    /* what the text state holds, to leave out redundant operators */
    enum font_face current_face;
    float current_size;
    float line_x, line_y;             /* the text line matrix's origin inside BT ... ET */
    uint32_t fill_colour, stroke_colour;
    struct buffer scratch;
};

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    (void)detail;
    ((struct pdf_device *)data)->last_error = error;
}

struct pdf_device *pdf_device_new(const char *font_folder, struct diag_sink *sink)
{
    struct pdf_device *device = xcalloc(1, sizeof *device);
    device->font_folder = font_folder;
    device->sink = sink;
    device->document = HPDF_New(on_error, device);
    if (!device->document) {
        fprintf(stderr, "golive: out of memory\n");
        exit(70);
    }
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
    for (size_t face = 0; face < FACE_COUNT; face++) {
        for (size_t page = 0; page < CODE_PAGES; page++)
            free(device->faces[face].advances[page]);
        free(device->faces[face].used);
    }
    for (size_t index = 0; index < device->image_count; index++)
        free(device->images[index].path);
    free(device->images);
    free(device->pages);
    buffer_free(&device->scratch);
    HPDF_Free(device->document);
    free(device);
}

void pdf_device_set_name(struct pdf_device *device, const char *name)
{
    device->name = name;
}

bool pdf_device_failed(const struct pdf_device *device)
{
    return device->failed;
}

static void load_face(struct pdf_device *device, enum font_face face)
{
    struct device_face *slot = &device->faces[face];
    slot->tried = true;
    struct buffer path = { 0 };
    buffer_printf(&path, "%s/%s", device->font_folder, face_files[face]);
    FILE *probe = fopen(path.data, "rb");
    if (!probe) {
        diag(device->sink, DIAG_TYPESET_FONT_MISSING, source_position_of_file(path.data),
             "cannot open the font file; golive's fonts/ folder is incomplete");
    } else {
        fclose(probe);
        slot->name = HPDF_LoadTTFontFromFile(device->document, path.data, HPDF_TRUE);
        if (slot->name)
            slot->definition = HPDF_GetFontDef(device->document, slot->name);
        if (!slot->name || !slot->definition) {
            diag(device->sink, DIAG_TYPESET_FONT_INVALID, source_position_of_file(path.data),
                 "libharu cannot read this TrueType font (error 0x%04X)",
                 (unsigned)device->last_error);
            HPDF_ResetError(device->document);
            slot->name = NULL;
        }
    }
    slot->failed = !slot->name;
    device->failed = device->failed || slot->failed;
    buffer_free(&path);
}

/* The advance of code_point in face from the cache, asking libharu once. */
static uint16_t face_advance(struct pdf_device *device, enum font_face face, uint32_t code_point)
{
    struct device_face *slot = &device->faces[face];
    if (code_point > 0xFFFF)
        return ADVANCE_MISSING; /* libharu's codes are 16 bits */
    uint16_t **page = &slot->advances[code_point / CODE_PAGE_SIZE];
    if (!*page)
        *page = xcalloc(CODE_PAGE_SIZE, sizeof **page);
    uint16_t *entry = &(*page)[code_point % CODE_PAGE_SIZE];
    if (*entry != ADVANCE_UNKNOWN)
        return *entry == ADVANCE_MISSING ? ADVANCE_MISSING : (uint16_t)(*entry - 1);
    if (!slot->tried)
        load_face(device, face);
    *entry = ADVANCE_MISSING;
    if (!slot->failed && HPDF_TTFontDef_GetGlyphid(slot->definition, (HPDF_UINT16)code_point)) {
        int16_t width = HPDF_TTFontDef_GetCharWidth(slot->definition, (HPDF_UINT16)code_point);
        *entry = (uint16_t)((width > 0 ? width : 0) + 1);
    }
    return *entry == ADVANCE_MISSING ? ADVANCE_MISSING : (uint16_t)(*entry - 1);
}

static struct glyph_metrics device_glyph(void *context, enum font_face face, uint32_t code_point)
{
    struct pdf_device *device = context;
    uint16_t advance = face_advance(device, face, code_point);
    if (advance != ADVANCE_MISSING)
        return (struct glyph_metrics){ face, advance };
    if (face != FACE_SYMBOL) {
        advance = face_advance(device, FACE_SYMBOL, code_point);
        if (advance != ADVANCE_MISSING)
            return (struct glyph_metrics){ FACE_SYMBOL, advance };
    }
    return (struct glyph_metrics){ FACE_NONE, 0 };
}

struct text_measurer pdf_device_measurer(struct pdf_device *device)
{
    return (struct text_measurer){ .context = device, .glyph = device_glyph };
}

/* ---- pages and shapes ---------------------------------------------------- */

static float component(uint32_t colour, unsigned shift)
{
    return (float)((colour >> shift) & 0xFF) / 255.0f;
}

static void set_fill(struct pdf_device *device, uint32_t colour)
{
    if (colour == device->fill_colour)
        return;
    HPDF_Page_SetRGBFill(device->page, component(colour, 16), component(colour, 8),
                         component(colour, 0));
    device->fill_colour = colour;
}

static void set_stroke(struct pdf_device *device, uint32_t colour, float line_width)
{
    if (colour != device->stroke_colour)
        HPDF_Page_SetRGBStroke(device->page, component(colour, 16), component(colour, 8),
                               component(colour, 0));
    device->stroke_colour = colour;
    HPDF_Page_SetLineWidth(device->page, line_width);
}

void pdf_device_begin_page(struct pdf_device *device, float width, float height)
{
    device->page = HPDF_AddPage(device->document);
    HPDF_Page_SetWidth(device->page, width);
    HPDF_Page_SetHeight(device->page, height);
    device->page_height = height;
    if (device->page_count == device->page_capacity) {
        device->page_capacity = device->page_capacity ? device->page_capacity * 2 : 16;
        device->pages = xreallocarray(device->pages, device->page_capacity, sizeof *device->pages);
    }
    device->pages[device->page_count++] = device->page;
    device->current_face = FACE_NONE;
    device->fill_colour = device->stroke_colour = 0; /* a new page starts black */
}

void pdf_device_fill(struct pdf_device *device, float x, float y, float width, float height,
                     uint32_t colour)
{
    set_fill(device, colour);
    HPDF_Page_Rectangle(device->page, x, device->page_height - y - height, width, height);
    HPDF_Page_Fill(device->page);
}

void pdf_device_line(struct pdf_device *device, float x, float y, float to_x, float to_y,
                     float line_width, uint32_t colour)
{
    set_stroke(device, colour, line_width);
    HPDF_Page_MoveTo(device->page, x, device->page_height - y);
    HPDF_Page_LineTo(device->page, to_x, device->page_height - to_y);
    HPDF_Page_Stroke(device->page);
}

void pdf_device_frame(struct pdf_device *device, float x, float y, float width, float height,
                      float line_width, uint32_t colour)
{
    set_stroke(device, colour, line_width);
    HPDF_Page_Rectangle(device->page, x, device->page_height - y - height, width, height);
    HPDF_Page_Stroke(device->page);
}

/* Strokes a path through three points given as shares of side from
 * (x, top). */
static void polyline(struct pdf_device *device, const float points[3][2], float x, float top,
                     float side)
{
    for (size_t point = 0; point < 3; point++) {
        float px = x + points[point][0] * side;
        float py = device->page_height - (top + points[point][1] * side);
        if (point == 0)
            HPDF_Page_MoveTo(device->page, px, py);
        else
            HPDF_Page_LineTo(device->page, px, py);
    }
    HPDF_Page_Stroke(device->page);
}

/* The wrap mark: a hooked arrow (like U+21B5) drawn as lines, not text, so
 * that copying a wrapped command does not copy the mark. Points as shares
 * of the side, from the top-left of its square. */
static const float wrap_hook[3][2] = { { 1.0f, 0.0f }, { 1.0f, 0.7f }, { 0.0f, 0.7f } };
static const float wrap_head[3][2] = { { 0.35f, 0.4f }, { 0.0f, 0.7f }, { 0.35f, 1.0f } };

/* A tick as a polyline through points given as shares of the box's side,
 * from its top-left corner. */
static const float tick_shape[3][2] = { { 0.18f, 0.52f }, { 0.42f, 0.78f }, { 0.84f, 0.20f } };
#define TICK_LINE_SCALE 1.6f /* a tick is drawn heavier than the box */

void pdf_device_checkbox(struct pdf_device *device, float x, float y, float side,
                         float line_width, uint32_t colour, bool ticked)
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

static HPDF_Image find_image(struct pdf_device *device, const char *path)
{
    for (size_t index = 0; index < device->image_count; index++)
        if (strcmp(device->images[index].path, path) == 0)
            return device->images[index].image;
    size_t length = strlen(path);
    bool png = length >= 4 && strcasecmp(path + length - 4, ".png") == 0;
    HPDF_Image image = png ? HPDF_LoadPngImageFromFile(device->document, path)
                           : HPDF_LoadJpegImageFromFile(device->document, path);
    if (!image) {
        image = png ? NULL : HPDF_LoadPngImageFromFile(device->document, path);
        if (!image) /* the extension may lie: try the other format */
            image = png ? HPDF_LoadJpegImageFromFile(device->document, path) : NULL;
    }
    if (!image)
        HPDF_ResetError(device->document);
    device->images = xreallocarray(device->images, device->image_count + 1,
                                   sizeof *device->images);
    device->images[device->image_count++] = (struct device_image){ xstrdup(path), image };
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

static HPDF_Font face_font(struct pdf_device *device, enum font_face face)
{
    struct device_face *slot = &device->faces[face];
    if (!slot->tried)
        load_face(device, face);
    if (!slot->font && !slot->failed) {
        slot->font = HPDF_GetFont(device->document, slot->name, "UTF-8");
        slot->used = xcalloc(0x10000 / 8, 1);
    }
    return slot->font;
}

/* Records the code points a face draws, for mend_font. */
static void mark_used(struct device_face *slot, const char *text, size_t length)
{
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point;
        offset += utf8_decode_lossy(text + offset, length - offset, &code_point);
        uint8_t bit = (uint8_t)(1u << (code_point % 8));
        if (code_point > 0xFFFF || (slot->used[code_point / 8] & bit))
            continue;
        slot->used[code_point / 8] |= bit;
        /* libharu embeds the glyphs it has been asked the width of */
        HPDF_TTFontDef_GetCharWidth(slot->definition, (HPDF_UINT16)code_point);
    }
}

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

/* A PDF literal string of two-byte codes (the code is the Unicode value,
 * see the top of this file), with the bytes PDF reserves escaped. Built in
 * a local array: this runs once per character of the document. */
static void append_codes(struct buffer *out, const char *text, size_t length)
{
    char chunk[512];
    size_t used = 0;
    chunk[used++] = '(';
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point;
        offset += utf8_decode_lossy(text + offset, length - offset, &code_point);
        unsigned char bytes[2] = { (unsigned char)(code_point >> 8), (unsigned char)code_point };
        for (size_t index = 0; index < 2; index++) {
            unsigned char byte = bytes[index];
            bool special = byte == '(' || byte == ')' || byte == '\\' || byte == '\r'
                           || byte == '\n';
            if (special)
                chunk[used++] = '\\';
            chunk[used++] = byte == '\r' ? 'r' : byte == '\n' ? 'n' : (char)byte;
        }
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

void pdf_device_text(struct pdf_device *device, enum font_face face, float size, uint32_t colour,
                     float x, float baseline, const char *text, size_t length)
{
    HPDF_Font font = face_font(device, face);
    if (!font || length == 0)
        return;
    if (face != device->current_face || size != device->current_size) {
        HPDF_Page_SetFontAndSize(device->page, font, size);
        device->current_face = face;
        device->current_size = size;
    }
    set_fill(device, colour);
    mark_used(&device->faces[face], text, length);
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

void pdf_device_watermark(struct pdf_device *device, enum font_face face, float size,
                          uint32_t colour, float x, float y, float text_width, float angle,
                          const char *text, size_t length)
{
    float cosine = cosf(angle * DEGREES_TO_RADIANS), sine = sinf(angle * DEGREES_TO_RADIANS);
    float half_width = text_width / 2, half_height = WATERMARK_CAP_HEIGHT * size / 2;
    float origin_x = x - cosine * half_width + sine * half_height;
    float origin_y = device->page_height - y - sine * half_width - cosine * half_height;
    HPDF_Font font = face_font(device, face);
    if (!font)
        return;
    HPDF_Page_BeginText(device->page);
    HPDF_Page_SetFontAndSize(device->page, font, size);
    device->current_face = face;
    device->current_size = size;
    set_fill(device, colour);
    HPDF_Page_SetTextMatrix(device->page, cosine, sine, -sine, cosine, origin_x, origin_y);
    mark_used(&device->faces[face], text, length);
    buffer_truncate(&device->scratch, 0);
    buffer_append(&device->scratch, text, length);
    HPDF_Page_ShowText(device->page, buffer_text(&device->scratch));
    HPDF_Page_EndText(device->page);
}

/* ---- links and bookmarks --------------------------------------------------- */

static HPDF_Rect link_rect(const struct pdf_device *device, float x, float y, float width,
                           float height)
{
    HPDF_Rect rect = { x, device->page_height - y - height, x + width, device->page_height - y };
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
    HPDF_Annotation link = HPDF_Page_CreateURILinkAnnot(device->pages[page],
                                                        link_rect(device, x, y, width, height),
                                                        buffer_text(&device->scratch));
    if (link)
        HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
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
    HPDF_Annotation link = HPDF_Page_CreateLinkAnnot(device->pages[page],
                                                     link_rect(device, x, y, width, height),
                                                     destination(device, target_page, target_y));
    if (link)
        HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
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
    HPDF_Outline outline = HPDF_CreateOutline(device->document, parent,
                                              buffer_text(&device->scratch),
                                              HPDF_GetEncoder(device->document, "UTF-8"));
    if (!outline)
        return;
    HPDF_Outline_SetDestination(outline, destination(device, page, y));
    HPDF_Outline_SetOpened(outline, level == 1);
    device->outline_parents[level] = outline;
    for (unsigned below = level + 1; below <= 6; below++)
        device->outline_parents[below] = NULL;
}

/* ---- mending libharu's font objects ---------------------------------------- */

static bool is_used(const struct device_face *slot, uint32_t code_point)
{
    return slot->used[code_point / 8] & (1u << (code_point % 8));
}

/* Replaces the data of a stream object, keeping the object. */
static HPDF_Stream fresh_stream(HPDF_Dict object)
{
    HPDF_Stream_Free(object->stream);
    object->stream = HPDF_MemStream_New(object->mmgr, MEM_STREAM_CHUNK);
    return object->stream;
}

/* A run of used code points within one block of 256 (a bfrange may not
 * cross one). Returns false when none is left after *start. */
static bool next_run(const struct device_face *slot, uint32_t *start, uint32_t *end)
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

/* The ToUnicode CMap: each code is its own Unicode value. */
static void write_to_unicode(HPDF_Dict cmap, const struct device_face *slot)
{
    HPDF_Stream stream = fresh_stream(cmap);
    HPDF_Stream_WriteStr(stream,
                         "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                         "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                         "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                         "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    uint32_t runs[BFRANGE_BLOCK][2];
    size_t count = 0;
    for (uint32_t start = 0, end; start <= 0xFFFF && next_run(slot, &start, &end); start = end + 1) {
        runs[count][0] = start;
        runs[count][1] = end;
        if (++count == BFRANGE_BLOCK) {
            write_bfrange_block(stream, runs, count);
            count = 0;
        }
    }
    write_bfrange_block(stream, runs, count);
    HPDF_Stream_WriteStr(stream, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
                                 "end\nend\n");
}

/* /W: the widths of the codes used, in runs: [first [w w ...] first [...]]. */
static void write_widths(HPDF_Dict descendant, const struct device_face *slot)
{
    HPDF_Array widths = HPDF_Array_New(descendant->mmgr);
    for (uint32_t start = 0, end; start <= 0xFFFF && next_run(slot, &start, &end); start = end + 1) {
        HPDF_Array run = HPDF_Array_New(descendant->mmgr);
        for (uint32_t code = start; code <= end; code++)
            HPDF_Array_AddNumber(run, HPDF_TTFontDef_GetCharWidth(slot->definition,
                                                                  (HPDF_UINT16)code));
        HPDF_Array_AddNumber(widths, (HPDF_INT32)start);
        HPDF_Array_Add(widths, run);
    }
    HPDF_Dict_Add(descendant, "W", widths);
}

/* /CIDToGIDMap: two bytes per code up to the highest code used. */
static void write_glyph_map(HPDF_Dict map, const struct device_face *slot)
{
    uint32_t highest = 0;
    for (uint32_t code = 0; code <= 0xFFFF; code++)
        if (is_used(slot, code))
            highest = code;
    HPDF_Stream stream = fresh_stream(map);
    for (uint32_t code = 0; code <= highest; code++) {
        HPDF_UINT16 glyph = is_used(slot, code)
                                ? HPDF_TTFontDef_GetGlyphid(slot->definition, (HPDF_UINT16)code)
                                : 0;
        HPDF_BYTE bytes[2] = { (HPDF_BYTE)(glyph >> 8), (HPDF_BYTE)glyph };
        HPDF_Stream_Write(stream, bytes, 2);
    }
}

/* ---- dropping glyph names from an embedded font ------------------------------- */

#define SFNT_HEADER 12u     /* the TrueType table directory's header [bytes] */
#define SFNT_RECORD 16u     /* one table record in it [bytes] */
#define POST_HEADER 32u     /* a 'post' table of format 3 is its header alone [bytes] */
#define HEAD_ADJUSTMENT 8u  /* checkSumAdjustment's place in the 'head' table */
#define SFNT_MAGIC 0xB1B0AFBAu /* what the whole font's checksum must come to */

static uint32_t read_u32(const uint8_t *at)
{
    return (uint32_t)at[0] << 24 | (uint32_t)at[1] << 16 | (uint32_t)at[2] << 8 | at[3];
}

static void write_u32(uint8_t *at, uint32_t value)
{
    at[0] = (uint8_t)(value >> 24), at[1] = (uint8_t)(value >> 16);
    at[2] = (uint8_t)(value >> 8), at[3] = (uint8_t)value;
}

static uint32_t sfnt_checksum(const uint8_t *data, size_t length)
{
    uint32_t sum = 0;
    for (size_t at = 0; at < length; at += 4) {
        uint8_t word[4] = { 0 };
        memcpy(word, data + at, length - at < 4 ? length - at : 4);
        sum += read_u32(word);
    }
    return sum;
}

/* drop_glyph_names: the TrueType font in data again, with a 'post' table
 * of format 3 (no glyph names), into out. False, out untouched, when the
 * font is not as expected. */
static bool drop_glyph_names(const uint8_t *data, size_t length, struct buffer *out)
{
    size_t tables = length >= SFNT_HEADER ? (size_t)(data[4] << 8 | data[5]) : 0;
    size_t offset = SFNT_HEADER + tables * SFNT_RECORD, head = 0;
    if (tables == 0 || offset > length)
        return false;
    uint8_t *font = xcalloc(1, length + 4 * tables);
    memcpy(font, data, offset);
    for (size_t index = 0; index < tables; index++) {
        uint8_t *record = font + SFNT_HEADER + index * SFNT_RECORD;
        uint32_t from = read_u32(record + 8), size = read_u32(record + 12);
        if (from > length || size > length - from) {
            free(font);
            return false;
        }
        if (memcmp(record, "post", 4) == 0 && size >= POST_HEADER) {
            size = POST_HEADER;
            memcpy(font + offset, data + from, size);
            write_u32(font + offset, 0x00030000u); /* version 3.0: no names */
        } else {
            memcpy(font + offset, data + from, size);
        }
        if (memcmp(record, "head", 4) == 0 && size >= HEAD_ADJUSTMENT + 4) {
            head = offset;
            write_u32(font + offset + HEAD_ADJUSTMENT, 0);
        }
        write_u32(record + 4, sfnt_checksum(font + offset, size));
        write_u32(record + 8, (uint32_t)offset);
        write_u32(record + 12, size);
        offset += (size + 3) & ~(size_t)3;
    }
    if (head)
        write_u32(font + head + HEAD_ADJUSTMENT, SFNT_MAGIC - sfnt_checksum(font, offset));
    buffer_append(out, font, offset);
    free(font);
    return true;
}

/* Makes libharu build the font's descriptor and font program now (it would
 * at saving, and then leaves them be) and drops the glyph names from it. */
static void trim_font_program(struct device_face *slot)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)slot->font->attr;
    if (!slot->font->before_write_fn || slot->font->before_write_fn(slot->font) != HPDF_OK
        || !attr->fontdef->descriptor)
        return;
    HPDF_Dict file = HPDF_Dict_GetItem(attr->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT);
    if (!file)
        return;
    struct buffer original = { 0 }, trimmed = { 0 };
    HPDF_BYTE chunk[65536];
    HPDF_Stream_Seek(file->stream, 0, HPDF_SEEK_SET);
    for (;;) {
        HPDF_UINT size = sizeof chunk;
        HPDF_STATUS status = HPDF_Stream_Read(file->stream, chunk, &size);
        buffer_append(&original, chunk, size);
        if (status != HPDF_OK)
            break;
    }
    if (drop_glyph_names((const uint8_t *)original.data, original.length, &trimmed)) {
        HPDF_Stream_Write(fresh_stream(file), (const HPDF_BYTE *)trimmed.data,
                          (HPDF_UINT)trimmed.length);
        HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)trimmed.length);
    }
    buffer_free(&original);
    buffer_free(&trimmed);
}

static void mend_font(struct device_face *slot)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)slot->font->attr;
    HPDF_Dict to_unicode = HPDF_Dict_GetItem(slot->font, "ToUnicode", HPDF_OCLASS_DICT);
    if (to_unicode)
        write_to_unicode(to_unicode, slot);
    if (attr->descendant_font)
        write_widths(attr->descendant_font, slot);
    if (attr->map_stream)
        write_glyph_map(attr->map_stream, slot);
    trim_font_program(slot);
}

/* ---- the document ------------------------------------------------------------ */

/* What a libharu error code means, for the message: never a bare code. */
static const char *libharu_error_meaning(HPDF_STATUS error)
{
    switch (error) {
    case HPDF_FAILD_TO_ALLOC_MEM:
        return "out of memory";
    case HPDF_STRING_OUT_OF_RANGE:
        return "a text is longer than a PDF string may be";
    case HPDF_INVALID_DOCUMENT:
        return "an earlier step left the document unusable (a text, image or font it refused)";
    case HPDF_PAGE_INVALID_SIZE:
        return "a page size out of range";
    case HPDF_INVALID_PARAMETER:
        return "a value out of range";
    default:
        return "an error golive does not know; please report it with the input";
    }
}

static void set_info(struct pdf_device *device, const struct pdf_document_info *info)
{
    struct buffer producer = { 0 };
    buffer_printf(&producer, "%s with libharu %s", info->producer ? info->producer : "golive",
                  HPDF_VERSION_TEXT);
    const struct { HPDF_InfoType type; const char *value; } fields[] = {
        { HPDF_INFO_TITLE, info->title },     { HPDF_INFO_AUTHOR, info->author },
        { HPDF_INFO_SUBJECT, info->subject }, { HPDF_INFO_CREATOR, info->creator },
        { HPDF_INFO_PRODUCER, producer.data },
    };
    for (size_t index = 0; index < sizeof fields / sizeof *fields; index++) {
        if (!fields[index].value || !*fields[index].value)
            continue;
        buffer_truncate(&device->scratch, 0);
        put_pdf_string(&device->scratch, fields[index].value, strlen(fields[index].value));
        HPDF_SetInfoAttr(device->document, fields[index].type, buffer_text(&device->scratch));
    }
    buffer_free(&producer);
    time_t seconds = (time_t)info->creation_time;
    struct tm broken;
    if (!gmtime_r(&seconds, &broken))
        return;
    HPDF_Date date = { .year = broken.tm_year + 1900, .month = broken.tm_mon + 1,
                       .day = broken.tm_mday, .hour = broken.tm_hour,
                       .minutes = broken.tm_min, .seconds = broken.tm_sec, .ind = 'Z' };
    HPDF_SetInfoDateAttr(device->document, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(device->document, HPDF_INFO_MOD_DATE, date);
}

bool pdf_device_finish(struct pdf_device *device, const struct pdf_document_info *info,
                       struct buffer *out)
{
    for (size_t face = 0; face < FACE_COUNT; face++)
        if (device->faces[face].font)
            mend_font(&device->faces[face]);
    set_info(device, info);
    device->last_error = HPDF_OK;
    if (HPDF_SaveToStream(device->document) != HPDF_OK || device->last_error != HPDF_OK) {
        diag(device->sink, DIAG_TYPESET_PDF, source_position_of_file(device->name),
             "libharu could not write the PDF: %s (libharu error 0x%04X)",
             libharu_error_meaning(device->last_error), (unsigned)device->last_error);
        return false;
    }
    HPDF_ResetStream(device->document);
    HPDF_BYTE chunk[65536];
    for (;;) {
        HPDF_UINT32 size = sizeof chunk;
        HPDF_STATUS status = HPDF_ReadFromStream(device->document, chunk, &size);
        buffer_append(out, chunk, size);
        if (status != HPDF_OK)
            break;
    }
    return !device->failed;
}
