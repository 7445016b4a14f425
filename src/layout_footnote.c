/* GFM footnotes: a reference is a superscript number in the line; the
 * footnote's text is laid out in boxes of its own after the flow, which
 * the page builder sets at the foot of the page that first references it
 * (layout_page.c). */
#include "layout_internal.h"

#include <stdio.h>
#include <string.h>

/* U+2070, U+00B9, U+00B2, U+00B3, U+2074 ... U+2079 */
static const char *const superscript_digits[10] = {
    "\xE2\x81\xB0", "\xC2\xB9",     "\xC2\xB2",     "\xC2\xB3",     "\xE2\x81\xB4",
    "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9",
};

void inline_footnote_reference(struct layout *layout, const char *number)
{
    unsigned long value = 0;
    layout->span_floor = layout->span_count; /* a span of its own */
    for (const char *digit = number; digit && *digit >= '0' && *digit <= '9'; digit++) {
        const char *glyph = superscript_digits[*digit - '0'];
        inline_append(layout, glyph, strlen(glyph), 0, SPAN_TEXT);
        value = value * 10 + (unsigned long)(*digit - '0');
    }
    if (layout->span_count > layout->span_floor)
        layout->spans[layout->span_count - 1].footnote = (uint32_t)value;
    layout->span_floor = layout->span_count;
}

void layout_footnote_references(struct layout *layout)
{
    size_t first_box = layout->box_count - layout->line_count;
    for (size_t line = 0; line < layout->line_count; line++)
        for (size_t index = layout->lines[line].first; index < layout->lines[line].end; index++) {
            uint32_t number = layout->spans[layout->fragments[index].span].footnote;
            if (!number)
                continue;
            LAYOUT_GROW(layout->footnote_references, layout->footnote_reference_count,
                        layout->footnote_reference_capacity);
            layout->footnote_references[layout->footnote_reference_count++] =
                (struct footnote_reference){first_box + line, number};
        }
}

/* A definition is set as an item whose marker is its number, in the
 * footnote style; cmark numbers definitions in the order they are
 * first referenced, which is the order they come in. */
void layout_footnote_enter(struct layout *layout)
{
    LAYOUT_GROW(layout->footnotes, layout->footnote_count, layout->footnote_capacity);
    layout->footnotes[layout->footnote_count] =
        (struct layout_footnote){.first_box = layout->box_count};
    layout->pending_space = 0;
    layout->keep_boxes = 0;
    layout->in_footnote = true;
    const struct text_style *style = &layout_styles[STYLE_FOOTNOTE];
    struct layout_frame *item = frame_push(layout, FRAME_ITEM);
    item->tight = true;
    item->marker = MARKER_TEXT;
    item->marker_size = style->size;
    snprintf(item->marker_text, sizeof item->marker_text, "%zu", layout->footnote_count + 1);
    float indent =
        measure_text(layout, FACE_SANS, style->size, "00", 2) + layout_measures.marker_gap;
    item->x += indent;
    item->width -= indent;
}

void layout_footnote_exit(struct layout *layout)
{
    struct layout_footnote *note = &layout->footnotes[layout->footnote_count];
    frame_pop(layout);
    layout->in_footnote = false;
    note->end_box = layout->box_count;
    for (size_t index = note->first_box; index < note->end_box; index++) {
        struct layout_box *box = &layout->boxes[index];
        box->footnote = (uint32_t)layout->footnote_count + 1;
        box->flags &= (uint16_t)~BOX_KEEP_WITH_NEXT;
        note->height += box->height + (index > note->first_box ? box->space_before : 0);
    }
    layout->pending_space = 0;
    layout->footnote_count++;
}

size_t layout_flow_end(const struct layout *layout)
{
    for (size_t index = 0; index < layout->footnote_count; index++)
        if (layout->footnotes[index].end_box > layout->footnotes[index].first_box)
            return layout->footnotes[index].first_box;
    return layout->box_count;
}
