/* Building the module inventory from its validated tree. */
#include "model_inventory.h"

#include "alloc.h"
#include "model_read.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

static void build_module(struct arena *arena, struct inventory_module *module,
                         const struct node *node)
{
    module->name = read_text(arena, node, "name");
    module->title = read_text(arena, node, "title");
    module->version = read_text(arena, node, "version");
    module->series = read_text(arena, node, "series");
    module->author = read_text(arena, node, "author");
    module->license = read_text(arena, node, "license");
    module->website = read_text(arena, node, "website");
    module->path = read_text(arena, node, "path");
    module->origin = read_choice(node, "origin", schema_inventory_origins, 0);
    module->installed = read_bool_or_default(node, INPUT_INVENTORY, "modules.installed");
    module->target = read_choice_or_default(node, INPUT_INVENTORY, "modules.target");
    module->target_version = read_text(arena, node, "target_version");
    module->depends = read_text_list(arena, node, "depends");
    const struct node *lines = read_mapping(node, "lines");
    static const char *const languages[] = {"python", "xml", "javascript"};
    for (size_t index = 0; index < 3; index++)
        module->lines[index] = lines ? read_integer(lines, languages[index], 0) : 0;
    module->proposed_action = read_choice(node, "proposed_action", schema_inventory_actions, -1);
    module->action = read_choice(node, "action", schema_inventory_actions, 0);
    module->notes = read_text(arena, node, "notes");
    module->proposals = read_text_list(arena, node, "proposals");
    module->position = node_position(node);
}

struct inventory *inventory_build(struct arena *arena, const struct node *root, const char *path)
{
    struct inventory *inventory = arena_calloc(arena, 1, sizeof *inventory);
    inventory->path = path;
    inventory->source_version = read_text(arena, root, "source_version");
    inventory->target_version = read_text(arena, root, "target_version");
    inventory->own_authors = read_text_list(arena, root, "own_authors");
    const struct node *from = read_mapping(root, "imported_from");
    inventory->addons = read_text_list(arena, from, "addons");
    inventory->target_trees = read_text_list(arena, from, "target");
    inventory->modules_export = read_text(arena, from, "modules");
    inventory->removed_list = read_text(arena, from, "removed");
    inventory->not_installed = read_integer_or_default(root, INPUT_INVENTORY, "not_installed");
    const struct node *list = read_list(root, "modules");
    size_t count = list ? node_count(list) : 0;
    inventory->modules = arena_calloc(arena, count + 1, sizeof(struct inventory_module));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) == NODE_MAPPING)
            build_module(arena, &inventory->modules[inventory->module_count++], node);
    }
    return inventory;
}
