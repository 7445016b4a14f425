/* Inline content: collecting a block's inlines into styled spans, cutting
 * them into measured fragments, breaking those into lines on measured glyph
 * widths, and drawing a line as text runs with their shading, underlines
 * and link areas. */
#include "layout_internal.h"

#include "markdown.h"
#include "text_normalise.h"
#include "utf8.h"

#include <string.h>

static const char replacement_character[] = REPLACEMENT_CHARACTER;

void inline_reset(struct layout *layout)
{
    buffer_truncate(&layout->scratch, 0);
    layout->span_count = 0;
    layout->span_floor = 0;
    layout->link_count = 0;
    layout->fragment_count = 0;
    layout->line_count = 0;
    layout->shaped_floor = 0;
}

static struct inline_span *add_span(struct layout *layout, uint8_t kind, uint8_t style)
{
    LAYOUT_GROW(layout->spans, layout->span_count, layout->span_capacity);
    struct inline_span *span = &layout->spans[layout->span_count++];
    *span = (struct inline_span){
        .offset = (uint32_t)layout->scratch.length, .kind = kind, .style = style};
    return span;
}

void inline_append(struct layout *layout, const char *text, size_t length, uint8_t style,
                   uint8_t kind)
{
    uint32_t link = layout->current_link;
    struct inline_span *last =
        layout->span_count > layout->span_floor ? &layout->spans[layout->span_count - 1] : NULL;
    bool extend = last && kind == SPAN_TEXT && last->kind == SPAN_TEXT && last->style == style &&
                  last->link == link && last->offset + last->length == layout->scratch.length;
    struct inline_span *span = extend ? last : add_span(layout, kind, style);
    span->link = link;
    buffer_append(&layout->scratch, text, length);
    span->length += (uint32_t)length;
}

/* Styles nest: emphasis inside strong inside a link, to any depth. */
struct collect_state {
    unsigned emphasis, strong, strike;
    uint8_t base;
};

static uint8_t collect_style(const struct collect_state *state)
{
    uint8_t style = state->base;
    if (state->emphasis)
        style |= SPAN_ITALIC;
    if (state->strong)
        style |= SPAN_BOLD;
    if (state->strike)
        style |= SPAN_STRIKE;
    return style;
}

static void begin_link(struct layout *layout, cmark_node *node)
{
    const char *url = cmark_node_get_url(node);
    LAYOUT_GROW(layout->links, layout->link_count, layout->link_capacity);
    struct inline_link *link = &layout->links[layout->link_count++];
    link->offset = (uint32_t)layout->scratch.length;
    link->length = (uint32_t)strlen(url ? url : "");
    buffer_append(&layout->scratch, url ? url : "", link->length);
    layout->current_link = (uint32_t)layout->link_count;
    if (url && url[0] == '#') {
        LAYOUT_GROW(layout->anchor_references, layout->anchor_reference_count,
                    layout->anchor_reference_capacity);
        struct source_position at = layout->current_position;
        if (cmark_node_get_start_line(node) > 0) {
            at.line = (unsigned)cmark_node_get_start_line(node);
            at.column = (unsigned)cmark_node_get_start_column(node);
        }
        layout->anchor_references[layout->anchor_reference_count++] =
            (struct anchor_reference){xstrdup(url + 1), at};
    }
}

static bool is_line_edge(cmark_node *node)
{
    return !node || cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK ||
           cmark_node_get_type(node) == CMARK_NODE_LINEBREAK;
}

/* Whether an image stands on a line of its own in a paragraph (alone, or
 * as all of a link or emphasis): a block then; otherwise it sits in a line. */
static bool image_alone_on_line(cmark_node *node)
{
    cmark_node *parent = cmark_node_parent(node);
    while (parent && cmark_node_get_type(parent) != CMARK_NODE_PARAGRAPH &&
           !cmark_node_previous(node) && !cmark_node_next(node)) {
        node = parent;
        parent = cmark_node_parent(node);
    }
    return parent && cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH &&
           is_line_edge(cmark_node_previous(node)) && is_line_edge(cmark_node_next(node));
}

/* An image becomes a span holding its alt text and its URL; its children
 * (the alt text's inlines) are read here and skipped by the walk. */
static void collect_image(struct layout *layout, cmark_iter *iter, cmark_node *node, uint8_t style)
{
    struct buffer alt = {0};
    layout_plain_text(node, &alt);
    const char *url = cmark_node_get_url(node);
    bool inline_image = !image_alone_on_line(node);
    struct inline_span *span =
        add_span(layout, inline_image ? SPAN_IMAGE_INLINE : SPAN_IMAGE, style);
    span->link = layout->current_link;
    buffer_append(&layout->scratch, alt.data, alt.length);
    span->length = (uint32_t)alt.length;
    span->source = (uint32_t)layout->scratch.length;
    span->source_length = (uint32_t)strlen(url ? url : "");
    buffer_append(&layout->scratch, url ? url : "", span->source_length);
    if (inline_image) {
        /* Its warnings cite the image itself, not the start of its block. */
        struct source_position block = layout->current_position;
        if (cmark_node_get_start_line(node) > 0 && layout->current_position.file) {
            layout->current_position.line = (unsigned)cmark_node_get_start_line(node);
            layout->current_position.column = (unsigned)cmark_node_get_start_column(node);
        }
        layout_image_inline(layout, span);
        layout->current_position = block;
    }
    buffer_free(&alt);
    cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
}

/* Raw inline HTML is shown as the literal text it is. A golive directive
 * written inside a paragraph is shown too, with a warning: directives work
 * only on a line of their own. */
static void collect_inline_html(struct layout *layout, cmark_node *node, uint8_t style)
{
    const char *literal = cmark_node_get_literal(node);
    if (strncmp(literal, "<!--", 4) == 0 && strstr(literal, "golive:")) {
        struct source_position at = {layout->options->source_name,
                                     (unsigned)cmark_node_get_start_line(node),
                                     (unsigned)cmark_node_get_start_column(node)};
        if (at.line == 0)
            at = layout->current_position;
        diag(layout->sink, DIAG_TYPESET_DIRECTIVE_INLINE, at,
             "a golive directive inside a paragraph is shown as text; put it on a line of "
             "its own, with a blank line before it");
    }
    inline_append(layout, literal, strlen(literal), style, SPAN_TEXT);
}

static void collect_enter(struct layout *layout, cmark_iter *iter, cmark_node *node,
                          struct collect_state *state)
{
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_STRIKETHROUGH) {
        state->strike++;
        return;
    }
    const char *literal = cmark_node_get_literal(node);
    switch (type) {
    case CMARK_NODE_TEXT:
        inline_append(layout, literal, strlen(literal), collect_style(state), SPAN_TEXT);
        break;
    case CMARK_NODE_CODE:
        inline_append(layout, literal, strlen(literal),
                      collect_style(state) | SPAN_MONO | SPAN_CODE, SPAN_TEXT);
        break;
    case CMARK_NODE_HTML_INLINE: collect_inline_html(layout, node, collect_style(state)); break;
    case CMARK_NODE_SOFTBREAK:
        inline_append(layout, " ", 1, collect_style(state), SPAN_TEXT);
        break;
    case CMARK_NODE_LINEBREAK:
        inline_append(layout, "", 0, collect_style(state), SPAN_BREAK);
        break;
    case CMARK_NODE_EMPH: state->emphasis++; break;
    case CMARK_NODE_STRONG: state->strong++; break;
    case CMARK_NODE_LINK: begin_link(layout, node); break;
    case CMARK_NODE_IMAGE: collect_image(layout, iter, node, collect_style(state)); break;
    case CMARK_NODE_FOOTNOTE_REFERENCE: inline_footnote_reference(layout, literal); break;
    default: break;
    }
}

static void collect_exit(struct layout *layout, cmark_node *node, struct collect_state *state)
{
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_STRIKETHROUGH)
        state->strike--;
    else if (type == CMARK_NODE_EMPH)
        state->emphasis--;
    else if (type == CMARK_NODE_STRONG)
        state->strong--;
    else if (type == CMARK_NODE_LINK)
        layout->current_link = 0;
}

void inline_collect(struct layout *layout, cmark_node *node, uint8_t base_style)
{
    struct collect_state state = {.base = base_style};
    layout->current_link = 0;
    layout->span_floor = layout->span_count;
    cmark_iter *iter = cmark_iter_new(node);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *current = cmark_iter_get_node(iter);
        if (current == node)
            continue;
        if (event == CMARK_EVENT_ENTER)
            collect_enter(layout, iter, current, &state);
        else
            collect_exit(layout, current, &state);
    }
    cmark_iter_free(iter);
    layout->current_link = 0;
}

enum font_face face_for_style(uint8_t style)
{
    bool bold = style & SPAN_BOLD;
    if (style & SPAN_MONO)
        return bold ? FACE_MONO_BOLD : FACE_MONO;
    if (style & SPAN_ITALIC)
        return bold ? FACE_SANS_BOLD_ITALIC : FACE_SANS_ITALIC;
    return bold ? FACE_SANS_BOLD : FACE_SANS;
}

static bool is_space(uint32_t code_point)
{
    return code_point == ' ' || code_point == '\t' || code_point == '\r';
}

/* The face and advance of one character, with U+FFFD for what no face has. */
static struct glyph_metrics resolve_glyph(struct layout *layout, enum font_face face,
                                          uint32_t code_point, bool *replaced)
{
    struct glyph_metrics glyph = layout_glyph(layout, face, code_point);
    *replaced = false;
    if (glyph.face != FACE_NONE)
        return glyph;
    *replaced = true; /* warned about by layout_check_coverage */
    glyph = layout->measurer->glyph(layout->measurer->context, face, 0xFFFD);
    if (glyph.face == FACE_NONE)
        glyph = (struct glyph_metrics){.face = face, .advance = 0};
    return glyph;
}

float measure_text(const struct layout *layout, enum font_face face, float size, const char *text,
                   size_t length)
{
    unsigned total = 0;
    size_t offset = 0;
    while (offset < length) {
        uint32_t code_point;
        size_t used = utf8_decode_lossy(text + offset, length - offset, &code_point);
        struct glyph_metrics glyph =
            layout->measurer->glyph(layout->measurer->context, face, code_point);
        total += glyph.advance;
        offset += used;
    }
    return advance_width(total, size);
}

void box_add_plain(struct layout *layout, float x, float baseline, enum font_face face, float size,
                   uint32_t colour, const char *text, size_t length)
{
    size_t offset = 0, run_start = 0;
    enum font_face run_face = FACE_NONE;
    float pen = x, run_x = x;
    while (offset <= length) {
        uint32_t code_point = 0;
        size_t used = utf8_decode_lossy(text + offset, length - offset, &code_point);
        bool replaced = false;
        struct glyph_metrics glyph = {FACE_NONE, 0};
        if (offset < length)
            glyph = resolve_glyph(layout, face, code_point, &replaced);
        if (offset == length || glyph.face != run_face || replaced) {
            if (offset > run_start && run_face != FACE_NONE)
                box_add_text(layout, run_x, baseline, run_face, size, colour, text + run_start,
                             offset - run_start);
            run_x = pen;
            run_start = offset;
            run_face = glyph.face;
        }
        if (offset == length)
            break;
        if (replaced) {
            box_add_text(layout, pen, baseline, glyph.face, size, colour, replacement_character,
                         sizeof replacement_character - 1);
            run_start = offset + used;
            run_face = FACE_NONE;
        }
        pen += advance_width(glyph.advance, size);
        if (replaced)
            run_x = pen;
        offset += used;
    }
}

static struct fragment *add_fragment(struct layout *layout, enum fragment_kind kind,
                                     const char *text, uint32_t span, enum font_face face)
{
    LAYOUT_GROW(layout->fragments, layout->fragment_count, layout->fragment_capacity);
    struct fragment *fragment = &layout->fragments[layout->fragment_count++];
    *fragment = (struct fragment){.text = text,
                                  .span = span,
                                  .face = (uint8_t)face,
                                  .kind = (uint8_t)kind,
                                  .level = layout->bidi_level};
    return fragment;
}

static float span_size(const struct run_style *style, uint8_t span_style)
{
    bool scaled = (span_style & SPAN_MONO) && !(style->base & SPAN_MONO);
    return scaled ? style->size * layout_measures.inline_code_scale : style->size;
}

/* A hyphen between letters is a place a line may break. */
static bool is_join_after(const char *text, size_t offset, size_t length, uint32_t code_point)
{
    if (code_point != '-' || offset == 0 || offset + 1 >= length)
        return false;
    unsigned char before = (unsigned char)text[offset - 1], after = (unsigned char)text[offset + 1];
    bool letter_before = before >= 0x80 || (unsigned)((before | 0x20) - 'a') < 26u;
    bool letter_after = after >= 0x80 || (unsigned)((after | 0x20) - 'a') < 26u;
    return letter_before && letter_after;
}

/* Extends the current word fragment with one character, or starts one when
 * the face changes or the text is not contiguous. */
static void add_character(struct layout *layout, uint32_t span_index, const char *at, size_t used,
                          struct glyph_metrics glyph, float size)
{
    struct fragment *last =
        layout->fragment_count ? &layout->fragments[layout->fragment_count - 1] : NULL;
    bool extend = last && last->kind == FRAGMENT_WORD && last->span == span_index &&
                  last->face == glyph.face && last->text + last->length == at &&
                  last->level == layout->bidi_level;
    if (!extend)
        last = add_fragment(layout, FRAGMENT_WORD, at, span_index, glyph.face);
    last->length += (uint32_t)used;
    last->width += advance_width(glyph.advance, size);
}

/* White space at text, unless it follows white space. */
static void add_space(struct layout *layout, uint32_t span_index, const char *text,
                      enum font_face face, float size)
{
    struct fragment *last =
        layout->fragment_count ? &layout->fragments[layout->fragment_count - 1] : NULL;
    if (last && last->kind == FRAGMENT_SPACE)
        return;
    struct glyph_metrics space = layout_glyph(layout, layout_bidi_face(layout, face, ' '), ' ');
    /* A single space stays in place, so that a run can take the words on
     * both sides of it; other white space is drawn as one. */
    struct fragment *fragment = add_fragment(layout, FRAGMENT_SPACE, text, span_index,
                                             space.face == FACE_NONE ? face : space.face);
    fragment->length = 1;
    fragment->width = advance_width(space.advance, size);
}

/* An ASCII letter, digit or mark other than the hyphen (which may join). */
static bool is_ascii_word_character(char character)
{
    return character > ' ' && character < 0x7F && character != '-';
}

struct glyph_metrics layout_glyph(struct layout *layout, enum font_face face, uint32_t code_point)
{
    const struct text_measurer *measurer = layout->measurer;
    if (face >= FACE_COUNT || code_point >= LAYOUT_GLYPHS_KEPT)
        return measurer->glyph(measurer->context, face, code_point);
    if (!layout->glyph_known[face][code_point]) {
        layout->glyphs[face][code_point] = measurer->glyph(measurer->context, face, code_point);
        layout->glyph_known[face][code_point] = true;
    }
    return layout->glyphs[face][code_point];
}

/* Measures the ASCII word characters and spaces at text's start in
 * left-to-right text, most of what a build measures, as the general loop
 * below does (level 0, the span's own face, no join, the same additions of
 * widths) in fewer steps; returns the bytes measured, stopping at a
 * character no face draws, which the general loop then replaces. */
static size_t measure_ascii_word(struct layout *layout, uint32_t span_index, const char *text,
                                 size_t length, enum font_face face, float size)
{
    if (face >= FACE_COUNT)
        return 0;
    layout->bidi_level = 0;
    struct fragment *word = NULL;
    size_t used = 0;
    for (; used < length; used++) {
        unsigned char character = (unsigned char)text[used];
        if (character == ' ') {
            add_space(layout, span_index, text + used, face, size);
            word = NULL;
            continue;
        }
        if (!is_ascii_word_character((char)character))
            break;
        struct glyph_metrics glyph = layout->glyph_known[face][character]
                                         ? layout->glyphs[face][character]
                                         : layout_glyph(layout, face, character);
        if (glyph.face == FACE_NONE)
            break;
        if (word && word->face == glyph.face) {
            word->length++;
            word->width += advance_width(glyph.advance, size);
            continue;
        }
        add_character(layout, span_index, text + used, 1, glyph, size);
        word = &layout->fragments[layout->fragment_count - 1];
    }
    return used;
}

static void measure_span_text(struct layout *layout, uint32_t span_index, const char *text,
                              size_t length, const struct run_style *style, uint8_t span_style)
{
    enum font_face face = face_for_style(span_style | style->base);
    float size = span_size(style, span_style | style->base);
    bool left_to_right = !layout->bidi_active && !layout->bidi_right_to_left;
    size_t offset = 0;
    while (offset < length) {
        if (left_to_right && (is_ascii_word_character(text[offset]) || text[offset] == ' ')) {
            offset +=
                measure_ascii_word(layout, span_index, text + offset, length - offset, face, size);
            if (offset == length)
                break;
        }
        uint32_t code_point;
        size_t used = utf8_decode_lossy(text + offset, length - offset, &code_point);
        const char *at = text + offset;
        offset += used;
        layout->bidi_level = layout_bidi_next_level(layout);
        if (code_point == '\n') {
            /* Text holds a line end only from a reference (&#10;), which the
             * template engine writes where Markdown cannot break a line (a
             * table cell, a heading): it is a line break. */
            add_fragment(layout, FRAGMENT_BREAK, at, span_index, face);
            continue;
        }
        if (is_space(code_point)) {
            add_space(layout, span_index, code_point == ' ' ? at : " ", face, size);
            continue;
        }
        if (text_draws_nothing(code_point) &&
            layout_glyph(layout, face, code_point).face == FACE_NONE)
            continue;
        bool replaced;
        struct glyph_metrics glyph = resolve_glyph(
            layout, layout_bidi_face(layout, face, code_point), code_point, &replaced);
        if (replaced) {
            struct fragment *fragment =
                add_fragment(layout, FRAGMENT_WORD, replacement_character, span_index, glyph.face);
            fragment->length = sizeof replacement_character - 1;
            fragment->width = advance_width(glyph.advance, size);
            continue;
        }
        add_character(layout, span_index, at, used, glyph, size);
        if (is_join_after(text, (size_t)(at - text), length, code_point))
            add_fragment(layout, FRAGMENT_JOIN, text + offset, span_index, glyph.face);
    }
}

void inline_measure(struct layout *layout, size_t first_span, size_t end_span,
                    const struct run_style *style)
{
    layout->fragment_count = 0;
    layout_bidi_prepare(layout, first_span, end_span);
    for (size_t index = first_span; index < end_span; index++) {
        const struct inline_span *span = &layout->spans[index];
        layout->bidi_level = layout->bidi_right_to_left ? 1 : 0;
        const char *text = buffer_text(&layout->scratch) + span->offset;
        struct fragment *fragment;
        switch (span->kind) {
        case SPAN_BREAK:
            add_fragment(layout, FRAGMENT_BREAK, text, (uint32_t)index, FACE_SANS);
            break;
        case SPAN_CHECKBOX_EMPTY:
        case SPAN_CHECKBOX_TICKED:
            fragment = add_fragment(layout, FRAGMENT_CHECKBOX, text, (uint32_t)index, FACE_SANS);
            fragment->width = layout_checkbox_side(style->size) + layout_measures.checkbox_gap;
            break;
        case SPAN_IMAGE_INLINE:
            fragment = add_fragment(layout, FRAGMENT_IMAGE, text, (uint32_t)index, FACE_SANS);
            fragment->width =
                layout_image_inline_width(span, text_baseline(style->size, style->leading));
            break;
        case SPAN_IMAGE:
            measure_span_text(layout, (uint32_t)index, text, span->length, style,
                              span->style | SPAN_ITALIC);
            break;
        default:
            measure_span_text(layout, (uint32_t)index, text, span->length, style, span->style);
            break;
        }
    }
}

/* Where a word too long for any line may be cut: after punctuation that
 * separates the parts of paths, URLs and identifiers. */
static bool is_preferred_cut(uint32_t code_point)
{
    return code_point == '/' || code_point == '-' || code_point == '.' || code_point == '_' ||
           code_point == '?' || code_point == '&' || code_point == '=' || code_point == ':' ||
           code_point == ',' || code_point == '@' || code_point == '\\';
}

static void insert_fragment(struct layout *layout, size_t at, const struct fragment *fragment)
{
    LAYOUT_GROW(layout->fragments, layout->fragment_count, layout->fragment_capacity);
    memmove(&layout->fragments[at + 1], &layout->fragments[at],
            (layout->fragment_count - at) * sizeof *layout->fragments);
    layout->fragments[at] = *fragment;
    layout->fragment_count++;
}

/* Splits fragment index after byte offset cut (width before the cut given),
 * putting a JOIN between the halves. */
static void split_fragment(struct layout *layout, size_t index, size_t cut, float width_before)
{
    struct fragment tail = layout->fragments[index];
    tail.text += cut;
    tail.length -= (uint32_t)cut;
    tail.width -= width_before;
    layout->fragments[index].length = (uint32_t)cut;
    layout->fragments[index].width = width_before;
    struct fragment join = {
        .text = tail.text, .span = tail.span, .face = tail.face, .kind = FRAGMENT_JOIN};
    insert_fragment(layout, index + 1, &tail);
    insert_fragment(layout, index + 1, &join);
}

/* A cut after punctuation is taken only when the part before it fills at
 * least this share of the line; a shorter one would waste the line. */
#define CUT_LEAST_SHARE (1.0f / 3.0f)

/* A place to cut a word: after byte offset of fragment, width is how much of
 * the fragment lies before it and reach how much of the whole word. */
struct word_cut {
    size_t fragment, offset;
    float width, reach;
};

static float fragment_advance(const struct layout *layout, const struct fragment *fragment,
                              uint32_t code_point, const struct run_style *style)
{
    const struct inline_span *span = &layout->spans[fragment->span];
    float size = span_size(style, span->style | style->base);
    struct glyph_metrics glyph = layout->measurer->glyph(
        layout->measurer->context, (enum font_face)fragment->face, code_point);
    return advance_width(glyph.advance, size);
}

/* find_cut: walks the word from fragment first; true when it is wider than
 * width, with *last the last character boundary that fits (at least one
 * character in) and *preferred the last preferred punctuation that fits. */
static bool find_cut(const struct layout *layout, size_t first, float width,
                     const struct run_style *style, struct word_cut *last,
                     struct word_cut *preferred)
{
    float used = 0;
    *last = *preferred = (struct word_cut){.fragment = first};
    for (size_t index = first; index < layout->fragment_count; index++) {
        const struct fragment *fragment = &layout->fragments[index];
        if (fragment->kind != FRAGMENT_WORD)
            return false;
        float inside = 0;
        for (size_t offset = 0; offset < fragment->length;) {
            uint32_t code_point;
            size_t step =
                utf8_decode_lossy(fragment->text + offset, fragment->length - offset, &code_point);
            float advance = fragment_advance(layout, fragment, code_point, style);
            if (used + advance > width && (index != first || offset != 0))
                return true;
            used += advance;
            inside += advance;
            offset += step;
            *last = (struct word_cut){index, offset, inside, used};
            if (is_preferred_cut(code_point))
                *preferred = *last;
        }
    }
    return false;
}

/* Cuts the word starting at fragment first so that its first part fits in
 * width: after the last preferred punctuation that fits when that fills at
 * least a third of the line, otherwise after the last character that fits.
 * A JOIN goes between the parts, where the line breaker may break. */
static const char hyphen_mark[] = "-";

/* Puts a visible hyphen after fragment index, drawn in its style. */
static void insert_hyphen(struct layout *layout, size_t index, float width)
{
    struct fragment mark = layout->fragments[index];
    mark.text = hyphen_mark;
    mark.length = 1;
    mark.width = width;
    insert_fragment(layout, index + 1, &mark);
}

static void cut_long_word(struct layout *layout, size_t first, float width,
                          const struct run_style *style)
{
    struct word_cut last, preferred;
    if (!find_cut(layout, first, width, style, &last, &preferred))
        return;
    bool at_punctuation = preferred.offset && preferred.reach >= width * CUT_LEAST_SHARE;
    /* A cut between two letters of a word is marked with a hyphen
     * ("Colum-n"); a cut in code, or in a URL, address or identifier (a
     * word with punctuation in it) is not, nor one after punctuation. */
    bool mark = !at_punctuation && !preferred.offset && !layout->bidi_active &&
                !(layout->spans[layout->fragments[first].span].style & (SPAN_CODE | SPAN_MONO)) &&
                !(style->base & SPAN_MONO);
    float hyphen = fragment_advance(layout, &layout->fragments[first], '-', style);
    if (mark && !find_cut(layout, first, width - hyphen, style, &last, &preferred))
        return;
    struct word_cut cut = at_punctuation ? preferred : last;
    if (cut.offset < layout->fragments[cut.fragment].length)
        split_fragment(layout, cut.fragment, cut.offset, cut.width);
    else {
        struct fragment join = {.text = layout->fragments[cut.fragment + 1].text,
                                .span = layout->fragments[cut.fragment].span,
                                .kind = FRAGMENT_JOIN};
        insert_fragment(layout, cut.fragment + 1, &join);
    }
    if (mark)
        insert_hyphen(layout, cut.fragment, hyphen);
}

/* Hyphenation points looked at in one word. */
#define HYPHEN_POINTS_MAX 32

/* The hyphenation points of the word at fragment index (byte offsets,
 * ascending) and the word's width before each; 0 for none. */
static size_t hyphen_points(const struct layout *layout, size_t index,
                            const struct run_style *style, size_t *points, float *widths)
{
    const struct fragment *word = &layout->fragments[index];
    size_t count = layout_hyphen_points(layout->options->hyphenator, word->text, word->length,
                                        points, HYPHEN_POINTS_MAX);
    float used = 0;
    size_t offset = 0;
    for (size_t point = 0; point < count; point++) {
        while (offset < points[point]) {
            uint32_t code_point;
            offset += utf8_decode_lossy(word->text + offset, word->length - offset, &code_point);
            used += fragment_advance(layout, word, code_point, style);
        }
        widths[point] = used;
    }
    return count;
}

/* The widest first part of the word at fragment index that fits in room with
 * a hyphen after it: the fragment is split there, a hyphen fragment and a
 * JOIN put between the parts. False when the word has no such point. */
static bool hyphenate_word(struct layout *layout, size_t index, float room,
                           const struct run_style *style)
{
    size_t points[HYPHEN_POINTS_MAX];
    float widths[HYPHEN_POINTS_MAX];
    size_t count = hyphen_points(layout, index, style, points, widths);
    float hyphen = fragment_advance(layout, &layout->fragments[index], '-', style);
    size_t best = count;
    for (size_t point = 0; point < count && widths[point] + hyphen <= room; point++)
        best = point;
    if (best == count)
        return false;
    split_fragment(layout, index, points[best], widths[best]);
    insert_hyphen(layout, index, hyphen);
    return true;
}

/* Whether the unit of fragments [index, end) may be hyphenated: one plain
 * word, in left-to-right text, with patterns to hyphenate by. */
static bool may_hyphenate(const struct layout *layout, size_t index, size_t end)
{
    return end == index + 1 && layout->fragments[index].kind == FRAGMENT_WORD &&
           layout->options->hyphenator && !layout->bidi_active &&
           !(layout->spans[layout->fragments[index].span].style & (SPAN_CODE | SPAN_MONO));
}

static void add_line(struct layout *layout, size_t first, size_t end, float width)
{
    LAYOUT_GROW(layout->lines, layout->line_count, layout->line_capacity);
    layout->lines[layout->line_count++] = (struct layout_line){first, end, width};
}

/* The width of the unbreakable unit starting at fragment first (a word,
 * possibly in several styles; a checkbox alone), and where it ends. */
static float unit_width(const struct layout *layout, size_t first, size_t *end)
{
    const struct fragment *fragments = layout->fragments;
    float width = fragments[first].width;
    size_t index = first + 1;
    if (fragments[first].kind == FRAGMENT_WORD)
        for (; index < layout->fragment_count && fragments[index].kind == FRAGMENT_WORD; index++)
            width += fragments[index].width;
    *end = index;
    return width;
}

/* A line filled less than this share of its width is loose: the word that
 * does not fit is hyphenated into it when a first part fits. */
#define LOOSE_LINE_SHARE 0.8f

/* Whether the word at fragment index, after a space on a line of used width
 * (and that space), was hyphenated so that its first part ends the line:
 * only on a loose line, and only in a document that already had a word too
 * wide for its line, for which the patterns were loaded. Another document
 * of the same build loading them changes nothing here: each document's
 * lines depend on its own text alone. */
static bool hyphenate_into_line(struct layout *layout, size_t index, size_t end, float used,
                                float space, float width, const struct run_style *style)
{
    return used < LOOSE_LINE_SHARE * width && index > 0 && layout->word_too_wide &&
           layout_hyphen_loaded(layout->options->hyphenator) &&
           layout->fragments[index - 1].kind == FRAGMENT_SPACE &&
           may_hyphenate(layout, index, end) &&
           hyphenate_word(layout, index, width - used - space, style);
}

/* Greedy line filling: each line takes as many units as fit. Spaces where a
 * line breaks are dropped; a unit wider than a whole line is hyphenated, or
 * else cut; so is a word that would leave its line loose, when a first part
 * of it fits and the patterns are loaded. Text whose words are never too
 * long never loads the patterns. */
void inline_break(struct layout *layout, float width, const struct run_style *style)
{
    layout->line_count = 0;
    size_t index = 0, line_first = 0;
    float used = 0, space = 0;
    bool content = false;
    while (index < layout->fragment_count) {
        const struct fragment *fragment = &layout->fragments[index];
        if (fragment->kind == FRAGMENT_BREAK) {
            add_line(layout, line_first, index, used);
            line_first = ++index;
            used = space = 0;
            content = false;
            continue;
        }
        if (fragment->kind == FRAGMENT_SPACE || fragment->kind == FRAGMENT_JOIN) {
            if (content)
                space += fragment->width;
            index++;
            continue;
        }
        size_t end;
        float unit = unit_width(layout, index, &end);
        if (content && used + space + unit > width) {
            if (hyphenate_into_line(layout, index, end, used, space, width, style)) {
                unit = unit_width(layout, index, &end);
            } else {
                add_line(layout, line_first, index, used);
                line_first = index;
                used = space = 0;
                content = false;
            }
        }
        if (!content && unit > width && fragment->kind == FRAGMENT_IMAGE) {
            layout->fragments[index].width = unit = width; /* scaled down to the line */
        } else if (!content && unit > width) {
            bool hyphenable = may_hyphenate(layout, index, end);
            layout->word_too_wide = layout->word_too_wide || hyphenable;
            if (!hyphenable || !hyphenate_word(layout, index, width, style))
                cut_long_word(layout, index, width, style);
            unit = unit_width(layout, index, &end);
        }
        used += space + unit;
        space = 0;
        content = true;
        index = end;
    }
    if (content || line_first < layout->fragment_count || layout->line_count == 0)
        add_line(layout, line_first, layout->fragment_count, used);
}

/* Whether a word's fragment is part of an e-mail address or a URL. */
static bool is_address_part(const struct fragment *fragment)
{
    for (size_t offset = 0; offset < fragment->length; offset++)
        if (fragment->text[offset] == '@' ||
            (fragment->text[offset] == ':' && offset + 2 < fragment->length &&
             fragment->text[offset + 1] == '/' && fragment->text[offset + 2] == '/'))
            return true;
    return false;
}

void inline_widths(const struct layout *layout, bool whole_words, float *widest_word,
                   float *widest_line)
{
    float word = 0, whole = 0, line = 0;
    bool address = false;
    *widest_word = *widest_line = 0;
    for (size_t index = 0; index < layout->fragment_count; index++) {
        const struct fragment *fragment = &layout->fragments[index];
        bool breaks =
            fragment->kind != FRAGMENT_WORD && !(whole_words && fragment->kind == FRAGMENT_JOIN);
        if (fragment->kind == FRAGMENT_IMAGE && fragment->width > *widest_word)
            *widest_word = fragment->width;
        if (breaks && word > *widest_word)
            *widest_word = word;
        if (breaks)
            word = 0;
        else
            word += fragment->width;
        /* An address or URL counts whole, its hyphens' breaks and all: its
         * column is made wide enough for it where the table has room. */
        if (fragment->kind == FRAGMENT_WORD || fragment->kind == FRAGMENT_JOIN) {
            whole += fragment->width;
            address = address || (fragment->kind == FRAGMENT_WORD && is_address_part(fragment));
        } else {
            if (address && whole > *widest_word)
                *widest_word = whole;
            whole = 0;
            address = false;
        }
        if (fragment->kind == FRAGMENT_BREAK) {
            line = 0;
            continue;
        }
        line += fragment->width;
        if (line > *widest_line)
            *widest_line = line;
    }
    if (word > *widest_word)
        *widest_word = word;
    if (address && whole > *widest_word)
        *widest_word = whole;
}

/* The widest piece of word fragment index that no line may part: its
 * widest part between hyphenation points, the hyphen after it counted. */
static float hyphenated_least(const struct layout *layout, size_t index,
                              const struct run_style *style)
{
    const struct fragment *word = &layout->fragments[index];
    size_t points[HYPHEN_POINTS_MAX];
    float widths[HYPHEN_POINTS_MAX];
    size_t count = hyphen_points(layout, index, style, points, widths);
    if (count == 0)
        return word->width;
    float hyphen = fragment_advance(layout, word, '-', style);
    float widest = word->width - widths[count - 1], before = 0;
    for (size_t point = 0; point < count; before = widths[point++])
        if (widths[point] - before + hyphen > widest)
            widest = widths[point] - before + hyphen;
    return widest;
}

float inline_widest_piece(const struct layout *layout, const struct run_style *style,
                          float threshold)
{
    float widest = 0;
    for (size_t index = 0; index < layout->fragment_count;) {
        size_t end;
        if (layout->fragments[index].kind != FRAGMENT_WORD &&
            layout->fragments[index].kind != FRAGMENT_IMAGE) {
            index++;
            continue;
        }
        float width = unit_width(layout, index, &end);
        /* Only a word wider than the threshold and the widest piece so far
         * can widen it when hyphenated. */
        if (width > widest && width > threshold && may_hyphenate(layout, index, end))
            width = hyphenated_least(layout, index, style);
        if (width > widest)
            widest = width;
        index = end;
    }
    return widest;
}

static bool same_run(const struct layout *layout, const struct fragment *previous,
                     const struct fragment *next)
{
    if (next->kind != FRAGMENT_WORD && next->kind != FRAGMENT_SPACE && next->kind != FRAGMENT_JOIN)
        return false;
    const struct inline_span *left = &layout->spans[previous->span];
    const struct inline_span *right = &layout->spans[next->span];
    return next->face == previous->face && left->style == right->style &&
           left->link == right->link && previous->text + previous->length == next->text;
}

/* Draws one run of text with what goes with its style: the shading of
 * inline code, the underline and clickable area of a link, a strike. */
void inline_emit_run(struct layout *layout, const struct fragment *first, const char *text,
                     size_t length, float x, float baseline, float width,
                     const struct run_style *style)
{
    const struct inline_span *span = &layout->spans[first->span];
    uint8_t bits = span->style | style->base;
    float size = span_size(style, bits);
    float top = baseline - layout_measures.baseline * size;
    float height = (layout_measures.baseline + layout_measures.descent) * size;
    uint32_t colour = span->link ? layout->options->accent_colour : style->colour;
    if ((bits & SPAN_CODE) && !(style->base & SPAN_MONO)) {
        float pad = layout_measures.inline_code_padding;
        box_add_shape(layout, DISPLAY_FILL, x - pad, top, width + 2 * pad, height, 0,
                      layout_measures.colour_code_fill);
    }
    box_add_text(layout, x, baseline, (enum font_face)first->face, size, colour, text, length);
    if (bits & SPAN_STRIKE)
        box_add_shape(layout, DISPLAY_LINE, x, baseline - layout_measures.strike_offset * size,
                      width, 0, layout_measures.underline_line, colour);
    if (!span->link)
        return;
    box_add_shape(layout, DISPLAY_LINE, x, baseline + layout_measures.underline_offset * size,
                  width, 0, layout_measures.underline_line, colour);
    const struct inline_link *link = &layout->links[span->link - 1];
    struct display_item area = {
        .kind = DISPLAY_LINK, .x = x, .y = top, .width = width, .height = height};
    display_text_store(layout->list, &area, buffer_text(&layout->scratch) + link->offset,
                       link->length);
    box_add(layout, &area);
}

static bool is_drawn(const struct fragment *fragment)
{
    return fragment->kind == FRAGMENT_WORD || fragment->kind == FRAGMENT_CHECKBOX ||
           fragment->kind == FRAGMENT_IMAGE;
}

void inline_emit_line(struct layout *layout, size_t index, float x, float baseline,
                      const struct run_style *style)
{
    if (layout_bidi_emit_line(layout, index, x, baseline, style))
        return;
    const struct layout_line *line = &layout->lines[index];
    const struct fragment *fragments = layout->fragments;
    size_t at = line->first, end = line->end;
    while (at < end && !is_drawn(&fragments[at]))
        at++;
    while (end > at && !is_drawn(&fragments[end - 1]))
        end--;
    float pen = x;
    while (at < end) {
        const struct fragment *first = &fragments[at];
        if (first->kind == FRAGMENT_CHECKBOX || first->kind == FRAGMENT_IMAGE ||
            first->kind == FRAGMENT_BREAK || first->kind == FRAGMENT_JOIN) {
            if (first->kind == FRAGMENT_CHECKBOX)
                box_add_checkbox(layout, pen, baseline, style->size,
                                 layout->spans[first->span].kind == SPAN_CHECKBOX_TICKED);
            if (first->kind == FRAGMENT_IMAGE)
                layout_image_inline_emit(layout, &layout->spans[first->span], pen, baseline,
                                         first->width);
            pen += first->width;
            at++;
            continue;
        }
        size_t next = at + 1;
        float width = first->width;
        while (next < end && same_run(layout, &fragments[next - 1], &fragments[next]))
            width += fragments[next++].width;
        const struct fragment *last = &fragments[next - 1];
        inline_emit_run(layout, first, first->text,
                        (size_t)(last->text + last->length - first->text), pen, baseline, width,
                        style);
        pen += width;
        at = next;
    }
}

void layout_flow_lines(struct layout *layout, const struct run_style *style, enum line_align align,
                       uint16_t every_line_flags)
{
    const struct layout_frame *frame = frame_top(layout);
    float baseline = text_baseline(style->size, style->leading);
    size_t count = layout->line_count;
    align = layout_bidi_align(layout, align);
    for (size_t index = 0; index < count; index++) {
        float slack = frame->width - layout->lines[index].width;
        float x = frame->x + (align == ALIGN_CENTER ? slack / 2 : align == ALIGN_RIGHT ? slack : 0);
        inline_emit_line(layout, index, x, baseline, style);
        uint16_t flags = every_line_flags;
        /* No first line alone at a page's foot, no last line alone at the top. */
        if ((index == 0 && count >= 2) || (count >= 3 && index == count - 2))
            flags |= BOX_KEEP_WITH_NEXT;
        box_finish(layout, style->leading, baseline, flags);
    }
}
