/* Reading inputs safely and writing outputs atomically.
 *
 * Reading refuses anything that is not a regular file before reading a byte
 * (a FIFO or /dev/zero would otherwise hang or exhaust memory) and anything
 * larger than LIMIT_FILE_SIZE. Writing goes to a temporary file in the
 * destination's folder, is flushed to disk, then renamed over the target, so
 * a reader sees either the old file or the complete new one. */
#ifndef GOLIVE_FILE_IO_H
#define GOLIVE_FILE_IO_H

#include "buffer.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

/* file_read: reads the whole of path into *contents (NUL-terminated, owned
 * by the caller) and its size into *length. On failure records a diagnostic
 * at cited_at (where the path was named; a file-only position for the
 * command line) and returns false. Reads under a shared lock, so that a
 * record being appended by run_append_record is seen whole or not at all. */
bool file_read(const char *path, struct source_position cited_at, struct diag_sink *sink,
               char **contents, size_t *length);

/* file_read_descriptor: appends everything an open descriptor still holds
 * to out, stopping once out passes limit bytes (the caller checks). Returns
 * false, with errno set, on a read error. */
bool file_read_descriptor(int descriptor, struct buffer *out, size_t limit);

/* file_write_atomic: writes data[0..length) to path, by what path is:
 * - missing or a regular file: replaced atomically (a temporary beside it,
 *   flushed, renamed over it);
 * - a character or block device or a FIFO: written in place, never
 *   replaced;
 * - a symbolic link: its target is written by these rules, and the link
 *   stays a link; a link to nothing is refused;
 * - a folder or a socket: refused (DIAG_OUTPUT_TARGET).
 * On failure records a diagnostic, leaves any existing file unchanged and
 * returns false. */
bool file_write_atomic(const char *path, const void *data, size_t length, struct diag_sink *sink);

/* file_write_output: as file_write_atomic, but "-" is standard output:
 * for the -o FILE of commands. */
bool file_write_output(const char *path, const void *data, size_t length, struct diag_sink *sink);

/* A set of outputs written together: every file is staged to a temporary
 * file first; only when all are staged are they renamed into place. On a
 * failure while staging, nothing in the destination changes. */
struct file_batch;

struct file_batch *file_batch_new(void);
/* file_batch_journal: every file of the batch is in folder; its commit
 * keeps a journal there, so that a commit killed part-way is undone by
 * file_journal_roll_back (file_journal.h). */
void file_batch_journal(struct file_batch *batch, const char *folder);
/* file_batch_stage: writes data to a temporary file beside path. */
bool file_batch_stage(struct file_batch *batch, const char *path, const void *data, size_t length,
                      struct diag_sink *sink);
/* file_batch_commit: renames every staged file into place, in the order
 * staged. Each target that exists is first given a second name (a hard
 * link, named like a staged file); when a rename fails part-way, every file
 * already renamed is put back as it was, and false is returned. */
bool file_batch_commit(struct file_batch *batch, struct diag_sink *sink);
/* file_batch_free: removes whatever is still staged, then frees the batch. */
void file_batch_free(struct file_batch *batch);

/* file_kind_of: what path is, following links, for messages: "a regular
 * file", "a folder", "a pipe (FIFO)", "a character device" ...; NULL when
 * nothing is there. */
const char *file_kind_of(const char *path);

/* file_is_staging_name: name (a file name, no folder) has the form of a
 * staged or kept file, ".NAME.golive-XXXXXX", or is a commit journal: what
 * an interrupted write leaves behind. */
bool file_is_staging_name(const char *name);

/* file_exists_regular: path names a regular file (following symlinks). */
bool file_exists_regular(const char *path);

#endif
