/* <!-- golive:toc -->: a table of contents with page numbers. It lists the
 * headings of levels 1 and 2 that follow it, one entry a line, title on the
 * left and page number flush right, each line a link to its heading. Page numbers are known only
 * after the page breaks, so each entry gets a placeholder; layout_toc_fill replaces it with the
 * page of the heading's bookmark. A number is right-aligned in a column of fixed width, so no
 * number moves a line or a page break: one layout suffices. */
#include "layout_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOC_DEPTH 2 /* headings of level 1 and 2 */

static const struct {
    float number_width; /* [pt] the column of page numbers */
    float indent;       /* [pt] per level below the highest listed */
    float leader_gap;   /* [pt] between a title, its leader and the number */
    float leader_line;  /* [pt] the dotted leader's stroke */
} toc = {.number_width = 28.0f, .indent = 14.0f, .leader_gap = 4.0f, .leader_line = 0.4f};

static const char placeholder[] = "0";

/* The contents headings after node, in document order; *before counts
 * those before it, *top_level is the highest level listed. */
struct contents {
    cmark_node **headings;
    size_t count, capacity, before;
    int top_level;
};

static void find_headings(cmark_node *root, cmark_node *node, struct contents *out)
{
    *out = (struct contents){.top_level = TOC_DEPTH};
    bool after = false;
    cmark_iter *iter = cmark_iter_new(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *current = cmark_iter_get_node(iter);
        if (current == node)
            after = true;
        if (event != CMARK_EVENT_ENTER || cmark_node_get_type(current) != CMARK_NODE_HEADING)
            continue;
        int level = cmark_node_get_heading_level(current);
        if (level > TOC_DEPTH)
            continue;
        if (!after) {
            out->before++;
            continue;
        }
        if (level < out->top_level)
            out->top_level = level;
        out->headings = xgrow(out->headings, &out->capacity, out->count + 1, sizeof *out->headings);
        out->headings[out->count++] = current;
    }
    cmark_iter_free(iter);
}

static void toc_line(struct layout *layout, cmark_node *heading, int top_level, uint32_t ordinal)
{
    const struct layout_frame *frame = frame_top(layout);
    const struct text_style *body = &layout_styles[STYLE_BODY];
    int level = cmark_node_get_heading_level(heading);
    float indent = (float)(level - top_level) * toc.indent;
    float title_width = frame->width - indent - toc.number_width - toc.leader_gap;
    struct buffer title = {0};
    layout_plain_text(heading, &title);
    float height = layout_form_text(layout, buffer_text(&title), STYLE_BODY,
                                    level == top_level ? SPAN_BOLD : 0, frame->x + indent, 0,
                                    title_width, ALIGN_LEFT);
    buffer_free(&title);
    float last_width = layout->line_count ? layout->lines[layout->line_count - 1].width : 0;
    float baseline = height - body->leading + text_baseline(body->size, body->leading);
    float leader_from = frame->x + indent + last_width + toc.leader_gap;
    float leader_to = frame->x + frame->width - toc.number_width;
    if (leader_to > leader_from)
        box_add_shape(layout, DISPLAY_LINE, leader_from, baseline, leader_to - leader_from, 0,
                      toc.leader_line, layout_measures.colour_rule);
    struct display_item number = {.kind = DISPLAY_TEXT,
                                  .y = baseline,
                                  .size = body->size,
                                  .face = FACE_SANS,
                                  .colour = layout_measures.colour_text};
    display_text_store(layout->list, &number, placeholder, strlen(placeholder));
    box_add(layout, &number);
    LAYOUT_GROW(layout->toc_entries, layout->toc_count, layout->toc_capacity);
    layout->toc_entries[layout->toc_count++] = (struct toc_entry){
        .number_offset = number.text_offset,
        .heading = ordinal,
        .left = frame->x + indent,
        .right = frame->x + frame->width,
        .ascent = text_baseline(body->size, body->leading),
        .height = body->leading,
    };
    box_finish(layout, height, text_baseline(body->size, body->leading), 0);
}

void layout_toc(struct layout *layout, cmark_node *node)
{
    cmark_node *root = node;
    while (cmark_node_parent(root))
        root = cmark_node_parent(root);
    struct contents contents;
    find_headings(root, node, &contents);
    size_t first_box = layout->box_count;
    for (size_t index = 0; index < contents.count; index++)
        toc_line(layout, contents.headings[index], contents.top_level,
                 (uint32_t)(contents.before + index));
    layout_keep_together(layout, first_box, layout->box_count);
    free(contents.headings);
}

/* Where each contents heading is, in document order: the page of its
 * bookmark (levels 1 to TOC_DEPTH) and the anchor that follows it, which
 * the entry's link jumps to (its text in the list's pool; length 0 when
 * there is none). */
struct heading_place {
    size_t page;
    uint32_t anchor_offset, anchor_length;
};

static struct heading_place *heading_places(const struct display_list *list, size_t *count)
{
    struct heading_place *places = NULL;
    size_t capacity = 0;
    *count = 0;
    for (size_t page = 0; page < list->page_count; page++)
        for (size_t index = 0; index < list->pages[page].count; index++) {
            const struct display_item *item = &list->pages[page].items[index];
            if (item->kind != DISPLAY_BOOKMARK || item->level > TOC_DEPTH)
                continue;
            const struct display_item *next = index + 1 < list->pages[page].count ? item + 1 : NULL;
            bool anchored = next && next->kind == DISPLAY_ANCHOR;
            places = xgrow(places, &capacity, *count + 1, sizeof *places);
            places[(*count)++] = (struct heading_place){
                .page = page,
                .anchor_offset = anchored ? next->text_offset : 0,
                .anchor_length = anchored ? next->text_length : 0,
            };
        }
    return places;
}

static const struct toc_entry *entry_of(const struct layout *layout,
                                        const struct display_item *item)
{
    if (item->kind != DISPLAY_TEXT)
        return NULL;
    for (size_t index = 0; index < layout->toc_count; index++)
        if (layout->toc_entries[index].number_offset == item->text_offset)
            return &layout->toc_entries[index];
    return NULL;
}

static void fill_number(struct layout *layout, const struct toc_entry *entry,
                        struct display_item *item, size_t page)
{
    char number[24];
    size_t length = (size_t)snprintf(number, sizeof number, "%zu", page + 1);
    display_text_store(layout->list, item, number, length);
    item->x =
        entry->right - measure_text(layout, (enum font_face)item->face, item->size, number, length);
}

/* A link over the entry's line to its heading's anchor: a click on a
 * contents line goes to its page, as in a book's PDF. */
struct toc_link {
    size_t page;
    struct display_item area;
};

static struct display_item link_area(struct layout *layout, const struct toc_entry *entry,
                                     const struct display_item *number,
                                     const struct heading_place *place)
{
    struct display_item area = {.kind = DISPLAY_LINK,
                                .x = entry->left,
                                .y = number->y - entry->ascent,
                                .width = entry->right - entry->left,
                                .height = entry->height};
    struct buffer target = {0};
    buffer_append_char(&target, '#');
    buffer_append(&target, buffer_text(&layout->list->text) + place->anchor_offset,
                  place->anchor_length);
    display_text_store(layout->list, &area, target.data, target.length);
    buffer_free(&target);
    return area;
}

void layout_toc_fill(struct layout *layout)
{
    if (!layout->toc_count)
        return;
    size_t count, link_count = 0, link_capacity = 0;
    struct heading_place *places = heading_places(layout->list, &count);
    struct toc_link *links = NULL;
    struct display_list *list = layout->list;
    for (size_t page = 0; page < list->page_count; page++)
        for (size_t index = 0; index < list->pages[page].count; index++) {
            struct display_item *item = &list->pages[page].items[index];
            const struct toc_entry *entry = entry_of(layout, item);
            if (!entry || entry->heading >= count)
                continue;
            const struct heading_place *place = &places[entry->heading];
            fill_number(layout, entry, item, place->page);
            if (!place->anchor_length)
                continue;
            links = xgrow(links, &link_capacity, link_count + 1, sizeof *links);
            links[link_count++] = (struct toc_link){page, link_area(layout, entry, item, place)};
        }
    /* Added once the walk is over: adding to a page moves its items. */
    for (size_t index = 0; index < link_count; index++)
        display_add(list, links[index].page, &links[index].area);
    free(links);
    free(places);
}
