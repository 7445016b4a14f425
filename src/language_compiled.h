/* The shipped catalogs compiled into golive.
 *
 * Parsing a catalog costs some 6 million instructions (libyaml, the
 * lexical checks), more than the rest of a one-page md2pdf's text work. At
 * build time the generator language_compile.c parses each catalog of
 * templates/lang with golive's own loader (language_catalog.h) and writes
 * its file's bytes, its keys and texts with their positions as C data
 * (language_compiled_data.c in the build folder). At run time a catalog
 * file whose bytes are exactly those of a compiled one becomes the
 * compiled tree; any other file, an edited shipped catalog included, is
 * parsed as before. */
#ifndef GOLIVE_LANGUAGE_COMPILED_H
#define GOLIVE_LANGUAGE_COMPILED_H

#include "node.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One scalar of a catalog: its text in the catalog's text pool, its type
 * and its position. */
struct language_compiled_scalar {
    uint32_t offset, length;
    uint32_t line, column;
    uint8_t type; /* enum scalar_type */
};

struct language_compiled_catalog {
    const unsigned char *bytes; /* the file it was compiled from */
    size_t length;
    const unsigned char *text;                      /* the scalars' texts, each NUL-ended */
    const struct language_compiled_scalar *scalars; /* key, value, key, value, ... */
    size_t scalar_count;
    uint32_t line, column;  /* the mapping's position */
    bool keys_as_reference; /* exactly the keys of the first catalog, the reference */
};

/* Written by the generator; the first is the reference catalog. */
extern const struct language_compiled_catalog language_compiled_catalogs[];
extern const size_t language_compiled_catalog_count;

/* language_compiled_find: the compiled catalog made from exactly the bytes
 * bytes[0..length), or NULL. */
const struct language_compiled_catalog *language_compiled_find(const char *bytes, size_t length);

/* language_compiled_tree: the tree that parsing the catalog's file gives,
 * its positions in the file path (not copied: it must outlive the tree). */
struct node *language_compiled_tree(const struct language_compiled_catalog *catalog,
                                    const char *path);

/* language_compiled_is_reference: catalog is the reference catalog. */
bool language_compiled_is_reference(const struct language_compiled_catalog *catalog);

#endif
