/* Checking the hash chain of a run's records (record_chain.h). */
#include "record_chain.h"

#include "model_read.h"
#include "sha256.h"

#include <string.h>

void record_chain_of(const char *text, size_t length, char hex[65])
{
    sha256_hex(text, length, hex);
}

size_t record_chain_line_offset(const char *text, size_t length, unsigned line)
{
    size_t offset = 0;
    for (unsigned number = 1; number < line; number++) {
        const char *newline = memchr(text + offset, '\n', length - offset);
        if (!newline)
            return length;
        offset = (size_t)(newline - text) + 1;
    }
    return offset;
}

static bool is_sha256_hex(const char *text)
{
    if (strlen(text) != 64)
        return false;
    for (const char *at = text; *at; at++)
        if (!((*at >= '0' && *at <= '9') || (*at >= 'a' && *at <= 'f')))
            return false;
    return true;
}

/* Where the last chained record that held stands, for the note. */
static void report_break(const struct node *record, unsigned intact_line, struct diag_sink *sink)
{
    struct source_position at = node_position(record);
    diag(sink, DIAG_RECORD_CHAIN_BROKEN, at,
         "this record's chain does not match the lines above it: a record or line above was "
         "edited, deleted, inserted or moved after this record was written");
    if (intact_line)
        diag(sink, DIAG_NOTE_PREVIOUS, (struct source_position){at.file, intact_line, 1},
             "the lines above this record are as they were when it was written");
}

bool record_chain_check(const char *text, size_t length, const struct node *records,
                        struct diag_sink *sink)
{
    struct sha256 running;
    sha256_init(&running);
    size_t hashed = 0;
    unsigned intact_line = 0;
    for (size_t index = 0; records && index < node_count(records); index++) {
        const struct node *record = node_sequence_item(records, index);
        const struct node *value =
            node_kind(record) == NODE_MAPPING ? node_mapping_find(record, RECORD_CHAIN_KEY) : NULL;
        if (!value || node_kind(value) != NODE_SCALAR)
            continue;
        if (!is_sha256_hex(node_scalar_text(value))) {
            diag(sink, DIAG_RECORD_CHAIN_MALFORMED, node_position(value),
                 "'chain' must be a SHA-256: 64 lower-case hex digits");
            return false;
        }
        size_t offset = record_chain_line_offset(text, length, node_position(record).line);
        if (offset < hashed)
            offset = hashed; /* two records on one line: the second adds no bytes */
        sha256_update(&running, text + hashed, offset - hashed);
        hashed = offset;
        struct sha256 copy = running;
        char hex[65];
        sha256_final(&copy, hex);
        if (strcmp(hex, node_scalar_text(value)) != 0) {
            report_break(record, intact_line, sink);
            return false;
        }
        intact_line = node_position(record).line;
    }
    return true;
}
