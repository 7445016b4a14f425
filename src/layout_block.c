/* The block stage: walks the tree with cmark's iterator (no recursion, so
 * no nesting depth can exhaust the stack) and turns each block into boxes:
 * paragraphs and headings into lines, lists and quotes into frames that
 * narrow the text column, code into shaded lines. */
#include "layout_internal.h"

#include "golive_limits.h"
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct run_style run_style_of(const struct layout *layout, enum text_style_kind kind)
{
    const struct text_style *style = &layout_styles[kind];
    uint8_t base = (uint8_t)((style->bold ? SPAN_BOLD : 0) | (style->italic ? SPAN_ITALIC : 0) |
                             (style->mono ? SPAN_MONO : 0));
    return (struct run_style){.size = style->size,
                              .leading = style->leading,
                              .colour = layout_colour(layout, style),
                              .base = base};
}

static bool fragments_have_content(const struct layout *layout)
{
    for (size_t index = 0; index < layout->fragment_count; index++)
        if (layout->fragments[index].kind == FRAGMENT_WORD ||
            layout->fragments[index].kind == FRAGMENT_CHECKBOX)
            return true;
    return false;
}

/* Lays out spans [first, end) as lines in the current frame. */
static void flow_spans(struct layout *layout, size_t first, size_t end,
                       const struct run_style *style, uint16_t flags)
{
    inline_measure(layout, first, end, style);
    if (!fragments_have_content(layout))
        return;
    inline_break(layout, frame_top(layout)->width, style);
    layout_flow_lines(layout, style, ALIGN_LEFT, flags);
    layout_footnote_references(layout);
}

static float paragraph_space_after(struct layout *layout)
{
    return frame_top(layout)->tight ? layout_measures.tight_item_space
                                    : layout_styles[STYLE_BODY].space_after;
}

/* Whether a block image at span index has a caption: text after it in its
 * paragraph, or a next paragraph that is all emphasis. */
static bool image_captioned(const struct layout *layout, size_t index, cmark_node *node)
{
    for (size_t after = index + 1; after < layout->span_count; after++)
        if (layout->spans[after].length > 0 && layout->spans[after].kind != SPAN_BREAK &&
            strspn(buffer_text(&layout->scratch) + layout->spans[after].offset, " ") <
                layout->spans[after].length)
            return true;
    cmark_node *next = cmark_node_next(node);
    cmark_node *child = next ? cmark_node_first_child(next) : NULL;
    return next && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH && child &&
           !cmark_node_next(child) && cmark_node_get_type(child) == CMARK_NODE_EMPH;
}

/* A paragraph; an image alone on its line in it stands as a block of its
 * own between the lines before and after it, kept with its caption. */
static void layout_paragraph(struct layout *layout, cmark_node *node)
{
    struct run_style style =
        run_style_of(layout, layout->in_footnote ? STYLE_FOOTNOTE : STYLE_BODY);
    size_t first_box = layout->box_count;
    inline_reset(layout);
    inline_collect(layout, node, 0);
    size_t first = 0;
    for (size_t index = 0; index <= layout->span_count; index++) {
        if (index < layout->span_count && layout->spans[index].kind != SPAN_IMAGE)
            continue;
        if (index > first)
            flow_spans(layout, first, index, &style, 0);
        if (index < layout->span_count)
            layout_image_box(layout, &layout->spans[index], image_captioned(layout, index, node));
        first = index + 1;
    }
    /* An item's first paragraph (a task's title) stays with what follows
     * it in the item, as a heading does; so does a paragraph that leads
     * into a list or a table ("Clear the two blockers, then:"). */
    cmark_node *parent = cmark_node_parent(node), *next = cmark_node_next(node);
    bool item_title = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
                      !cmark_node_previous(node) && next;
    bool leads_in = next && (cmark_node_get_type(next) == CMARK_NODE_LIST ||
                             strcmp(cmark_node_get_type_string(next), "table") == 0);
    if ((item_title || leads_in) && layout->box_count > first_box)
        layout->boxes[layout->box_count - 1].flags |= BOX_KEEP_WITH_NEXT;
    box_space(layout, paragraph_space_after(layout));
}

/* GitHub's anchor names: lower case, spaces to hyphens, other punctuation
 * dropped; a repeated name gets -1, -2 ... (skipping any taken already).
 * The table's number for a name counts its repeats so far. */
static void make_slug(struct layout *layout, const char *title, struct buffer *slug)
{
    for (const unsigned char *at = (const unsigned char *)title; *at; at++) {
        if (*at >= 0x80 || (*at >= '0' && *at <= '9') || *at == '-' || *at == '_')
            buffer_append_char(slug, (char)*at);
        else if ((*at | 0x20) >= 'a' && (*at | 0x20) <= 'z')
            buffer_append_char(slug, (char)(*at | 0x20));
        else if (*at == ' ')
            buffer_append_char(slug, '-');
    }
    const struct name_entry *base = name_table_get(&layout->slugs, buffer_text(slug));
    if (!base) {
        name_table_put(&layout->slugs, buffer_text(slug), NULL, 0);
        return;
    }
    char *base_name = xstrdup(buffer_text(slug));
    size_t repeat = base->number;
    do {
        buffer_truncate(slug, 0);
        buffer_printf(slug, "%s-%zu", base_name, ++repeat);
    } while (name_table_get(&layout->slugs, buffer_text(slug)));
    name_table_put(&layout->slugs, base_name, NULL, repeat);
    name_table_put(&layout->slugs, buffer_text(slug), NULL, 0);
    free(base_name);
}

/* The bookmark and the anchor of a heading ride on its first line. */
static void add_heading_marks(struct layout *layout, cmark_node *node, int level)
{
    struct buffer title = {0}, slug = {0};
    layout_plain_text(node, &title);
    make_slug(layout, buffer_text(&title), &slug);
    struct display_item bookmark = {
        .kind = DISPLAY_BOOKMARK, .x = frame_top(layout)->x, .level = (uint8_t)level};
    display_text_store(layout->list, &bookmark, title.data ? title.data : "", title.length);
    box_add(layout, &bookmark);
    struct display_item anchor = {.kind = DISPLAY_ANCHOR, .x = frame_top(layout)->x};
    display_text_store(layout->list, &anchor, slug.data ? slug.data : "", slug.length);
    box_add(layout, &anchor);
    buffer_free(&title);
    buffer_free(&slug);
}

static void layout_heading(struct layout *layout, cmark_node *node)
{
    int level = cmark_node_get_heading_level(node);
    enum text_style_kind kind = (enum text_style_kind)(STYLE_HEADING_1 + level - 1);
    struct run_style style = run_style_of(layout, kind);
    box_space(layout, layout_styles[kind].space_before);
    inline_reset(layout);
    inline_collect(layout, node, style.base);
    inline_measure(layout, 0, layout->span_count, &style);
    inline_break(layout, frame_top(layout)->width, &style);
    add_heading_marks(layout, node, level);
    layout_flow_lines(layout, &style, ALIGN_LEFT, BOX_KEEP_WITH_NEXT);
    layout_footnote_references(layout);
    layout_keep_after_heading(layout);
    box_space(layout, layout_styles[kind].space_after);
}

static void layout_rule(struct layout *layout)
{
    const struct layout_frame *frame = frame_top(layout);
    box_space(layout, layout_measures.rule_space);
    box_add_shape(layout, DISPLAY_LINE, frame->x, 0, frame->width, 0, layout_measures.rule_line,
                  layout_measures.colour_rule);
    const struct text_style *body = &layout_styles[STYLE_BODY];
    box_finish(layout, layout_measures.rule_line, text_baseline(body->size, body->leading), 0);
    box_space(layout, layout_measures.rule_space);
}

/* The lists and quotes around the frame being opened: each is one level
 * of indentation (a list's items indent as their list's level). Content
 * deeper than LIMIT_LAYOUT_INDENT levels keeps its parent's column: it
 * still shows, it just stops moving right. */
static unsigned indent_levels(const struct layout *layout)
{
    unsigned levels = 0;
    for (size_t index = 0; index < layout->frame_count; index++)
        levels +=
            layout->frames[index].kind == FRAME_LIST || layout->frames[index].kind == FRAME_QUOTE;
    return levels;
}

static void enter_quote(struct layout *layout)
{
    bool indent = indent_levels(layout) + 1 <= LIMIT_LAYOUT_INDENT;
    struct layout_frame *frame = frame_push(layout, FRAME_QUOTE);
    frame->tight = false;
    if (!indent)
        return;
    frame->container =
        container_open(layout, CONTAINER_QUOTE, frame->x, layout_measures.quote_bar, 0);
    frame->x += layout_measures.quote_indent;
    frame->width -= layout_measures.quote_indent;
}

static void enter_list(struct layout *layout, cmark_node *node)
{
    struct layout_frame *frame = frame_push(layout, FRAME_LIST);
    frame->ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    frame->tight = cmark_node_get_list_tight(node);
    frame->delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ')' : '.';
    frame->next_number = cmark_node_get_list_start(node);
    frame->list_depth++;
    frame->marker_width = layout_measures.list_indent;
    frame->first_box = layout->box_count;
    if (!frame->ordered)
        return;
    long last = frame->next_number;
    for (cmark_node *item = cmark_node_first_child(node); item; item = cmark_node_next(item))
        last++;
    char widest[24];
    snprintf(widest, sizeof widest, "%ld%c", last > 0 ? last - 1 : last, frame->delimiter);
    const struct text_style *body = &layout_styles[STYLE_BODY];
    float width = measure_text(layout, FACE_SANS, body->size, widest, strlen(widest)) +
                  layout_measures.marker_gap;
    if (width > frame->marker_width)
        frame->marker_width = width;
}

static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x97\xA6"}; /* • – ◦ */

static void enter_item(struct layout *layout, cmark_node *node)
{
    bool indent = indent_levels(layout) <= LIMIT_LAYOUT_INDENT; /* its list counted */
    long number = frame_top(layout)->next_number++;
    const struct layout_frame list = *frame_top(layout); /* frame_push may move it */
    struct layout_frame *item = frame_push(layout, FRAME_ITEM);
    if (indent) {
        item->x += list.marker_width;
        item->width -= list.marker_width;
    }
    if (markdown_is_task_item(node)) {
        item->marker = cmark_gfm_extensions_get_tasklist_item_checked(node) ? MARKER_BOX_TICKED
                                                                            : MARKER_BOX_EMPTY;
    } else if (list.ordered) {
        item->marker = MARKER_TEXT;
        snprintf(item->marker_text, sizeof item->marker_text, "%ld%c", number, list.delimiter);
    } else {
        item->marker = MARKER_TEXT;
        const char *bullet = bullets[(list.list_depth - 1) % (sizeof bullets / sizeof *bullets)];
        snprintf(item->marker_text, sizeof item->marker_text, "%s", bullet);
    }
}

static void exit_item(struct layout *layout)
{
    const struct text_style *body = &layout_styles[STYLE_BODY];
    struct layout_frame *item = frame_top(layout);
    if (item->marker != MARKER_NONE) /* an empty item still shows its marker */
        box_finish(layout, body->leading, text_baseline(body->size, body->leading), 0);
    bool tight = item->tight;
    frame_pop(layout);
    box_space(layout, tight ? layout_measures.tight_item_space : body->space_after);
}

static void block_enter(struct layout *layout, cmark_iter *iter, cmark_node *node)
{
    cmark_node_type type = cmark_node_get_type(node);
    layout->current_position = (struct source_position){
        layout->options->source_name, (unsigned)cmark_node_get_start_line(node),
        (unsigned)cmark_node_get_start_column(node)};
    if (type == CMARK_NODE_TABLE) {
        layout_table(layout, node);
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        return;
    }
    switch (type) {
    case CMARK_NODE_BLOCK_QUOTE: enter_quote(layout); break;
    case CMARK_NODE_LIST: enter_list(layout, node); break;
    case CMARK_NODE_ITEM: enter_item(layout, node); break;
    case CMARK_NODE_PARAGRAPH: layout_paragraph(layout, node); break;
    case CMARK_NODE_HEADING: layout_heading(layout, node); break;
    case CMARK_NODE_CODE_BLOCK: layout_code_block(layout, node); break;
    case CMARK_NODE_HTML_BLOCK: layout_html_block(layout, node); break;
    case CMARK_NODE_THEMATIC_BREAK: layout_rule(layout); break;
    case CMARK_NODE_FOOTNOTE_DEFINITION: layout_footnote_enter(layout); break;
    default: break;
    }
    if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING)
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
}

static void block_exit(struct layout *layout, cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_BLOCK_QUOTE:
        frame_pop(layout);
        box_space(layout, layout_styles[STYLE_BODY].space_after);
        break;
    case CMARK_NODE_LIST:
        layout_keep_together(layout, frame_top(layout)->first_box, layout->box_count);
        frame_pop(layout);
        box_space(layout, layout_styles[STYLE_BODY].space_after);
        break;
    case CMARK_NODE_ITEM: exit_item(layout); break;
    case CMARK_NODE_FOOTNOTE_DEFINITION: layout_footnote_exit(layout); break;
    default: break;
    }
}

bool layout_blocks(struct layout *layout, cmark_node *root)
{
    cmark_iter *iter = cmark_iter_new(root);
    cmark_event_type event;
    while (!layout->failed && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(iter);
        if (event == CMARK_EVENT_ENTER)
            block_enter(layout, iter, node);
        else if (event == CMARK_EVENT_EXIT)
            block_exit(layout, node);
    }
    cmark_iter_free(iter);
    return !layout->failed;
}
