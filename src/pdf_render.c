/* Drawing a display list on the PDF device: each page in layers (the
 * watermark under everything, then fills, images, strokes and text), then
 * links and bookmarks once every page exists to point at. */
#include "pdf_render.h"

#include "alloc.h"
#include "golive_limits.h"
#include "layout_style.h"
#include "name_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void draw_watermarks(struct pdf_device *device, const struct display_list *list,
                            const struct display_page *page)
{
    for (size_t index = 0; index < page->count; index++) {
        const struct display_item *item = &page->items[index];
        if (item->kind == DISPLAY_WATERMARK)
            pdf_device_watermark(device, (enum font_face)item->face, item->size, item->colour,
                                 item->x, item->y, item->width, item->height,
                                 display_text(list, item), item->text_length);
    }
}

/* The frame drawn where an image could not be decoded. */
#define PLACEHOLDER_LINE 1.0f        /* [pt] */
#define PLACEHOLDER_COLOUR 0x9AA0A6u /* the rule grey of layout_style.c */

static void draw_image(struct pdf_device *device, const struct display_list *list,
                       const struct display_item *item, struct diag_sink *sink)
{
    const char *path = display_text(list, item);
    char file[4096];
    snprintf(file, sizeof file, "%.*s", (int)item->text_length, path);
    if (pdf_device_image(device, file, item->x, item->y, item->width, item->height))
        return;
    diag(sink, DIAG_TYPESET_IMAGE_DECODE, source_position_of_file(file),
         "this image cannot be decoded (it is damaged, or not the PNG or JPEG it seems); "
         "a frame is drawn in its place");
    pdf_device_frame(device, item->x, item->y, item->width, item->height, PLACEHOLDER_LINE,
                     PLACEHOLDER_COLOUR);
}

/* Fills first, so that shading lies under the text and rules drawn on it. */
static void draw_shapes(struct pdf_device *device, const struct display_list *list,
                        const struct display_page *page, struct diag_sink *sink)
{
    for (size_t index = 0; index < page->count; index++) {
        const struct display_item *item = &page->items[index];
        if (item->kind == DISPLAY_FILL)
            pdf_device_fill(device, item->x, item->y, item->width, item->height, item->colour);
        else if (item->kind == DISPLAY_IMAGE)
            draw_image(device, list, item, sink);
    }
    for (size_t index = 0; index < page->count; index++) {
        const struct display_item *item = &page->items[index];
        switch (item->kind) {
        case DISPLAY_LINE:
            pdf_device_line(device, item->x, item->y, item->x + item->width, item->y + item->height,
                            item->size, item->colour);
            break;
        case DISPLAY_FRAME:
            pdf_device_frame(device, item->x, item->y, item->width, item->height, item->size,
                             item->colour);
            break;
        case DISPLAY_CHECKBOX:
            pdf_device_checkbox(device, item->x, item->y, item->width, item->size, item->colour,
                                item->level);
            break;
        case DISPLAY_WRAP_MARK:
            pdf_device_wrap_mark(device, item->x, item->y, item->width, item->size, item->colour);
            break;
        default: break;
        }
    }
}

/* Text is drawn in the order a reader reads the page, which is the order
 * text extraction (pdf.js, copying) gives it back: the running header
 * first (it is laid out after the body, once the page count is known),
 * and on each line from left to right (a list's number is laid out after
 * its item's first line). Right-to-left lines come from the layout
 * already in visual order. */
static bool in_header_band(const struct display_item *item)
{
    return item->y < layout_margins.top;
}

/* Sorts each run of consecutive text items on one baseline by x (an
 * insertion sort, stable: the runs are short and nearly sorted). */
static void order_lines(const struct display_page *page, size_t *order, size_t count)
{
    for (size_t start = 0; start < count;) {
        size_t end = start + 1;
        while (end < count && page->items[order[end]].y == page->items[order[start]].y)
            end++;
        for (size_t index = start + 1; index < end; index++) {
            size_t moving = order[index], at = index;
            for (; at > start && page->items[order[at - 1]].x > page->items[moving].x; at--)
                order[at] = order[at - 1];
            order[at] = moving;
        }
        start = end;
    }
}

static void draw_text(struct pdf_device *device, const struct display_list *list,
                      const struct display_page *page)
{
    size_t *order = xreallocarray(NULL, page->count ? page->count : 1, sizeof *order);
    size_t count = 0;
    for (int band = 0; band < 2; band++)
        for (size_t index = 0; index < page->count; index++)
            if (page->items[index].kind == DISPLAY_TEXT &&
                in_header_band(&page->items[index]) == (band == 0))
                order[count++] = index;
    order_lines(page, order, count);
    pdf_device_begin_text(device);
    for (size_t index = 0; index < count; index++) {
        const struct display_item *item = &page->items[order[index]];
        pdf_device_text(device, (enum font_face)item->face, item->size, item->colour, item->x,
                        item->y, display_text(list, item), item->text_length);
    }
    pdf_device_end_text(device);
    free(order);
}

/* Where internal links may jump: each anchor's page and y, by name (the
 * first of a repeated name keeps it). */
struct anchor_place {
    size_t page;
    float y;
};

struct anchors {
    struct name_table names; /* number: index into places */
    struct anchor_place *places;
    size_t count;
    size_t capacity;       /* grown by doubling: one heading each is quadratic */
    struct buffer scratch; /* a name made a C string */
};

static const char *anchor_key(struct anchors *anchors, const char *name, size_t length)
{
    buffer_truncate(&anchors->scratch, 0);
    buffer_append(&anchors->scratch, name, length);
    return buffer_text(&anchors->scratch);
}

static void collect_anchors(const struct display_list *list, struct anchors *anchors)
{
    for (size_t page = 0; page < list->page_count; page++) {
        for (size_t index = 0; index < list->pages[page].count; index++) {
            const struct display_item *item = &list->pages[page].items[index];
            if (item->kind != DISPLAY_ANCHOR)
                continue;
            const char *key = anchor_key(anchors, display_text(list, item), item->text_length);
            if (name_table_get(&anchors->names, key))
                continue;
            name_table_put(&anchors->names, key, NULL, anchors->count);
            anchors->places = xgrow(anchors->places, &anchors->capacity, anchors->count + 1,
                                    sizeof *anchors->places);
            anchors->places[anchors->count++] = (struct anchor_place){page, item->y};
        }
    }
}

static void draw_link(struct pdf_device *device, const struct display_list *list, size_t page,
                      const struct display_item *item, struct anchors *anchors)
{
    const char *target = display_text(list, item);
    if (item->text_length == 0)
        return;
    if (target[0] != '#') {
        pdf_device_uri_link(device, page, item->x, item->y, item->width, item->height, target,
                            item->text_length);
        return;
    }
    const struct name_entry *anchor =
        name_table_get(&anchors->names, anchor_key(anchors, target + 1, item->text_length - 1));
    if (anchor)
        pdf_device_page_link(device, page, item->x, item->y, item->width, item->height,
                             anchors->places[anchor->number].page,
                             anchors->places[anchor->number].y);
}

static void draw_bookmark(struct pdf_device *device, const struct display_list *list, size_t page,
                          const struct display_item *item, size_t *count, struct diag_sink *sink)
{
    if (*count == LIMIT_BOOKMARKS)
        diag(sink, DIAG_TYPESET_TOO_MANY_BOOKMARKS, source_position_of_file(NULL),
             "the document has more than %u headings; those after the %u-th get no bookmark",
             LIMIT_BOOKMARKS, LIMIT_BOOKMARKS);
    if ((*count)++ < LIMIT_BOOKMARKS)
        pdf_device_bookmark(device, item->level, display_text(list, item), item->text_length, page,
                            item->y);
}

static void draw_navigation(struct pdf_device *device, const struct display_list *list,
                            struct diag_sink *sink)
{
    struct anchors anchors = {0};
    size_t bookmarks = 0;
    collect_anchors(list, &anchors);
    for (size_t page = 0; page < list->page_count; page++) {
        for (size_t index = 0; index < list->pages[page].count; index++) {
            const struct display_item *item = &list->pages[page].items[index];
            if (item->kind == DISPLAY_LINK)
                draw_link(device, list, page, item, &anchors);
            else if (item->kind == DISPLAY_BOOKMARK)
                draw_bookmark(device, list, page, item, &bookmarks, sink);
        }
    }
    name_table_free(&anchors.names);
    free(anchors.places);
    buffer_free(&anchors.scratch);
}

void pdf_render(struct pdf_device *device, const struct display_list *list, struct diag_sink *sink)
{
    for (size_t page = 0; page < list->page_count; page++) {
        const struct display_page *current = &list->pages[page];
        pdf_device_begin_page(device, list->page_width, list->page_height);
        draw_watermarks(device, list, current);
        draw_shapes(device, list, current, sink);
        draw_text(device, list, current);
    }
    draw_navigation(device, list, sink);
}
