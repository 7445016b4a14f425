/* Evidence values on a typed-in sheet's line (cli_mark_evidence.h). */
#include "cli_mark_evidence.h"

#include "alloc.h"
#include "cli_mark_from.h"
#include "utf8.h"
#include "value.h"

#include <stdlib.h>
#include <string.h>

/* The length of the KEY in "KEY=..." at text, or 0 when it is none. */
static size_t key_length(const char *text)
{
    size_t length = strcspn(text, "= \t");
    if (length == 0 || text[length] != '=')
        return 0;
    char *key = xstrndup(text, length);
    bool identifier = value_is_identifier(key);
    free(key);
    return identifier ? length : 0;
}

static void add(struct sheet_evidence *out, char *key, char *value, unsigned column)
{
    out->keys = xgrow(out->keys, &out->keys_capacity, out->count + 1, sizeof(char *));
    out->values = xgrow(out->values, &out->values_capacity, out->count + 1, sizeof(char *));
    out->columns = xgrow(out->columns, &out->columns_capacity, out->count + 1, sizeof(unsigned));
    out->keys[out->count] = key;
    out->values[out->count] = value;
    out->columns[out->count++] = column;
}

bool sheet_evidence_read(const char *line, const char **at, struct source_position where,
                         struct sheet_evidence *out, struct diag_sink *sink)
{
    for (;;) {
        const char *start = *at + strspn(*at, " \t");
        size_t length = key_length(start);
        if (!length)
            return true;
        unsigned column = (unsigned)utf8_count(line, (size_t)(start - line)) + 1;
        const char *value = start + length + 1;
        size_t value_length = strcspn(value, " \t");
        if (*value == '"') {
            const char *close = strchr(value + 1, '"');
            if (!close) {
                where.column = column;
                diag(sink, DIAG_TRANSCRIPTION_LINE, where,
                     "the value of '%.*s' opens a quote that is not closed: write "
                     "KEY=\"VALUE WITH SPACES\"",
                     (int)length, start);
                return false;
            }
            value++;
            value_length = (size_t)(close - value);
            *at = close + 1;
        } else {
            *at = value + value_length;
        }
        add(out, xstrndup(start, length), xstrndup(value, value_length), column);
    }
}

bool sheet_evidence_check(const struct checklist *checklist, const char *item_id,
                          const struct sheet_evidence *evidence, struct source_position where,
                          struct diag_sink *sink)
{
    bool ok = true;
    for (size_t index = 0; index < evidence->count; index++) {
        where.column = evidence->columns[index];
        diag_sink_set_fallback(sink, where);
        ok = cli_mark_check_evidence(checklist, item_id, evidence->keys[index],
                                     evidence->values[index], sink) &&
             ok;
    }
    diag_sink_set_fallback(sink, (struct source_position){0});
    return ok;
}

void sheet_evidence_free(struct sheet_evidence *evidence)
{
    for (size_t index = 0; index < evidence->count; index++) {
        free(evidence->keys[index]);
        free(evidence->values[index]);
    }
    free(evidence->keys);
    free(evidence->values);
    free(evidence->columns);
}
