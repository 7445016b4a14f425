/* Loading YAML files into node trees, strictly.
 *
 * This is the only part of golive that knows libyaml. It refuses, with a
 * positioned diagnostic: syntax errors, files that are not UTF-8 or carry
 * control characters, more than one document, an empty document, duplicate
 * or non-text keys, tags other than the core schema's, unknown aliases, alias
 * expansion past LIMIT_ALIAS_EXPANSION, nesting past LIMIT_YAML_DEPTH and
 * more than LIMIT_YAML_NODES values. Plain scalars are typed by the YAML 1.2
 * core schema (true, 12, 1.5, null); everything else is text. */
#ifndef GOLIVE_YAML_LOAD_H
#define GOLIVE_YAML_LOAD_H

#include "diag.h"
#include "node.h"

#include <stddef.h>

struct yaml_document;

/* yaml_load_file: reads and parses path. cited_at is where the path was
 * named (for "cannot open" messages). Returns NULL after recording
 * diagnostics when the file cannot be read or is not acceptable. */
struct yaml_document *yaml_load_file(const char *path, struct source_position cited_at,
                                     struct diag_sink *sink);

/* yaml_load_text: parses text[0..length) as if read from a file called name. */
struct yaml_document *yaml_load_text(const char *name, const char *text, size_t length,
                                     struct diag_sink *sink);

void yaml_document_free(struct yaml_document *document);

const struct node *yaml_document_root(const struct yaml_document *document);
/* yaml_document_take_root: hands the tree to the caller; the document keeps
 * its path, which the tree's positions still point to. */
struct node *yaml_document_take_root(struct yaml_document *document);
const char *yaml_document_path(const struct yaml_document *document);
/* yaml_document_bytes: the file exactly as read (for hashing). */
const char *yaml_document_bytes(const struct yaml_document *document, size_t *length);

#endif
