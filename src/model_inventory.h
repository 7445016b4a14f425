/* The module inventory (kind: inventory) that golive import writes and an
 * audit names: built from its validated tree, for the audit report and for
 * the next import, which keeps the consultant's edits. */
#ifndef GOLIVE_MODEL_INVENTORY_H
#define GOLIVE_MODEL_INVENTORY_H

#include "arena.h"
#include "model.h"
#include "node.h"

#include <stdbool.h>
#include <stddef.h>

struct inventory_module {
    char *name, *title, *version, *series, *author, *license, *website, *path;
    int origin; /* index into schema_inventory_origins */
    bool installed;
    int target; /* index into schema_inventory_targets */
    char *target_version;
    struct text_list depends;
    long long lines[3];         /* python, xml, javascript; 0 when not given */
    int proposed_action;        /* index into schema_inventory_actions, -1 when none */
    int action;                 /* index into schema_inventory_actions */
    char *notes;                /* Markdown */
    struct text_list proposals; /* Markdown */
    struct source_position position;
    int *depend_origins; /* evaluated: the origin of each of depends, -1 when
                          * the inventory does not hold it */
};

/* A standard or enterprise module that custom modules build on, with them. */
struct inventory_app {
    const char *name; /* borrowed from the module */
    int origin;
    const char **dependents; /* the custom modules' names, borrowed */
    size_t count, capacity;
};

/* What evaluate_inventory counts (evaluate_inventory.h). */
struct inventory_totals {
    size_t origins[5];         /* by schema_inventory_origins */
    size_t actions[5];         /* by schema_inventory_actions */
    long long custom_lines[3]; /* python, xml, javascript of the custom modules */
    long long other_lines[3];  /* of OCA and third-party modules */
    size_t proposal_count;
    size_t changed_actions;     /* modules whose action is not the proposed one */
    struct inventory_app *apps; /* sorted: most dependents first, then by name */
    size_t app_count, app_capacity;
};

struct inventory {
    char *source_version, *target_version;
    struct text_list own_authors;
    struct text_list addons, target_trees;
    char *modules_export, *removed_list;
    long long not_installed;
    struct inventory_module *modules;
    size_t module_count;
    const char *path;               /* not owned */
    struct inventory_totals totals; /* evaluated */
};

/* inventory_build: always returns the inventory, complete as far as the
 * (validated) tree allows. */
struct inventory *inventory_build(struct arena *arena, const struct node *root, const char *path);

#endif
