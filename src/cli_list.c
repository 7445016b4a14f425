/* golive list: the shipped checklists and templates, one line each. */
#include "cli.h"

#include "buffer.h"
#include "cli_list_keys.h"
#include "schema_validate.h"
#include "exit_status.h"
#include "file_io.h"
#include "shipped.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void list_checklists(const char *data_folder, struct buffer *out, struct diag_sink *sink)
{
    size_t count;
    struct shipped_checklist *shipped = shipped_checklists(data_folder, &count, sink);
    buffer_append_text(out,
                       "Checklists (start an engagement with: golive new DIR --checklist NAME)\n");
    for (size_t index = 0; index < count; index++) {
        const struct checklist *checklist = shipped[index].checklist;
        if (checklist)
            buffer_printf(out, "  %-26s %s (%zu steps)\n", shipped[index].name, checklist->title,
                          checklist->item_count);
    }
    shipped_free(shipped, count);
}

/* A template describes itself in a first-line comment: {{! What it is. }} */
static void describe_template(const char *path, struct buffer *out)
{
    struct diag_sink *scratch = diag_sink_new();
    char *text;
    size_t length;
    if (file_read(path, source_position_of_file(path), scratch, &text, &length)) {
        if (strncmp(text, "{{!", 3) == 0) {
            const char *start = text + 3 + strspn(text + 3, " ");
            size_t line = strcspn(start, "\n");
            const char *close = strstr(start, "}}");
            if (close && (size_t)(close - start) < line)
                line = (size_t)(close - start);
            while (line > 0 && start[line - 1] == ' ')
                line--;
            buffer_append(out, start, line);
        }
        free(text);
    }
    diag_sink_free(scratch);
}

static void list_templates(const char *data_folder, struct buffer *out)
{
    struct buffer folder = {0};
    buffer_printf(&folder, "%s/templates", data_folder);
    size_t count;
    char **names = shipped_names(buffer_text(&folder), ".md", &count);
    buffer_append_text(out, "\nTemplates (to change one, copy it into the folder the project's "
                            "'templates' names)\n");
    for (size_t index = 0; index < count; index++) {
        struct buffer path = {0};
        buffer_printf(&path, "%s/%s.md", buffer_text(&folder), names[index]);
        buffer_printf(out, "  %-26s ", names[index]);
        describe_template(buffer_text(&path), out);
        buffer_append_char(out, '\n');
        buffer_free(&path);
        free(names[index]);
    }
    free(names);
    buffer_free(&folder);
}

/* golive list KIND: the keys of that kind of file. */
static int list_kind(const char *name)
{
    for (int kind = 0; kind < INPUT_KIND_COUNT; kind++) {
        if (strcmp(schema_kind_name((enum input_kind)kind), name) != 0)
            continue;
        struct buffer out = {0};
        cli_list_keys((enum input_kind)kind, &out);
        fwrite(out.data, 1, out.length, stdout);
        buffer_free(&out);
        return EXIT_STATUS_OK;
    }
    const char *kinds[INPUT_KIND_COUNT + 1] = {0};
    for (int kind = 0; kind < INPUT_KIND_COUNT; kind++)
        kinds[kind] = schema_kind_name((enum input_kind)kind);
    char listed[128];
    schema_join_choices(kinds, listed, sizeof listed);
    return cli_usage_error(&cli_list_command, "the kind of file must be %s, not '%s'", listed,
                           name);
}

static int command_list(const struct cli_invocation *invocation)
{
    if (cli_argument_count(invocation) == 1)
        return list_kind(cli_argument(invocation, 0));
    struct diag_sink *sink = diag_sink_new();
    if (!cli_require_data(sink))
        return cli_finish(sink);
    struct buffer out = {0};
    list_checklists(cli_data_folder(), &out, sink);
    list_templates(cli_data_folder(), &out);
    fwrite(out.data, 1, out.length, stdout);
    buffer_free(&out);
    return cli_finish(sink);
}

static const struct cli_option list_options[] = {
    {0},
};

const struct cli_command cli_list_command = {
    .name = "list",
    .synopsis = "[KIND]",
    .summary = "the shipped checklists and templates, or the keys of a kind of file",
    .description = "Lists the checklists golive ships, with their titles and sizes, and the\n"
                   "templates its documents are written from, with what each is for. They are\n"
                   "read from GOLIVE_DATADIR (the folder compiled in, or the environment\n"
                   "variable of that name). With KIND (checklist, project, run, audit or\n"
                   "inventory), lists the keys a file of that kind may hold instead, nested\n"
                   "ones as paths, with type, meaning, and whether required or their default.",
    .options = list_options,
    .minimum_arguments = 0,
    .maximum_arguments = 1,
    .execute = command_list,
};
