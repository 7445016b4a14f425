/* Writing the inventory: one entry per installed module, sorted by
 * technical name, with what golive found and proposes, and what the
 * consultant decided. A re-import keeps each module's action and notes
 * (merged by technical name) and reports what changed. */
#include "import_inventory.h"

#include "alloc.h"
#include "file_io.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

/* ---- YAML out ----------------------------------------------------------- */

/* Double-quoted: safe for any text (validated inputs hold no control
 * characters but tab and newline). */
static void put_quoted(struct buffer *out, const char *text)
{
    buffer_append_char(out, '"');
    for (const char *at = text; *at; at++) {
        if (*at == '"' || *at == '\\')
            buffer_append_char(out, '\\');
        if (*at == '\n')
            buffer_append_text(out, "\\n");
        else if (*at == '\t')
            buffer_append_text(out, "\\t");
        else
            buffer_append_char(out, *at);
    }
    buffer_append_char(out, '"');
}

/* Markdown over several lines as a literal block, as a person writes it;
 * text a block cannot hold exactly (leading spaces, blank endings) is
 * quoted. */
static void put_markdown(struct buffer *out, const char *text, const char *indent)
{
    size_t length = strlen(text);
    bool multiline = strchr(text, '\n') != NULL;
    bool plain_start = text[0] != ' ' && text[0] != '\n' && text[0] != '\t';
    bool clean_end =
        length > 0 && (text[length - 1] != '\n' || (length > 1 && text[length - 2] != '\n'));
    bool clean_end_spaces = length > 0 && text[length - 1] != ' ' && text[length - 1] != '\t';
    if (!multiline || !plain_start || !clean_end || !clean_end_spaces) {
        put_quoted(out, text);
        return;
    }
    buffer_append_text(out, text[length - 1] == '\n' ? "|" : "|-");
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t size = end ? (size_t)(end - line) : strlen(line);
        buffer_append_char(out, '\n');
        if (size > 0)
            buffer_printf(out, "%s%.*s", indent, (int)size, line);
        line += size + (end ? 1 : 0);
    }
}

/* One line of text: a title exported with a line break in it becomes one
 * line, as the inventory's text fields are. */
static void put_text_key(struct buffer *out, const char *indent, const char *key, const char *text)
{
    if (!text)
        return;
    char *line = xstrdup(text);
    for (char *at = line; *at; at++)
        if (*at == '\n' || *at == '\t' || *at == '\r')
            *at = ' ';
    buffer_printf(out, "%s%s: ", indent, key);
    put_quoted(out, line);
    buffer_append_char(out, '\n');
    free(line);
}

static void put_list(struct buffer *out, const char *indent, const char *key,
                     const char *const *items, size_t count)
{
    if (count == 0)
        return;
    buffer_printf(out, "%s%s: [", indent, key);
    for (size_t index = 0; index < count; index++) {
        if (index)
            buffer_append_text(out, ", ");
        put_quoted(out, items[index]);
    }
    buffer_append_text(out, "]\n");
}

/* ---- one module --------------------------------------------------------- */

static void put_lines(struct buffer *out, const struct import_module *module)
{
    if (!module->path || module->unreadable)
        return;
    buffer_printf(out, "    lines: { python: %lu, xml: %lu, javascript: %lu }\n",
                  module->lines[LINES_PYTHON], module->lines[LINES_XML],
                  module->lines[LINES_JAVASCRIPT]);
}

static void put_module(struct buffer *out, const struct import_module *module,
                       const struct inventory_module *previous, const char *path)
{
    buffer_append_text(out, "  - name: ");
    put_quoted(out, module->name);
    buffer_append_char(out, '\n');
    put_text_key(out, "    ", "title", module->title);
    buffer_printf(out, "    origin: %s\n", schema_inventory_origins[module->origin]);
    put_text_key(out, "    ", "version", module->version);
    put_text_key(out, "    ", "series", module->series);
    put_text_key(out, "    ", "author", module->author);
    put_text_key(out, "    ", "license", module->license);
    put_text_key(out, "    ", "website", module->website);
    put_text_key(out, "    ", "path", path);
    if (module->target != TARGET_UNKNOWN)
        buffer_printf(out, "    target: %s\n", schema_inventory_targets[module->target]);
    put_text_key(out, "    ", "target_version", module->target_version);
    put_list(out, "    ", "depends", (const char *const *)module->depends.items,
             module->depends.count);
    put_lines(out, module);
    buffer_printf(out, "    proposed_action: %s\n", schema_inventory_actions[module->action]);
    int action = previous ? previous->action : (int)module->action;
    buffer_printf(out, "    action: %s\n", schema_inventory_actions[action]);
    if (previous && previous->notes) {
        buffer_append_text(out, "    notes: ");
        put_markdown(out, previous->notes, "      ");
        buffer_append_char(out, '\n');
    }
    if (module->proposals.count) {
        buffer_append_text(out, "    proposals:\n");
        for (size_t index = 0; index < module->proposals.count; index++) {
            buffer_append_text(out, "      - ");
            put_quoted(out, module->proposals.items[index]);
            buffer_append_char(out, '\n');
        }
    }
}

/* ---- the changes -------------------------------------------------------- */

static void report_module_changes(struct buffer *changes, const struct import_module *module,
                                  const struct inventory_module *previous, size_t *kept)
{
    if (!previous) {
        buffer_printf(changes, "added %s: %s, proposed %s\n", module->name,
                      schema_inventory_origins[module->origin],
                      schema_inventory_actions[module->action]);
        return;
    }
    bool edited = previous->notes ||
                  (previous->proposed_action >= 0 && previous->action != previous->proposed_action);
    *kept += edited;
    if (previous->origin != (int)module->origin)
        buffer_printf(changes, "%s: origin now %s (was %s)\n", module->name,
                      schema_inventory_origins[module->origin],
                      schema_inventory_origins[previous->origin]);
    if (previous->target != (int)module->target)
        buffer_printf(changes, "%s: target release now %s (was %s)\n", module->name,
                      schema_inventory_targets[module->target],
                      schema_inventory_targets[previous->target]);
    if (previous->proposed_action >= 0 && previous->proposed_action != (int)module->action)
        buffer_printf(changes, "%s: proposed action now %s (was %s); your action %s is kept\n",
                      module->name, schema_inventory_actions[module->action],
                      schema_inventory_actions[previous->proposed_action],
                      schema_inventory_actions[previous->action]);
}

static bool written_now(const struct import_module *const *modules, size_t count, const char *name)
{
    size_t low = 0, high = count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        int order = strcmp(modules[middle]->name, name);
        if (order == 0)
            return true;
        if (order < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return false;
}

static void report_gone(struct buffer *changes, const struct inventory *previous,
                        const struct import_module *const *modules, size_t count)
{
    for (size_t index = 0; previous && index < previous->module_count; index++) {
        const struct inventory_module *old = &previous->modules[index];
        if (old->name && !written_now(modules, count, old->name))
            buffer_printf(changes, "gone %s: no longer installed or found%s\n", old->name,
                          old->notes ? " (its notes go with it)" : "");
    }
}

/* ---- the file ----------------------------------------------------------- */

static void put_header(struct buffer *out, const struct import_record *record)
{
    buffer_append_text(out,
                       "# Generated by golive import. Edit only each module's 'action' and\n"
                       "# 'notes', and 'own_authors': the next import keeps those and rewrites\n"
                       "# the rest from the files under 'imported_from'.\n");
    buffer_append_text(out, "kind: inventory\n");
    put_text_key(out, "", "source_version", record->source_version);
    put_text_key(out, "", "target_version", record->target_version);
    put_list(out, "", "own_authors", (const char *const *)record->own_authors->items,
             record->own_authors->count);
    buffer_append_text(out, "imported_from:\n");
    put_list(out, "  ", "addons", record->addons, record->addons_count);
    put_text_key(out, "  ", "modules", record->modules_export);
    put_list(out, "  ", "target", record->target, record->target_count);
    put_text_key(out, "  ", "removed", record->removed);
    if (!record->addons_count && !record->modules_export)
        buffer_append_text(out, "  addons: []\n");
}

static int compare_modules(const void *left, const void *right)
{
    return strcmp((*(const struct import_module *const *)left)->name,
                  (*(const struct import_module *const *)right)->name);
}

/* The installed modules, sorted by name. */
static const struct import_module **installed_modules(const struct import_set *set, size_t *count,
                                                      size_t *not_installed)
{
    const struct import_module **modules = xcalloc(set->count + 1, sizeof *modules);
    *count = *not_installed = 0;
    for (size_t index = 0; index < set->count; index++) {
        if (set->modules[index].installed)
            modules[(*count)++] = &set->modules[index];
        else
            (*not_installed)++;
    }
    qsort(modules, *count, sizeof *modules, compare_modules);
    return modules;
}

bool import_inventory_write(const char *output, const struct import_set *set,
                            const struct inventory *previous, const struct import_record *record,
                            struct buffer *changes, struct diag_sink *sink)
{
    size_t count, not_installed, kept = 0, added = 0;
    const struct import_module **modules = installed_modules(set, &count, &not_installed);
    struct buffer out = {0};
    put_header(&out, record);
    buffer_printf(&out, "not_installed: %zu\n", not_installed);
    buffer_append_text(&out, count ? "modules:\n" : "modules: []\n");
    struct buffer details = {0};
    struct name_table earlier = {0}; /* the previous modules by name, for linear time */
    for (size_t index = 0; previous && index < previous->module_count; index++)
        if (previous->modules[index].name)
            name_table_put(&earlier, previous->modules[index].name, &previous->modules[index], 0);
    for (size_t index = 0; index < count; index++) {
        const struct name_entry *entry = name_table_get(&earlier, modules[index]->name);
        const struct inventory_module *old = entry ? entry->value : NULL;
        char *path = record->relative_path(record->context, modules[index]->path);
        put_module(&out, modules[index], old, path);
        free(path);
        added += !old;
        if (previous)
            report_module_changes(&details, modules[index], old, &kept);
    }
    report_gone(&details, previous, modules, count);
    buffer_printf(changes, "%s: %zu module%s", output, count, count == 1 ? "" : "s");
    if (previous)
        buffer_printf(changes, ", %zu added, %zu with your edits kept", added, kept);
    buffer_append_text(changes, "\n");
    buffer_append(changes, details.data ? details.data : "", details.length);
    bool ok = file_write_atomic(output, out.data, out.length, sink);
    name_table_free(&earlier);
    buffer_free(&details);
    buffer_free(&out);
    free(modules);
    return ok;
}
