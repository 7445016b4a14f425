/* Blocks that are not running text: code and raw HTML shown literally on a
 * shaded band, and what the print directives draw (page breaks, signature
 * blocks, notes lines, the cover page, the DRAFT watermark). */
#include "layout_internal.h"

#include "golive_limits.h"
#include "layout_directive.h"
#include "layout_qr.h"
#include "layout_timeline.h"
#include "text_shape.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* ---- code and raw HTML ------------------------------------------------ */

struct code_line {
    float x, width, baseline, pen; /* the band's text column and where we are [pt] */
    float size;
    size_t run_start; /* start of the pending run in the line text */
    enum font_face run_face;
    const char *text; /* the line, tabs expanded */
};

static void code_flush_run(struct layout *layout, struct code_line *line, size_t end, float *run_x)
{
    if (end > line->run_start)
        box_add_text(layout, *run_x, line->baseline, line->run_face, line->size,
                     layout_measures.colour_text, line->text + line->run_start,
                     end - line->run_start);
    line->run_start = end;
    *run_x = line->x + line->pen;
}

static void code_finish_line(struct layout *layout, const struct code_line *line, bool wrapped)
{
    if (wrapped) {
        float side = layout_measures.wrap_mark_side;
        struct display_item mark = {.kind = DISPLAY_WRAP_MARK,
                                    .x = line->x + line->width +
                                         (layout_measures.code_padding_x - side) / 2,
                                    .y = line->baseline,
                                    .width = side,
                                    .height = side,
                                    .size = layout_measures.checkbox_line,
                                    .colour = layout_measures.colour_muted};
        box_add(layout, &mark);
    }
    box_finish(layout, layout_styles[STYLE_CODE].leading, line->baseline, 0);
}

/* Continuation lines of a wrapped code line start this many columns in:
 * space, not text, so copying the line gives back only a line break. */
#define CODE_CONTINUATION_COLUMNS 2

/* Lays out one source line (tabs already expanded), wrapping it at the
 * band's width with a wrap mark at the end of each broken part and its
 * continuation lines indented. Characters are never dropped: what no face
 * has is drawn as U+FFFD. */
static void code_source_line(struct layout *layout, struct code_line *line, size_t length)
{
    float run_x = line->x, line_start = 0;
    float indent =
        CODE_CONTINUATION_COLUMNS *
        advance_width(layout->measurer->glyph(layout->measurer->context, FACE_MONO, ' ').advance,
                      line->size);
    line->pen = 0;
    line->run_start = 0;
    line->run_face = FACE_MONO;
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point;
        size_t used = utf8_decode_lossy(line->text + offset, length - offset, &code_point);
        struct glyph_metrics glyph =
            layout->measurer->glyph(layout->measurer->context, FACE_MONO, code_point);
        bool missing = glyph.face == FACE_NONE;
        if (missing) /* warned about by layout_check_coverage */
            glyph = layout->measurer->glyph(layout->measurer->context, FACE_MONO, 0xFFFD);
        float advance = advance_width(glyph.advance, line->size);
        if (line->pen + advance > line->width && line->pen > line_start) {
            code_flush_run(layout, line, offset, &run_x);
            code_finish_line(layout, line, true);
            line->pen = line_start = indent;
            run_x = line->x + indent;
        }
        if (glyph.face != line->run_face || missing) {
            code_flush_run(layout, line, offset, &run_x);
            line->run_face = glyph.face;
        }
        if (missing) {
            box_add_text(layout, run_x, line->baseline, glyph.face, line->size,
                         layout_measures.colour_text, REPLACEMENT_CHARACTER,
                         sizeof REPLACEMENT_CHARACTER - 1);
            line->run_start = offset + used;
        }
        line->pen += advance;
        if (missing)
            run_x = line->x + line->pen;
        offset += used;
    }
    code_flush_run(layout, line, length, &run_x);
    code_finish_line(layout, line, false);
}

/* Tabs to the next multiple of four columns, as CommonMark counts them. */
#define TAB_STOP 4u
static void expand_tabs(const char *text, size_t length, struct buffer *out)
{
    size_t column = 0;
    for (size_t index = 0; index < length; index++) {
        if (text[index] == '\t') {
            do
                buffer_append_char(out, ' ');
            while (++column % TAB_STOP);
            continue;
        }
        buffer_append_char(out, text[index]);
        if (((unsigned char)text[index] & 0xC0) != 0x80)
            column++;
    }
}

static void layout_code_lines(struct layout *layout, const char *text, size_t length)
{
    const struct text_style *style = &layout_styles[STYLE_CODE];
    float padding_x = layout_measures.code_padding_x, padding_y = layout_measures.code_padding_y;
    struct layout_frame *outer = frame_top(layout);
    uint32_t band = container_open(layout, CONTAINER_CODE, outer->x, outer->width, padding_y);
    struct layout_frame *frame = frame_push(layout, FRAME_QUOTE);
    frame->container = band;
    struct code_line line = {.x = frame->x + padding_x,
                             .width = frame->width - 2 * padding_x,
                             .size = style->size,
                             .baseline = text_baseline(style->size, style->leading)};
    box_space(layout, style->space_before + padding_y);
    if (length && text[length - 1] == '\n')
        length--;
    struct buffer expanded = {0}, visual = {0};
    size_t start = 0, first_box = layout->box_count;
    do {
        const char *end = memchr(text + start, '\n', length - start);
        size_t stop = end ? (size_t)(end - text) : length;
        buffer_truncate(&expanded, 0);
        expand_tabs(text + start, stop - start, &expanded);
        if (text_shape_wanted(expanded.data, expanded.length)) {
            /* each line its own bidi paragraph, drawn in visual order */
            buffer_truncate(&visual, 0);
            text_visual_line(expanded.data, expanded.length, &visual);
            buffer_truncate(&expanded, 0);
            buffer_append(&expanded, visual.data, visual.length);
        }
        line.text = buffer_text(&expanded);
        code_source_line(layout, &line, expanded.length);
        start = stop + 1;
    } while (start <= length);
    buffer_free(&expanded);
    buffer_free(&visual);
    /* A short block whole; no first line alone at a page's foot, no last
     * line alone at the top of the next. */
    layout_keep_together(layout, first_box, layout->box_count);
    frame_pop(layout);
    box_space(layout, style->space_after + padding_y);
}

void layout_code_block(struct layout *layout, cmark_node *node)
{
    const char *literal = cmark_node_get_literal(node);
    layout_code_lines(layout, literal, strlen(literal));
}

/* ---- text inside forms ------------------------------------------------ */

/* Lays out text in a style at (x, top) within width, inside the box being
 * built; returns the height it took. */
float layout_form_text(struct layout *layout, const char *text, enum text_style_kind kind,
                       uint8_t extra_style, float x, float top, float width, enum line_align align)
{
    const struct text_style *style = &layout_styles[kind];
    struct run_style run = {.size = style->size,
                            .leading = style->leading,
                            .colour = layout_colour(layout, style),
                            .base = (uint8_t)((style->bold ? SPAN_BOLD : 0) |
                                              (style->italic ? SPAN_ITALIC : 0) | extra_style)};
    inline_reset(layout);
    inline_append(layout, text, strlen(text), 0, SPAN_TEXT);
    inline_measure(layout, 0, layout->span_count, &run);
    inline_break(layout, width, &run);
    float baseline = text_baseline(run.size, run.leading);
    for (size_t index = 0; index < layout->line_count; index++) {
        float slack = width - layout->lines[index].width;
        float left = x + (align == ALIGN_CENTER ? slack / 2 : align == ALIGN_RIGHT ? slack : 0);
        inline_emit_line(layout, index, left, top + baseline + (float)index * run.leading, &run);
    }
    return (float)layout->line_count * run.leading;
}

static bool has_value(const char *value)
{
    return value && *value;
}

static float form_line(struct layout *layout, float x, float y, float width, const char *label)
{
    box_add_shape(layout, DISPLAY_LINE, x, y, width, 0, layout_measures.form_line,
                  layout_measures.colour_text);
    return layout_form_text(layout, label, STYLE_FORM_LABEL, 0, x, y + layout_measures.form_line,
                            width, ALIGN_LEFT);
}

/* ---- signature block -------------------------------------------------- */

/* When no decision is known, the signatory ticks one by hand. */
static float signature_choices(struct layout *layout, float x, float top, float width)
{
    const struct text_style *body = &layout_styles[STYLE_BODY];
    float pen = x, side = layout_checkbox_side(body->size);
    float baseline = top + text_baseline(body->size, body->leading);
    const struct typeset_words *words = &layout->words;
    const char *const decisions[] = {words->approved, words->approved_with_conditions,
                                     words->rejected};
    for (size_t index = 0; index < sizeof decisions / sizeof *decisions; index++) {
        box_add_checkbox(layout, pen, baseline, body->size, false);
        pen += side + layout_measures.checkbox_gap;
        float label =
            measure_text(layout, FACE_SANS, body->size, decisions[index], strlen(decisions[index]));
        layout_form_text(layout, decisions[index], STYLE_BODY, 0, pen, top, width - (pen - x),
                         ALIGN_LEFT);
        pen += label + layout_measures.signature_choice_gap;
    }
    return body->leading;
}

static float signature_field(struct layout *layout, const char *label, const char *value, float x,
                             float top, float width)
{
    struct buffer text = {0};
    buffer_printf(&text, "%s%s %s", label, layout->words.colon, value);
    float height =
        layout_form_text(layout, buffer_text(&text), STYLE_BODY, 0, x, top, width, ALIGN_LEFT);
    buffer_free(&text);
    return height;
}

/* Conditions written "• first • second" get a line each, under their label. */
static float signature_conditions(struct layout *layout, const char *label, const char *value,
                                  float x, float top, float width)
{
    static const char bullet[] = "\xE2\x80\xA2"; /* • */
    if (!strstr(value, bullet))
        return signature_field(layout, label, value, x, top, width);
    struct buffer text = {0};
    buffer_printf(&text, "%s%s", label, layout->words.colon);
    float height =
        layout_form_text(layout, buffer_text(&text), STYLE_BODY, 0, x, top, width, ALIGN_LEFT);
    for (const char *at = strstr(value, bullet); at;) {
        const char *next = strstr(at + 3, bullet);
        size_t length = next ? (size_t)(next - at) : strlen(at);
        while (length > 0 && at[length - 1] == ' ')
            length--;
        buffer_truncate(&text, 0);
        buffer_append(&text, at, length);
        height += layout_form_text(layout, buffer_text(&text), STYLE_BODY, 0, x, top + height,
                                   width, ALIGN_LEFT);
        at = next;
    }
    buffer_free(&text);
    return height;
}

static void layout_signature(struct layout *layout, const struct directive *directive)
{
    const struct layout_frame *frame = frame_top(layout);
    float x = frame->x, width = frame->width, y = 0;
    const char *const *values = (const char *const *)directive->values;
    const struct typeset_words *words = &layout->words;
    box_space(layout, layout_styles[STYLE_SIGNATURE_ROLE].space_before);
    box_add_shape(layout, DISPLAY_LINE, x, 0, width, 0, layout_measures.grid_line,
                  layout_measures.colour_rule);
    y += layout_measures.signature_padding;
    y += layout_form_text(layout, has_value(values[KEY_ROLE]) ? values[KEY_ROLE] : words->signatory,
                          STYLE_SIGNATURE_ROLE, 0, x, y, width, ALIGN_LEFT);
    if (has_value(values[KEY_NAME]))
        y += signature_field(layout, words->name, values[KEY_NAME], x, y, width);
    if (has_value(values[KEY_DECISION]))
        y += signature_field(layout, words->decision, values[KEY_DECISION], x, y, width);
    else
        y += signature_choices(layout, x, y, width);
    if (has_value(values[KEY_CONDITIONS]))
        y += signature_conditions(layout, words->conditions, values[KEY_CONDITIONS], x, y, width);
    y += layout_measures.signature_gap;
    float sign_width = width * layout_measures.signature_line_width;
    float date_x = x + sign_width + layout_measures.signature_space;
    float date_width = x + width - date_x;
    if (has_value(values[KEY_DATE]))
        layout_form_text(layout, values[KEY_DATE], STYLE_BODY, 0, date_x,
                         y - layout_styles[STYLE_BODY].leading, date_width, ALIGN_LEFT);
    float label =
        form_line(layout, x, y, sign_width,
                  has_value(values[KEY_NAME]) ? words->signature : words->name_and_signature);
    form_line(layout, date_x, y, date_width, words->place_and_date);
    box_finish(layout, y + label,
               layout_measures.signature_padding +
                   text_baseline(layout_styles[STYLE_SIGNATURE_ROLE].size,
                                 layout_styles[STYLE_SIGNATURE_ROLE].leading),
               0);
    box_space(layout, layout_styles[STYLE_SIGNATURE_ROLE].space_after);
}

/* ---- notes lines ------------------------------------------------------ */

static void layout_notes(struct layout *layout, const struct directive *directive)
{
    const struct layout_frame *frame = frame_top(layout);
    long count = layout_measures.notes_default_lines;
    if (has_value(directive->values[KEY_LINES])) {
        char *end;
        count = strtol(directive->values[KEY_LINES], &end, 10);
        if (*end || count < 1 || count > LIMIT_NOTES_LINES) {
            diag(layout->sink, DIAG_TYPESET_DIRECTIVE_VALUE, layout->current_position,
                 "lines=\"%s\" is not a number from 1 to %u; %u lines are drawn",
                 directive->values[KEY_LINES], LIMIT_NOTES_LINES,
                 layout_measures.notes_default_lines);
            count = layout_measures.notes_default_lines;
        }
    }
    const char *label = has_value(directive->values[KEY_LABEL]) ? directive->values[KEY_LABEL]
                                                                : layout->words.notes;
    if (has_value(directive->values[KEY_QR])) {
        layout_notes_beside_qr(layout, label, count, directive->values[KEY_QR]);
        return;
    }
    box_space(layout, layout_styles[STYLE_BODY].space_after);
    size_t first_box = layout->box_count;
    float height = layout_form_text(layout, label, STYLE_BODY, SPAN_BOLD, frame->x, 0, frame->width,
                                    ALIGN_LEFT);
    box_finish(layout, height,
               text_baseline(layout_styles[STYLE_BODY].size, layout_styles[STYLE_BODY].leading),
               BOX_KEEP_WITH_NEXT);
    for (long index = 0; index < count; index++) {
        box_add_shape(layout, DISPLAY_LINE, frame->x, layout_measures.notes_spacing, frame->width,
                      0, layout_measures.form_line, layout_measures.colour_rule);
        box_finish(layout, layout_measures.notes_spacing, 0, 0);
    }
    layout_keep_whole(layout, first_box, layout->box_count); /* a label with all its lines */
    box_space(layout, layout_styles[STYLE_BODY].space_after);
}

/* ---- cover page ------------------------------------------------------- */

static const char *pick(const char *given, const char *fallback)
{
    return has_value(given) ? given : has_value(fallback) ? fallback : NULL;
}

/* The cover's logo: the directive's logo= (an image path like any other,
 * inside the document's folder), else --logo (a file named on the command
 * line, read as given). */
static void cover_logo(struct layout *layout, const char *directive_logo)
{
    struct buffer path = {0};
    struct image_info info;
    const char *given = layout->options->logo_path;
    bool found = false;
    if (directive_logo) {
        found = layout_image_resolve(layout, directive_logo, strlen(directive_logo), &path, &info);
    } else if (given) {
        found = image_probe(given, &info) == IMAGE_PROBE_OK;
        if (!found)
            diag(layout->sink, DIAG_TYPESET_IMAGE_UNREADABLE, source_position_of_file(given),
                 "cannot use the logo '%s': it must be a readable PNG or JPEG file", given);
        buffer_append_text(&path, given);
    }
    if (found) {
        float height = layout_measures.logo_height;
        float width = height * (float)info.width / (float)info.height;
        if (width > layout->text_width) {
            width = layout->text_width;
            height = width * (float)info.height / (float)info.width;
        }
        struct display_item image = {.kind = DISPLAY_IMAGE,
                                     .x = layout->text_left,
                                     .y = layout->text_top,
                                     .width = width,
                                     .height = height};
        display_text_store(layout->list, &image, path.data, path.length);
        box_add(layout, &image);
    }
    buffer_free(&path);
}

static const enum directive_field cover_fields[] = {
    KEY_CLIENT, KEY_PROJECT, KEY_PREPARED_BY, KEY_DATE, KEY_VERSION, KEY_CLASSIFICATION,
};

static const char *cover_label(const struct typeset_words *words, enum directive_field field)
{
    switch (field) {
    case KEY_CLIENT: return words->client;
    case KEY_PROJECT: return words->project;
    case KEY_PREPARED_BY: return words->prepared_by;
    case KEY_DATE: return words->date;
    case KEY_VERSION: return words->version;
    default: return words->classification;
    }
}

static const char *cover_value(const struct layout *layout, const struct directive *directive,
                               enum directive_field field)
{
    const struct layout_options *options = layout->options;
    switch (field) {
    case KEY_CLIENT: return pick(directive->values[field], options->client);
    case KEY_VERSION: return pick(directive->values[field], options->version);
    case KEY_CLASSIFICATION: return pick(directive->values[field], options->classification);
    default: return pick(directive->values[field], NULL);
    }
}

static void layout_cover(struct layout *layout, const struct directive *directive)
{
    float x = layout->text_left, width = layout->text_width;
    cover_logo(layout, pick(directive->values[KEY_LOGO], NULL));
    float y = layout->page_height * layout_measures.cover_title_top;
    box_add_shape(layout, DISPLAY_FILL, x, y - layout_measures.cover_bar_space,
                  layout_measures.cover_bar_width, layout_measures.cover_rule, 0,
                  layout->options->accent_colour);
    const char *title = pick(directive->values[KEY_TITLE], layout->options->title);
    if (title)
        y += layout_form_text(layout, title, STYLE_COVER_TITLE, 0, x, y, width, ALIGN_LEFT) +
             layout_styles[STYLE_COVER_TITLE].space_after;
    const char *subtitle = pick(directive->values[KEY_SUBTITLE], layout->options->subtitle);
    if (subtitle)
        layout_form_text(layout, subtitle, STYLE_COVER_SUBTITLE, 0, x, y, width, ALIGN_LEFT);
    y = layout->page_height * layout_measures.cover_fields_top;
    box_add_shape(layout, DISPLAY_LINE, x, y, width, 0, layout_measures.grid_line,
                  layout_measures.colour_rule);
    float label_width = layout_measures.cover_label_width;
    y += layout_measures.cover_field_space;
    for (size_t index = 0; index < sizeof cover_fields / sizeof *cover_fields; index++) {
        const char *value = cover_value(layout, directive, cover_fields[index]);
        if (!value)
            continue;
        layout_form_text(layout, cover_label(&layout->words, cover_fields[index]),
                         STYLE_COVER_FIELD, 0, x, y, label_width, ALIGN_LEFT);
        y += layout_form_text(layout, value, STYLE_COVER_FIELD, SPAN_BOLD, x + label_width, y,
                              width - label_width, ALIGN_LEFT);
    }
    box_finish(layout, 0, 0, BOX_COVER);
}

/* ---- the HTML block: a directive, or raw HTML shown as text ----------- */

/* <!-- golive:table size="large" -->: the next table's text is set larger,
 * for sheets read at arm's length (the emergency contacts); size="small"
 * sets it as small print (a document control block). */
static void set_table_size(struct layout *layout, const struct directive *directive)
{
    const char *size = directive->values[KEY_SIZE];
    layout->next_table_scale = 0;
    if (has_value(size) && strcmp(size, "large") == 0)
        layout->next_table_scale = layout_measures.table_large_scale;
    else if (has_value(size) && strcmp(size, "small") == 0)
        layout->next_table_scale = layout_measures.table_small_scale;
    else if (has_value(size) && strcmp(size, "compact") == 0)
        layout->next_table_scale = layout_measures.table_compact_scale;
    else if (has_value(size) && strcmp(size, "normal") != 0)
        diag(layout->sink, DIAG_TYPESET_DIRECTIVE_VALUE, layout->current_position,
             "size=\"%s\" is not large, normal, compact or small; the table keeps the usual size",
             size);
    const char *widths = directive->values[KEY_WIDTHS];
    layout->next_table_shared = has_value(widths) && strcmp(widths, "shared") == 0;
    if (has_value(widths) && strcmp(widths, "shared") != 0 && strcmp(widths, "own") != 0)
        diag(layout->sink, DIAG_TYPESET_DIRECTIVE_VALUE, layout->current_position,
             "widths=\"%s\" is not shared or own; the table gets widths of its own", widths);
}

static void apply_directive(struct layout *layout, const struct directive *directive)
{
    switch (directive->kind) {
    case DIRECTIVE_PAGEBREAK: box_finish(layout, 0, 0, BOX_PAGE_BREAK); break;
    case DIRECTIVE_SIGNATURE: layout_signature(layout, directive); break;
    case DIRECTIVE_COVER: layout_cover(layout, directive); break;
    case DIRECTIVE_NOTES: layout_notes(layout, directive); break;
    case DIRECTIVE_DRAFT:
        layout->draft = true;
        if (has_value(directive->values[KEY_TEXT])) {
            free(layout->watermark);
            layout->watermark = xstrdup(directive->values[KEY_TEXT]);
        }
        break;
    case DIRECTIVE_TABLE: set_table_size(layout, directive); break;
    case DIRECTIVE_MATRIX: layout_matrix(layout, directive); break;
    case DIRECTIVE_TIMELINE: layout_timeline(layout, directive); break;
    case DIRECTIVE_QR: layout_qr(layout, directive); break;
    case DIRECTIVE_KEEP: layout->keep_group = layout->box_count + 1; break;
    case DIRECTIVE_KEEP_END:
        if (layout->keep_group)
            layout_keep_whole(layout, layout->keep_group - 1, layout->box_count);
        layout->keep_group = 0;
        break;
    case DIRECTIVE_TOC: /* needs its node: layout_html_block */
    case DIRECTIVE_COUNT: break;
    }
}

void layout_html_block(struct layout *layout, cmark_node *node)
{
    const char *literal = cmark_node_get_literal(node);
    if (!directive_is_candidate(literal)) {
        layout_code_lines(layout, literal, strlen(literal));
        return;
    }
    struct directive directive;
    if (!directive_parse(literal, layout->current_position, &directive, layout->sink))
        return;
    if (directive.kind == DIRECTIVE_TOC)
        layout_toc(layout, node);
    else
        apply_directive(layout, &directive);
    directive_free(&directive);
}
