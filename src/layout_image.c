/* Images: where their files may come from, their size on the page, and
 * what stands in for one that cannot be shown. */
#include "layout_internal.h"
#include "path.h"

#include "utf8.h"

#include "image_decode.h"
#include "image_probe.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Pixels of screenshots and logos are taken at 96 per inch, as browsers do. */
#define POINTS_PER_PIXEL (72.0f / 96.0f)

/* cmark percent-encodes destinations; a file name needs them decoded. */
static void percent_decode(const char *text, size_t length, struct buffer *out)
{
    for (size_t index = 0; index < length; index++) {
        if (text[index] == '%' && index + 2 < length && ascii_hex_value(text[index + 1]) >= 0 &&
            ascii_hex_value(text[index + 2]) >= 0) {
            buffer_append_char(out, (char)(ascii_hex_value(text[index + 1]) * 16 +
                                           ascii_hex_value(text[index + 2])));
            index += 2;
        } else {
            buffer_append_char(out, text[index]);
        }
    }
}

/* A path golive may read: relative, inside the base folder (no ".."). */
static bool path_stays_inside(const char *path)
{
    if (path[0] == '/' || path[0] == '\0')
        return false;
    for (const char *segment = path; segment;) {
        if (strncmp(segment, "..", 2) == 0 && (segment[2] == '/' || segment[2] == '\0'))
            return false;
        segment = strchr(segment, '/');
        if (segment)
            segment++;
    }
    return true;
}

/* A warning about an image cites where its URL was written: the Markdown,
 * or the file the Markdown was rendered from (layout_options.image_origin). */
static struct source_position image_position(const struct layout *layout, const char *url)
{
    if (layout->options->image_origin) {
        struct source_position origin =
            layout->options->image_origin(layout->options->image_origin_context, url);
        if (origin.file)
            return origin;
    }
    return layout->current_position;
}

static bool is_remote(const char *url)
{
    const char *colon = strchr(url, ':');
    const char *slash = strchr(url, '/');
    return strncmp(url, "//", 2) == 0 || (colon && (!slash || colon < slash));
}

bool layout_image_resolve(struct layout *layout, const char *url, size_t length,
                          struct buffer *path, struct image_info *info)
{
    struct buffer decoded = {0};
    percent_decode(url, length, &decoded);
    const char *name = buffer_text(&decoded);
    struct source_position at = image_position(layout, name);
    bool ok = false;
    if (is_remote(name)) {
        diag(layout->sink, DIAG_TYPESET_IMAGE_REMOTE, at,
             "image '%s' is not a local file; golive never fetches from the network", name);
        goto cleanup;
    }
    if (!layout->options->base_folder || !path_stays_inside(name)) {
        diag(layout->sink, DIAG_TYPESET_IMAGE_OUTSIDE, at,
             "image '%s' is outside the document's folder; golive reads images only from "
             "the folder of the Markdown file and below",
             name);
        goto cleanup;
    }
    buffer_printf(path, "%s/%s", layout->options->base_folder, name);
    if (access(buffer_text(path), F_OK) == 0 &&
        !path_is_inside(buffer_text(path), layout->options->base_folder)) {
        diag(layout->sink, DIAG_TYPESET_IMAGE_OUTSIDE, at,
             "image '%s' is a link to a file outside the document's folder; golive reads "
             "images only from the folder of the Markdown file and below",
             name);
        goto cleanup;
    }
    switch (image_probe(buffer_text(path), info)) {
    case IMAGE_PROBE_OK:
        ok = image_decodable(buffer_text(path), info->format == IMAGE_PNG);
        if (!ok)
            diag(layout->sink, DIAG_TYPESET_IMAGE_DECODE, layout->current_position,
                 "image '%s' cannot be decoded (it is damaged, or not the PNG or JPEG it "
                 "seems); its alt text is shown instead",
                 buffer_text(path));
        break;
    case IMAGE_PROBE_UNREADABLE:
        diag(layout->sink, DIAG_TYPESET_IMAGE_UNREADABLE, at, "cannot read image '%s'",
             buffer_text(path));
        break;
    case IMAGE_PROBE_FORMAT:
        diag(layout->sink, DIAG_TYPESET_IMAGE_FORMAT, at, "image '%s' is neither PNG nor JPEG",
             buffer_text(path));
        break;
    case IMAGE_PROBE_TOO_LARGE:
        diag(layout->sink, DIAG_TYPESET_IMAGE_TOO_LARGE, at,
             "image '%s' has %u x %u pixels, more than golive embeds", buffer_text(path),
             info->width, info->height);
        break;
    }
cleanup:
    buffer_free(&decoded);
    return ok;
}

/* What stands in for an image that cannot be shown: its alt text in a frame. */
static void image_placeholder(struct layout *layout, const struct inline_span *span)
{
    const struct layout_frame *frame = frame_top(layout);
    const struct text_style *body = &layout_styles[STYLE_BODY];
    struct buffer text = {0};
    buffer_append_text(&text, "[image: ");
    buffer_append(&text, buffer_text(&layout->scratch) + span->offset, span->length);
    buffer_append_char(&text, ']');
    float width = measure_text(layout, FACE_SANS_ITALIC, body->size, text.data, text.length);
    float padding = layout_measures.cell_padding_x;
    if (width + 2 * padding > frame->width)
        width = frame->width - 2 * padding;
    float baseline = text_baseline(body->size, body->leading);
    box_add_shape(layout, DISPLAY_FRAME, frame->x, 0, width + 2 * padding, body->leading,
                  layout_measures.grid_line, layout_measures.colour_grid);
    box_add_text(layout, frame->x + padding, baseline, FACE_SANS_ITALIC, body->size,
                 layout_measures.colour_muted, text.data, text.length);
    buffer_free(&text);
    box_finish(layout, body->leading, baseline, 0);
}

/* The clickable area of an image inside a link. */
static void image_link_area(struct layout *layout, const struct inline_span *span,
                            const struct display_item *image)
{
    if (!span->link)
        return;
    const struct inline_link *link = &layout->links[span->link - 1];
    struct display_item area = *image;
    area.kind = DISPLAY_LINK;
    display_text_store(layout->list, &area, buffer_text(&layout->scratch) + link->offset,
                       link->length);
    box_add(layout, &area);
}

/* Room a caption needs below its image: two lines, as widows and orphans
 * keep at least two together, and the spaces around them. */
static float caption_reserve(void)
{
    const struct text_style *body = &layout_styles[STYLE_BODY];
    return 2 * body->leading + body->space_after + 2 * layout_measures.image_space;
}

void layout_image_box(struct layout *layout, const struct inline_span *span, bool captioned)
{
    const struct layout_frame *frame = frame_top(layout);
    struct buffer path = {0};
    struct image_info info;
    const char *url = buffer_text(&layout->scratch) + span->source;
    box_space(layout, layout_measures.image_space);
    if (!layout_image_resolve(layout, url, span->source_length, &path, &info)) {
        image_placeholder(layout, span);
    } else {
        float width = (float)info.width * POINTS_PER_PIXEL;
        float height = (float)info.height * POINTS_PER_PIXEL;
        float scale = 1.0f, tallest = layout->text_bottom - layout->text_top;
        /* What is kept with it (a heading above, a caption below) shares
         * its page. */
        tallest -= layout_kept_before(layout);
        if (captioned)
            tallest -= caption_reserve();
        if (width * scale > frame->width)
            scale = frame->width / width;
        if (height * scale > tallest)
            scale = tallest / height;
        struct display_item image = {.kind = DISPLAY_IMAGE,
                                     .x = frame->x,
                                     .y = 0,
                                     .width = width * scale,
                                     .height = height * scale};
        display_text_store(layout->list, &image, path.data, path.length);
        box_add(layout, &image);
        image_link_area(layout, span, &image);
        const struct text_style *body = &layout_styles[STYLE_BODY];
        box_finish(layout, height * scale, text_baseline(body->size, body->leading),
                   captioned ? BOX_KEEP_WITH_NEXT : 0);
    }
    buffer_free(&path);
    box_space(layout, layout_measures.image_space);
}

void layout_image_inline(struct layout *layout, struct inline_span *span)
{
    struct buffer path = {0};
    struct image_info info;
    const char *url = buffer_text(&layout->scratch) + span->source;
    if (layout_image_resolve(layout, url, span->source_length, &path, &info)) {
        span->image_width = (float)info.width * POINTS_PER_PIXEL;
        span->image_height = (float)info.height * POINTS_PER_PIXEL;
        span->path = (uint32_t)layout->scratch.length;
        span->path_length = (uint32_t)path.length;
        buffer_append(&layout->scratch, path.data, path.length);
    } else {
        /* The alt text stands in, as "[image: ...]" in italics. */
        struct buffer text = {0};
        buffer_append_text(&text, "[image: ");
        buffer_append(&text, buffer_text(&layout->scratch) + span->offset, span->length);
        buffer_append_char(&text, ']');
        span->offset = (uint32_t)layout->scratch.length;
        span->length = (uint32_t)text.length;
        buffer_append(&layout->scratch, text.data, text.length);
        buffer_free(&text);
        span->kind = SPAN_TEXT;
        span->style |= SPAN_ITALIC;
    }
    buffer_free(&path);
}

float layout_image_inline_width(const struct inline_span *span, float ascent)
{
    if (span->image_width <= 0 || span->image_height <= 0)
        return 0;
    float height = span->image_height < ascent ? span->image_height : ascent;
    return span->image_width * height / span->image_height;
}

void layout_image_inline_emit(struct layout *layout, const struct inline_span *span, float x,
                              float baseline, float width)
{
    if (span->image_width <= 0)
        return;
    float height = width * span->image_height / span->image_width;
    struct display_item image = {
        .kind = DISPLAY_IMAGE, .x = x, .y = baseline - height, .width = width, .height = height};
    display_text_store(layout->list, &image, buffer_text(&layout->scratch) + span->path,
                       span->path_length);
    box_add(layout, &image);
    image_link_area(layout, span, &image);
}

/* Whether span is text of blanks alone (the spaces around an image). */
static bool span_is_blank(const struct layout *layout, const struct inline_span *span)
{
    if (span->kind != SPAN_TEXT)
        return false;
    const char *text = buffer_text(&layout->scratch) + span->offset;
    for (uint32_t index = 0; index < span->length; index++)
        if (text[index] != ' ' && text[index] != '\t')
            return false;
    return true;
}

size_t layout_cell_image(const struct layout *layout, size_t first, size_t end)
{
    size_t image = 0;
    for (size_t index = first; index < end; index++) {
        const struct inline_span *span = &layout->spans[index];
        if (span->kind == SPAN_IMAGE_INLINE && span->image_width > 0 && !image)
            image = index + 1;
        else if (!span_is_blank(layout, span))
            return 0;
    }
    return image;
}

void layout_cell_image_fit(const struct inline_span *span, float width, float cap,
                           float *drawn_width, float *drawn_height)
{
    float scale = span->image_width > width ? width / span->image_width : 1.0f;
    if (span->image_height * scale > cap)
        scale = cap / span->image_height;
    *drawn_width = span->image_width * scale;
    *drawn_height = span->image_height * scale;
}
