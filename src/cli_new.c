/* golive new: a ready-to-edit engagement from shipped checklists. */
#include "cli.h"

#include "alloc.h"
#include "buffer.h"
#include "exit_status.h"
#include "file_io.h"
#include "name_table.h"
#include "path.h"
#include "shipped.h"
#include "suggest.h"
#include "tmpl.h"
#include "view_put.h"
#include "yaml_load.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const default_checklists[] = {"preflight", "golive-runbook", "handover"};

/* Which documents print a shipped checklist, and whether it gates the
 * go-live: the pre-flight list its sheet, the handover list the close-out
 * record (after the go-live, so not gating), the audit prerequisites no
 * document (a list to work through); every other one the runbook, whose
 * entry shows how to add rehearsals. */
static void put_use(struct node *entry, const char *name)
{
    bool preflight = strcmp(name, "preflight") == 0, handover = strcmp(name, "handover") == 0,
         audit = strcmp(name, "audit-prerequisites") == 0;
    put_text(entry, "artifacts",
             preflight  ? "preflight"
             : handover ? "closeout"
             : audit    ? ""
                        : "runbook");
    put_text(entry, "gate", handover || audit ? "false" : "true");
    put_bool(entry, "runbook", !preflight && !handover && !audit);
}

struct selection {
    const struct shipped_checklist **chosen;
    size_t count;
};

/* Resolves the names asked for; returns -1 or a usage exit status. */
static int choose(const struct cli_invocation *invocation, const struct shipped_checklist *shipped,
                  size_t shipped_count, struct selection *selection)
{
    size_t count;
    const char *const *names = cli_values(invocation, "checklist", &count);
    if (count == 0) {
        names = default_checklists;
        count = sizeof default_checklists / sizeof default_checklists[0];
    }
    selection->chosen = xcalloc(count + 1, sizeof(struct shipped_checklist *));
    const char **known = xcalloc(shipped_count + 1, sizeof(char *));
    for (size_t index = 0; index < shipped_count; index++)
        known[index] = shipped[index].name;
    int status = -1;
    for (size_t index = 0; index < count && status < 0; index++) {
        bool found = false;
        for (size_t at = 0; at < shipped_count && !found; at++) {
            if (strcmp(shipped[at].name, names[index]) != 0 || !shipped[at].checklist)
                continue;
            found = true;
            bool again = false;
            for (size_t chosen = 0; chosen < selection->count; chosen++)
                again = again || selection->chosen[chosen] == &shipped[at];
            if (!again)
                selection->chosen[selection->count++] = &shipped[at];
        }
        char hint[96];
        if (!found)
            status = cli_usage_error(
                cli_invocation_command(invocation),
                "no shipped checklist is called '%s'%s (golive list shows them)", names[index],
                suggest_hint(names[index], known, shipped_count, hint, sizeof hint));
    }
    free(known);
    return status;
}

/* The data the scaffold templates are rendered over. */
static struct node *scaffold_data(const struct selection *selection)
{
    struct node *data = node_new_mapping();
    struct node *list = put_list(data, "checklists");
    struct buffer roles = {0}, artifacts = {0};
    struct name_table seen_roles = {0};
    buffer_append_text(&artifacts, "audit, signoff, contacts");
    for (size_t index = 0; index < selection->count; index++) {
        const struct shipped_checklist *shipped = selection->chosen[index];
        struct node *entry = append_mapping(list);
        struct buffer path = {0};
        buffer_printf(&path, "checklists/%s.yaml", shipped->name);
        put_text(entry, "file", buffer_text(&path));
        buffer_truncate(&path, 0);
        buffer_printf(&path, "runs/%s.yaml", shipped->name);
        put_text(entry, "run", buffer_text(&path));
        buffer_free(&path);
        put_use(entry, shipped->name);
        const char *prints = node_scalar_text(node_mapping_find(entry, "artifacts"));
        if (*prints && !strstr(buffer_text(&artifacts), prints))
            buffer_printf(&artifacts, ", %s", prints);
        const struct text_map *defined = &shipped->checklist->roles;
        for (size_t role = 0; role < defined->count; role++) {
            if (name_table_get(&seen_roles, defined->pairs[role].key))
                continue;
            name_table_put(&seen_roles, defined->pairs[role].key, NULL, 0);
            buffer_printf(&roles, "%s, ", defined->pairs[role].key);
        }
    }
    buffer_truncate(&roles, roles.length >= 2 ? roles.length - 2 : 0);
    put_text(data, "roles", buffer_text(&roles));
    put_text(data, "artifacts", buffer_text(&artifacts));
    buffer_free(&roles);
    buffer_free(&artifacts);
    name_table_free(&seen_roles);
    return data;
}

/* Renders data_folder/templates/new/NAME over data into out. */
static bool render_scaffold(const char *data_folder, const char *name, const struct node *data,
                            struct buffer *out, struct diag_sink *sink)
{
    struct buffer path = {0};
    buffer_printf(&path, "%s/templates/new/%s", data_folder, name);
    struct tmpl *loaded =
        tmpl_load_file(buffer_text(&path), source_position_of_file(buffer_text(&path)), sink);
    bool ok = loaded && tmpl_render(loaded, data, TMPL_ESCAPE_NONE, out, sink);
    tmpl_free(loaded);
    buffer_free(&path);
    return ok;
}

static bool stage(struct file_batch *batch, const char *folder, const char *name,
                  const struct buffer *bytes, struct diag_sink *sink)
{
    struct buffer path = {0};
    buffer_printf(&path, "%s/%s", folder, name);
    bool ok = file_batch_stage(batch, buffer_text(&path), buffer_text(bytes), bytes->length, sink);
    buffer_free(&path);
    return ok;
}

/* Each chosen checklist: an exact copy, and an empty run beside it. */
static bool stage_checklists(struct file_batch *batch, const char *folder,
                             const struct selection *selection, const char *data_folder,
                             struct diag_sink *sink)
{
    bool ok = true;
    for (size_t index = 0; ok && index < selection->count; index++) {
        const struct shipped_checklist *shipped = selection->chosen[index];
        struct buffer copy = {0}, run = {0}, name = {0};
        size_t length;
        const char *bytes = yaml_document_bytes(shipped->document, &length);
        buffer_append(&copy, bytes, length);
        struct node *data = node_new_mapping();
        put_text(data, "id", shipped->checklist->id);
        put_text(data, "title", shipped->checklist->title);
        ok = render_scaffold(data_folder, "run.yaml", data, &run, sink);
        buffer_printf(&name, "checklists/%s.yaml", shipped->name);
        ok = ok && stage(batch, folder, buffer_text(&name), &copy, sink);
        buffer_truncate(&name, 0);
        buffer_printf(&name, "runs/%s.yaml", shipped->name);
        ok = ok && stage(batch, folder, buffer_text(&name), &run, sink);
        node_free(data);
        buffer_free(&copy);
        buffer_free(&run);
        buffer_free(&name);
    }
    return ok;
}

/* golive new writes only into a folder that does not exist or is empty. */
static bool folder_is_free(const char *folder, struct diag_sink *sink)
{
    DIR *directory = opendir(folder);
    if (!directory) {
        if (errno == ENOENT)
            return true;
        diag(sink, DIAG_OUTPUT_FOLDER, source_position_of_file(folder), "cannot use '%s': %s",
             folder, strerror(errno));
        return false;
    }
    bool empty = true;
    for (struct dirent *entry; empty && (entry = readdir(directory)) != NULL;)
        empty = strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0;
    closedir(directory);
    if (!empty)
        diag(sink, DIAG_FOLDER_NOT_EMPTY, source_position_of_file(folder),
             "'%s' already holds files; golive new writes only into a new or empty folder, "
             "and never overwrites",
             folder);
    return empty;
}

static bool make_subfolder(const char *folder, const char *name, struct diag_sink *sink)
{
    struct buffer path = {0};
    buffer_printf(&path, "%s/%s", folder, name);
    bool ok = path_make_folders(buffer_text(&path));
    if (!ok)
        diag(sink, DIAG_OUTPUT_FOLDER, source_position_of_file(folder), "cannot create '%s': %s",
             buffer_text(&path), strerror(errno));
    buffer_free(&path);
    return ok;
}

static bool scaffold(const char *folder, const struct selection *selection, const char *data_folder,
                     struct diag_sink *sink)
{
    struct node *data = scaffold_data(selection);
    struct buffer project = {0}, audit = {0};
    bool ok = render_scaffold(data_folder, "project.yaml", data, &project, sink) &&
              render_scaffold(data_folder, "audit.yaml", data, &audit, sink) &&
              make_subfolder(folder, "checklists", sink) && make_subfolder(folder, "runs", sink);
    struct file_batch *batch = file_batch_new();
    ok = ok && stage(batch, folder, "project.yaml", &project, sink) &&
         stage(batch, folder, "audit.yaml", &audit, sink) &&
         stage_checklists(batch, folder, selection, data_folder, sink) &&
         file_batch_commit(batch, sink);
    file_batch_free(batch);
    buffer_free(&project);
    buffer_free(&audit);
    node_free(data);
    return ok;
}

static int command_new(const struct cli_invocation *invocation)
{
    const char *folder = cli_argument(invocation, 0);
    struct diag_sink *sink = diag_sink_new();
    if (!cli_require_data(sink))
        return cli_finish(sink);
    size_t shipped_count;
    struct shipped_checklist *shipped = shipped_checklists(cli_data_folder(), &shipped_count, sink);
    struct selection selection = {0};
    int status = choose(invocation, shipped, shipped_count, &selection);
    bool made = status < 0 && folder_is_free(folder, sink) &&
                scaffold(folder, &selection, cli_data_folder(), sink);
    diag_print(sink, stderr);
    if (status < 0)
        status = diag_exit_status(sink);
    if (made && status == EXIT_STATUS_OK && !cli_flag(invocation, "quiet"))
        printf(
            "golive new: created '%s' with %zu checklist%s; next: golive check %s/project.yaml\n",
            folder, selection.count, selection.count == 1 ? "" : "s", folder);
    free(selection.chosen);
    shipped_free(shipped, shipped_count);
    diag_sink_free(sink);
    return status;
}

static const struct cli_option new_options[] = {
    {"quiet", 'q', CLI_FLAG, NULL, "print nothing on success"},
    {"checklist", 0, CLI_REPEATED, "NAME",
     "a shipped checklist to use; repeat (default: preflight, golive-runbook, handover)"},
    {0},
};

const struct cli_command cli_new_command = {
    .name = "new",
    .synopsis = "DIR [--checklist NAME]...",
    .summary = "start an engagement from shipped checklists",
    .description =
        "Creates DIR with a ready-to-edit engagement: project.yaml (lines to change are\n"
        "marked EDIT), audit.yaml, a copy of each chosen shipped checklist in\n"
        "checklists/ and an empty run for each in runs/. It passes golive check as it\n"
        "is. DIR must not exist or be empty: golive new never overwrites a file.\n"
        "golive list shows the shipped checklists.",
    .options = new_options,
    .minimum_arguments = 1,
    .maximum_arguments = 1,
    .execute = command_new,
};
