/* Building the module inventory from its validated tree. */
#include "model_inventory.h"

#include "alloc.h"
#include "model_read.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

static void build_module(struct inventory_module *module, const struct node *node)
{
    module->name = read_text(node, "name");
    module->title = read_text(node, "title");
    module->version = read_text(node, "version");
    module->series = read_text(node, "series");
    module->author = read_text(node, "author");
    module->license = read_text(node, "license");
    module->website = read_text(node, "website");
    module->path = read_text(node, "path");
    module->origin = read_choice(node, "origin", schema_inventory_origins, 0);
    module->installed = read_bool_or_default(node, INPUT_INVENTORY, "modules.installed");
    module->target = read_choice_or_default(node, INPUT_INVENTORY, "modules.target");
    module->target_version = read_text(node, "target_version");
    module->depends = read_text_list(node, "depends");
    const struct node *lines = read_mapping(node, "lines");
    static const char *const languages[] = {"python", "xml", "javascript"};
    for (size_t index = 0; index < 3; index++)
        module->lines[index] = lines ? read_integer(lines, languages[index], 0) : 0;
    module->proposed_action = read_choice(node, "proposed_action", schema_inventory_actions, -1);
    module->action = read_choice(node, "action", schema_inventory_actions, 0);
    module->notes = read_text(node, "notes");
    module->proposals = read_text_list(node, "proposals");
    module->position = node_position(node);
}

struct inventory *inventory_build(const struct node *root, const char *path)
{
    struct inventory *inventory = xcalloc(1, sizeof *inventory);
    inventory->path = path;
    inventory->source_version = read_text(root, "source_version");
    inventory->target_version = read_text(root, "target_version");
    inventory->own_authors = read_text_list(root, "own_authors");
    const struct node *from = read_mapping(root, "imported_from");
    inventory->addons = read_text_list(from, "addons");
    inventory->target_trees = read_text_list(from, "target");
    inventory->modules_export = read_text(from, "modules");
    inventory->removed_list = read_text(from, "removed");
    inventory->not_installed = read_integer_or_default(root, INPUT_INVENTORY, "not_installed");
    const struct node *list = read_list(root, "modules");
    size_t count = list ? node_count(list) : 0;
    inventory->modules = xcalloc(count + 1, sizeof(struct inventory_module));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) == NODE_MAPPING)
            build_module(&inventory->modules[inventory->module_count++], node);
    }
    return inventory;
}

void inventory_free(struct inventory *inventory)
{
    if (!inventory)
        return;
    for (size_t index = 0; index < inventory->module_count; index++) {
        struct inventory_module *module = &inventory->modules[index];
        FREE_EACH(module->name, module->title, module->version, module->series, module->author,
                  module->license, module->website, module->path, module->target_version,
                  module->notes);
        text_list_free(&module->depends);
        text_list_free(&module->proposals);
        free(module->depend_origins);
    }
    for (size_t index = 0; index < inventory->totals.app_count; index++)
        free(inventory->totals.apps[index].dependents);
    free(inventory->totals.apps);
    free(inventory->modules);
    FREE_EACH(inventory->source_version, inventory->target_version, inventory->modules_export,
              inventory->removed_list);
    text_list_free(&inventory->own_authors);
    text_list_free(&inventory->addons);
    text_list_free(&inventory->target_trees);
    free(inventory);
}
