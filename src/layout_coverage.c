/* Which characters of a document no font draws, each warned about once:
 * its code point, how often it occurs and where it first does. Chinese,
 * Japanese and Korean, which want a font package rather than other words,
 * get one warning together while no CJK face is installed.
 *
 * The text is read from the tree, not from the lines laid out: a table's
 * cells are measured twice and the running header once a page, but each
 * character of the source counts once. Link targets and image paths are
 * not drawn and not read. Lines come from the tree (a leaf block's first
 * line plus the line ends before the character); columns from the source
 * line, when the layout has the source. */
#include "layout_internal.h"

#include "text_normalise.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct missing_character {
    uint32_t code_point;
    size_t count;
    struct source_position first;
};

struct coverage {
    struct layout *layout;
    struct missing_character *missing; /* sorted by code point */
    size_t count, capacity;
    unsigned line;       /* of the text being read */
    enum font_face face; /* it is drawn in */
};

/* Chinese, Japanese and Korean: radicals, kana, CJK punctuation and
 * ideographs, Hangul, compatibility ideographs and full-width forms. */
static bool is_cjk(uint32_t code_point)
{
    return (code_point >= 0x2E80 && code_point <= 0x9FFF) ||
           (code_point >= 0xAC00 && code_point <= 0xD7AF) ||
           (code_point >= 0xF900 && code_point <= 0xFAFF) ||
           (code_point >= 0xFF00 && code_point <= 0xFFEF);
}

static struct missing_character *find(const struct coverage *coverage, uint32_t code_point,
                                      size_t *at)
{
    size_t low = 0, high = coverage->count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (coverage->missing[middle].code_point < code_point)
            low = middle + 1;
        else
            high = middle;
    }
    *at = low;
    bool found = low < coverage->count && coverage->missing[low].code_point == code_point;
    return found ? &coverage->missing[low] : NULL;
}

/* Each character's column on the line where it first occurs, in one pass
 * over the source; 1 when the layout has no source or the line does not
 * hold it (text from an entity reference such as &#x4E2D;). */
static void find_columns(struct coverage *coverage)
{
    if (coverage->count == 0) /* nothing is missing: no column to find */
        return;
    const struct layout_options *options = coverage->layout->options;
    const char *text = options->source_text;
    size_t length = text ? options->source_length : 0;
    unsigned line = 1, column = 1;
    for (size_t offset = 0; offset < length; column++) {
        uint32_t code_point;
        offset += utf8_decode_lossy(text + offset, length - offset, &code_point);
        size_t at;
        struct missing_character *missing =
            code_point >= 0x80 ? find(coverage, code_point, &at) : NULL;
        if (missing && missing->first.line == line && missing->first.column == 0)
            missing->first.column = column;
        if (code_point == '\n')
            line++, column = 0;
    }
    for (size_t index = 0; index < coverage->count; index++)
        if (coverage->missing[index].first.file && coverage->missing[index].first.column == 0)
            coverage->missing[index].first.column = 1;
}

static bool drawn_by_some_face(struct layout *layout, enum font_face face, uint32_t code_point)
{
    return layout_glyph(layout, face, code_point).face != FACE_NONE;
}

static void record(struct coverage *coverage, uint32_t code_point)
{
    size_t low;
    struct missing_character *missing = find(coverage, code_point, &low);
    if (missing) {
        missing->count++;
        return;
    }
    LAYOUT_GROW(coverage->missing, coverage->count, coverage->capacity);
    memmove(&coverage->missing[low + 1], &coverage->missing[low],
            (coverage->count - low) * sizeof *coverage->missing);
    struct source_position first = source_position_of_file(NULL); /* a field: no file */
    if (coverage->line > 0) /* the column comes from find_columns */
        first = (struct source_position){coverage->layout->options->source_name, coverage->line, 0};
    coverage->missing[low] = (struct missing_character){code_point, 1, first};
    coverage->count++;
}

/* Reads text drawn in coverage->face; a line end moves to the next line. */
static void read_text(struct coverage *coverage, const char *text)
{
    size_t length = strlen(text);
    for (size_t offset = 0; offset < length;) {
        if ((unsigned char)text[offset] < 0x80) { /* every face has ASCII */
            if (text[offset++] == '\n' && coverage->line > 0)
                coverage->line++;
            while (offset < length && (unsigned char)text[offset] < 0x80 && text[offset] != '\n')
                offset++;
            continue;
        }
        uint32_t code_point;
        offset += utf8_decode_lossy(text + offset, length - offset, &code_point);
        if (text_draws_nothing(code_point) ||
            drawn_by_some_face(coverage->layout, coverage->face, code_point))
            continue;
        record(coverage, code_point);
    }
}

/* A leaf block's text starts on its first line, a fenced code block's on
 * the line after its fence. */
static void enter_block(struct coverage *coverage, cmark_node *node)
{
    coverage->line = (unsigned)cmark_node_get_start_line(node);
    coverage->face = FACE_SANS;
    if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK) {
        int length, offset;
        char character;
        coverage->face = FACE_MONO;
        coverage->line += cmark_node_get_fenced(node, &length, &offset, &character) ? 1 : 0;
    }
}

static void read_node(struct coverage *coverage, cmark_iter *iter, cmark_node *node)
{
    cmark_node_type type = cmark_node_get_type(node);
    const char *literal = cmark_node_get_literal(node);
    if (type == CMARK_NODE_IMAGE) { /* its alt text stands in only when it fails */
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        return;
    }
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
        coverage->line++;
        return;
    }
    if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
        enter_block(coverage, node);
    if (!literal)
        return;
    enum font_face face = coverage->face;
    if (type == CMARK_NODE_CODE)
        coverage->face = FACE_MONO;
    read_text(coverage, literal);
    coverage->face = face;
}

static void report_one(struct layout *layout, const struct missing_character *missing)
{
    char character[8] = {0}, count[48];
    utf8_encode(missing->code_point, character);
    if (missing->count == 1)
        snprintf(count, sizeof count, "once");
    else
        snprintf(count, sizeof count, "%zu times, the first here", missing->count);
    /* libharu's font codes are 16 bits: emoji and the like cannot be drawn */
    const char *why = missing->code_point > 0xFFFF ? "is above U+FFFF, where golive draws nothing"
                                                   : "is in none of the fonts";
    diag(layout->sink, DIAG_TYPESET_MISSING_GLYPH, missing->first,
         "U+%04X '%s' %s: shown as U+FFFD (%s)", (unsigned)missing->code_point, character, why,
         count);
}

/* The first of the CJK characters in the document's order. */
static bool earlier(const struct source_position *left, const struct source_position *right)
{
    return left->line < right->line || (left->line == right->line && left->column < right->column);
}

static void report_cjk(struct layout *layout, const struct coverage *coverage)
{
    const struct missing_character *first = NULL;
    size_t total = 0, different = 0;
    for (size_t index = 0; index < coverage->count; index++) {
        const struct missing_character *missing = &coverage->missing[index];
        if (!is_cjk(missing->code_point))
            continue;
        total += missing->count;
        different++;
        if (!first || earlier(&missing->first, &first->first))
            first = missing;
    }
    if (!first)
        return;
    char character[8] = {0};
    utf8_encode(first->code_point, character);
    diag(layout->sink, DIAG_TYPESET_MISSING_CJK, first->first,
         "%zu Chinese, Japanese or Korean character%s (%zu different, the first U+%04X '%s' "
         "here) %s in none of the fonts: shown as U+FFFD",
         total, total == 1 ? "" : "s", different, (unsigned)first->code_point, character,
         total == 1 ? "is" : "are");
}

/* The running header's and footer's fields, from the command line. */
static void read_fields(struct coverage *coverage)
{
    const struct layout_options *options = coverage->layout->options;
    const char *fields[] = {options->title_given ? options->title : NULL,
                            options->subtitle,
                            options->client,
                            options->version,
                            options->classification,
                            options->footer_note};
    coverage->line = 0;
    coverage->face = FACE_SANS;
    for (size_t index = 0; index < sizeof fields / sizeof *fields; index++)
        if (fields[index])
            read_text(coverage, fields[index]);
}

void layout_check_coverage(struct layout *layout, cmark_node *root)
{
    struct coverage coverage = {.layout = layout, .face = FACE_SANS};
    read_fields(&coverage);
    cmark_iter *iter = cmark_iter_new(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
        if (event == CMARK_EVENT_ENTER)
            read_node(&coverage, iter, cmark_iter_get_node(iter));
    cmark_iter_free(iter);
    find_columns(&coverage);
    /* With a CJK face installed, what it lacks is warned about like the rest. */
    bool cjk_missing = false;
    for (size_t index = 0; index < coverage.count && !cjk_missing; index++)
        cjk_missing = is_cjk(coverage.missing[index].code_point);
    bool cjk_face = cjk_missing && drawn_by_some_face(layout, FACE_SANS, 0x4E2D);
    for (size_t index = 0; index < coverage.count; index++)
        if (cjk_face || !is_cjk(coverage.missing[index].code_point))
            report_one(layout, &coverage.missing[index]);
    if (!cjk_face)
        report_cjk(layout, &coverage);
    free(coverage.missing);
}
