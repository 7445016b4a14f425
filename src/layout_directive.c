/* Reading print directives (the syntax is in layout_directive.h). */
#include "layout_directive.h"

#include "alloc.h"
#include "buffer.h"
#include "directive_quote.h"
#include "suggest.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const field_names[KEY_COUNT] = {
    [KEY_ROLE] = "role",
    [KEY_NAME] = "name",
    [KEY_DECISION] = "decision",
    [KEY_DATE] = "date",
    [KEY_CONDITIONS] = "conditions",
    [KEY_TITLE] = "title",
    [KEY_SUBTITLE] = "subtitle",
    [KEY_CLIENT] = "client",
    [KEY_PROJECT] = "project",
    [KEY_PREPARED_BY] = "prepared-by",
    [KEY_VERSION] = "version",
    [KEY_CLASSIFICATION] = "classification",
    [KEY_LOGO] = "logo",
    [KEY_TEXT] = "text",
    [KEY_LINES] = "lines",
    [KEY_LABEL] = "label",
    [KEY_SIZE] = "size",
    [KEY_ROWS] = "rows",
    [KEY_COLUMNS] = "columns",
    [KEY_ROW_LABEL] = "row-label",
    [KEY_COLUMN_LABEL] = "column-label",
    [KEY_CELLS] = "cells",
    [KEY_WIDTHS] = "widths",
    [KEY_PLANNED] = "planned",
    [KEY_ACTUAL] = "actual",
    [KEY_TICKS] = "ticks",
    [KEY_MARKERS] = "markers",
    [KEY_LEGEND] = "legend",
    [KEY_QR] = "qr",
};

#define FIELD_BIT(field) (1u << (field))

struct directive_spec {
    const char *name;
    unsigned fields; /* FIELD_BIT of each key it accepts */
};

static const struct directive_spec specs[DIRECTIVE_COUNT] = {
    [DIRECTIVE_PAGEBREAK] = {"pagebreak", 0},
    [DIRECTIVE_SIGNATURE] = {"signature", FIELD_BIT(KEY_ROLE) | FIELD_BIT(KEY_NAME) |
                                              FIELD_BIT(KEY_DECISION) | FIELD_BIT(KEY_DATE) |
                                              FIELD_BIT(KEY_CONDITIONS)},
    [DIRECTIVE_COVER] = {"cover", FIELD_BIT(KEY_TITLE) | FIELD_BIT(KEY_SUBTITLE) |
                                      FIELD_BIT(KEY_CLIENT) | FIELD_BIT(KEY_PROJECT) |
                                      FIELD_BIT(KEY_PREPARED_BY) | FIELD_BIT(KEY_DATE) |
                                      FIELD_BIT(KEY_VERSION) | FIELD_BIT(KEY_CLASSIFICATION) |
                                      FIELD_BIT(KEY_LOGO)},
    [DIRECTIVE_DRAFT] = {"draft", FIELD_BIT(KEY_TEXT)},
    [DIRECTIVE_NOTES] = {"notes", FIELD_BIT(KEY_LINES) | FIELD_BIT(KEY_LABEL) | FIELD_BIT(KEY_QR)},
    [DIRECTIVE_TABLE] = {"table", FIELD_BIT(KEY_SIZE) | FIELD_BIT(KEY_WIDTHS)},
    [DIRECTIVE_MATRIX] = {"matrix", FIELD_BIT(KEY_ROWS) | FIELD_BIT(KEY_COLUMNS) |
                                        FIELD_BIT(KEY_ROW_LABEL) | FIELD_BIT(KEY_COLUMN_LABEL) |
                                        FIELD_BIT(KEY_CELLS)},
    [DIRECTIVE_KEEP] = {"keep", 0},
    [DIRECTIVE_KEEP_END] = {"keep-end", 0},
    [DIRECTIVE_TOC] = {"toc", 0},
    [DIRECTIVE_TIMELINE] = {"timeline", FIELD_BIT(KEY_ROWS) | FIELD_BIT(KEY_PLANNED) |
                                            FIELD_BIT(KEY_ACTUAL) | FIELD_BIT(KEY_TICKS) |
                                            FIELD_BIT(KEY_MARKERS) | FIELD_BIT(KEY_LEGEND)},
    [DIRECTIVE_QR] = {"qr", FIELD_BIT(KEY_TEXT) | FIELD_BIT(KEY_LABEL)},
};

static const char prefix[] = "golive:";

static const char *skip_blank(const char *at)
{
    while (*at == ' ' || *at == '\t' || *at == '\n' || *at == '\r')
        at++;
    return at;
}

bool directive_is_candidate(const char *text)
{
    const char *at = skip_blank(text);
    if (strncmp(at, "<!--", 4) != 0)
        return false;
    at = skip_blank(at + 4);
    return strncmp(at, prefix, sizeof prefix - 1) == 0;
}

/* A reading position that knows its line and column for messages. */
struct cursor {
    const char *start, *at;
    struct source_position origin;
};

static struct source_position cursor_position(const struct cursor *cursor)
{
    struct source_position position = cursor->origin;
    for (const char *scan = cursor->start; scan < cursor->at;) {
        uint32_t code_point;
        scan += utf8_decode_lossy(scan, (size_t)(cursor->at - scan), &code_point);
        if (code_point == '\n')
            position.line++, position.column = 1;
        else
            position.column++;
    }
    return position;
}

/* A name or key: lower-case letters, digits and inner hyphens (so that
 * "pagebreak-->" ends before the hyphens of the comment's end). */
static size_t word_length(const char *at)
{
    size_t length = 0;
    while ((at[length] >= 'a' && at[length] <= 'z') || at[length] == '-' ||
           (at[length] >= '0' && at[length] <= '9'))
        length++;
    while (length && at[length - 1] == '-')
        length--;
    return length;
}

static bool read_kind(struct cursor *cursor, struct directive *out, struct diag_sink *sink)
{
    cursor->at = skip_blank(skip_blank(cursor->at) + 4) + sizeof prefix - 1;
    size_t length = word_length(cursor->at);
    char name[32];
    snprintf(name, sizeof name, "%.*s", (int)length, cursor->at);
    const char *names[DIRECTIVE_COUNT];
    for (size_t kind = 0; kind < DIRECTIVE_COUNT; kind++) {
        names[kind] = specs[kind].name;
        if (strlen(specs[kind].name) == length && strncmp(cursor->at, names[kind], length) == 0) {
            out->kind = (enum directive_kind)kind;
            cursor->at += length;
            return true;
        }
    }
    const char *closest = suggest_closest(name, names, DIRECTIVE_COUNT);
    diag(sink, DIAG_TYPESET_DIRECTIVE_UNKNOWN, cursor_position(cursor),
         "unknown directive 'golive:%s'%s%s%s; golive knows pagebreak, signature, cover, "
         "draft, notes, table, matrix, timeline, qr, keep, keep-end and toc",
         name, closest ? " (did you mean 'golive:" : "", closest ? closest : "",
         closest ? "'?)" : "");
    return false;
}

/* Reads a quoted value at cursor (on the opening quote) into value. */
static bool read_value(struct cursor *cursor, struct buffer *value, struct diag_sink *sink)
{
    struct cursor opening = *cursor;
    for (cursor->at++; *cursor->at && *cursor->at != '"'; cursor->at++)
        buffer_append_char(value, directive_unquote_next(&cursor->at));
    if (*cursor->at == '"') {
        cursor->at++;
        return true;
    }
    diag(sink, DIAG_TYPESET_DIRECTIVE_SYNTAX, cursor_position(&opening),
         "this value has no closing '\"'; write a quote inside a value as \\\"");
    return false;
}

static bool read_key(struct cursor *cursor, const struct directive_spec *spec,
                     enum directive_field *field, struct diag_sink *sink)
{
    size_t length = word_length(cursor->at);
    const char *names[KEY_COUNT];
    size_t count = 0;
    for (size_t index = 0; index < KEY_COUNT; index++) {
        if (!(spec->fields & FIELD_BIT(index)))
            continue;
        if (strlen(field_names[index]) == length &&
            strncmp(cursor->at, field_names[index], length) == 0) {
            *field = (enum directive_field)index;
            cursor->at += length;
            return true;
        }
        names[count++] = field_names[index];
    }
    char key[32];
    snprintf(key, sizeof key, "%.*s", (int)length, cursor->at);
    const char *closest = suggest_closest(key, names, count);
    if (closest)
        diag(sink, DIAG_TYPESET_DIRECTIVE_KEY, cursor_position(cursor),
             "'golive:%s' has no key '%s'; did you mean '%s'?", spec->name, key, closest);
    else
        diag(sink, DIAG_TYPESET_DIRECTIVE_KEY, cursor_position(cursor),
             "'golive:%s' has no key '%s'", spec->name, key);
    return false;
}

static bool read_attribute(struct cursor *cursor, struct directive *out, struct diag_sink *sink)
{
    const struct directive_spec *spec = &specs[out->kind];
    if (word_length(cursor->at) == 0) {
        diag(sink, DIAG_TYPESET_DIRECTIVE_SYNTAX, cursor_position(cursor),
             "expected key=\"value\" or the closing '-->' in 'golive:%s'", spec->name);
        return false;
    }
    struct cursor key_at = *cursor;
    enum directive_field field;
    if (!read_key(cursor, spec, &field, sink))
        return false;
    if (cursor->at[0] != '=' || cursor->at[1] != '"') {
        diag(sink, DIAG_TYPESET_DIRECTIVE_SYNTAX, cursor_position(cursor),
             "expected =\"...\" after '%s'", field_names[field]);
        return false;
    }
    cursor->at++;
    struct buffer value = {0};
    if (!read_value(cursor, &value, sink)) {
        buffer_free(&value);
        return false;
    }
    if (out->values[field]) {
        diag(sink, DIAG_TYPESET_DIRECTIVE_DUPLICATE, cursor_position(&key_at),
             "'%s' is given twice in 'golive:%s'; the second is used", field_names[field],
             spec->name);
        free(out->values[field]);
    }
    out->values[field] = value.data ? buffer_release(&value) : xstrdup("");
    return true;
}

bool directive_parse(const char *text, struct source_position at, struct directive *out,
                     struct diag_sink *sink)
{
    memset(out, 0, sizeof *out);
    struct cursor cursor = {.start = text, .at = text, .origin = at};
    if (!read_kind(&cursor, out, sink))
        return false;
    for (;;) {
        const char *before = cursor.at;
        cursor.at = skip_blank(cursor.at);
        if (strncmp(cursor.at, "-->", 3) == 0)
            break;
        if (cursor.at == before && *cursor.at && *cursor.at != '"') {
            diag(sink, DIAG_TYPESET_DIRECTIVE_SYNTAX, cursor_position(&cursor),
                 "expected a space before '%c' in 'golive:%s'", *cursor.at, specs[out->kind].name);
            goto failed;
        }
        if (!read_attribute(&cursor, out, sink))
            goto failed;
    }
    cursor.at = skip_blank(cursor.at + 3);
    if (*cursor.at == '\0')
        return true;
    diag(sink, DIAG_TYPESET_DIRECTIVE_SYNTAX, cursor_position(&cursor),
         "text after the end of 'golive:%s'; put it on a line of its own", specs[out->kind].name);
failed:
    directive_free(out);
    return false;
}

void directive_free(struct directive *directive)
{
    for (size_t index = 0; index < KEY_COUNT; index++) {
        free(directive->values[index]);
        directive->values[index] = NULL;
    }
}
