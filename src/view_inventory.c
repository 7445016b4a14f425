/* The view of the module inventory, for the audit report's inventory
 * section (templates/inventory.md): counts, code size, the modules that are
 * not Odoo's own, the proposals, and which standard apps the custom modules
 * build on. docs/templates.md lists the fields. */
#include "view_inventory.h"

#include "buffer.h"
#include "schema.h"
#include "view_put.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ORIGIN_STANDARD_INDEX, ORIGIN_ENTERPRISE_INDEX, ORIGIN_CUSTOM_INDEX = 4 };

static bool is_odoo_made(int origin)
{
    return origin == ORIGIN_STANDARD_INDEX || origin == ORIGIN_ENTERPRISE_INDEX;
}

static void put_choice(struct node *mapping, const char *key, const char *flags_key,
                       const char *const *choices, int index)
{
    put_text(mapping, key, choices[index]);
    put_flag_for(put_mapping(mapping, flags_key), choices[index]);
}

/* {python, xml, javascript, total} */
static void put_lines(struct node *mapping, const char *key, const long long lines[3])
{
    struct node *out = put_mapping(mapping, key);
    put_int(out, "python", lines[0]);
    put_int(out, "xml", lines[1]);
    put_int(out, "javascript", lines[2]);
    put_int(out, "total", lines[0] + lines[1] + lines[2]);
}

/* Counts under each choice's name: counts.third_party: 4. */
static void put_counts(struct node *mapping, const char *key, const char *const *choices,
                       const size_t *counts)
{
    struct node *out = put_mapping(mapping, key);
    for (size_t index = 0; choices[index]; index++) {
        char name[32];
        snprintf(name, sizeof name, "%s", choices[index]);
        for (char *at = name; *at; at++)
            if (*at == '-')
                *at = '_';
        put_int(out, name, (long long)counts[index]);
    }
}

/* depends, split: the Odoo modules and the others, as "a, b" text. */
static void put_depends(struct node *mapping, const struct inventory_module *module)
{
    struct buffer odoo = {0}, others = {0};
    for (size_t index = 0; index < module->depends.count; index++) {
        struct buffer *into = is_odoo_made(module->depend_origins[index]) ? &odoo : &others;
        if (into->length)
            buffer_append_text(into, ", ");
        buffer_append_text(into, module->depends.items[index]);
    }
    put_text(mapping, "standard_depends", odoo.data);
    put_text(mapping, "other_depends", others.data);
    buffer_free(&odoo);
    buffer_free(&others);
}

static void put_module(struct node *list, const struct inventory_module *module)
{
    struct node *mapping = append_mapping(list);
    put_text(mapping, "name", module->name);
    put_text(mapping, "title", module->title);
    put_text(mapping, "version", module->version);
    put_choice(mapping, "origin", "origin_is", schema_inventory_origins, module->origin);
    put_choice(mapping, "target", "target_is", schema_inventory_targets, module->target);
    put_text(mapping, "target_version", module->target_version);
    put_choice(mapping, "action", "action_is", schema_inventory_actions, module->action);
    if (module->proposed_action >= 0)
        put_choice(mapping, "proposed_action", "proposed_action_is", schema_inventory_actions,
                   module->proposed_action);
    put_bool(mapping, "action_differs",
             module->proposed_action >= 0 && module->proposed_action != module->action);
    put_text(mapping, "notes", module->notes);
    put_markdown_inline(mapping, "notes_inline", module->notes);
    put_lines(mapping, "lines", module->lines);
    put_depends(mapping, module);
    put_text_list(mapping, "proposals", &module->proposals);
}

static void put_modules(struct node *view, const struct inventory *inventory)
{
    struct node *others = put_list(view, "modules");
    struct node *custom = put_list(view, "custom_modules");
    struct node *proposals = put_list(view, "proposals");
    for (size_t index = 0; index < inventory->module_count; index++) {
        const struct inventory_module *module = &inventory->modules[index];
        if (!is_odoo_made(module->origin))
            put_module(others, module);
        if (module->origin == ORIGIN_CUSTOM_INDEX)
            put_module(custom, module);
        for (size_t proposal = 0; proposal < module->proposals.count; proposal++) {
            struct node *mapping = append_mapping(proposals);
            put_text(mapping, "module", module->name);
            put_text(mapping, "text", module->proposals.items[proposal]);
            put_markdown_inline(mapping, "text_inline", module->proposals.items[proposal]);
        }
    }
    put_bool(view, "has_modules", node_count(others) > 0);
    put_bool(view, "has_custom_modules", node_count(custom) > 0);
    put_bool(view, "has_proposals", node_count(proposals) > 0);
}

static void put_apps(struct node *view, const struct inventory_totals *totals)
{
    struct node *list = put_list(view, "apps");
    for (size_t index = 0; index < totals->app_count; index++) {
        const struct inventory_app *app = &totals->apps[index];
        struct node *mapping = append_mapping(list);
        put_text(mapping, "name", app->name);
        put_choice(mapping, "origin", "origin_is", schema_inventory_origins, app->origin);
        put_int(mapping, "count", (long long)app->count);
        struct buffer names = {0};
        for (size_t dependent = 0; dependent < app->count; dependent++)
            buffer_printf(&names, "%s%s", dependent ? ", " : "", app->dependents[dependent]);
        put_text(mapping, "dependents", names.data);
        buffer_free(&names);
    }
    put_bool(view, "has_apps", totals->app_count > 0);
}

void view_put_inventory(struct node *audit_view, const struct inventory *inventory)
{
    if (!inventory)
        return;
    struct node *view = put_mapping(audit_view, "inventory");
    const struct inventory_totals *totals = &inventory->totals;
    put_text(view, "source_version", inventory->source_version);
    put_text(view, "target_version", inventory->target_version);
    put_int(view, "module_count", (long long)inventory->module_count);
    put_int(view, "not_installed", inventory->not_installed);
    put_counts(view, "origins", schema_inventory_origins, totals->origins);
    put_counts(view, "actions", schema_inventory_actions, totals->actions);
    put_lines(view, "custom_lines", totals->custom_lines);
    put_lines(view, "other_lines", totals->other_lines);
    put_int(view, "proposal_count", (long long)totals->proposal_count);
    put_int(view, "changed_actions", (long long)totals->changed_actions);
    put_bool(view, "has_target_trees", inventory->target_trees.count > 0);
    put_modules(view, inventory);
    put_apps(view, totals);
}
