/* The layout engine's entry point, and the primitives the block stage uses
 * to build the vertical list: boxes of items, containers, frames. */
#include "layout_internal.h"

#include "alloc.h"
#include "golive_limits.h"
#include "layout_directive.h"

#include <stdlib.h>
#include <string.h>

void box_add(struct layout *layout, const struct display_item *item)
{
    LAYOUT_GROW(layout->box_items, layout->box_item_count, layout->box_item_capacity);
    layout->box_items[layout->box_item_count++] = *item;
}

void box_add_text(struct layout *layout, float x, float y, enum font_face face, float size,
                  uint32_t colour, const char *text, size_t length)
{
    struct display_item item = {.kind = DISPLAY_TEXT,
                                .x = x,
                                .y = y,
                                .size = size,
                                .face = (uint8_t)face,
                                .colour = colour};
    display_text_store(layout->list, &item, text, length);
    box_add(layout, &item);
}

void box_add_shape(struct layout *layout, enum display_kind kind, float x, float y, float width,
                   float height, float line_width, uint32_t colour)
{
    struct display_item item = {.kind = (uint8_t)kind,
                                .x = x,
                                .y = y,
                                .width = width,
                                .height = height,
                                .size = line_width,
                                .colour = colour};
    box_add(layout, &item);
}

float text_baseline(float size, float leading)
{
    return (leading - size) / 2 + layout_measures.baseline * size;
}

/* A box is at least checkbox_min_side, room for a pen's tick; a box larger
 * than the text's own reaches as far below it as above. */
float layout_checkbox_side(float size)
{
    float side = layout_measures.checkbox_side * size;
    return side > layout_measures.checkbox_min_side ? side : layout_measures.checkbox_min_side;
}

void box_add_checkbox(struct layout *layout, float x, float baseline, float size, bool ticked)
{
    float natural = layout_measures.checkbox_side * size, side = layout_checkbox_side(size);
    struct display_item box = {.kind = DISPLAY_CHECKBOX,
                               .x = x,
                               .y = baseline - natural + layout_measures.checkbox_drop * size -
                                    (side - natural) / 2,
                               .width = side,
                               .height = side,
                               .size = layout_measures.checkbox_line,
                               .colour = layout_measures.colour_text,
                               .level = ticked};
    box_add(layout, &box);
}

static void add_marker(struct layout *layout, struct layout_frame *item, float baseline)
{
    const struct text_style *body = &layout_styles[STYLE_BODY];
    float right = item->x - layout_measures.marker_gap;
    if (item->marker == MARKER_TEXT) {
        enum font_face face = FACE_SANS;
        float size = item->marker_size > 0 ? item->marker_size : body->size;
        size_t length = strlen(item->marker_text);
        float width = measure_text(layout, face, size, item->marker_text, length);
        box_add_plain(layout, right - width, baseline, face, size, layout_measures.colour_text,
                      item->marker_text, length);
    } else {
        box_add_checkbox(layout, right - layout_checkbox_side(body->size), baseline, body->size,
                         item->marker == MARKER_BOX_TICKED);
    }
    item->marker = MARKER_NONE;
}

void box_finish(struct layout *layout, float height, float first_baseline, uint16_t flags)
{
    /* A page break or a cover is not placed in the flow: a marker waits on. */
    for (size_t index = 0; index < layout->frame_count && !(flags & (BOX_PAGE_BREAK | BOX_COVER));
         index++)
        if (layout->frames[index].marker != MARKER_NONE)
            add_marker(layout, &layout->frames[index], first_baseline);
    if (flags & (BOX_PAGE_BREAK | BOX_COVER))
        layout->keep_boxes = 0;
    else if (layout->keep_boxes && --layout->keep_boxes)
        flags |= BOX_KEEP_WITH_NEXT;
    LAYOUT_GROW(layout->boxes, layout->box_count, layout->box_capacity);
    struct layout_frame *frame = frame_top(layout);
    layout->boxes[layout->box_count++] = (struct layout_box){
        .height = height,
        .space_before = layout->pending_space,
        .first_item = (uint32_t)layout->box_start,
        .item_count = (uint32_t)(layout->box_item_count - layout->box_start),
        .container = frame->container,
        .flags = flags,
    };
    layout->box_start = layout->box_item_count;
    layout->pending_space = 0;
}

/* How many boxes a short run may have and still be kept whole: a list or
 * table of six lines or fewer is never split. */
#define KEEP_WHOLE_BOXES 6

/* Two boxes kept as a pair take at most half a page: slices of a row
 * taller than a page are not. */
static bool small_pair(const struct layout *layout, size_t first)
{
    float page = layout->text_bottom - layout->text_top;
    return layout->boxes[first].height + layout->boxes[first + 1].height <= page / 2;
}

static bool fits_on_page(const struct layout *layout, size_t first, size_t end)
{
    float height = 0;
    for (size_t index = first; index < end; index++)
        height +=
            layout->boxes[index].height + (index > first ? layout->boxes[index].space_before : 0);
    return height <= layout->text_bottom - layout->text_top;
}

void layout_keep_whole(struct layout *layout, size_t first, size_t end)
{
    if (end <= first + 1 || !fits_on_page(layout, first, end))
        return;
    for (size_t index = first; index + 1 < end; index++)
        layout->boxes[index].flags |= BOX_KEEP_WITH_NEXT;
}

void layout_keep_together(struct layout *layout, size_t first, size_t end)
{
    if (end <= first + 1)
        return;
    if (end - first <= KEEP_WHOLE_BOXES && fits_on_page(layout, first, end)) {
        layout_keep_whole(layout, first, end);
        return;
    }
    if (small_pair(layout, first))
        layout->boxes[first].flags |= BOX_KEEP_WITH_NEXT;
    if (small_pair(layout, end - 2))
        layout->boxes[end - 2].flags |= BOX_KEEP_WITH_NEXT;
}

void layout_keep_after_heading(struct layout *layout)
{
    layout->keep_boxes = 2;
}

void box_space(struct layout *layout, float space)
{
    if (space > layout->pending_space)
        layout->pending_space = space;
}

uint32_t container_open(struct layout *layout, enum container_kind kind, float x, float width,
                        float padding)
{
    LAYOUT_GROW(layout->containers, layout->container_count, layout->container_capacity);
    layout->containers[layout->container_count] = (struct layout_container){
        .kind = kind,
        .x = x,
        .width = width,
        .padding = padding,
        .parent = frame_top(layout)->container,
    };
    return (uint32_t)++layout->container_count;
}

struct layout_frame *frame_top(struct layout *layout)
{
    return &layout->frames[layout->frame_count - 1];
}

/* frame_push: a copy of the enclosing frame, which the caller narrows. */
struct layout_frame *frame_push(struct layout *layout, enum frame_kind kind)
{
    LAYOUT_GROW(layout->frames, layout->frame_count, layout->frame_capacity);
    struct layout_frame *frame = &layout->frames[layout->frame_count];
    if (layout->frame_count)
        *frame = layout->frames[layout->frame_count - 1];
    else
        *frame = (struct layout_frame){0};
    frame->kind = kind;
    frame->marker = MARKER_NONE;
    layout->frame_count++;
    return frame;
}

void frame_pop(struct layout *layout)
{
    layout->frame_count--;
}

uint32_t layout_colour(const struct layout *layout, const struct text_style *style)
{
    return style->accent ? layout->options->accent_colour : style->colour;
}

void layout_check_anchors(struct layout *layout)
{
    for (size_t index = 0; index < layout->anchor_reference_count; index++) {
        const struct anchor_reference *reference = &layout->anchor_references[index];
        if (!name_table_get(&layout->slugs, reference->name))
            diag(layout->sink, DIAG_TYPESET_LINK_DEAD, reference->at,
                 "the link to '#%s' leads nowhere: no heading of the document has that anchor",
                 reference->name);
    }
}

static void layout_init(struct layout *layout, const struct layout_options *options,
                        const struct text_measurer *measurer, struct display_list *out,
                        struct diag_sink *sink)
{
    const struct paper_geometry *paper = &layout_papers[options->paper];
    *layout = (struct layout){.options = options,
                              .measurer = measurer,
                              .sink = sink,
                              .list = out,
                              .draft = options->draft,
                              .words = typeset_words_complete(options->words)};
    layout->page_width = paper->width;
    layout->page_height = paper->height;
    layout->text_left = layout_margins.left;
    layout->text_width = paper->width - layout_margins.left - layout_margins.right;
    layout->text_top = layout_margins.top;
    layout->text_bottom = paper->height - layout_margins.bottom;
    out->page_width = paper->width;
    out->page_height = paper->height;
    struct layout_frame *document = frame_push(layout, FRAME_DOCUMENT);
    document->x = layout->text_left;
    document->width = layout->text_width;
}

static void layout_release(struct layout *layout)
{
    free(layout->boxes);
    free(layout->box_items);
    free(layout->containers);
    free(layout->frames);
    buffer_free(&layout->scratch);
    free(layout->spans);
    free(layout->links);
    free(layout->fragments);
    free(layout->lines);
    free(layout->bidi_levels);
    name_table_free(&layout->slugs);
    for (size_t index = 0; index < layout->anchor_reference_count; index++)
        free(layout->anchor_references[index].name);
    free(layout->anchor_references);
    free(layout->footnote_references);
    free(layout->footnotes);
    free(layout->shared_widths);
    free(layout->watermark);
    free(layout->toc_entries);
}

bool layout_document(cmark_node *root, const struct layout_options *options,
                     const struct text_measurer *measurer, struct display_list *out,
                     struct diag_sink *sink)
{
    struct layout layout;
    layout_init(&layout, options, measurer, out, sink);
    layout_check_coverage(&layout, root);
    bool ok = layout_blocks(&layout, root) && layout_paginate(&layout);
    if (ok) {
        layout_toc_fill(&layout);
        layout_furniture(&layout);
        layout_check_anchors(&layout);
    }
    layout_release(&layout);
    return ok;
}

void layout_plain_text(cmark_node *node, struct buffer *out)
{
    cmark_iter *iter = cmark_iter_new(node);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *current = cmark_iter_get_node(iter);
        if (event != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(current)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
            buffer_append_text(out, cmark_node_get_literal(current));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: buffer_append_char(out, ' '); break;
        default: break;
        }
    }
    cmark_iter_free(iter);
}

/* The title of a cover directive among the top-level blocks, if any. */
static bool cover_title(cmark_node *root, struct buffer *out)
{
    struct diag_sink *ignored = diag_sink_new(); /* mistakes are reported during layout */
    bool found = false;
    for (cmark_node *node = cmark_node_first_child(root); node && !found;
         node = cmark_node_next(node)) {
        const char *literal = cmark_node_get_literal(node);
        struct directive directive;
        if (cmark_node_get_type(node) != CMARK_NODE_HTML_BLOCK ||
            !directive_is_candidate(literal) ||
            !directive_parse(literal, source_position_of_file(NULL), &directive, ignored))
            continue;
        const char *title = directive.values[KEY_TITLE];
        if (directive.kind == DIRECTIVE_COVER && title && *title) {
            buffer_append_text(out, title);
            found = true;
        }
        directive_free(&directive);
    }
    diag_sink_free(ignored);
    return found;
}

bool layout_document_title(cmark_node *root, struct buffer *out)
{
    if (cover_title(root, out))
        return true;
    for (cmark_node *node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
        if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
            layout_plain_text(node, out);
            return true;
        }
    }
    return false;
}
