/* Diagnostics: the code table, the sink, sorting and printing. */
#include "diag.h"

#include "alloc.h"
#include "buffer.h"
#include "exit_status.h"
#include "golive_limits.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

struct diag_info {
    const char *name;         /* stable identifier, listed in golive(1) */
    enum diag_severity severity;
    int exit_status;          /* for errors */
    const char *fix;          /* what the user should do, for golive(1) */
};

static const struct diag_info diag_table[DIAG_CODE_COUNT] = {
    [DIAG_FILE_OPEN] = { "file-open", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
        "Check the path and that you may read it." },
    [DIAG_FILE_READ] = { "file-read", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
        "The file could not be read to its end; check the disk or mount." },
    [DIAG_FILE_WRITE] = { "file-write", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
        "Check free space and permissions of the output folder; nothing was replaced." },
    [DIAG_FILE_NOT_REGULAR] = { "file-not-regular", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Name a regular file, not a folder, device or pipe." },
    [DIAG_FILE_TOO_LARGE] = { "file-too-large", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Split the file; golive reads inputs of at most 16 MiB." },
    [DIAG_INVALID_UTF8] = { "invalid-utf8", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Save the file as UTF-8 (not Latin-1 or UTF-16)." },
    [DIAG_CONTROL_CHARACTER] = { "control-character", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Delete the invisible character; only tab and newline may appear." },
    [DIAG_YAML_SYNTAX] = { "yaml-syntax", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Fix the YAML at the position given; indentation and quotes are the usual cause." },
    [DIAG_YAML_EMPTY] = { "yaml-empty", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "The file holds no data; write its content or remove it from the project." },
    [DIAG_YAML_MULTIPLE_DOCUMENTS] = { "yaml-multiple-documents", DIAG_ERROR,
        EXIT_STATUS_INVALID_INPUT, "Keep one document per file; remove the second '---'." },
    [DIAG_YAML_DUPLICATE_KEY] = { "yaml-duplicate-key", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Remove or rename one of the two keys; YAML keeps only one." },
    [DIAG_YAML_COMPLEX_KEY] = { "yaml-complex-key", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Use plain text as the key of a mapping." },
    [DIAG_YAML_UNKNOWN_TAG] = { "yaml-unknown-tag", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Remove the tag; golive understands only !!str, !!int, !!float, !!bool, !!null, !!seq and !!map." },
    [DIAG_YAML_TAG_MISMATCH] = { "yaml-tag-mismatch", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Make the value match its tag, or remove the tag." },
    [DIAG_YAML_UNKNOWN_ALIAS] = { "yaml-unknown-alias", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Define the anchor (&name) before the alias (*name) that uses it." },
    [DIAG_YAML_ALIAS_EXPANSION] = { "yaml-alias-expansion", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Write the values out instead of nesting aliases of aliases." },
    [DIAG_YAML_TOO_DEEP] = { "yaml-too-deep", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Flatten the data; golive reads at most 64 levels of nesting." },
    [DIAG_YAML_TOO_MANY_NODES] = { "yaml-too-many-nodes", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
        "Split the file; it holds more values than golive reads from one file." },
    [DIAG_YAML_CONTROL_IN_VALUE] = { "yaml-control-in-value", DIAG_ERROR,
        EXIT_STATUS_INVALID_INPUT, "Remove the escape (such as \\0 or \\e) that makes a control character." },
    /* typesetting */
    [DIAG_TYPESET_FONT_MISSING] = { "typeset-font-missing", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
        "Reinstall golive: its fonts/ folder must hold the font files docs/typesetting.md lists." },
    [DIAG_TYPESET_FONT_INVALID] = { "typeset-font-invalid", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
        "Replace the damaged font file with the one golive ships." },
    [DIAG_TYPESET_PDF] = { "typeset-pdf", DIAG_ERROR, EXIT_STATUS_INTERNAL,
        "A bug in golive or libharu: report it with the Markdown that causes it." },
    [DIAG_TYPESET_TOO_MANY_PAGES] = { "typeset-too-many-pages", DIAG_ERROR,
        EXIT_STATUS_INVALID_INPUT, "Split the document; golive writes at most 10,000 pages." },
    [DIAG_TYPESET_ACCENT_COLOUR] = { "typeset-accent-colour", DIAG_ERROR,
        EXIT_STATUS_INVALID_INPUT, "Write the accent colour as #RRGGBB, such as #1F3A5F." },
    [DIAG_TYPESET_MISSING_GLYPH] = { "typeset-missing-glyph", DIAG_WARNING, EXIT_STATUS_OK,
        "Replace the characters (emoji, scripts other than Latin, Greek and Cyrillic) with "
        "words, or accept the visible U+FFFD marks." },
    [DIAG_TYPESET_TOO_MANY_BOOKMARKS] = { "typeset-too-many-bookmarks", DIAG_WARNING,
        EXIT_STATUS_OK, "Use fewer headings (lists or bold text for items), or split the document." },
    [DIAG_TYPESET_DIRECTIVE_UNKNOWN] = { "typeset-directive-unknown", DIAG_WARNING,
        EXIT_STATUS_OK, "Use one of golive:pagebreak, signature, cover, draft, notes." },
    [DIAG_TYPESET_DIRECTIVE_KEY] = { "typeset-directive-key", DIAG_WARNING, EXIT_STATUS_OK,
        "Use a key the directive takes; docs/typesetting.md lists them." },
    [DIAG_TYPESET_DIRECTIVE_DUPLICATE] = { "typeset-directive-duplicate", DIAG_WARNING,
        EXIT_STATUS_OK, "Give each key once." },
    [DIAG_TYPESET_DIRECTIVE_SYNTAX] = { "typeset-directive-syntax", DIAG_WARNING,
        EXIT_STATUS_OK, "Write the directive as <!-- golive:NAME key=\"value\" -->, with "
        "\\\" for a quote inside a value." },
    [DIAG_TYPESET_DIRECTIVE_VALUE] = { "typeset-directive-value", DIAG_WARNING, EXIT_STATUS_OK,
        "Give the value in the range the message names." },
    [DIAG_TYPESET_DIRECTIVE_INLINE] = { "typeset-directive-inline", DIAG_WARNING,
        EXIT_STATUS_OK, "Put the directive on a line of its own, with a blank line before it." },
    [DIAG_TYPESET_IMAGE_REMOTE] = { "typeset-image-remote", DIAG_WARNING, EXIT_STATUS_OK,
        "Download the image next to the Markdown file and link it by a relative path." },
    [DIAG_TYPESET_IMAGE_OUTSIDE] = { "typeset-image-outside", DIAG_WARNING, EXIT_STATUS_OK,
        "Copy the image into the Markdown file's folder (or below) and use a relative path." },
    [DIAG_TYPESET_IMAGE_UNREADABLE] = { "typeset-image-unreadable", DIAG_WARNING,
        EXIT_STATUS_OK, "Check the image's path and that you may read it." },
    [DIAG_TYPESET_IMAGE_FORMAT] = { "typeset-image-format", DIAG_WARNING, EXIT_STATUS_OK,
        "Convert the image to PNG or JPEG." },
    [DIAG_TYPESET_IMAGE_TOO_LARGE] = { "typeset-image-too-large", DIAG_WARNING, EXIT_STATUS_OK,
        "Scale the image down to at most 25 megapixels." },
    [DIAG_TYPESET_IMAGE_DECODE] = { "typeset-image-decode", DIAG_WARNING, EXIT_STATUS_OK,
        "Re-save the image as a plain (non-interlaced, 8-bit) PNG or baseline JPEG." },
    [DIAG_NOTE_PREVIOUS] = { "note", DIAG_NOTE, EXIT_STATUS_OK, "" },
};

/* Diagnostics sort by file (in the order files were first reported), line,
 * column, then the order they were recorded. A note sorts with the
 * diagnostic it explains but prints its own position. */
struct sort_key {
    size_t file_rank;      /* 0 for no file */
    unsigned line, column;
    size_t sequence;
};

struct diagnostic {
    enum diag_code code;
    struct sort_key key;
    char *file;            /* NULL for a message about no file */
    unsigned line, column; /* as printed */
    char *message;
};

struct diag_sink {
    struct diagnostic *items;
    size_t count, capacity;
    size_t errors;
    int exit_status;
    char **files;          /* distinct file names, in order first seen */
    size_t file_count;
};

struct diag_sink *diag_sink_new(void)
{
    return xcalloc(1, sizeof(struct diag_sink));
}

void diag_sink_free(struct diag_sink *sink)
{
    if (!sink)
        return;
    for (size_t index = 0; index < sink->count; index++) {
        free(sink->items[index].file);
        free(sink->items[index].message);
    }
    for (size_t index = 0; index < sink->file_count; index++)
        free(sink->files[index]);
    free(sink->items);
    free(sink->files);
    free(sink);
}

/* Appends text to out with every control character and invalid byte shown as
 * \xNN, so that neither input quoted in a message nor a hostile file name
 * can put escape sequences on the user's terminal. */
static void append_visible(struct buffer *out, const char *text)
{
    size_t length = strlen(text), offset = 0;
    while (offset < length) {
        uint32_t code_point;
        size_t used = utf8_decode(text + offset, length - offset, &code_point);
        if (used == 0 || utf8_is_control(code_point)) {
            if (used == 0)
                used = 1;
            for (size_t index = 0; index < used; index++)
                buffer_printf(out, "\\x%02X", (unsigned char)text[offset + index]);
        } else {
            buffer_append(out, text + offset, used);
        }
        offset += used;
    }
}

static size_t file_rank(struct diag_sink *sink, const char *file)
{
    for (size_t index = 0; index < sink->file_count; index++)
        if (strcmp(sink->files[index], file) == 0)
            return index;
    sink->files = xreallocarray(sink->files, sink->file_count + 1, sizeof(char *));
    sink->files[sink->file_count] = xstrdup(file);
    return sink->file_count++;
}

void diag_v(struct diag_sink *sink, enum diag_code code, struct source_position position,
            const char *format, va_list arguments)
{
    const struct diag_info *info = &diag_table[code];
    struct buffer raw = { 0 }, visible = { 0 };
    buffer_vprintf(&raw, format, arguments);
    append_visible(&visible, buffer_text(&raw));
    buffer_free(&raw);

    if (sink->count == sink->capacity) {
        sink->capacity = sink->capacity ? sink->capacity * 2 : 16;
        sink->items = xreallocarray(sink->items, sink->capacity, sizeof(struct diagnostic));
    }
    struct diagnostic *item = &sink->items[sink->count];
    item->code = code;
    item->message = buffer_release(&visible);
    item->file = NULL;
    item->line = position.line;
    item->column = position.column;
    item->key = (struct sort_key){ 0, position.line, position.column, sink->count };
    if (position.file) {
        struct buffer name = { 0 };
        append_visible(&name, position.file);
        item->file = buffer_release(&name);
        item->key.file_rank = file_rank(sink, item->file) + 1;
    }
    if (info->severity == DIAG_NOTE && sink->count > 0) {
        struct sort_key parent = sink->items[sink->count - 1].key;
        item->key.file_rank = parent.file_rank;
        item->key.line = parent.line;
        item->key.column = parent.column;
    }
    sink->count++;
    if (info->severity == DIAG_ERROR) {
        sink->errors++;
        if (sink->exit_status != EXIT_STATUS_IO_FAILURE)
            sink->exit_status = info->exit_status;
    }
}

void diag(struct diag_sink *sink, enum diag_code code, struct source_position position,
          const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    diag_v(sink, code, position, format, arguments);
    va_end(arguments);
}

size_t diag_error_count(const struct diag_sink *sink)
{
    return sink->errors;
}

size_t diag_count(const struct diag_sink *sink)
{
    return sink->count;
}

int diag_exit_status(const struct diag_sink *sink)
{
    return sink->errors ? sink->exit_status : EXIT_STATUS_OK;
}

static int compare_diagnostics(const void *left_pointer, const void *right_pointer)
{
    const struct sort_key *left = &((const struct diagnostic *)left_pointer)->key;
    const struct sort_key *right = &((const struct diagnostic *)right_pointer)->key;
    if (left->file_rank != right->file_rank)
        return left->file_rank < right->file_rank ? -1 : 1;
    if (left->line != right->line)
        return left->line < right->line ? -1 : 1;
    if (left->column != right->column)
        return left->column < right->column ? -1 : 1;
    return left->sequence < right->sequence ? -1 : left->sequence > right->sequence;
}

static const char *severity_word(enum diag_severity severity)
{
    switch (severity) {
    case DIAG_NOTE: return "note";
    case DIAG_WARNING: return "warning";
    case DIAG_ERROR: return "error";
    }
    return "error";
}

static void print_one(const struct diagnostic *item, FILE *stream)
{
    const char *severity = severity_word(diag_table[item->code].severity);
    if (!item->file)
        fprintf(stream, "golive: %s: %s\n", severity, item->message);
    else if (item->line == 0)
        fprintf(stream, "%s: %s: %s\n", item->file, severity, item->message);
    else
        fprintf(stream, "%s:%u:%u: %s: %s\n", item->file, item->line, item->column,
                severity, item->message);
}

void diag_print(const struct diag_sink *sink, FILE *stream)
{
    if (sink->count == 0)
        return;
    struct diagnostic *sorted = xreallocarray(NULL, sink->count, sizeof(struct diagnostic));
    memcpy(sorted, sink->items, sink->count * sizeof(struct diagnostic));
    qsort(sorted, sink->count, sizeof(struct diagnostic), compare_diagnostics);

    size_t shown = 0, left_out = 0;
    bool parent_shown = false;
    for (size_t index = 0; index < sink->count; index++) {
        const struct diagnostic *item = &sorted[index];
        if (diag_table[item->code].severity != DIAG_NOTE) {
            parent_shown = shown < LIMIT_DIAGNOSTICS;
            if (parent_shown)
                shown++;
            else
                left_out++;
        }
        if (parent_shown)
            print_one(item, stream);
    }
    if (left_out)
        fprintf(stream, "golive: %zu more diagnostic%s not shown (golive prints at most %u)\n",
                left_out, left_out == 1 ? "" : "s", LIMIT_DIAGNOSTICS);
    free(sorted);
}

const char *diag_code_name(enum diag_code code)
{
    return diag_table[code].name;
}

const char *diag_code_fix(enum diag_code code)
{
    return diag_table[code].fix;
}
