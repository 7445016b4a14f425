/* golive plan's writing: the proposed values put in place of the old ones,
 * byte for byte, and the file written whole, unless it changed since it
 * was read. */
#include "cli_plan.h"

#include "buffer.h"
#include "file_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* append_value: the new value as it will be written, in the old one's
 * quotes when it had them; an added budget with its key (and, on a line of
 * its own, the line break and indentation before it). */
static void append_value(const struct plan_entry *entry, const char *text, struct buffer *out)
{
    char budget[32];
    plan_format_budget(entry->proposed.minutes, budget, sizeof budget);
    char quote = entry->inserts ? 0 : text[entry->start];
    if (entry->inserts && entry->flow)
        buffer_printf(out, ", budget: %s", budget);
    else if (entry->inserts)
        buffer_printf(out, "\n%*sbudget: %s", (int)entry->indent, "", budget);
    else if (quote == '"' || quote == '\'')
        buffer_printf(out, "%c%s%c", quote, budget, quote);
    else
        buffer_append_text(out, budget);
}

void plan_apply(const struct plan_proposal *proposal, const char *text, size_t from, size_t to,
                struct buffer *out)
{
    size_t at = from;
    for (size_t index = 0; index < proposal->count; index++) {
        const struct plan_entry *entry = &proposal->entries[index];
        if (!entry->changes || entry->start < from || entry->end > to)
            continue;
        buffer_append(out, text + at, entry->start - at);
        append_value(entry, text, out);
        at = entry->end;
    }
    buffer_append(out, text + at, to - at);
}

bool plan_write(const char *path, const char *written, const struct plan_proposal *proposal,
                const char *text, size_t length, struct diag_sink *sink)
{
    char *now = NULL;
    size_t now_length = 0;
    struct source_position file = source_position_of_file(path);
    if (!file_read(path, file, sink, &now, &now_length))
        return false;
    bool ok = false;
    if (now_length != length || memcmp(now, text, length) != 0) {
        diag(sink, DIAG_PLAN_FILE_CHANGED, file,
             "'%s' changed since golive plan read it: nothing written; run golive plan again",
             written);
    } else {
        struct buffer edited = {0};
        plan_apply(proposal, text, 0, length, &edited);
        ok = file_write_atomic(path, edited.data, edited.length, sink);
        buffer_free(&edited);
    }
    free(now);
    return ok;
}
