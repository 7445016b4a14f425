/* Safe appends to run files: formatting, locking, checking, writing. */
#include "run_append.h"

#include "alloc.h"
#include "file_io.h"
#include "golive_limits.h"
#include "model_truncation.h"
#include "model_read.h"
#include "node.h"
#include "record_chain.h"
#include "schema_validate.h"
#include "utf8.h"
#include "yaml_load.h"
#include "yaml_scalar.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void add_field(struct buffer *out, const char *key, const char *value, bool quoted)
{
    if (!value)
        return;
    buffer_printf(out, "%s%s: ", out->length > 3 ? ", " : "", key);
    if (quoted)
        yaml_quote(out, value);
    else
        buffer_append_text(out, value);
}

void run_format_result(struct buffer *out, const struct result_fields *fields)
{
    struct buffer record = {0};
    buffer_append_text(&record, "- {");
    add_field(&record, "item", fields->item, true);
    add_field(&record, "status", fields->status, false);
    add_field(&record, "by", fields->by, true);
    add_field(&record, "at", fields->at, true);
    add_field(&record, "note", fields->note, true);
    if (fields->evidence_count) {
        buffer_append_text(&record, ", evidence: {");
        for (size_t index = 0; index < fields->evidence_count; index++) {
            buffer_printf(&record, "%s%s: ", index ? ", " : "", fields->evidence_keys[index]);
            yaml_quote(&record, fields->evidence_values[index]);
        }
        buffer_append_char(&record, '}');
    }
    add_field(&record, "decision", fields->decision, false);
    add_field(&record, "corrects", fields->corrects, false);
    add_field(&record, "reason", fields->reason, true);
    if (fields->attachment_count) {
        buffer_append_text(&record, ", attachments: [");
        for (size_t index = 0; index < fields->attachment_count; index++) {
            buffer_append_text(&record, index ? ", {path: " : "{path: ");
            yaml_quote(&record, fields->attachment_paths[index]);
            buffer_printf(&record, ", sha256: \"%s\"}", fields->attachment_hashes[index]);
        }
        buffer_append_char(&record, ']');
    }
    buffer_append_text(&record, "}\n");
    buffer_append(out, record.data, record.length);
    buffer_free(&record);
}

void run_format_condition(struct buffer *out, const struct condition_fields *fields)
{
    struct buffer record = {0};
    buffer_append_text(&record, "- {");
    add_field(&record, "condition", fields->condition, true);
    add_field(&record, "state", fields->state, false);
    add_field(&record, "owner", fields->owner, true);
    add_field(&record, "due", fields->due, false);
    add_field(&record, "date", fields->date, false);
    add_field(&record, "by", fields->by, true);
    add_field(&record, "at", fields->at, true);
    add_field(&record, "note", fields->note, true);
    buffer_append_text(&record, "}\n");
    buffer_append(out, record.data, record.length);
    buffer_free(&record);
}

void run_format_signoff(struct buffer *out, const struct signoff_fields *fields)
{
    struct buffer record = {0};
    buffer_append_text(&record, "- {");
    add_field(&record, "signoff", fields->signatory, true);
    add_field(&record, "name", fields->name, true);
    add_field(&record, "decision", fields->decision, false);
    if (fields->condition_count) {
        buffer_append_text(&record, ", conditions: [");
        for (size_t index = 0; index < fields->condition_count; index++) {
            buffer_append_text(&record, index ? ", " : "");
            yaml_quote(&record, fields->conditions[index]);
        }
        buffer_append_char(&record, ']');
    }
    add_field(&record, "date", fields->date, false);
    add_field(&record, "at", fields->at, true);
    add_field(&record, "signed_at", fields->signed_at, true);
    add_field(&record, "note", fields->note, true);
    add_field(&record, "statement", fields->statement, true);
    add_field(&record, "signature", fields->signature, true);
    buffer_append_text(&record, "}\n");
    buffer_append(out, record.data, record.length);
    buffer_free(&record);
}

/* The line number that follows text[0..length). */
static unsigned count_lines(const char *text, size_t length)
{
    unsigned lines = 1;
    for (size_t index = 0; index < length; index++)
        lines += text[index] == '\n';
    return lines;
}

static bool lock_exclusively(int descriptor)
{
    struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    while (fcntl(descriptor, F_SETLKW, &lock) != 0)
        if (errno != EINTR)
            return false;
    return true;
}

/* The combined text must load as a valid run whose last records are the
 * added ones (the first starts on first_new_line, one a line): otherwise
 * appending would change the meaning of the file, for instance when
 * 'records' is not its last key. */
static bool check_combined(const char *path, const char *text, size_t length,
                           unsigned first_new_line, size_t added)
{
    struct diag_sink *scratch = diag_sink_new();
    struct yaml_document *document = yaml_load_text(path, text, length, scratch);
    const struct node *root = document ? yaml_document_root(document) : NULL;
    bool ok = root && schema_validate(root, schema_for_kind(INPUT_RUN), scratch);
    const struct node *records = ok ? read_list(root, "records") : NULL;
    size_t last_key = root && node_kind(root) == NODE_MAPPING ? node_count(root) : 0;
    ok = ok && records && last_key && node_count(records) >= added &&
         strcmp(node_scalar_text(node_mapping_key(root, last_key - 1)), "records") == 0;
    for (size_t index = 0; ok && index < added; index++)
        ok = node_position(node_sequence_item(records, node_count(records) - added + index)).line ==
             first_new_line + index;
    yaml_document_free(document);
    diag_sink_free(scratch);
    return ok;
}

/* Checks the file as it would be with the record (under the lock). Only
 * when that fails is the file as it is now parsed again, to say whether it
 * was already broken (and where) or cannot take an appended record. */
static bool check_before_append(const char *path, const struct buffer *old,
                                const struct buffer *addition, size_t added, struct diag_sink *sink)
{
    struct buffer combined = {0};
    buffer_append(&combined, old->data, old->length);
    buffer_append(&combined, addition->data, addition->length);
    unsigned first_new_line =
        count_lines(buffer_text(old), old->length) + (addition->data[0] == '\n');
    bool ok = check_combined(path, buffer_text(&combined), combined.length, first_new_line, added);
    buffer_free(&combined);
    if (ok)
        return true;
    struct yaml_document *current = yaml_load_text(path, buffer_text(old), old->length, sink);
    if (!current)
        run_note_truncation(path, buffer_text(old), old->length, sink);
    else
        diag(sink, DIAG_RUN_NOT_APPENDABLE, source_position_of_file(path),
             "a record cannot be appended safely: 'records' must be the last key of the run, "
             "written as a block list ('- ' lines)");
    yaml_document_free(current);
    return false;
}

/* The whole addition in one write (a short write, on a full disk, is
 * followed by one for the rest, which then says why); on any failure, or a
 * failed flush, the file is cut back to its old length. */
static bool write_and_flush(int descriptor, const char *path, const struct buffer *addition,
                            off_t old_length, struct diag_sink *sink)
{
    size_t done = 0;
    while (done < addition->length) {
        ssize_t written = write(descriptor, addition->data + done, addition->length - done);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            break;
        done += (size_t)written;
    }
    int saved = errno;
    bool ok = done == addition->length && fsync(descriptor) == 0;
    if (ok)
        return true;
    if (done == addition->length)
        saved = errno;
    if (ftruncate(descriptor, old_length) != 0 || fsync(descriptor) != 0)
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(path),
             "cannot write the record (%s), and cutting the file back failed too: check its end",
             strerror(saved));
    else
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(path),
             "cannot write the record: %s; the file is unchanged", strerror(saved));
    return false;
}

/* Opens path for appending and takes the exclusive lock. A file replaced
 * by rename while we waited (an editor's save, a sync tool) is no longer
 * the run at the path: then the new file is opened and locked instead.
 * Returns the descriptor, or -1 after reporting. */
static int open_locked(const char *path, struct diag_sink *sink)
{
    for (unsigned attempt = 0; attempt < LIMIT_APPEND_REOPENS; attempt++) {
        int descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NONBLOCK);
        if (descriptor < 0) {
            diag(sink, DIAG_FILE_OPEN, source_position_of_file(path), "cannot open '%s': %s", path,
                 strerror(errno));
            return -1;
        }
        struct stat held, named;
        if (fstat(descriptor, &held) != 0 || !S_ISREG(held.st_mode) ||
            !lock_exclusively(descriptor)) {
            diag(sink, DIAG_FILE_OPEN, source_position_of_file(path),
                 "cannot lock and read '%s': %s", path, strerror(errno));
            close(descriptor);
            return -1;
        }
        if (stat(path, &named) == 0 && named.st_dev == held.st_dev && named.st_ino == held.st_ino)
            return descriptor;
        close(descriptor);
    }
    diag(sink, DIAG_RUN_REPLACED, source_position_of_file(path),
         "'%s' was replaced %u times while waiting for its lock; nothing was written", path,
         LIMIT_APPEND_REOPENS);
    return -1;
}

/* The indentation of the run's records, so that a record appended to a
 * block list indented under 'records:' joins it. 0 when there is none. */
static size_t records_indent(const char *path, const struct buffer *old)
{
    struct diag_sink *scratch = diag_sink_new();
    struct yaml_document *document = yaml_load_text(path, buffer_text(old), old->length, scratch);
    const struct node *root = document ? yaml_document_root(document) : NULL;
    const struct node *records =
        root && node_kind(root) == NODE_MAPPING ? node_mapping_find(root, "records") : NULL;
    size_t indent = 0;
    if (records && node_kind(records) == NODE_SEQUENCE && node_count(records) > 0) {
        unsigned line = node_position(node_sequence_item(records, 0)).line;
        const char *at = buffer_text(old);
        for (unsigned number = 1; number < line && (at = strchr(at, '\n')) != NULL; number++)
            at++;
        while (at && at[indent] == ' ')
            indent++;
        if (!at || at[indent] != '-')
            indent = 0;
    }
    yaml_document_free(document);
    diag_sink_free(scratch);
    return indent;
}

/* The record with its chain: the SHA-256 of the file before its line (the
 * old text and the addition up to line_start: the newline added to end the
 * old text, the records added before it). The record ends in "}\n". */
static void append_chained(struct buffer *addition, size_t line_start, const char *record,
                           const struct buffer *old)
{
    struct buffer before = {0};
    buffer_append(&before, old->data, old->length);
    buffer_append(&before, addition->data, line_start);
    char hex[65];
    record_chain_of(buffer_text(&before), before.length, hex);
    buffer_free(&before);
    size_t length = strlen(record);
    buffer_append(addition, record, length - 2);
    buffer_printf(addition, ", %s: \"%s\"}\n", RECORD_CHAIN_KEY, hex);
}

bool run_append_record(const char *path, const char *record, struct diag_sink *sink)
{
    return run_append_records(path, &record, 1, sink);
}

bool run_append_records(const char *path, const char *const *records, size_t count,
                        struct diag_sink *sink)
{
    int descriptor = open_locked(path, sink);
    if (descriptor < 0)
        return false;
    bool ok = false;
    struct buffer old = {0}, addition = {0};
    if (!file_read_descriptor(descriptor, &old, LIMIT_FILE_SIZE)) {
        diag(sink, DIAG_FILE_OPEN, source_position_of_file(path), "cannot lock and read '%s': %s",
             path, strerror(errno));
        goto cleanup;
    }
    if (old.length > 0 && old.data[old.length - 1] != '\n')
        buffer_append_char(&addition, '\n');
    size_t indent = records_indent(path, &old);
    for (size_t index = 0; index < count; index++) {
        size_t line_start = addition.length;
        for (size_t space = 0; space < indent; space++)
            buffer_append_char(&addition, ' ');
        append_chained(&addition, line_start, records[index], &old);
    }
    if (old.length + addition.length > LIMIT_FILE_SIZE) {
        diag(sink, DIAG_FILE_TOO_LARGE, source_position_of_file(path),
             "the run would grow past %u bytes; start a new run file", LIMIT_FILE_SIZE);
        goto cleanup;
    }
    if (!check_before_append(path, &old, &addition, count, sink))
        goto cleanup;
    ok = write_and_flush(descriptor, path, &addition, (off_t)old.length, sink);
cleanup:
    buffer_free(&old);
    buffer_free(&addition);
    close(descriptor); /* releases the lock */
    return ok;
}
