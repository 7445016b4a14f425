/* Writing the inventory file that golive import produces (kind: inventory,
 * docs/format.md), merged with the one it replaces. */
#ifndef GOLIVE_IMPORT_INVENTORY_H
#define GOLIVE_IMPORT_INVENTORY_H

#include "buffer.h"
#include "diag.h"
#include "import.h"
#include "model_inventory.h"

#include <stdbool.h>
#include <stddef.h>

/* What this import read and was told, as the file records it (paths
 * relative to the inventory). Borrowed. */
struct import_record {
    const char *source_version, *target_version;
    const struct text_list *own_authors;
    const char *const *addons;
    size_t addons_count;
    const char *modules_export;
    const char *const *target;
    size_t target_count;
    const char *removed;
    /* relative_path: a module's folder as the inventory records it (caller
     * frees), or NULL for NULL. */
    char *(*relative_path)(const void *context, const char *path);
    const void *context;
};

/* import_inventory_write: writes output atomically from set, keeping each
 * module's action and notes from previous (NULL on a first import), and
 * appends to changes one line for the whole and one per change. Returns
 * false after reporting a write failure. */
bool import_inventory_write(const char *output, const struct import_set *set,
                            const struct inventory *previous, const struct import_record *record,
                            struct buffer *changes, struct diag_sink *sink);

#endif
