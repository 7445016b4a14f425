/* Checking the records and signatures behind a build (verify_records.h). */
#include "verify_records.h"

#include "alloc.h"
#include "attachment.h"
#include "buffer.h"
#include "file_io.h"
#include "manifest.h"
#include "model_load.h"
#include "path.h"
#include "schema.h"
#include "schema_validate.h"
#include "signoff_statement.h"
#include "yaml_load.h"

#include <stdlib.h>
#include <string.h>

/* Whether path is a project file (quietly: other inputs are not). */
static bool is_project(const char *path)
{
    size_t length = strlen(path);
    if (length < 5 ||
        (strcmp(path + length - 5, ".yaml") != 0 && strcmp(path + length - 4, ".yml") != 0) ||
        !file_exists_regular(path))
        return false;
    struct diag_sink *scratch = diag_sink_new();
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), scratch);
    enum input_kind kind = INPUT_RUN;
    bool project = document &&
                   schema_detect_kind(yaml_document_root(document), path, &kind, scratch) &&
                   kind == INPUT_PROJECT;
    yaml_document_free(document);
    diag_sink_free(scratch);
    return project;
}

/* The statement of a verified sign-off, read again for what it covers. */
static void print_coverage(const struct run *run, const struct signoff_record *record, FILE *out)
{
    char *path = path_join_relative(run->path, record->statement_file);
    char *text;
    size_t length;
    struct signoff_statement statement;
    struct diag_sink *scratch = diag_sink_new();
    if (file_read(path, source_position_of_file(path), scratch, &text, &length)) {
        if (signoff_statement_parse(path, text, length, &statement, scratch)) {
            fprintf(out, "%s:%u: signed sign-off of %s (%s): %s, %s, %s\n", run->path,
                    record->position.line, statement.signatory,
                    statement.role ? statement.role : "", statement.name, statement.decision,
                    statement.time);
            for (size_t index = 0; index < statement.conditions.count; index++)
                fprintf(out, "  condition: %s\n", statement.conditions.items[index]);
            fprintf(out, "  key %s; statement %s (SHA-256 %s)\n", record->key_id, path,
                    statement.sha256);
            fprintf(out, "  covers %s lines 1-%u (SHA-256 %s)\n", statement.run,
                    statement.run_lines, statement.run_sha256);
            if (statement.manifest_sha256)
                fprintf(out, "  covers a build: its MANIFEST has SHA-256 %s\n",
                        statement.manifest_sha256);
            for (size_t index = 0; index < statement.documents.count; index++)
                fprintf(out, "  covers document %s\n", statement.documents.items[index]);
            signoff_statement_free(&statement);
        }
        free(text);
    }
    diag_sink_free(scratch);
    free(path);
}

/* Every issued document is as it was issued. */
static void check_issued(const struct model *model, struct diag_sink *sink)
{
    for (size_t index = 0; index < model->issued.count; index++) {
        const struct issued_entry *entry = &model->issued.entries[index];
        struct buffer path = {0};
        buffer_printf(&path, "%s/%s/%s", model->root, ISSUED_FOLDER, entry->file);
        char hex[65];
        struct source_position at = {model->issued.path, entry->line, 1};
        if (!attachment_hash_file(buffer_text(&path), hex))
            diag(sink, DIAG_VERIFY_ISSUED, at, "the issued document '%s' is gone", entry->file);
        else if (strcmp(hex, entry->sha256) != 0)
            diag(sink, DIAG_VERIFY_ISSUED, at,
                 "the issued document '%s' changed since it was issued: its SHA-256 is %s",
                 entry->file, hex);
        buffer_free(&path);
    }
}

static void check_project(const char *path, FILE *out, struct diag_sink *sink)
{
    struct model *model = model_load(path, sink);
    if (model) {
        attachment_report(model, true, sink);
        check_issued(model, sink);
    }
    for (size_t index = 0; model && index < model->run_count; index++) {
        const struct run *run = model->runs[index];
        for (size_t signoff = 0; signoff < run->signoff_count; signoff++)
            if (run->signoffs[signoff].signature_verified)
                print_coverage(run, &run->signoffs[signoff], out);
    }
    model_free(model);
}

void verify_records(const char *folder, FILE *out, struct diag_sink *sink)
{
    struct buffer manifest_path = {0};
    buffer_printf(&manifest_path, "%s/%s", folder, MANIFEST_NAME);
    struct diag_sink *scratch = diag_sink_new();
    char *text;
    size_t length;
    struct manifest manifest = {0};
    if (file_read(buffer_text(&manifest_path), source_position_of_file(buffer_text(&manifest_path)),
                  scratch, &text, &length)) {
        if (manifest_parse(buffer_text(&manifest_path), text, length, &manifest, scratch))
            for (size_t index = 0; index < manifest.input_count; index++) {
                char *input = manifest_input_path(&manifest, folder, NULL, &manifest.inputs[index]);
                if (is_project(input))
                    check_project(input, out, sink);
                free(input);
            }
        manifest_free(&manifest);
        free(text);
    }
    diag_sink_free(scratch);
    buffer_free(&manifest_path);
}
