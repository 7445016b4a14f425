/* Right-to-left text in the inline pipeline (text_shape.h does the Unicode
 * work). The spans of a paragraph or table cell are one bidi paragraph:
 * before they are measured, Arabic letters are replaced by their shaped
 * forms and each character gets its embedding level; a word fragment holds
 * one level only. Lines are broken in logical order as ever, then each
 * line's fragments are drawn in visual order, right-to-left ones with
 * their characters reversed. A right-to-left paragraph is set flush right.
 * Paragraphs without a right-to-left character skip all of this. */
#include "layout_internal.h"

#include "text_shape.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static bool is_text_span(const struct inline_span *span)
{
    return span->kind == SPAN_TEXT || span->kind == SPAN_IMAGE;
}

static void gather(const struct layout *layout, size_t first, size_t end, uint32_t **code_points,
                   size_t *count)
{
    size_t capacity = 0;
    *count = 0;
    for (size_t index = first; index < end; index++) {
        const struct inline_span *span = &layout->spans[index];
        const char *text = buffer_text(&layout->scratch) + span->offset;
        for (size_t offset = 0; is_text_span(span) && offset < span->length;) {
            LAYOUT_GROW(*code_points, *count, capacity);
            offset += utf8_decode_lossy(text + offset, span->length - offset,
                                        &(*code_points)[(*count)++]);
        }
    }
}

static void keep_level(struct layout *layout, uint8_t level)
{
    LAYOUT_GROW(layout->bidi_levels, layout->bidi_count, layout->bidi_capacity);
    layout->bidi_levels[layout->bidi_count++] = level;
}

/* Writes each span's shaped text at the end of the scratch text and points
 * the span there; keeps the level of each character written. */
static void rewrite_spans(struct layout *layout, size_t first, size_t end,
                          const struct text_shaping *shaping)
{
    size_t at = 0;
    for (size_t index = first; index < end; index++) {
        struct inline_span *span = &layout->spans[index];
        if (!is_text_span(span))
            continue;
        size_t count = 0, start = layout->scratch.length;
        const char *text = buffer_text(&layout->scratch) + span->offset;
        for (size_t offset = 0; offset < span->length; count++) {
            uint32_t ignored;
            offset += utf8_decode_lossy(text + offset, span->length - offset, &ignored);
        }
        for (size_t end_at = at + count; at < end_at; at++) {
            char bytes[4];
            buffer_append(&layout->scratch, bytes, utf8_encode(shaping->text[at], bytes));
            keep_level(layout, shaping->levels[at]);
        }
        span->offset = (uint32_t)start;
        span->length = (uint32_t)(layout->scratch.length - start);
    }
}

void layout_bidi_prepare(struct layout *layout, size_t first, size_t end)
{
    layout->bidi_active = layout->bidi_right_to_left = false;
    layout->bidi_count = layout->bidi_cursor = 0;
    bool wanted = false;
    for (size_t index = first; index < end && !wanted; index++) {
        const struct inline_span *span = &layout->spans[index];
        wanted = is_text_span(span) &&
                 text_shape_wanted(buffer_text(&layout->scratch) + span->offset, span->length);
    }
    if (!wanted)
        return;
    uint32_t *code_points = NULL;
    size_t count;
    gather(layout, first, end, &code_points, &count);
    /* A table's cells are measured twice: shaped the first time only. */
    bool shape = first >= layout->shaped_floor;
    struct text_shaping shaping = {0};
    text_shape(code_points, count, shape ? TEXT_SHAPE_LIGATURES : TEXT_SHAPE_LEVELS, &shaping);
    if (shape) {
        rewrite_spans(layout, first, end, &shaping);
        layout->shaped_floor = end;
    } else {
        for (size_t index = 0; index < shaping.count; index++)
            keep_level(layout, shaping.levels[index]);
    }
    layout->bidi_active = true;
    layout->bidi_right_to_left = shaping.right_to_left;
    text_shaping_free(&shaping);
    free(code_points);
}

uint8_t layout_bidi_next_level(struct layout *layout)
{
    if (!layout->bidi_active || layout->bidi_cursor >= layout->bidi_count)
        return layout->bidi_right_to_left ? 1 : 0;
    return layout->bidi_levels[layout->bidi_cursor++];
}

static bool is_right_to_left_face(enum font_face face)
{
    return face == FACE_ARABIC || face == FACE_ARABIC_BOLD || face == FACE_HEBREW ||
           face == FACE_HEBREW_BOLD;
}

/* Spaces and punctuation inside right-to-left text come from the face of
 * the word before them when it has them: the words stay one run, and
 * readers (pdf.js) reverse a run as a whole, which gives the words back in
 * their order. */
enum font_face layout_bidi_face(const struct layout *layout, enum font_face face,
                                uint32_t code_point)
{
    const struct fragment *last =
        layout->fragment_count ? &layout->fragments[layout->fragment_count - 1] : NULL;
    if (!(layout->bidi_level & 1) || !last || !is_right_to_left_face((enum font_face)last->face))
        return face;
    enum font_face word_face = (enum font_face)last->face;
    const struct text_measurer *measurer = layout->measurer;
    return measurer->glyph(measurer->context, word_face, code_point).face == word_face ? word_face
                                                                                       : face;
}

enum line_align layout_bidi_align(const struct layout *layout, enum line_align align)
{
    return align == ALIGN_LEFT && layout->bidi_right_to_left ? ALIGN_RIGHT : align;
}

/* A checkbox or an image: drawn on its own, not as text. */
static bool is_object(const struct fragment *fragment)
{
    return fragment->kind == FRAGMENT_CHECKBOX || fragment->kind == FRAGMENT_IMAGE;
}

static bool joins_run(const struct layout *layout, const struct fragment *previous,
                      size_t previous_index, const struct fragment *next, size_t next_index)
{
    if (is_object(next) || next->kind == FRAGMENT_BREAK)
        return false;
    const struct inline_span *left = &layout->spans[previous->span];
    const struct inline_span *right = &layout->spans[next->span];
    bool reversed = previous->level & 1;
    size_t follows = reversed ? previous_index - 1 : previous_index + 1;
    return next->face == previous->face && left->style == right->style &&
           left->link == right->link && (next->level & 1) == reversed && next_index == follows;
}

/* Draws the run of fragments order[at, *end) (visual order) at pen; returns
 * its width. */
static float emit_visual_run(struct layout *layout, size_t base, const size_t *order, size_t at,
                             size_t count, size_t *end, float pen, float baseline,
                             const struct run_style *style, struct buffer *text)
{
    const struct fragment *fragments = layout->fragments;
    const struct fragment *first = &fragments[base + order[at]];
    size_t next = at + 1;
    while (next < count && joins_run(layout, &fragments[base + order[next - 1]], order[next - 1],
                                     &fragments[base + order[next]], order[next]))
        next++;
    buffer_truncate(text, 0);
    float width = 0;
    for (size_t index = at; index < next; index++) {
        const struct fragment *fragment = &fragments[base + order[index]];
        if (fragment->level & 1)
            text_append_reversed(fragment->text, fragment->length, text);
        else
            buffer_append(text, fragment->text, fragment->length);
        width += fragment->width;
    }
    *end = next;
    if (first->kind != FRAGMENT_JOIN)
        inline_emit_run(layout, first, buffer_text(text), text->length, pen, baseline, width,
                        style);
    return width;
}

bool layout_bidi_emit_line(struct layout *layout, size_t index, float x, float baseline,
                           const struct run_style *style)
{
    if (!layout->bidi_active)
        return false;
    const struct layout_line *line = &layout->lines[index];
    const struct fragment *fragments = layout->fragments;
    size_t at = line->first, end = line->end;
    while (at < end && fragments[at].kind != FRAGMENT_WORD && !is_object(&fragments[at]))
        at++;
    while (end > at && fragments[end - 1].kind != FRAGMENT_WORD && !is_object(&fragments[end - 1]))
        end--;
    size_t count = end - at;
    uint8_t *levels = xcalloc(count ? count : 1, 1);
    size_t *order = xreallocarray(NULL, count ? count : 1, sizeof *order);
    for (size_t item = 0; item < count; item++)
        levels[item] = fragments[at + item].level;
    text_reorder(levels, count, order);
    struct buffer text = {0};
    float pen = x;
    for (size_t item = 0; item < count;) {
        const struct fragment *fragment = &fragments[at + order[item]];
        if (is_object(fragment) || fragment->kind == FRAGMENT_BREAK) {
            if (fragment->kind == FRAGMENT_CHECKBOX)
                box_add_checkbox(layout, pen, baseline, style->size,
                                 layout->spans[fragment->span].kind == SPAN_CHECKBOX_TICKED);
            if (fragment->kind == FRAGMENT_IMAGE)
                layout_image_inline_emit(layout, &layout->spans[fragment->span], pen, baseline,
                                         fragment->width);
            pen += fragment->width;
            item++;
            continue;
        }
        pen += emit_visual_run(layout, at, order, item, count, &item, pen, baseline, style, &text);
    }
    buffer_free(&text);
    free(order);
    free(levels);
    return true;
}
