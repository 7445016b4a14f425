/* The byte extent of every scalar of a YAML text, from libyaml's marks.
 * Marks count characters, not bytes: each is turned into a byte offset by
 * its line and column over the text's line starts. */
#include "yaml_scalar_span.h"

#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <yaml.h>

struct line_starts {
    size_t *offsets; /* byte offset of each line's first byte */
    size_t count;
};

static struct line_starts find_line_starts(const char *text, size_t length)
{
    struct line_starts lines = {NULL, 0};
    size_t capacity = 0;
    lines.offsets = xgrow(lines.offsets, &capacity, 1, sizeof(size_t));
    lines.offsets[lines.count++] = 0;
    for (size_t index = 0; index < length; index++)
        if (text[index] == '\n') {
            lines.offsets = xgrow(lines.offsets, &capacity, lines.count + 1, sizeof(size_t));
            lines.offsets[lines.count++] = index + 1;
        }
    return lines;
}

/* The byte offset of a mark: its line's start, then column characters on. */
static size_t byte_offset(const char *text, size_t length, const struct line_starts *lines,
                          yaml_mark_t mark)
{
    if (mark.line >= lines->count)
        return length;
    size_t offset = lines->offsets[mark.line];
    for (size_t column = 0; column < mark.column && offset < length; column++) {
        offset++;
        while (offset < length && ((unsigned char)text[offset] & 0xC0) == 0x80)
            offset++;
    }
    return offset;
}

static void add_span(struct yaml_scalar_span **spans, size_t *count, size_t *capacity,
                     struct yaml_scalar_span span)
{
    *spans = xgrow(*spans, capacity, *count + 1, sizeof **spans);
    (*spans)[(*count)++] = span;
}

bool yaml_scalar_spans(const char *text, size_t length, struct yaml_scalar_span **spans,
                       size_t *count)
{
    *spans = NULL;
    *count = 0;
    size_t capacity = 0;
    struct line_starts lines = find_line_starts(text, length);
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        fatal_out_of_memory(sizeof parser); /* only fails when out of memory */
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, length);
    bool ok = true, done = false;
    while (ok && !done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            ok = false;
            break;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        if (event.type == YAML_SCALAR_EVENT)
            add_span(spans, count, &capacity,
                     (struct yaml_scalar_span){(unsigned)event.start_mark.line + 1,
                                               (unsigned)event.start_mark.column + 1,
                                               byte_offset(text, length, &lines, event.start_mark),
                                               byte_offset(text, length, &lines, event.end_mark)});
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    free(lines.offsets);
    if (!ok) {
        free(*spans);
        *spans = NULL;
        *count = 0;
    }
    return ok;
}
