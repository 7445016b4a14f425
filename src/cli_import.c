/* golive import: the audit's inventory from the client's real Odoo. Reads
 * the addons trees and the installed-module export (each import names one
 * and finds the other in the inventory it updates), classifies the
 * modules and writes the inventory, keeping the consultant's edits. */
#include "cli.h"

#include "alloc.h"
#include "buffer.h"
#include "diag.h"
#include "exit_status.h"
#include "file_io.h"
#include "import.h"
#include "import_inventory.h"
#include "model_inventory.h"
#include "path.h"
#include "schema_validate.h"
#include "yaml_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The inputs of one import, each as the user or the inventory gave it
 * (for opening) and as the inventory will record it. */
struct import_inputs {
    struct text_list addons, target; /* paths to open */
    char *modules_export, *removed;
    struct text_list own_authors;
    const char *source_version, *target_version;
};

struct import_run {
    const char *output;
    char *output_folder;
    struct inventory *previous;
    struct arena *previous_arena; /* previous's */
    struct yaml_document *previous_document;
    struct import_inputs inputs;
    struct import_set set, target_set;
    struct text_list removed_names;
    char *project_from, *project_to; /* the series the project's system names */
    struct diag_sink *sink;
};

static void list_add(struct text_list *list, const char *text)
{
    list->items = xgrow(list->items, &list->capacity, list->count + 1, sizeof(char *));
    list->items[list->count++] = xstrdup(text);
}

/* Drops each "folder/.." of path, in place, so that messages name
 * "client/addons" rather than "acme/../client/addons". */
static char *tidy_path(char *path)
{
    for (bool changed = true; changed;) {
        changed = false;
        for (char *at = path; (at = strstr(at, "/../")) != NULL; at++) {
            char *start = at;
            while (start > path && start[-1] != '/')
                start--;
            if ((size_t)(at - start) == 2 && strncmp(start, "..", 2) == 0)
                continue;
            if (at == start)
                continue;
            memmove(start, at + 4, strlen(at + 4) + 1);
            changed = true;
            break;
        }
    }
    return path;
}

/* A path the inventory recorded, relative to the inventory, as a path to open. */
static char *from_inventory(const struct import_run *run, const char *recorded)
{
    return recorded[0] == '/' ? xstrdup(recorded)
                              : tidy_path(path_join_relative(run->output, recorded));
}

/* A path to record, relative to the inventory's folder when it exists. */
static char *to_inventory(const void *context, const char *path)
{
    const struct import_run *run = context;
    if (!path)
        return NULL;
    char *relative = path_relative(run->output_folder, path);
    if (relative && !relative[0]) {
        free(relative);
        return xstrdup(".");
    }
    return relative ? relative : xstrdup(path);
}

/* Reads the inventory being replaced, when there is one: it must be valid,
 * or the consultant's edits in it could be lost. */
static bool load_previous(struct import_run *run)
{
    if (!file_exists_regular(run->output))
        return true;
    run->previous_document =
        yaml_load_file(run->output, source_position_of_file(run->output), run->sink);
    if (!run->previous_document)
        return false;
    const struct node *root = yaml_document_root(run->previous_document);
    enum input_kind kind;
    if (!schema_detect_kind(root, run->output, &kind, run->sink))
        return false;
    if (kind != INPUT_INVENTORY) {
        diag(run->sink, DIAG_WRONG_FILE_KIND, source_position_of_file(run->output),
             "golive import writes an inventory, and this file says 'kind: %s': name another "
             "with -o",
             schema_kind_name(kind));
        return false;
    }
    if (!schema_validate(root, schema_for_kind(INPUT_INVENTORY), run->sink))
        return false;
    run->previous_arena = arena_new();
    run->previous =
        inventory_build(run->previous_arena, root, yaml_document_path(run->previous_document));
    return true;
}

static void recorded_list(const struct import_run *run, const struct text_list *recorded,
                          struct text_list *out)
{
    for (size_t index = 0; index < recorded->count; index++) {
        char *path = from_inventory(run, recorded->items[index]);
        list_add(out, path);
        free(path);
    }
}

/* "16.0" from "Odoo 16.0 Enterprise": the first number.number, or NULL. */
static char *series_in(const char *text)
{
    for (const char *at = text; at && *at; at++) {
        if (*at < '0' || *at > '9' || (at > text && at[-1] >= '0' && at[-1] <= '9'))
            continue;
        const char *end = at;
        while (*end >= '0' && *end <= '9')
            end++;
        if (*end != '.' || end[1] < '0' || end[1] > '9')
            continue;
        end++;
        while (*end >= '0' && *end <= '9')
            end++;
        return xstrndup(at, (size_t)(end - at));
    }
    return NULL;
}

/* --project: the series of the project's system.from and system.to. */
static bool read_project_versions(struct import_run *run, const char *path)
{
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), run->sink);
    const struct node *root = document ? yaml_document_root(document) : NULL;
    enum input_kind kind;
    bool ok = root && schema_detect_kind(root, path, &kind, run->sink);
    if (ok && kind != INPUT_PROJECT) {
        diag(run->sink, DIAG_WRONG_FILE_KIND, source_position_of_file(path),
             "--project must name a project file; this one says 'kind: %s'",
             schema_kind_name(kind));
        ok = false;
    }
    const struct node *system = ok ? node_mapping_find(root, "system") : NULL;
    if (system && node_kind(system) == NODE_MAPPING) {
        const struct node *from = node_mapping_find(system, "from");
        const struct node *to = node_mapping_find(system, "to");
        run->project_from =
            from && node_kind(from) == NODE_SCALAR ? series_in(node_scalar_text(from)) : NULL;
        run->project_to =
            to && node_kind(to) == NODE_SCALAR ? series_in(node_scalar_text(to)) : NULL;
    }
    yaml_document_free(document);
    return ok;
}

/* The command line wins; what it does not say comes from the inventory. */
static void gather_inputs(struct import_run *run, const struct cli_invocation *invocation)
{
    struct import_inputs *inputs = &run->inputs;
    const struct inventory *previous = run->previous;
    bool addons = strcmp(cli_argument(invocation, 0), "addons") == 0;
    for (size_t index = 1; addons && index < cli_argument_count(invocation); index++)
        list_add(&inputs->addons, cli_argument(invocation, index));
    if (!addons)
        inputs->modules_export = xstrdup(cli_argument(invocation, 1));
    if (previous && !addons)
        recorded_list(run, &previous->addons, &inputs->addons);
    if (previous && addons && previous->modules_export)
        inputs->modules_export = from_inventory(run, previous->modules_export);
    size_t count;
    const char *const *values = cli_values(invocation, "target", &count);
    for (size_t index = 0; index < count; index++)
        list_add(&inputs->target, values[index]);
    if (count == 0 && previous)
        recorded_list(run, &previous->target_trees, &inputs->target);
    const char *removed = cli_value(invocation, "removed");
    if (removed)
        inputs->removed = xstrdup(removed);
    else if (previous && previous->removed_list)
        inputs->removed = from_inventory(run, previous->removed_list);
    for (size_t index = 0; previous && index < previous->own_authors.count; index++)
        list_add(&inputs->own_authors, previous->own_authors.items[index]);
    values = cli_values(invocation, "own-author", &count);
    for (size_t index = 0; index < count; index++)
        list_add(&inputs->own_authors, values[index]);
    inputs->source_version = cli_value(invocation, "from");
    if (!inputs->source_version)
        inputs->source_version = run->project_from;
    if (!inputs->source_version && previous)
        inputs->source_version = previous->source_version;
    inputs->target_version = cli_value(invocation, "to");
    if (!inputs->target_version)
        inputs->target_version = run->project_to;
    if (!inputs->target_version && previous)
        inputs->target_version = previous->target_version;
}

static bool read_inputs(struct import_run *run)
{
    struct import_inputs *inputs = &run->inputs;
    bool ok = import_addons_read((const char *const *)inputs->addons.items, inputs->addons.count,
                                 true, &run->set, run->sink);
    if (ok && inputs->modules_export)
        ok = import_csv_read(inputs->modules_export, &run->set, run->sink);
    if (ok && inputs->target.count)
        ok = import_addons_read((const char *const *)inputs->target.items, inputs->target.count,
                                false, &run->target_set, run->sink);
    if (ok && inputs->removed)
        ok = import_names_read(inputs->removed, &run->removed_names, run->sink);
    return ok;
}

static char **relative_all(const struct import_run *run, const struct text_list *paths)
{
    char **relative = xcalloc(paths->count + 1, sizeof(char *));
    for (size_t index = 0; index < paths->count; index++)
        relative[index] = to_inventory(run, paths->items[index]);
    return relative;
}

static void free_all(char **paths, size_t count)
{
    for (size_t index = 0; index < count; index++)
        free(paths[index]);
    free(paths);
}

static bool classify_and_write(struct import_run *run)
{
    struct import_inputs *inputs = &run->inputs;
    struct import_settings settings = {
        inputs->source_version,   inputs->target_version,
        &inputs->own_authors,     inputs->removed ? &run->removed_names : NULL,
        inputs->target.count > 0, inputs->modules_export != NULL,
    };
    import_classify(&run->set, &run->target_set, &settings);
    char **addons = relative_all(run, &inputs->addons);
    char **target = relative_all(run, &inputs->target);
    char *modules = to_inventory(run, inputs->modules_export);
    char *removed = to_inventory(run, inputs->removed);
    struct import_record record = {
        inputs->source_version,
        inputs->target_version,
        &inputs->own_authors,
        (const char *const *)addons,
        inputs->addons.count,
        modules,
        (const char *const *)target,
        inputs->target.count,
        removed,
        to_inventory,
        run,
    };
    struct buffer changes = {0};
    bool ok =
        import_inventory_write(run->output, &run->set, run->previous, &record, &changes, run->sink);
    if (ok)
        fputs(buffer_text(&changes), stdout);
    buffer_free(&changes);
    free_all(addons, inputs->addons.count);
    free_all(target, inputs->target.count);
    FREE_EACH(modules, removed);
    return ok;
}

static void run_free(struct import_run *run)
{
    arena_free(run->previous_arena);
    yaml_document_free(run->previous_document);
    text_list_free(&run->inputs.addons);
    text_list_free(&run->inputs.target);
    text_list_free(&run->inputs.own_authors);
    FREE_EACH(run->inputs.modules_export, run->inputs.removed, run->output_folder,
              run->project_from, run->project_to);
    import_set_free(&run->set);
    import_set_free(&run->target_set);
    text_list_free(&run->removed_names);
}

static int command_import(const struct cli_invocation *invocation)
{
    const struct cli_command *command = cli_invocation_command(invocation);
    const char *what = cli_argument(invocation, 0);
    if (strcmp(what, "addons") != 0 && strcmp(what, "modules") != 0)
        return cli_usage_error(command,
                               "unknown import '%s'; use 'addons PATH...' or "
                               "'modules FILE.csv'",
                               what);
    if (strcmp(what, "modules") == 0 && cli_argument_count(invocation) != 2)
        return cli_usage_error(command, "'import modules' reads one export: FILE.csv");
    struct import_run run = {0};
    run.output =
        cli_value(invocation, "output") ? cli_value(invocation, "output") : "inventory.yaml";
    run.output_folder = path_folder_of(run.output);
    run.sink = diag_sink_new();
    const char *project = cli_value(invocation, "project");
    if (load_previous(&run) && (!project || read_project_versions(&run, project))) {
        gather_inputs(&run, invocation);
        if (read_inputs(&run) && diag_error_count(run.sink) == 0)
            classify_and_write(&run);
    }
    struct diag_sink *sink = run.sink;
    run_free(&run);
    return cli_finish(sink);
}

static const struct cli_option import_options[] = {
    {"output", 'o', CLI_VALUE, "FILE", "the inventory to write or update (default inventory.yaml)"},
    {"target", 't', CLI_REPEATED, "PATH", "a tree checked out at the target version (repeat)"},
    {"removed", 0, CLI_VALUE, "FILE", "modules removed in the target version, one a line"},
    {"own-author", 'a', CLI_REPEATED, "NAME",
     "an author whose modules are the client's own (repeat)"},
    {"project", 'p', CLI_VALUE, "FILE",
     "take --from and --to from the project's system (Odoo 16.0 ...)"},
    {"from", 0, CLI_VALUE, "SERIES", "the Odoo series migrated from, such as 16.0"},
    {"to", 0, CLI_VALUE, "SERIES", "the Odoo series migrated to, such as 18.0"},
    {0},
};

const struct cli_command cli_import_command = {
    .name = "import",
    .synopsis = "addons PATH... | modules FILE.csv  [-o FILE] [--target PATH]... [options]",
    .summary = "the audit's module inventory from the client's addons trees and module export",
    .description =
        "'import addons PATH...' reads every module under the addons trees: each folder\n"
        "with __manifest__.py (or __openerp__.py), the manifest read as data, never run,\n"
        "and its lines of Python, XML and JavaScript counted. 'import modules FILE.csv'\n"
        "reads the installed-module list exported from Odoo's Apps view (English column\n"
        "labels) or from the ir_module_module table (its column names); then only\n"
        "installed modules count, and those installed without source are flagged.\n\n"
        "Each import updates the inventory FILE (kind: inventory) and takes what it\n"
        "is not told (the other input, --target, --removed, --from, --to) from the\n"
        "inventory as the last import left it. Every module gets an origin, a proposed\n"
        "action and proposed findings; each module's 'action' and 'notes', and\n"
        "'own_authors', are yours: an import keeps them and prints what changed.\n"
        "Name the inventory in audit.yaml with 'inventory: FILE'. See docs/importing.md.",
    .options = import_options,
    .minimum_arguments = 2,
    .maximum_arguments = (size_t)-1,
    .execute = command_import,
};
