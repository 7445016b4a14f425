/* The compiled catalogs found by their file's bytes and made into trees.
 * See language_compiled.h. */
#include "language_compiled.h"

#include <string.h>

const struct language_compiled_catalog *language_compiled_find(const char *bytes, size_t length)
{
    for (size_t index = 0; index < language_compiled_catalog_count; index++) {
        const struct language_compiled_catalog *catalog = &language_compiled_catalogs[index];
        if (catalog->length == length && memcmp(catalog->bytes, bytes, length) == 0)
            return catalog;
    }
    return NULL;
}

static struct node *scalar_of(const struct language_compiled_catalog *catalog, size_t index,
                              const char *path)
{
    const struct language_compiled_scalar *scalar = &catalog->scalars[index];
    struct node *node = node_new_scalar((const char *)catalog->text + scalar->offset,
                                        scalar->length, (enum scalar_type)scalar->type);
    node_set_position(node, (struct source_position){path, scalar->line, scalar->column});
    return node;
}

struct node *language_compiled_tree(const struct language_compiled_catalog *catalog,
                                    const char *path)
{
    struct node *root = node_new_mapping();
    node_set_position(root, (struct source_position){path, catalog->line, catalog->column});
    for (size_t index = 0; index + 1 < catalog->scalar_count; index += 2)
        node_mapping_append(root, scalar_of(catalog, index, path),
                            scalar_of(catalog, index + 1, path));
    return root;
}

bool language_compiled_is_reference(const struct language_compiled_catalog *catalog)
{
    return language_compiled_catalog_count > 0 && catalog == &language_compiled_catalogs[0];
}
