/* The byte extent of every scalar and every mapping of a YAML text, from
 * libyaml's marks.
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

/* What a walk over the events keeps of them. */
struct span_walk {
    const char *text;
    size_t length;
    struct line_starts lines;
    struct yaml_scalar_span *scalars;   /* when counting scalars */
    struct yaml_mapping_span *mappings; /* when counting mappings */
    size_t count, capacity;
    size_t *open; /* mappings not yet ended, as indices */
    size_t open_count, open_capacity;
};

static size_t offset_of(const struct span_walk *walk, yaml_mark_t mark)
{
    return byte_offset(walk->text, walk->length, &walk->lines, mark);
}

static void add_scalar(struct span_walk *walk, const yaml_event_t *event)
{
    walk->scalars = xgrow(walk->scalars, &walk->capacity, walk->count + 1, sizeof *walk->scalars);
    walk->scalars[walk->count++] = (struct yaml_scalar_span){
        (unsigned)event->start_mark.line + 1, (unsigned)event->start_mark.column + 1,
        offset_of(walk, event->start_mark), offset_of(walk, event->end_mark)};
}

static void open_mapping(struct span_walk *walk, const yaml_event_t *event)
{
    walk->mappings =
        xgrow(walk->mappings, &walk->capacity, walk->count + 1, sizeof *walk->mappings);
    walk->mappings[walk->count] = (struct yaml_mapping_span){
        (unsigned)event->start_mark.line + 1, (unsigned)event->start_mark.column + 1,
        offset_of(walk, event->start_mark), 0,
        event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE};
    walk->open = xgrow(walk->open, &walk->open_capacity, walk->open_count + 1, sizeof *walk->open);
    walk->open[walk->open_count++] = walk->count++;
}

static void close_mapping(struct span_walk *walk, const yaml_event_t *event)
{
    if (walk->open_count)
        walk->mappings[walk->open[--walk->open_count]].end = offset_of(walk, event->end_mark);
}

static void keep_event(struct span_walk *walk, const yaml_event_t *event, bool mappings)
{
    if (!mappings && event->type == YAML_SCALAR_EVENT)
        add_scalar(walk, event);
    else if (mappings && event->type == YAML_MAPPING_START_EVENT)
        open_mapping(walk, event);
    else if (mappings && event->type == YAML_MAPPING_END_EVENT)
        close_mapping(walk, event);
}

/* Parses the whole text, keeping the scalars or the mappings. */
static bool walk_events(struct span_walk *walk, bool mappings)
{
    walk->lines = find_line_starts(walk->text, walk->length);
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        fatal_out_of_memory(sizeof parser); /* only fails when out of memory */
    yaml_parser_set_input_string(&parser, (const unsigned char *)walk->text, walk->length);
    bool ok = true, done = false;
    while (ok && !done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            ok = false;
            break;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        keep_event(walk, &event, mappings);
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    free(walk->lines.offsets);
    free(walk->open);
    return ok;
}

bool yaml_scalar_spans(const char *text, size_t length, struct yaml_scalar_span **spans,
                       size_t *count)
{
    struct span_walk walk = {.text = text, .length = length};
    bool ok = walk_events(&walk, false);
    if (!ok) {
        free(walk.scalars);
        walk = (struct span_walk){0};
    }
    *spans = walk.scalars;
    *count = walk.count;
    return ok;
}

bool yaml_mapping_spans(const char *text, size_t length, struct yaml_mapping_span **spans,
                        size_t *count)
{
    struct span_walk walk = {.text = text, .length = length};
    bool ok = walk_events(&walk, true);
    if (!ok) {
        free(walk.mappings);
        walk = (struct span_walk){0};
    }
    *spans = walk.mappings;
    *count = walk.count;
    return ok;
}
