/* The QR text of a sheet as a typed-in sheet's first line
 * (cli_mark_sheet_qr.h): the fields view_sheet_identification writes,
 * compared one by one with what was typed. */
#include "cli_mark_sheet_qr.h"

#include "buffer.h"
#include "utf8.h"
#include "view_sheet_code.h"

#include <string.h>

#define QR_PREFIX "golive:"

enum { QR_CODE, QR_ENGAGEMENT, QR_CHECKLIST, QR_VERSION, QR_FIELDS };

/* Each field's name, and whose sheet a different value makes it. */
static const char *const field_names[QR_FIELDS] = {"sheet code", "engagement", "checklist",
                                                   "checklist version"};
static const char *const field_sheets[QR_FIELDS] = {"a sheet typed wrong, or of another engagement",
                                                    "another engagement", "another checklist",
                                                    "another version of the checklist"};

struct qr_fields {
    const char *start[QR_FIELDS];
    size_t length[QR_FIELDS];
    size_t count; /* as many as the text holds, counted past QR_FIELDS */
};

/* The fields of text[0..length) after its prefix, split at ';'. */
static struct qr_fields split_fields(const char *text, size_t length)
{
    struct qr_fields fields = {{0}, {0}, 0};
    size_t at = strlen(QR_PREFIX);
    for (;;) {
        size_t end = at;
        while (end < length && text[end] != ';')
            end++;
        if (fields.count < QR_FIELDS) {
            fields.start[fields.count] = text + at;
            fields.length[fields.count] = end - at;
        }
        fields.count++;
        if (end >= length)
            return fields;
        at = end + 1;
    }
}

bool sheet_qr_line(const char *line_text)
{
    const char *first = line_text + strspn(line_text, " \t");
    return strncmp(first, QR_PREFIX, strlen(QR_PREFIX)) == 0;
}

static bool same_field(const struct qr_fields *typed, const struct qr_fields *expected,
                       size_t field)
{
    return typed->length[field] == expected->length[field] &&
           memcmp(typed->start[field], expected->start[field], typed->length[field]) == 0;
}

static void report_field(const char *line_text, const struct qr_fields *typed,
                         const struct qr_fields *expected, size_t field,
                         struct source_position where, struct diag_sink *sink)
{
    where.column = (unsigned)utf8_count(line_text, (size_t)(typed->start[field] - line_text)) + 1;
    diag(sink, DIAG_SHEET_MISMATCH, where,
         "the QR text's %s is '%.*s', not '%.*s' as this run's sheet prints: a sheet of %s",
         field_names[field], (int)typed->length[field], typed->start[field],
         (int)expected->length[field], expected->start[field], field_sheets[field]);
}

void sheet_qr_check(const struct project *project, const struct checklist *checklist,
                    const char *line_text, struct source_position where, struct diag_sink *sink)
{
    const char *text = line_text + strspn(line_text, " \t");
    size_t length = strlen(text);
    while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t'))
        length--;
    struct buffer identification = {0};
    view_sheet_identification(project, checklist, &identification);
    struct qr_fields typed = split_fields(text, length);
    struct qr_fields expected = split_fields(identification.data, identification.length);
    if (typed.count != QR_FIELDS) {
        where.column = (unsigned)utf8_count(line_text, (size_t)(text - line_text)) + 1;
        diag(sink, DIAG_SHEET_MISMATCH, where,
             "the QR text has %zu field%s, not the 4 of golive:CODE;ENGAGEMENT;CHECKLIST;VERSION "
             "(this run's sheet: %s)",
             typed.count, typed.count == 1 ? "" : "s", identification.data);
        buffer_free(&identification);
        return;
    }
    bool differs = false;
    for (size_t field = QR_ENGAGEMENT; field < QR_FIELDS; field++)
        if (!same_field(&typed, &expected, field)) {
            report_field(line_text, &typed, &expected, field, where, sink);
            differs = true;
        }
    if (!differs && !same_field(&typed, &expected, QR_CODE))
        report_field(line_text, &typed, &expected, QR_CODE, where, sink);
    buffer_free(&identification);
}
