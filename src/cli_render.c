/* golive render: the template engine alone, over YAML data files. */
#include "cli.h"

#include "alloc.h"
#include "buffer.h"
#include "diag.h"
#include "exit_status.h"
#include "file_io.h"
#include "node.h"
#include "suggest.h"
#include "tmpl.h"
#include "yaml_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct data_files {
    struct yaml_document **documents;
    size_t count;
    struct node *merged; /* owned when several files merge */
};

/* Loads every data file, reporting every problem. Returns false if any
 * file is wrong. */
static bool load_data(const char *const *paths, size_t count, struct data_files *files,
                      struct diag_sink *sink)
{
    bool ok = true;
    files->documents = xcalloc(count, sizeof(struct yaml_document *));
    files->count = count;
    for (size_t index = 0; index < count; index++) {
        files->documents[index] =
            yaml_load_file(paths[index], source_position_of_file(paths[index]), sink);
        ok = ok && files->documents[index];
    }
    return ok;
}

/* The data to render: nothing, the one file's root, or the files' top-level
 * mappings merged in order (a later file's key replaces an earlier one's).
 * Returns false when a file to merge is not a mapping. */
static bool merge_data(struct data_files *files, const struct node **data, struct diag_sink *sink)
{
    *data = NULL;
    if (files->count == 1)
        *data = yaml_document_root(files->documents[0]);
    if (files->count <= 1)
        return true;
    bool ok = true;
    files->merged = node_new_mapping();
    for (size_t index = 0; index < files->count; index++) {
        const struct node *root = yaml_document_root(files->documents[index]);
        if (node_kind(root) != NODE_MAPPING) {
            diag(sink, DIAG_RENDER_DATA_NOT_MAPPING, node_position(root),
                 "the top level of this file is %s; several data files merge only when each "
                 "is a mapping",
                 node_kind_name(node_kind(root)));
            ok = false;
            continue;
        }
        for (size_t pair = 0; pair < node_count(root); pair++)
            node_mapping_set(files->merged, node_scalar_text(node_mapping_key(root, pair)),
                             node_copy(node_mapping_value(root, pair)));
    }
    *data = files->merged;
    return ok;
}

static void free_data(struct data_files *files)
{
    for (size_t index = 0; index < files->count; index++)
        yaml_document_free(files->documents[index]);
    free(files->documents);
    node_free(files->merged);
}

/* Writes the output to path atomically, or to stdout when path is NULL.
 * Returns false after recording the I/O failure. */
static bool write_output(const char *path, const struct buffer *out, struct diag_sink *sink)
{
    if (path)
        return file_write_output(path, buffer_text(out), out->length, sink);
    if (fwrite(buffer_text(out), 1, out->length, stdout) != out->length || fflush(stdout) != 0) {
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(NULL),
             "cannot write to standard output: %s", strerror(errno));
        return false;
    }
    return true;
}

static int usage_escape(const struct cli_command *command, const char *given)
{
    static const char *const modes[] = {"markdown", "html", "none"};
    const char *closest = suggest_closest(given, modes, 3);
    if (closest)
        return cli_usage_error(command, "unknown escape '%s'; did you mean '%s'?", given, closest);
    return cli_usage_error(command, "unknown escape '%s'; use markdown, html or none", given);
}

static int command_render(const struct cli_invocation *invocation)
{
    const struct cli_command *command = cli_invocation_command(invocation);
    if (cli_argument_count(invocation) > 1)
        return cli_usage_error(command,
                               "unexpected argument '%s'; give each data file its own --data, "
                               "as in --data a.yaml --data b.yaml",
                               cli_argument(invocation, 1));
    enum tmpl_escape escape = TMPL_ESCAPE_MARKDOWN;
    const char *escape_name = cli_value(invocation, "escape");
    if (escape_name && !tmpl_escape_from_name(escape_name, &escape))
        return usage_escape(command, escape_name);

    const char *template_path = cli_argument(invocation, 0);
    size_t data_count;
    const char *const *data_paths = cli_values(invocation, "data", &data_count);
    struct diag_sink *sink = diag_sink_new();
    struct data_files files = {0};
    struct buffer out = {0};
    const struct node *data = NULL;
    /* The template is loaded even when the data is wrong, so that one run
     * reports every problem. */
    bool data_ok =
        load_data(data_paths, data_count, &files, sink) && merge_data(&files, &data, sink);
    struct tmpl *loaded =
        tmpl_load_file(template_path, source_position_of_file(template_path), sink);
    if (data_ok && loaded && tmpl_render(loaded, data, escape, &out, sink))
        write_output(cli_value(invocation, "output"), &out, sink);
    diag_print(sink, stderr);
    int status = diag_exit_status(sink);
    tmpl_free(loaded);
    buffer_free(&out);
    free_data(&files);
    diag_sink_free(sink);
    return status;
}

static const struct cli_option render_options[] = {
    {"data", 'd', CLI_REPEATED, "FILE", "YAML data; give it once per file, later keys win"},
    {"escape", 'e', CLI_VALUE, "MODE", "how {{name}} escapes: markdown (default), html, none"},
    {"output", 'o', CLI_VALUE, "FILE",
     "write FILE instead of standard output (see golive(1) for devices and links)"},
    {0},
};

const struct cli_command cli_render_command = {
    .name = "render",
    .synopsis = "TEMPLATE [--data FILE]... [--escape markdown|html|none] [-o FILE]",
    .summary = "render one Mustache template over YAML data (the template engine alone)",
    .description =
        "Renders the Mustache TEMPLATE over the data in the --data files and writes the\n"
        "result to standard output, or atomically to the -o FILE. Several data files\n"
        "merge in order: a top-level key of a later file replaces the same key of an\n"
        "earlier one (each must then be a mapping). A partial {{> NAME}} is read from\n"
        "NAME.md in the template's own folder and nowhere else.\n\n"
        "{{name}} escapes the value: 'markdown' (the default) keeps it literal text in\n"
        "CommonMark/GFM, table cells included; 'html' writes & < > \" ' as entities;\n"
        "'none' writes it as is. {{{name}}} and {{&name}} never escape.\n"
        "Errors name template:line:column; nothing is written when there is one.\n"
        "The template language is described in docs/templates.md.",
    .options = render_options,
    .minimum_arguments = 1,
    .maximum_arguments = (size_t)-1,
    .execute = command_render,
};
