/* One catalog file (templates/lang/CODE.yaml) as a checked tree, and the
 * check of a catalog's keys against the reference's.
 *
 * Shared by the language loader (language.c) and the generator that
 * compiles the shipped catalogs into golive at build time
 * (language_compile.c), so that both read a catalog the same way. */
#ifndef GOLIVE_LANGUAGE_CATALOG_H
#define GOLIVE_LANGUAGE_CATALOG_H

#include "diag.h"
#include "node.h"

#include <stdbool.h>
#include <stddef.h>

struct yaml_document;

/* language_catalog_parse: bytes[0..length), read from path, as a flat
 * mapping of keys to text. Returns the tree, whose positions point into
 * *document's path (the caller frees *document after the tree); NULL after
 * recording diagnostics, when *document is NULL. */
struct node *language_catalog_parse(const char *path, const char *bytes, size_t length,
                                    struct yaml_document **document, struct diag_sink *sink);

/* language_catalog_check_keys: true when chosen has the reference's keys,
 * no more, no fewer; else records each missing key (where chosen's mapping
 * starts) and each unknown one (where it stands). */
bool language_catalog_check_keys(const struct node *reference, const struct node *chosen,
                                 struct diag_sink *sink);

/* language_catalog_keys: the mapping's keys, NULL-terminated; free the
 * array, not the keys. */
const char **language_catalog_keys(const struct node *mapping);

/* language_catalog_report_unknown: "'KEY' is not a key of the catalog",
 * where says where the key was written, with the closest known key. */
void language_catalog_report_unknown(const char *key, const char *const *known, size_t count,
                                     struct source_position position, const char *where,
                                     struct diag_sink *sink);

#endif
