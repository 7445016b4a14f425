/* A run that does not load may end in a record cut short (see
 * model_truncation.h). */
#include "model_truncation.h"

#include "file_io.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The line number that follows text[0..length). */
static unsigned count_lines(const char *text, size_t length)
{
    unsigned lines = 1;
    for (size_t index = 0; index < length; index++)
        lines += text[index] == '\n';
    return lines;
}

/* Whether a one-line flow record closes every brace and bracket it opens
 * (outside quoted text). */
static bool flow_record_is_closed(const char *text, size_t length)
{
    size_t depth = 0;
    char quote = 0;
    for (size_t index = 0; index < length; index++) {
        char byte = text[index];
        if (quote == '"' && byte == '\\')
            index++;
        else if (quote && byte == quote)
            quote = 0;
        else if (!quote && (byte == '"' || byte == '\''))
            quote = byte;
        else if (!quote && (byte == '{' || byte == '['))
            depth++;
        else if (!quote && (byte == '}' || byte == ']') && depth > 0)
            depth--;
    }
    return depth == 0 && !quote;
}

void run_note_truncation(const char *path, const char *text, size_t length, struct diag_sink *sink)
{
    while (length > 0 &&
           (text[length - 1] == '\n' || text[length - 1] == ' ' || text[length - 1] == '\r'))
        length--;
    size_t start = length;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    size_t dash = start;
    while (dash < length && text[dash] == ' ')
        dash++;
    if (length - dash < 3 || strncmp(text + dash, "- {", 3) != 0 ||
        flow_record_is_closed(text + dash, length - dash))
        return;
    unsigned line = count_lines(text, start);
    diag(sink, DIAG_RECORD_TRUNCATED, (struct source_position){path, line, 1},
         "the last record looks cut short, as by an interrupted write; the lines before it are "
         "intact: delete line %u to recover them",
         line);
}

void model_note_truncated_run(const char *path, struct diag_sink *sink)
{
    struct diag_sink *scratch = diag_sink_new();
    char *text;
    size_t length;
    if (file_read(path, source_position_of_file(path), scratch, &text, &length)) {
        run_note_truncation(path, text, length, sink);
        free(text);
    }
    diag_sink_free(scratch);
}
