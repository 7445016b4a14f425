/* A catalog file as a checked tree, and its keys against the reference's.
 * See language_catalog.h. */
#include "language_catalog.h"

#include "alloc.h"
#include "suggest.h"
#include "yaml_load.h"

#include <stdlib.h>

/* Every value must be one line or more of text: a catalog is flat. */
static bool check_values(const struct node *root, const char *path, struct diag_sink *sink)
{
    if (node_kind(root) != NODE_MAPPING) {
        diag(sink, DIAG_LANGUAGE_NOT_TEXT, node_position(root),
             "the catalog '%s' must be a mapping of 'key: text' lines", path);
        return false;
    }
    bool ok = true;
    for (size_t index = 0; index < node_count(root); index++) {
        const struct node *value = node_mapping_value(root, index);
        if (node_kind(value) != NODE_SCALAR || node_scalar_type(value) == SCALAR_NULL) {
            diag(sink, DIAG_LANGUAGE_NOT_TEXT, node_position(value),
                 "'%s' must be text in the catalog",
                 node_scalar_text(node_mapping_key(root, index)));
            ok = false;
        }
    }
    return ok;
}

struct node *language_catalog_parse(const char *path, const char *bytes, size_t length,
                                    struct yaml_document **document, struct diag_sink *sink)
{
    *document = yaml_load_text(path, bytes, length, sink);
    if (!*document)
        return NULL;
    struct node *root = yaml_document_take_root(*document);
    if (check_values(root, path, sink))
        return root;
    node_free(root);
    yaml_document_free(*document);
    *document = NULL;
    return NULL;
}

const char **language_catalog_keys(const struct node *mapping)
{
    size_t count = node_count(mapping);
    const char **keys = xcalloc(count + 1, sizeof *keys);
    for (size_t index = 0; index < count; index++)
        keys[index] = node_scalar_text(node_mapping_key(mapping, index));
    return keys;
}

void language_catalog_report_unknown(const char *key, const char *const *known, size_t count,
                                     struct source_position position, const char *where,
                                     struct diag_sink *sink)
{
    char hint[128];
    diag(sink, DIAG_LANGUAGE_WORD_UNKNOWN, position, "'%s' is not a key of the catalog%s%s", key,
         where, suggest_hint(key, known, count, hint, sizeof hint));
}

bool language_catalog_check_keys(const struct node *reference, const struct node *chosen,
                                 struct diag_sink *sink)
{
    bool ok = true;
    const char **known = language_catalog_keys(reference);
    size_t count = node_count(reference);
    for (size_t index = 0; index < count; index++)
        if (!node_mapping_find(chosen, known[index])) {
            diag(sink, DIAG_LANGUAGE_WORD_MISSING, node_position(chosen),
                 "the catalog has no '%s'; the English catalog says '%s'", known[index],
                 node_scalar_text(node_mapping_value(reference, index)));
            ok = false;
        }
    for (size_t index = 0; index < node_count(chosen); index++) {
        const struct node *key = node_mapping_key(chosen, index);
        if (!node_mapping_find(reference, node_scalar_text(key))) {
            language_catalog_report_unknown(node_scalar_text(key), known, count, node_position(key),
                                            "", sink);
            ok = false;
        }
    }
    free(known);
    return ok;
}
