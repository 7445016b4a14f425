/* The display list: what the layout engine hands the PDF device. Pages of
 * positioned items (text runs, rules, fills, checkboxes, images, link areas,
 * bookmarks), in points from the top-left corner of the page, y downwards.
 * It knows nothing of libharu; it can be dumped as text for golden tests. */
#ifndef GOLIVE_DISPLAY_LIST_H
#define GOLIVE_DISPLAY_LIST_H

#include "buffer.h"
#include "font_face.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum display_kind {
    DISPLAY_TEXT,      /* a run of text: (x, y) is the baseline start; size, face, colour */
    DISPLAY_FILL,      /* a filled rectangle: (x, y) top-left, width, height */
    DISPLAY_LINE,      /* a stroke from (x, y) to (x + width, y + height); size is its width */
    DISPLAY_FRAME,     /* a stroked rectangle outline; size is the line width */
    DISPLAY_CHECKBOX,  /* a checkbox square of side width at (x, y) top-left; checked */
    DISPLAY_WRAP_MARK, /* the mark of a wrapped code line, size width at (x, y) baseline */
    DISPLAY_IMAGE,     /* an image scaled into the rectangle; text is its file path */
    DISPLAY_LINK,      /* a clickable area; text is a URI or "#anchor" */
    DISPLAY_ANCHOR,    /* a place internal links jump to; text is its name */
    DISPLAY_BOOKMARK,  /* an outline entry at y; level; text is the title */
    DISPLAY_WATERMARK, /* large diagonal text across the page; text */
};

struct display_item {
    float x, y, width, height;         /* [pt] */
    float size;                        /* font size or line width [pt] */
    uint32_t text_offset, text_length; /* into display_list.text */
    uint32_t colour;                   /* 0xRRGGBB */
    uint8_t kind;                      /* enum display_kind */
    uint8_t face;                      /* enum font_face, for text */
    uint8_t level;                     /* bookmark level 1-6; checkbox: 1 when ticked */
};

struct display_page {
    struct display_item *items;
    size_t count, capacity;
    bool cover; /* a cover page: no running header or footer */
};

struct display_list {
    float page_width, page_height; /* [pt] */
    struct display_page *pages;
    size_t page_count, page_capacity;
    struct buffer text; /* every item's text, back to back */
};

/* display_page_add: a new empty page at the end; returns its index. */
size_t display_list_add_page(struct display_list *list);
/* display_add: appends item to page; returns it for the caller to adjust. */
struct display_item *display_add(struct display_list *list, size_t page,
                                 const struct display_item *item);
/* display_text_store: copies text into the list's pool; sets the item's
 * text_offset and text_length. */
void display_text_store(struct display_list *list, struct display_item *item, const char *text,
                        size_t length);
const char *display_text(const struct display_list *list, const struct display_item *item);

/* display_list_dump: one line per item, page by page, positions rounded to
 * 0.1 pt: the readable form golden tests compare. */
void display_list_dump(const struct display_list *list, struct buffer *out);

void display_list_free(struct display_list *list);

#endif
