/* The module inventory (kind: inventory) that golive import writes and an
 * audit names: built from its validated tree, for the audit report and for
 * the next import, which keeps the consultant's edits. */
#ifndef GOLIVE_MODEL_INVENTORY_H
#define GOLIVE_MODEL_INVENTORY_H

#include "model.h"
#include "node.h"

#include <stdbool.h>
#include <stddef.h>

struct inventory_module {
    char *name, *title, *version, *series, *author, *license, *website, *path;
    int origin;                  /* index into schema_inventory_origins */
    bool installed;
    int target;                  /* index into schema_inventory_targets */
    char *target_version;
    struct text_list depends;
    long long lines[3];          /* python, xml, javascript; 0 when not given */
    int proposed_action;         /* index into schema_inventory_actions, -1 when none */
    int action;                  /* index into schema_inventory_actions */
    char *notes;                 /* Markdown */
    struct text_list proposals;  /* Markdown */
    struct source_position position;
};

struct inventory {
    char *source_version, *target_version;
    struct text_list own_authors;
    struct text_list addons, target_trees;
    char *modules_export, *removed_list;
    long long not_installed;
    struct inventory_module *modules;
    size_t module_count;
    const char *path;            /* not owned */
};

/* inventory_build: always returns the inventory, complete as far as the
 * (validated) tree allows. */
struct inventory *inventory_build(const struct node *root, const char *path);
void inventory_free(struct inventory *inventory);

/* inventory_find: the module called name, or NULL (linear: for few look-ups). */
const struct inventory_module *inventory_find(const struct inventory *inventory, const char *name);

#endif
