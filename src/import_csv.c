/* golive import modules: the installed-module list, exported as CSV from
 * Odoo's Apps view (English column labels) or from the ir_module_module
 * table (its column names). RFC 4180 quoting, CRLF or LF, a UTF-8 byte
 * order mark; each field keeps its line and column for messages. Also the
 * plain list of removed modules. */
#include "import.h"

#include "alloc.h"
#include "buffer.h"
#include "file_io.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

struct csv_field {
    char *text;
    struct source_position position;
};

struct csv_row {
    struct csv_field *fields;
    size_t count, capacity;
};

struct csv_reader {
    const char *path;
    const char *text;
    size_t length, offset;
    unsigned line, column;
    struct diag_sink *sink;
};

static void csv_advance(struct csv_reader *reader)
{
    unsigned char byte = (unsigned char)reader->text[reader->offset++];
    if (byte == '\n') {
        reader->line++;
        reader->column = 1;
    } else if ((byte & 0xC0) != 0x80) {
        reader->column++;
    }
}

static int csv_peek(const struct csv_reader *reader)
{
    return reader->offset < reader->length ? (unsigned char)reader->text[reader->offset] : -1;
}

static void row_free(struct csv_row *row)
{
    for (size_t index = 0; index < row->count; index++)
        free(row->fields[index].text);
    free(row->fields);
    *row = (struct csv_row){0};
}

/* A quoted field: "" inside is one quote; line breaks are kept. */
static bool read_quoted(struct csv_reader *reader, struct buffer *out,
                        struct source_position opened)
{
    csv_advance(reader);
    for (;;) {
        int character = csv_peek(reader);
        if (character == -1) {
            diag(reader->sink, DIAG_CSV_SYNTAX, opened, "this quoted field is never closed");
            return false;
        }
        csv_advance(reader);
        if (character == '"' && csv_peek(reader) == '"') {
            csv_advance(reader);
        } else if (character == '"') {
            break;
        }
        if (character != '\r' || csv_peek(reader) != '\n')
            buffer_append_char(out, (char)character);
    }
    int after = csv_peek(reader);
    if (after != ',' && after != '\n' && after != '\r' && after != -1) {
        struct source_position at = {reader->path, reader->line, reader->column};
        diag(reader->sink, DIAG_CSV_SYNTAX, at, "text follows the closing quote of this field");
        return false;
    }
    return true;
}

/* Reads one row; returns false at the end of the text or on error
 * (*failed tells which). */
static bool read_row(struct csv_reader *reader, struct csv_row *row, bool *failed)
{
    row_free(row);
    if (csv_peek(reader) == -1)
        return false;
    for (;;) {
        struct buffer field = {0};
        struct source_position at = {reader->path, reader->line, reader->column};
        if (csv_peek(reader) == '"') {
            if (!read_quoted(reader, &field, at)) {
                buffer_free(&field);
                *failed = true;
                return false;
            }
        } else {
            while (csv_peek(reader) != -1 && csv_peek(reader) != ',' && csv_peek(reader) != '\n' &&
                   csv_peek(reader) != '\r') {
                buffer_append_char(&field, (char)csv_peek(reader));
                csv_advance(reader);
            }
        }
        row->fields = xgrow(row->fields, &row->capacity, row->count + 1, sizeof *row->fields);
        row->fields[row->count].text = field.data ? buffer_release(&field) : xstrdup("");
        row->fields[row->count++].position = at;
        int next = csv_peek(reader);
        if (next == ',') {
            csv_advance(reader);
            continue;
        }
        if (next == '\r')
            csv_advance(reader);
        if (csv_peek(reader) == '\n')
            csv_advance(reader);
        return true;
    }
}

/* ---- columns ------------------------------------------------------------ */

enum csv_column {
    COLUMN_NAME,
    COLUMN_STATE,
    COLUMN_AUTHOR,
    COLUMN_VERSION,
    COLUMN_TITLE,
    COLUMN_LICENSE,
    COLUMN_WEBSITE,
    COLUMN_COUNT
};

/* Each column under its database name and the label Odoo's export gives it
 * in English. Odoo labels latest_version 'Installed Version' (and the
 * computed installed_version 'Latest Version'): the installed one is read. */
static const char *const column_names[COLUMN_COUNT][2] = {
    [COLUMN_NAME] = {"name", "Technical Name"},
    [COLUMN_STATE] = {"state", "Status"},
    [COLUMN_AUTHOR] = {"author", "Author"},
    [COLUMN_VERSION] = {"latest_version", "Installed Version"},
    [COLUMN_TITLE] = {"shortdesc", "Module Name"},
    [COLUMN_LICENSE] = {"license", "License"},
    [COLUMN_WEBSITE] = {"website", "Website"},
};

static bool map_columns(const struct csv_row *header, long columns[COLUMN_COUNT],
                        struct csv_reader *reader)
{
    for (int column = 0; column < COLUMN_COUNT; column++) {
        columns[column] = -1;
        for (size_t index = 0; index < header->count && columns[column] < 0; index++)
            if (strcmp(header->fields[index].text, column_names[column][0]) == 0 ||
                strcmp(header->fields[index].text, column_names[column][1]) == 0)
                columns[column] = (long)index;
    }
    if (columns[COLUMN_NAME] >= 0 && columns[COLUMN_STATE] >= 0)
        return true;
    struct source_position at = {reader->path, 1, 1};
    diag(reader->sink, DIAG_CSV_COLUMN_MISSING, at,
         "the first line must name the columns %s: 'Technical Name' and 'Status' (Apps export) or "
         "'name' and 'state' (ir_module_module)",
         columns[COLUMN_NAME] < 0 ? "of the technical name and the status" : "of the status");
    return false;
}

/* Odoo's states, technical and as the export labels them. Installed are
 * those in the database now, including those about to be upgraded or
 * removed. */
static int installed_state(const char *state)
{
    static const char *const installed[] = {"installed", "to upgrade",     "to remove",
                                            "Installed", "To be upgraded", "To be removed",
                                            NULL};
    static const char *const others[] = {
        "uninstalled",   "uninstallable",   "to install", "Not Installed",
        "Uninstallable", "To be installed", NULL};
    for (size_t index = 0; installed[index]; index++)
        if (strcmp(state, installed[index]) == 0)
            return 1;
    for (size_t index = 0; others[index]; index++)
        if (strcmp(state, others[index]) == 0)
            return 0;
    return -1;
}

/* Odoo 16 and later store shortdesc as JSON ({"en_US": "Sales"}); an
 * export of the table shows it so. The English text is taken. */
static char *plain_title(const char *text)
{
    const char *prefix = "{\"en_US\": \"";
    if (strncmp(text, prefix, strlen(prefix)) != 0)
        return xstrdup(text);
    const char *start = text + strlen(prefix);
    const char *end = strchr(start, '"');
    return end ? xstrndup(start, (size_t)(end - start)) : xstrdup(text);
}

static const char *field_of(const struct csv_row *row, const long columns[COLUMN_COUNT],
                            enum csv_column column)
{
    long index = columns[column];
    if (index < 0 || (size_t)index >= row->count || !row->fields[index].text[0])
        return NULL;
    return row->fields[index].text;
}

static void fill(char **slot, const char *value)
{
    if (!*slot && value)
        *slot = xstrdup(value);
}

static bool take_row(const struct csv_row *row, const long columns[COLUMN_COUNT],
                     struct import_set *set, struct diag_sink *sink)
{
    const char *name = field_of(row, columns, COLUMN_NAME);
    const char *state = field_of(row, columns, COLUMN_STATE);
    struct source_position at = row->fields[0].position;
    if (!name) {
        diag(sink, DIAG_MODULE_NAME, at, "this line has no technical name");
        return false;
    }
    if (!import_is_module_name(name)) {
        diag(sink, DIAG_MODULE_NAME, row->fields[columns[COLUMN_NAME]].position,
             "'%s' is not a module's technical name", name);
        return false;
    }
    int installed = state ? installed_state(state) : -1;
    if (installed < 0) {
        struct source_position state_at = (size_t)columns[COLUMN_STATE] < row->count
                                              ? row->fields[columns[COLUMN_STATE]].position
                                              : at;
        diag(sink, DIAG_UNKNOWN_CHOICE, state_at,
             "'%s' is not a state of Odoo's modules (installed, uninstalled, to upgrade, ...)",
             state ? state : "");
        return false;
    }
    struct import_module *module = import_set_find(set, name);
    if (!module && !installed)
        return true;
    if (!module)
        module = import_set_add(set, name);
    module->in_export = true;
    module->installed = installed;
    fill(&module->version, field_of(row, columns, COLUMN_VERSION));
    fill(&module->author, field_of(row, columns, COLUMN_AUTHOR));
    fill(&module->license, field_of(row, columns, COLUMN_LICENSE));
    fill(&module->website, field_of(row, columns, COLUMN_WEBSITE));
    if (!module->title && field_of(row, columns, COLUMN_TITLE))
        module->title = plain_title(field_of(row, columns, COLUMN_TITLE));
    return true;
}

static bool all_blank(const struct csv_row *row)
{
    for (size_t index = 0; index < row->count; index++)
        if (row->fields[index].text[0])
            return false;
    return true;
}

static bool read_rows(struct csv_reader *reader, struct import_set *set)
{
    struct csv_row row = {0};
    bool failed = false, ok = true;
    long columns[COLUMN_COUNT];
    if (!read_row(reader, &row, &failed) || !map_columns(&row, columns, reader)) {
        if (!failed && row.count == 0)
            diag(reader->sink, DIAG_CSV_COLUMN_MISSING, source_position_of_file(reader->path),
                 "the export is empty: it needs a first line naming its columns");
        row_free(&row);
        return false;
    }
    while (read_row(reader, &row, &failed))
        if (!all_blank(&row))
            ok &= take_row(&row, columns, set, reader->sink);
    row_free(&row);
    return ok && !failed;
}

/* Names the line and column of the first byte that is not UTF-8. */
static void report_invalid_utf8(struct csv_reader *reader)
{
    uint32_t code_point;
    while (reader->offset < reader->length) {
        size_t size = utf8_decode(reader->text + reader->offset, reader->length - reader->offset,
                                  &code_point);
        if (size == 0)
            break;
        while (size-- > 0)
            csv_advance(reader);
    }
    struct source_position at = {reader->path, reader->line, reader->column};
    diag(reader->sink, DIAG_INVALID_UTF8, at,
         "the export is not UTF-8 from here on: export it again choosing UTF-8");
}

bool import_csv_read(const char *path, struct import_set *set, struct diag_sink *sink)
{
    char *text;
    size_t length;
    if (!file_read(path, source_position_of_file(path), sink, &text, &length))
        return false;
    struct csv_reader reader = {path, text, length, 0, 1, 1, sink};
    if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        reader.offset = 3; /* Excel and LibreOffice write a byte order mark */
    bool ok = false;
    if (!utf8_valid(text, length))
        report_invalid_utf8(&reader);
    else
        ok = read_rows(&reader, set);
    for (size_t index = 0; ok && index < set->count; index++)
        if (!set->modules[index].in_export)
            set->modules[index].installed = false;
    free(text);
    return ok;
}

/* ---- a list of names ---------------------------------------------------- */

static bool take_name_line(const char *path, unsigned line, const char *start, size_t length,
                           struct text_list *names, struct diag_sink *sink)
{
    const char *hash = memchr(start, '#', length);
    if (hash)
        length = (size_t)(hash - start);
    size_t skip = 0;
    while (skip < length && (start[skip] == ' ' || start[skip] == '\t'))
        skip++;
    while (length > skip &&
           (start[length - 1] == ' ' || start[length - 1] == '\t' || start[length - 1] == '\r'))
        length--;
    if (length == skip)
        return true;
    char *name = xstrndup(start + skip, length - skip);
    if (!import_is_module_name(name)) {
        struct source_position at = {path, line, (unsigned)skip + 1};
        diag(sink, DIAG_MODULE_NAME, at, "'%s' is not a module's technical name", name);
        free(name);
        return false;
    }
    names->items = xgrow(names->items, &names->capacity, names->count + 1, sizeof(char *));
    names->items[names->count++] = name;
    return true;
}

bool import_names_read(const char *path, struct text_list *names, struct diag_sink *sink)
{
    char *text;
    size_t length;
    if (!file_read(path, source_position_of_file(path), sink, &text, &length))
        return false;
    bool ok = true;
    if (!utf8_valid(text, length)) {
        diag(sink, DIAG_INVALID_UTF8, source_position_of_file(path), "this list is not UTF-8");
        ok = false;
    }
    unsigned line = 1;
    for (const char *start = text; ok && start < text + length; line++) {
        const char *end = memchr(start, '\n', (size_t)(text + length - start));
        size_t size = end ? (size_t)(end - start) : (size_t)(text + length - start);
        ok &= take_name_line(path, line, start, size, names, sink);
        start += size + 1;
    }
    free(text);
    return ok;
}
