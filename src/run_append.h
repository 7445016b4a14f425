/* Appending one record to a run file, safely.
 *
 * Under an exclusive lock the file is re-read and the new record checked
 * against it (the file plus the record must load, be a valid run, and end
 * with exactly the new record); then the record is written in one write
 * and flushed with fsync. If the write or the flush fails (a full
 * disk), the file is cut back to its old length, so it holds either the
 * old records or the old records and the whole new one. Two processes
 * appending at once are serialised by the lock and lose nothing. */
#ifndef GOLIVE_RUN_APPEND_H
#define GOLIVE_RUN_APPEND_H

#include "buffer.h"
#include "diag.h"

#include <stdbool.h>

/* run_format_*: one record as a single-line YAML flow mapping, every text
 * double-quoted and escaped, ending in a newline. */
struct result_fields {
    const char *item, *status, *by, *at, *note, *decision;
    const char *const *evidence_keys, *const *evidence_values;
    size_t evidence_count;
    const char *const *attachment_paths, *const *attachment_hashes;
    size_t attachment_count;
    const char *corrects, *reason; /* a correction: the corrected record's line, and why */
};
void run_format_result(struct buffer *out, const struct result_fields *fields);

struct signoff_fields {
    const char *signatory, *name, *decision, *date, *at, *note;
    const char *statement, *signature; /* relative to the run; NULL when signed in ink */
    const char *signed_at;             /* when given on paper, before at; NULL when not */
    const char *const *conditions;
    size_t condition_count;
};
void run_format_signoff(struct buffer *out, const struct signoff_fields *fields);

struct condition_fields {
    const char *condition, *state, *owner, *due, *date, *by, *at, *note;
};
void run_format_condition(struct buffer *out, const struct condition_fields *fields);

/* run_append_record: appends record (one complete line) to the run at path,
 * as described above. Returns false after reporting why not. */
bool run_append_record(const char *path, const char *record, struct diag_sink *sink);
/* run_append_records: the same for count records, appended in one write
 * under one lock, each with its chain: all of them, or none. */
bool run_append_records(const char *path, const char *const *records, size_t count,
                        struct diag_sink *sink);

#endif
