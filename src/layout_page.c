/* The page builder: places the boxes of the vertical list on pages, top to
 * bottom. It keeps headings with what follows them (BOX_KEEP_WITH_NEXT
 * chains), repeats a table's header row after a page break, draws the bars
 * and bands of containers cut at page ends, and then adds the running
 * header and footer once the page count is known. */
#include "layout_internal.h"

#include "golive_limits.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct open_container {
    uint32_t id; /* container + 1 */
    float top;   /* where its segment on this page starts [pt] */
};

struct page_builder {
    struct layout *layout;
    size_t page;
    float y;               /* top of the next box [pt] */
    float last_bottom;     /* bottom of the last box placed [pt] */
    bool empty;            /* nothing placed on this page yet */
    size_t page_first_box; /* the first box placed on this page */
    bool page_forced;      /* this page began at a page break or after a cover */
    struct open_container *open;
    size_t open_count, open_capacity;
    /* footnotes (layout_footnote.c) */
    bool *note_placed;    /* each footnote: set at some page's foot */
    uint32_t *page_notes; /* footnotes at this page's foot, in order */
    size_t page_note_count, page_note_capacity;
    float foot_height;       /* what they and their rule take [pt] */
    size_t reference_cursor; /* first footnote reference not behind the box */
};

/* Between the text and the footnotes: a short rule in this gap. */
#define FOOTNOTE_SEPARATOR 12.0f
#define FOOTNOTE_GAP 2.0f
#define FOOTNOTE_RULE_FRACTION 0.3f

/* The height the footnotes first referenced in box index add to this
 * page's foot (0 for none); attach sets them there. */
static float box_notes(struct page_builder *builder, size_t index, bool attach)
{
    const struct layout *layout = builder->layout;
    while (builder->reference_cursor < layout->footnote_reference_count &&
           layout->footnote_references[builder->reference_cursor].box < index)
        builder->reference_cursor++;
    float height = 0;
    for (size_t at = builder->reference_cursor;
         at < layout->footnote_reference_count && layout->footnote_references[at].box == index;
         at++) {
        uint32_t note = layout->footnote_references[at].number - 1;
        if (note >= layout->footnote_count || builder->note_placed[note])
            continue;
        if (height == 0 && builder->page_note_count == 0)
            height += FOOTNOTE_SEPARATOR;
        height += layout->footnotes[note].height + FOOTNOTE_GAP;
        if (!attach)
            continue;
        builder->note_placed[note] = true;
        LAYOUT_GROW(builder->page_notes, builder->page_note_count, builder->page_note_capacity);
        builder->page_notes[builder->page_note_count++] = note;
    }
    return height;
}

static void copy_items(struct page_builder *builder, const struct layout_box *box, float top);

/* Sets this page's footnotes at its foot, under a short rule. */
static void flush_notes(struct page_builder *builder)
{
    struct layout *layout = builder->layout;
    float top = layout->text_bottom - builder->foot_height;
    if (builder->page_note_count) {
        struct display_item rule = {.kind = DISPLAY_LINE,
                                    .x = layout->text_left,
                                    .y = top + FOOTNOTE_SEPARATOR / 2,
                                    .width = layout->text_width * FOOTNOTE_RULE_FRACTION,
                                    .size = layout_measures.grid_line,
                                    .colour = layout_measures.colour_grid};
        display_add(layout->list, builder->page, &rule);
        top += FOOTNOTE_SEPARATOR;
    }
    for (size_t at = 0; at < builder->page_note_count; at++) {
        const struct layout_footnote *note = &layout->footnotes[builder->page_notes[at]];
        for (size_t index = note->first_box; index < note->end_box; index++) {
            const struct layout_box *box = &layout->boxes[index];
            top += index > note->first_box ? box->space_before : 0;
            copy_items(builder, box, top);
            top += box->height;
        }
        top += FOOTNOTE_GAP;
    }
    builder->page_note_count = 0;
    builder->foot_height = 0;
}

static void close_container(struct page_builder *builder, const struct open_container *open)
{
    struct layout *layout = builder->layout;
    const struct layout_container *container = &layout->containers[open->id - 1];
    struct display_item fill = {.kind = DISPLAY_FILL, .x = container->x};
    if (container->kind == CONTAINER_QUOTE) {
        fill.y = open->top;
        fill.width = layout_measures.quote_bar;
        fill.height = builder->last_bottom - open->top;
        fill.colour = layout_measures.colour_quote_bar;
    } else {
        fill.y = open->top - container->padding;
        fill.width = container->width;
        fill.height = builder->last_bottom - open->top + 2 * container->padding;
        fill.colour = layout_measures.colour_code_fill;
    }
    display_add(layout->list, builder->page, &fill);
}

static void close_containers_to(struct page_builder *builder, size_t keep)
{
    while (builder->open_count > keep)
        close_container(builder, &builder->open[--builder->open_count]);
}

static bool new_page(struct page_builder *builder)
{
    struct layout *layout = builder->layout;
    close_containers_to(builder, 0);
    if (layout->list->page_count)
        flush_notes(builder);
    if (layout->list->page_count >= LIMIT_PDF_PAGES) {
        diag(layout->sink, DIAG_TYPESET_TOO_MANY_PAGES,
             source_position_of_file(layout->options->source_name),
             "the document would take more than %u pages; split it", LIMIT_PDF_PAGES);
        layout->failed = true;
        return false;
    }
    builder->page = display_list_add_page(layout->list);
    builder->y = builder->last_bottom = layout->text_top;
    builder->empty = true;
    builder->page_forced = false;
    return true;
}

/* The chain of containers around a box, outermost first, into chain. */
static size_t container_chain(const struct layout *layout, uint32_t innermost, uint32_t *chain,
                              size_t room)
{
    size_t count = 0;
    for (uint32_t id = innermost; id && count < room; id = layout->containers[id - 1].parent)
        chain[count++] = id;
    for (size_t index = 0; index < count / 2; index++) {
        uint32_t swap = chain[index];
        chain[index] = chain[count - 1 - index];
        chain[count - 1 - index] = swap;
    }
    return count;
}

/* Opens what the box's chain adds to the open containers, closing those it
 * leaves; a band opened at the top of a page starts below its padding. */
static void enter_containers(struct page_builder *builder, uint32_t innermost)
{
    struct layout *layout = builder->layout;
    uint32_t chain[LIMIT_LAYOUT_INDENT + 2];
    size_t count = container_chain(layout, innermost, chain, sizeof chain / sizeof *chain);
    size_t common = 0;
    while (common < count && common < builder->open_count &&
           builder->open[common].id == chain[common])
        common++;
    close_containers_to(builder, common);
    for (size_t index = common; index < count; index++) {
        if (builder->empty)
            builder->y += layout->containers[chain[index] - 1].padding;
        LAYOUT_GROW(builder->open, builder->open_count, builder->open_capacity);
        builder->open[builder->open_count++] = (struct open_container){chain[index], builder->y};
    }
}

/* The bottom padding the box's bands need below it. */
static float chain_padding(const struct layout *layout, uint32_t innermost)
{
    float padding = 0;
    for (uint32_t id = innermost; id; id = layout->containers[id - 1].parent)
        padding += layout->containers[id - 1].padding;
    return padding;
}

static void copy_items(struct page_builder *builder, const struct layout_box *box, float top)
{
    struct layout *layout = builder->layout;
    for (uint32_t index = 0; index < box->item_count; index++) {
        struct display_item item = layout->box_items[box->first_item + index];
        item.y += top;
        display_add(layout->list, builder->page, &item);
    }
}

/* What must fit below the cursor with box index: itself, or for a chain of
 * boxes kept with the next, the chain and the box after it, boxes
 * [index, *end). A chain taller than a page is not kept. */
static float needed_height(const struct layout *layout, size_t index, size_t *end)
{
    const struct layout_box *box = &layout->boxes[index];
    float total = box->height, page = layout->text_bottom - layout->text_top;
    size_t next = index;
    while (layout->boxes[next].flags & BOX_KEEP_WITH_NEXT) {
        if (next + 1 >= layout->box_count || total > page || layout->boxes[next + 1].footnote)
            break;
        next++;
        total += layout->boxes[next].space_before + layout->boxes[next].height;
    }
    *end = total > page ? index + 1 : next + 1;
    return total > page ? box->height : total;
}

/* The height the footnotes first referenced in boxes [index, end) add to
 * this page's foot: a heading kept with a line keeps room for its note. */
static float chain_notes(struct page_builder *builder, size_t index, size_t end)
{
    size_t cursor = builder->reference_cursor;
    float height = 0;
    for (size_t at = index; at < end; at++) {
        float notes = box_notes(builder, at, false);
        if (notes > 0 && height > 0 && builder->page_note_count == 0)
            notes -= FOOTNOTE_SEPARATOR; /* one rule for them all */
        height += notes;
    }
    builder->reference_cursor = cursor;
    return height;
}

static void place_box(struct page_builder *builder, size_t index)
{
    struct layout *layout = builder->layout;
    const struct layout_box *box = &layout->boxes[index];
    float gap = builder->empty ? 0 : box->space_before;
    size_t end;
    float need = needed_height(layout, index, &end) + chain_padding(layout, box->container);
    if (!builder->empty &&
        builder->y + gap + need + builder->foot_height + chain_notes(builder, index, end) >
            layout->text_bottom) {
        if (!new_page(builder))
            return;
        gap = 0;
    }
    float notes = box_notes(builder, index, false);
    /* Footnotes that cannot share even an empty page with their line are
     * set after the text instead. */
    if (notes > 0 && builder->y + need + builder->foot_height + notes <= layout->text_bottom)
        builder->foot_height += box_notes(builder, index, true);
    if (builder->empty)
        builder->page_first_box = index;
    if (builder->empty && box->header_box) {
        const struct layout_box *header = &layout->boxes[box->header_box - 1];
        enter_containers(builder, header->container);
        copy_items(builder, header, builder->y);
        builder->y += header->height;
        builder->empty = false;
    }
    builder->y += gap;
    enter_containers(builder, box->container);
    copy_items(builder, box, builder->y);
    builder->y += box->height;
    builder->last_bottom = builder->y;
    builder->empty = false;
}

static void place_cover(struct page_builder *builder, const struct layout_box *box)
{
    if (!builder->empty && !new_page(builder))
        return;
    builder->layout->list->pages[builder->page].cover = true;
    copy_items(builder, box, 0);
    new_page(builder);
}

/* One pass over the boxes; *first_on_last is the first box of the last
 * page, *forced whether that page began at a page break or a cover. */
static void paginate_once(struct layout *layout, size_t *first_on_last, bool *forced)
{
    struct page_builder builder = {.layout = layout, .page_first_box = layout->box_count};
    builder.note_placed = xcalloc(layout->footnote_count + 1, sizeof *builder.note_placed);
    new_page(&builder);
    for (size_t index = 0; index < layout->box_count && !layout->failed; index++) {
        const struct layout_box *box = &layout->boxes[index];
        if (box->flags & BOX_COVER) {
            place_cover(&builder, box);
            builder.page_forced = true;
        } else if (box->footnote && builder.note_placed[box->footnote - 1]) {
            continue;
        } else if (box->flags & BOX_PAGE_BREAK) {
            if (!builder.empty)
                new_page(&builder);
            builder.page_forced = true;
        } else
            place_box(&builder, index);
    }
    close_containers_to(&builder, 0);
    flush_notes(&builder);
    free(builder.open);
    free(builder.note_placed);
    free(builder.page_notes);
    struct display_list *list = layout->list;
    if (list->page_count > 1 && list->pages[list->page_count - 1].count == 0) {
        free(list->pages[list->page_count - 1].items);
        list->page_count--;
    }
    *first_on_last = builder.page_first_box;
    *forced = builder.page_forced;
}

static void clear_pages(struct display_list *list)
{
    for (size_t page = 0; page < list->page_count; page++)
        free(list->pages[page].items);
    list->page_count = 0;
}

/* A last page holding, besides the document's closing blocks, fewer than
 * this many boxes (lines, rows, blocks) carried over from the page before,
 * together less than this share of a page high, is a remainder: the page
 * before gives it more. */
#define REMAINDER_BOXES 2
#define REMAINDER_SHARE 0.125f
#define REMAINDER_PULLS 4

/* The first box of the chain of boxes kept together that ends with box
 * last (the box itself if none). */
static size_t chain_start(const struct layout *layout, size_t last)
{
    while (last > 0 && (layout->boxes[last - 1].flags & BOX_KEEP_WITH_NEXT))
        last--;
    return last;
}

/* The first of the document's closing blocks: the chain of boxes kept
 * together that ends the flow (the document control), and, if that is more
 * than one box, the kept block right before it (a notes block). */
static size_t closing_blocks(const struct layout *layout, size_t end)
{
    size_t first = chain_start(layout, end - 1);
    if (first + 1 < end && first >= 2 && (layout->boxes[first - 2].flags & BOX_KEEP_WITH_NEXT))
        first = chain_start(layout, first - 1);
    return first;
}

/* Whether the last page, starting at box first, is a remainder the page
 * before should give more to. */
static bool is_remainder(const struct layout *layout, size_t first, size_t closing, size_t end,
                         bool forced)
{
    if (forced || first == 0 || first >= end || first + REMAINDER_BOXES <= closing ||
        layout->list->page_count < 2)
        return false;
    float height = 0;
    for (size_t index = first; index < closing; index++)
        height += layout->boxes[index].height;
    return height < (layout->text_bottom - layout->text_top) * REMAINDER_SHARE;
}

/* The last page is never a remainder, less than two lines or a block
 * besides the closing blocks (so never those blocks alone), when
 * the page before can give it more: the box before them is kept with them,
 * and the pages are made again, as long as the page count does not grow. */
bool layout_paginate(struct layout *layout)
{
    size_t first, pages;
    bool forced;
    paginate_once(layout, &first, &forced);
    size_t end = layout_flow_end(layout); /* footnotes are not carried */
    size_t closing = end > 0 ? closing_blocks(layout, end) : 0;
    for (int pull = 0; pull < REMAINDER_PULLS && !layout->failed; pull++) {
        if (!is_remainder(layout, first, closing, end, forced))
            break;
        struct layout_box *before = &layout->boxes[first - 1];
        float carried = 0; /* lines and rows, not the slices of a row taller than a page */
        for (size_t index = first - 1; index < closing; index++)
            carried += layout->boxes[index].height;
        if (before->flags & (BOX_KEEP_WITH_NEXT | BOX_PAGE_BREAK | BOX_COVER) ||
            carried > (layout->text_bottom - layout->text_top) / 2)
            break;
        pages = layout->list->page_count;
        before->flags |= BOX_KEEP_WITH_NEXT;
        clear_pages(layout->list);
        paginate_once(layout, &first, &forced);
        if (layout->list->page_count > pages) {
            before->flags &= (uint16_t)~BOX_KEEP_WITH_NEXT;
            clear_pages(layout->list);
            paginate_once(layout, &first, &forced);
            break;
        }
    }
    return !layout->failed;
}

/* ---- running header and footer --------------------------------------- */

static const char ellipsis[] = "\xE2\x80\xA6"; /* … */

/* text cut at a character boundary so that it and an ellipsis fit in width. */
static void fit_text(const struct layout *layout, enum font_face face, float size, const char *text,
                     float width, struct buffer *out)
{
    size_t length = strlen(text);
    if (measure_text(layout, face, size, text, length) <= width) {
        buffer_append(out, text, length);
        return;
    }
    float room = width - measure_text(layout, face, size, ellipsis, sizeof ellipsis - 1);
    float used = 0;
    size_t offset = 0;
    while (offset < length) {
        uint32_t code_point;
        size_t step = utf8_decode_lossy(text + offset, length - offset, &code_point);
        float advance = measure_text(layout, face, size, text + offset, step);
        if (used + advance > room)
            break;
        used += advance;
        offset += step;
    }
    buffer_append(out, text, offset);
    buffer_append_text(out, ellipsis);
}

/* Draws text on a page: through the inline pipeline (so fallback faces and
 * U+FFFD apply), built as a box and copied. align places it at, before or
 * around x. */
static void page_text(struct layout *layout, size_t page, const char *text, float x, float baseline,
                      float width, enum line_align align, uint8_t style_bits)
{
    const struct text_style *style = &layout_styles[STYLE_FURNITURE];
    struct run_style run = {.size = style->size,
                            .leading = style->leading,
                            .colour = style->colour,
                            .base = style_bits};
    struct buffer fitted = {0};
    fit_text(layout, face_for_style(style_bits), style->size, text, width, &fitted);
    inline_reset(layout);
    inline_append(layout, buffer_text(&fitted), fitted.length, 0, SPAN_TEXT);
    inline_measure(layout, 0, layout->span_count, &run);
    inline_break(layout, layout->page_width, &run);
    float measured = layout->line_count ? layout->lines[0].width : 0;
    float left = align == ALIGN_RIGHT ? x - measured : align == ALIGN_CENTER ? x - measured / 2 : x;
    size_t start = layout->box_item_count;
    if (layout->line_count)
        inline_emit_line(layout, 0, left, baseline, &run);
    for (size_t index = start; index < layout->box_item_count; index++)
        display_add(layout->list, page, &layout->box_items[index]);
    layout->box_item_count = start;
    buffer_free(&fitted);
}

static bool given(const char *text)
{
    return text && *text;
}

static void page_header(struct layout *layout, size_t page)
{
    const struct layout_options *options = layout->options;
    float left = layout->text_left, right = left + layout->text_width;
    float baseline = layout_margins.header_baseline;
    float client_width = 0;
    if (given(options->client)) {
        client_width = measure_text(layout, FACE_SANS, layout_styles[STYLE_FURNITURE].size,
                                    options->client, strlen(options->client));
        if (client_width > layout->text_width / 2)
            client_width = layout->text_width / 2;
        page_text(layout, page, options->client, right, baseline, client_width, ALIGN_RIGHT, 0);
    }
    struct buffer title = {0};
    if (given(options->title))
        buffer_append_text(&title, options->title);
    if (given(options->title) && given(options->subtitle))
        buffer_append_text(&title, " \xE2\x80\x94 "); /* — */
    if (given(options->subtitle))
        buffer_append_text(&title, options->subtitle);
    if (title.length)
        page_text(layout, page, buffer_text(&title), left, baseline,
                  layout->text_width - client_width - layout_margins.furniture_gap, ALIGN_LEFT,
                  SPAN_BOLD);
    buffer_free(&title);
    struct display_item rule = {.kind = DISPLAY_LINE,
                                .x = left,
                                .y = layout_margins.header_rule,
                                .width = layout->text_width,
                                .size = layout_measures.grid_line,
                                .colour = options->accent_colour};
    display_add(layout->list, page, &rule);
}

static void page_footer(struct layout *layout, size_t page, size_t pages)
{
    const struct layout_options *options = layout->options;
    float size = layout_styles[STYLE_FURNITURE].size, gap = layout_margins.furniture_gap;
    float left = layout->text_left, right = left + layout->text_width;
    float baseline = layout->page_height - layout_margins.footer_baseline;
    struct buffer text = {0};
    typeset_words_page(layout->words.page_of, page + 1, pages, &text);
    float number_width = measure_text(layout, FACE_SANS, size, text.data, text.length);
    page_text(layout, page, text.data, right, baseline, number_width, ALIGN_RIGHT, 0);
    buffer_truncate(&text, 0);
    if (given(options->version))
        buffer_printf(&text, "%s %s", layout->words.version, options->version);
    if (given(options->version) && given(options->classification))
        buffer_append_text(&text, " \xC2\xB7 "); /* · */
    if (given(options->classification))
        buffer_append_text(&text, options->classification);
    float side = layout->text_width / 2 - number_width - gap;
    float left_width =
        text.length ? measure_text(layout, FACE_SANS, size, text.data, text.length) : 0;
    if (left_width > side)
        left_width = side;
    if (text.length)
        page_text(layout, page, text.data, left, baseline, left_width, ALIGN_LEFT, 0);
    if (given(options->footer_note)) {
        float centre = left + layout->text_width / 2;
        float half =
            layout->text_width / 2 - (left_width > number_width ? left_width : number_width) - gap;
        page_text(layout, page, options->footer_note, centre, baseline, 2 * half, ALIGN_CENTER, 0);
    }
    buffer_free(&text);
    struct display_item rule = {.kind = DISPLAY_LINE,
                                .x = left,
                                .y = layout->page_height - layout_margins.footer_rule,
                                .width = layout->text_width,
                                .size = layout_measures.grid_line,
                                .colour = layout_measures.colour_grid};
    display_add(layout->list, page, &rule);
}

#define DEGREES_TO_RADIANS (3.14159265358979f / 180.0f)

/* The share of the watermark's size (1 at most) at which text of width
 * WIDTH at SIZE, turned by the watermark's angle, fits inside the page's
 * margins: a project's own long word is made smaller, never cut off. */
static float watermark_scale(const struct layout *layout, float width, float size)
{
    float angle = layout_measures.watermark_angle * DEGREES_TO_RADIANS;
    float height = layout_measures.watermark_height * size;
    float across = width * cosf(angle) + height * sinf(angle);
    float down = width * sinf(angle) + height * cosf(angle);
    float room_across = layout->page_width - 2 * layout_measures.watermark_margin;
    float room_down = layout->page_height - 2 * layout_measures.watermark_margin;
    float scale = 1.0f;
    if (across > room_across)
        scale = room_across / across;
    if (down * scale > room_down)
        scale = room_down / down;
    return scale;
}

static void page_watermark(struct layout *layout, size_t page)
{
    const char *text = layout->watermark ? layout->watermark : layout->words.draft;
    float size = layout_measures.watermark_size;
    float width = measure_text(layout, FACE_SANS_BOLD, size, text, strlen(text));
    float scale = watermark_scale(layout, width, size);
    struct display_item mark = {.kind = DISPLAY_WATERMARK,
                                .x = layout->page_width / 2,
                                .y = layout->page_height / 2,
                                .size = size * scale,
                                .face = FACE_SANS_BOLD,
                                .colour = layout_measures.colour_watermark,
                                .width = width * scale,
                                .height = layout_measures.watermark_angle};
    display_text_store(layout->list, &mark, text, strlen(text));
    display_add(layout->list, page, &mark);
}

void layout_furniture(struct layout *layout)
{
    size_t pages = layout->list->page_count;
    for (size_t page = 0; page < pages; page++) {
        if (layout->draft)
            page_watermark(layout, page);
        if (layout->list->pages[page].cover)
            continue;
        page_header(layout, page);
        page_footer(layout, page, pages);
    }
}
