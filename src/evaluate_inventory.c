/* The inventory's totals and the custom modules' dependencies on Odoo's
 * own apps. Names are looked up in a name table, so a large inventory costs
 * linear time. */
#include "evaluate_inventory.h"

#include "alloc.h"
#include "name_table.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

enum {
    ORIGIN_INDEX_STANDARD,
    ORIGIN_INDEX_ENTERPRISE,
    ORIGIN_INDEX_OCA,
    ORIGIN_INDEX_THIRD_PARTY,
    ORIGIN_INDEX_CUSTOM
};

static void count_module(struct inventory_totals *totals, const struct inventory_module *module)
{
    totals->origins[module->origin]++;
    totals->actions[module->action]++;
    totals->proposal_count += module->proposals.count;
    totals->changed_actions +=
        module->proposed_action >= 0 && module->proposed_action != module->action;
    long long *lines =
        module->origin == ORIGIN_INDEX_CUSTOM ? totals->custom_lines
        : module->origin == ORIGIN_INDEX_OCA || module->origin == ORIGIN_INDEX_THIRD_PARTY
            ? totals->other_lines
            : NULL;
    for (size_t index = 0; lines && index < 3; index++)
        lines[index] += module->lines[index];
}

/* Adds custom module `custom` to the dependents of app `name`. */
static void add_dependent(struct arena *arena, struct inventory_totals *totals,
                          struct name_table *apps, const struct inventory_module *app,
                          const char *custom)
{
    const struct name_entry *entry = name_table_get(apps, app->name);
    if (!entry) {
        totals->apps = arena_grow(arena, totals->apps, &totals->app_capacity, totals->app_count + 1,
                                  sizeof *totals->apps);
        memset(&totals->apps[totals->app_count], 0, sizeof *totals->apps);
        totals->apps[totals->app_count].name = app->name;
        totals->apps[totals->app_count].origin = app->origin;
        name_table_put(apps, app->name, NULL, ++totals->app_count);
        entry = name_table_get(apps, app->name);
    }
    struct inventory_app *target = &totals->apps[entry->number - 1];
    target->dependents =
        arena_grow(arena, target->dependents, &target->capacity, target->count + 1, sizeof(char *));
    target->dependents[target->count++] = custom;
}

static int compare_apps(const void *left, const void *right)
{
    const struct inventory_app *a = left, *b = right;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->name, b->name);
}

static void resolve_depends(struct arena *arena, struct inventory *inventory,
                            const struct name_table *names, struct name_table *apps)
{
    for (size_t index = 0; index < inventory->module_count; index++) {
        struct inventory_module *module = &inventory->modules[index];
        module->depend_origins = arena_calloc(arena, module->depends.count + 1, sizeof(int));
        for (size_t depend = 0; depend < module->depends.count; depend++) {
            const struct name_entry *entry = name_table_get(names, module->depends.items[depend]);
            const struct inventory_module *target =
                entry ? &inventory->modules[entry->number - 1] : NULL;
            module->depend_origins[depend] = target ? target->origin : -1;
            bool onto_app = target && (target->origin == ORIGIN_INDEX_STANDARD ||
                                       target->origin == ORIGIN_INDEX_ENTERPRISE);
            if (onto_app && module->origin == ORIGIN_INDEX_CUSTOM)
                add_dependent(arena, &inventory->totals, apps, target, module->name);
        }
    }
}

void evaluate_inventory(struct arena *arena, struct inventory *inventory)
{
    struct name_table names = {0}, apps = {0};
    for (size_t index = 0; index < inventory->module_count; index++) {
        count_module(&inventory->totals, &inventory->modules[index]);
        if (inventory->modules[index].name)
            name_table_put(&names, inventory->modules[index].name, NULL, index + 1);
    }
    resolve_depends(arena, inventory, &names, &apps);
    if (inventory->totals.app_count > 1)
        qsort(inventory->totals.apps, inventory->totals.app_count, sizeof *inventory->totals.apps,
              compare_apps);
    name_table_free(&names);
    name_table_free(&apps);
}
