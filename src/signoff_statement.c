/* Writing and reading sign-off statements (signoff_statement.h). */
#include "signoff_statement.h"

#include "alloc.h"
#include "sha256.h"
#include "text_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void line(struct buffer *out, const char *key, const char *value)
{
    if (value)
        buffer_printf(out, "%s: %s\n", key, value);
}

void signoff_statement_format(const struct signoff_statement *statement, struct buffer *out)
{
    buffer_append_text(out, SIGNOFF_STATEMENT_TITLE "\n");
    line(out, "project", statement->project);
    line(out, "signatory", statement->signatory);
    line(out, "role", statement->role);
    line(out, "name", statement->name);
    line(out, "decision", statement->decision);
    for (size_t index = 0; index < statement->conditions.count; index++)
        line(out, "condition", statement->conditions.items[index]);
    line(out, "date", statement->date);
    line(out, "time", statement->time);
    line(out, "run", statement->run);
    buffer_printf(out, "run lines: 1-%u\n", statement->run_lines);
    line(out, "run sha256", statement->run_sha256);
    line(out, "build manifest sha256", statement->manifest_sha256);
    for (size_t index = 0; index < statement->documents.count; index++)
        line(out, "document", statement->documents.items[index]);
}

static void list_add(struct text_list *list, const char *text, size_t length)
{
    list->items = xgrow(list->items, &list->capacity, list->count + 1, sizeof(char *));
    list->items[list->count++] = xmemdup(text, length);
}

/* Stores one "key: value" line; false for an unknown or repeated key. */
static bool take(struct signoff_statement *out, const char *key, size_t key_length,
                 const char *value, size_t value_length)
{
    struct {
        const char *key;
        char **field;
    } fields[] = {
        {"project", &out->project},
        {"signatory", &out->signatory},
        {"role", &out->role},
        {"name", &out->name},
        {"decision", &out->decision},
        {"date", &out->date},
        {"time", &out->time},
        {"run", &out->run},
        {"run sha256", &out->run_sha256},
        {"build manifest sha256", &out->manifest_sha256},
    };
    for (size_t index = 0; index < sizeof fields / sizeof fields[0]; index++)
        if (strlen(fields[index].key) == key_length &&
            memcmp(fields[index].key, key, key_length) == 0) {
            if (*fields[index].field)
                return false;
            *fields[index].field = xmemdup(value, value_length);
            return true;
        }
    if (key_length == 9 && memcmp(key, "condition", 9) == 0)
        list_add(&out->conditions, value, value_length);
    else if (key_length == 8 && memcmp(key, "document", 8) == 0)
        list_add(&out->documents, value, value_length);
    else if (key_length == 9 && memcmp(key, "run lines", 9) == 0 && value_length > 2 &&
             memcmp(value, "1-", 2) == 0 && value_length < 12)
        out->run_lines = (unsigned)strtoul(value + 2, NULL, 10);
    else
        return false;
    return true;
}

static bool parse_line(struct signoff_statement *out, const char *text, size_t length)
{
    const char *colon = memchr(text, ':', length);
    if (!colon || colon + 1 >= text + length || colon[1] != ' ')
        return false;
    size_t key_length = (size_t)(colon - text);
    return take(out, text, key_length, colon + 2, length - key_length - 2);
}

bool signoff_statement_parse(const char *path, const char *text, size_t length,
                             struct signoff_statement *out, struct diag_sink *sink)
{
    memset(out, 0, sizeof *out);
    if (!text_check(path, text, length, sink))
        return false;
    sha256_hex(text, length, out->sha256);
    size_t start = 0;
    unsigned number = 1;
    for (; start < length; number++) {
        const char *newline = memchr(text + start, '\n', length - start);
        size_t end = newline ? (size_t)(newline - text) : length;
        bool ok = number == 1 ? end - start == strlen(SIGNOFF_STATEMENT_TITLE) &&
                                    memcmp(text, SIGNOFF_STATEMENT_TITLE, end - start) == 0
                              : parse_line(out, text + start, end - start);
        if (!ok || memchr(text + start, '\0', end - start)) {
            diag(sink, DIAG_STATEMENT_MALFORMED, (struct source_position){path, number, 1},
                 number == 1 ? "this is not a golive sign-off statement: its first line must be "
                               "'" SIGNOFF_STATEMENT_TITLE "'"
                             : "this line is not one a golive sign-off statement holds");
            signoff_statement_free(out);
            return false;
        }
        start = end + 1;
    }
    if (!out->project || !out->signatory || !out->name || !out->decision || !out->date ||
        !out->time || !out->run || !out->run_sha256 || out->run_lines == 0) {
        diag(sink, DIAG_STATEMENT_MALFORMED, (struct source_position){path, number, 1},
             "the statement lacks one of project, signatory, name, decision, date, time, run, "
             "run lines and run sha256");
        signoff_statement_free(out);
        return false;
    }
    return true;
}

void signoff_statement_free(struct signoff_statement *statement)
{
    FREE_EACH(statement->project, statement->signatory, statement->role, statement->name,
              statement->decision, statement->date, statement->time, statement->run,
              statement->run_sha256, statement->manifest_sha256);
    text_list_free(&statement->conditions);
    text_list_free(&statement->documents);
    memset(statement, 0, sizeof *statement);
}

char *signoff_statement_project(const struct project *project)
{
    struct buffer out = {0};
    buffer_printf(&out, "%s (%s)", project->title ? project->title : "",
                  project->client_name ? project->client_name : "");
    return buffer_release(&out);
}
