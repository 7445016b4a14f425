/* The build manifest: the SHA-256 of every input and every document of one
 * build, written beside the documents as MANIFEST, and read back by
 * golive verify. docs/build.md describes the format. */
#ifndef GOLIVE_MANIFEST_H
#define GOLIVE_MANIFEST_H

#include "buffer.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

#define MANIFEST_NAME "MANIFEST"
#define FINGERPRINT_LENGTH 12 /* hex digits: short enough for a footer */

struct manifest_entry {
    char *path; /* inputs: relative to the project's folder, or "golive:templates/NAME"
                 * within golive's data folder (old manifests: relative to the
                 * manifest's folder); outputs: a name in it */
    char sha256[65];
    unsigned line; /* where it stands in the manifest, when read back */
};

struct manifest {
    char *version;                            /* golive's version */
    char fingerprint[FINGERPRINT_LENGTH + 1]; /* the build's, as printed in its footers */
    char *project; /* the project's folder, relative to the manifest's; NULL in old manifests */
    struct manifest_entry *inputs, *outputs;
    size_t input_count, output_count;
    size_t input_capacity, output_capacity;
};

/* manifest_add_input_hash / manifest_add_output_hash: append an entry
 * whose SHA-256 is known. */
void manifest_add_input_hash(struct manifest *manifest, const char *path, const char sha256[65]);
void manifest_add_output_hash(struct manifest *manifest, const char *name, const char sha256[65]);
void manifest_format(const struct manifest *manifest, struct buffer *out);
/* manifest_parse: reads a manifest written by manifest_format; reports any
 * line it cannot read (path names the file) and returns false. */
bool manifest_parse(const char *path, const char *text, size_t length, struct manifest *out,
                    struct diag_sink *sink);
void manifest_free(struct manifest *manifest);

/* manifest_input_path: where an input of a manifest in folder is now: in
 * data_folder for "golive:" names, else in the project's folder as the
 * manifest records it. Caller frees. */
char *manifest_input_path(const struct manifest *manifest, const char *folder,
                          const char *data_folder, const struct manifest_entry *input);

#endif
