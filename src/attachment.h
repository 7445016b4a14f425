/* Evidence files attached to records: `golive mark --attach PATH` stores
 * the file's path (inside the project, relative to the run) and its
 * SHA-256; loading a run checks each file again. A changed or missing
 * attachment is a warning in golive build and an error in golive verify. */
#ifndef GOLIVE_ATTACHMENT_H
#define GOLIVE_ATTACHMENT_H

#include "diag.h"
#include "model.h"
#include "node.h"

#include <stdbool.h>

/* attachment_hash_file: the SHA-256 of a regular file of any size; false
 * (errno set) when it cannot be read. */
bool attachment_hash_file(const char *path, char hex[65]);

/* attachment_prepare: for golive mark --attach: each of paths (as given on
 * the command line) must be a regular file inside root; fills relative
 * (from the run's folder) and hashes, count entries each, caller frees
 * both with attachment_prepared_free. Returns false after reporting. */
bool attachment_prepare(const char *run_path, const char *root, const char *const *paths,
                        size_t count, char ***relative, char ***hashes, struct diag_sink *sink);
void attachment_prepared_free(char **relative, char **hashes, size_t count);

/* attachment_check_run: compares each attachment of run with its file
 * (resolved from the run's folder, inside root) and notes its state; a path
 * leading outside the project is an error. */
void attachment_check_run(struct run *run, const char *root, struct diag_sink *sink);

/* attachment_read_list: the 'attachments' of a run record or a success
 * criterion, as written; returns how many. */
size_t attachment_read_list(struct arena *arena, const struct node *mapping,
                            struct attachment **out);

/* attachment_check_list: the same check for count attachments named in
 * the file named_from (a success criterion's, in the project). */
void attachment_check_list(struct attachment *attachments, size_t count, const char *named_from,
                           const char *root, struct diag_sink *sink);

/* attachment_report: reports each attachment of the model that changed or
 * is missing: as warnings (build) or as errors (verify). */
void attachment_report(const struct model *model, bool as_errors, struct diag_sink *sink);

#endif
