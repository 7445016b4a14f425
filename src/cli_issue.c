/* golive issue: freezes a built document into the archive of issued
 * documents, with its version, date and SHA-256 (issued.h). */
#include "cli.h"

#include "buffer.h"
#include "file_io.h"
#include "issued.h"
#include "manifest.h"
#include "model_audit_snapshot.h"
#include "model_load.h"
#include "path.h"
#include "schema.h"
#include "sha256.h"
#include "suggest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct issue {
    const char *document, *version, *build_folder;
    char date[16];
    char *folder; /* the archive: root/issued */
    struct issued_register issued;
    struct manifest manifest;
    struct diag_sink *sink;
};

/* Written whole under a temporary name, then linked to its own: a reader
 * sees all of it or nothing, and an existing file is never replaced. */
static bool write_frozen(const char *path, const char *text, size_t length, struct diag_sink *sink)
{
    struct buffer temporary = {0};
    buffer_printf(&temporary, "%s.partial-%ld", path, (long)getpid());
    int descriptor = open(buffer_text(&temporary), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0444);
    bool ok = descriptor >= 0 && write(descriptor, text, length) == (ssize_t)length &&
              fsync(descriptor) == 0;
    if (descriptor >= 0)
        ok = close(descriptor) == 0 && ok;
    ok = ok && link(buffer_text(&temporary), path) == 0;
    if (!ok)
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(path), "cannot write '%s': %s", path,
             strerror(errno));
    if (descriptor >= 0)
        unlink(buffer_text(&temporary));
    buffer_free(&temporary);
    return ok;
}

static bool append_register(const struct issue *issue, const char *file, const char sha256[65])
{
    bool fresh = !file_exists_regular(issue->issued.path);
    int descriptor = open(issue->issued.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    struct buffer line = {0};
    if (fresh)
        buffer_append_text(&line, "# golive: the documents issued, as delivered (golive issue).\n"
                                  "# DOCUMENT VERSION DATE SHA-256 FILE\n");
    buffer_printf(&line, "%s %s %s %s %s\n", issue->document, issue->version, issue->date, sha256,
                  file);
    bool ok = descriptor >= 0 &&
              write(descriptor, line.data, line.length) == (ssize_t)line.length &&
              fsync(descriptor) == 0;
    if (descriptor >= 0)
        ok = close(descriptor) == 0 && ok;
    if (!ok)
        diag(issue->sink, DIAG_FILE_WRITE, source_position_of_file(issue->issued.path),
             "cannot add to '%s': %s", issue->issued.path, strerror(errno));
    buffer_free(&line);
    return ok;
}

/* Freezes text as frozen (a name in issued/): once; again with the same
 * content, nothing; with other content, refused. shown names it. */
static void freeze(struct issue *issue, const char *frozen, const char *text, size_t length,
                   const char *shown)
{
    struct buffer target = {0};
    buffer_printf(&target, "%s/%s", issue->folder, frozen);
    char hex[65];
    sha256_hex(text, length, hex);
    const struct issued_entry *before = issued_find(&issue->issued, frozen);
    if (before && strcmp(before->sha256, hex) != 0)
        diag(issue->sink, DIAG_ISSUE_CONFLICT,
             (struct source_position){issue->issued.path, before->line, 1},
             "version %s of %s was issued on %s with other content; raise document.version "
             "in the project to issue it again",
             issue->version, shown, before->date);
    else if (!before && write_frozen(buffer_text(&target), text, length, issue->sink))
        append_register(issue, frozen, hex);
    buffer_free(&target);
}

/* Issues DOCUMENT.extension of the build, when the build has it. */
static void issue_file(struct issue *issue, const char *extension, size_t *issued_count)
{
    struct buffer name = {0}, source = {0}, frozen = {0};
    buffer_printf(&name, "%s.%s", issue->document, extension);
    buffer_printf(&frozen, "%s-%s.%s", issue->document, issue->version, extension);
    buffer_printf(&source, "%s/%s", issue->build_folder, buffer_text(&name));
    const struct manifest_entry *listed = NULL;
    for (size_t index = 0; index < issue->manifest.output_count; index++)
        if (strcmp(issue->manifest.outputs[index].path, buffer_text(&name)) == 0)
            listed = &issue->manifest.outputs[index];
    char *text = NULL;
    size_t length = 0;
    char hex[65];
    if (listed && file_read(buffer_text(&source), source_position_of_file(buffer_text(&source)),
                            issue->sink, &text, &length)) {
        sha256_hex(text, length, hex);
        if (strcmp(hex, listed->sha256) != 0)
            diag(issue->sink, DIAG_VERIFY_CHANGED, source_position_of_file(buffer_text(&source)),
                 "this document changed since its build (golive verify tells more); build again");
        else
            freeze(issue, buffer_text(&frozen), text, length, buffer_text(&name));
        ++*issued_count;
    }
    free(text);
    buffer_free(&name);
    buffer_free(&source);
    buffer_free(&frozen);
}

/* The audit file as the build read it: its findings are the issued ones. */
static bool audit_as_built(const struct issue *issue, const struct model *model)
{
    char hex[65] = "";
    char *text;
    size_t length;
    if (!file_read(model->audit->path, source_position_of_file(model->audit->path), issue->sink,
                   &text, &length))
        return false;
    sha256_hex(text, length, hex);
    free(text);
    bool same = false;
    for (size_t index = 0; index < issue->manifest.input_count && !same; index++) {
        const struct manifest_entry *input = &issue->manifest.inputs[index];
        char *path = manifest_input_path(&issue->manifest, issue->build_folder, NULL, input);
        same = path_same_file(path, model->audit->path) && strcmp(input->sha256, hex) == 0;
        free(path);
    }
    if (!same)
        diag(issue->sink, DIAG_VERIFY_CHANGED, source_position_of_file(model->audit->path),
             "the audit changed since the build in '%s'; build again, then issue",
             issue->build_folder);
    return same;
}

/* The issued audit report's findings, kept beside it for the next
 * version's "Changes since" (model_audit_snapshot.h). */
static void issue_findings(struct issue *issue, const struct model *model)
{
    struct buffer text = {0}, frozen = {0};
    buffer_printf(&frozen, "%s-%s%s", issue->document, issue->version, AUDIT_SNAPSHOT_SUFFIX);
    audit_snapshot_format(model->arena, model->audit, issue->version, issue->date, &text);
    freeze(issue, buffer_text(&frozen), text.data, text.length, buffer_text(&frozen));
    buffer_free(&text);
    buffer_free(&frozen);
}

static bool prepare(struct issue *issue, const struct model *model)
{
    const struct project *project = model->project;
    issue->version = project->document_version;
    if (!issue->version || strpbrk(issue->version, " /\\") || !project->document_date.year) {
        diag(issue->sink, DIAG_ISSUE_CONFLICT, source_position_of_file(project->path),
             "to issue a document, the project needs document.version (no spaces or slashes) "
             "and document.date");
        return false;
    }
    snprintf(issue->date, sizeof issue->date, "%04d-%02d-%02d", project->document_date.year,
             project->document_date.month, project->document_date.day);
    struct buffer folder = {0}, manifest_path = {0};
    buffer_printf(&folder, "%s/%s", model->root, ISSUED_FOLDER);
    issue->folder = buffer_release(&folder);
    buffer_printf(&manifest_path, "%s/%s", issue->build_folder, MANIFEST_NAME);
    char *text;
    size_t length;
    bool ok =
        issued_load(model->root, &issue->issued, issue->sink) &&
        file_read(buffer_text(&manifest_path), source_position_of_file(buffer_text(&manifest_path)),
                  issue->sink, &text, &length);
    if (ok) {
        ok = manifest_parse(buffer_text(&manifest_path), text, length, &issue->manifest,
                            issue->sink);
        free(text);
    }
    buffer_free(&manifest_path);
    if (ok && !path_make_folders(issue->folder)) {
        diag(issue->sink, DIAG_FILE_WRITE, source_position_of_file(issue->folder),
             "cannot create '%s': %s", issue->folder, strerror(errno));
        ok = false;
    }
    return ok;
}

static int command_issue(const struct cli_invocation *invocation)
{
    struct issue issue = {.document = cli_argument(invocation, 1),
                          .build_folder = cli_value(invocation, "build")};
    bool known = false;
    for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++)
        known = known || strcmp(schema_artifacts[artifact], issue.document) == 0;
    char hint[96];
    if (!known)
        return cli_usage_error(
            cli_invocation_command(invocation),
            "'%s' is not a document: audit, preflight, runbook, signoff, "
            "contacts or closeout%s",
            issue.document,
            suggest_hint(issue.document, schema_artifacts, ARTIFACT_COUNT, hint, sizeof hint));
    if (!issue.build_folder)
        return cli_usage_error(cli_invocation_command(invocation),
                               "name the build to issue from: --build DIR");
    issue.sink = diag_sink_new();
    struct model *model = model_load(cli_argument(invocation, 0), issue.sink);
    size_t found = 0;
    if (model && !diag_error_count(issue.sink) && prepare(&issue, model)) {
        bool audit = strcmp(issue.document, "audit") == 0 && model->audit;
        if (!audit || audit_as_built(&issue, model)) {
            issue_file(&issue, "pdf", &found);
            issue_file(&issue, "md", &found);
        }
        if (audit && found && !diag_error_count(issue.sink))
            issue_findings(&issue, model);
        if (!found && !diag_error_count(issue.sink))
            diag(issue.sink, DIAG_VERIFY_MISSING, source_position_of_file(issue.build_folder),
                 "the build holds no %s.pdf or %s.md listed in its MANIFEST", issue.document,
                 issue.document);
    }
    issued_free(&issue.issued);
    manifest_free(&issue.manifest);
    free(issue.folder);
    model_free(model);
    return cli_finish(issue.sink);
}

static const struct cli_option issue_options[] = {
    {"build", 0, CLI_VALUE, "DIR", "the build folder to issue from (required)"},
    {0},
};

const struct cli_command cli_issue_command = {
    .name = "issue",
    .synopsis = "PROJECT.yaml DOCUMENT --build DIR",
    .summary = "freeze a built document as an issued version",
    .description =
        "Copies DOCUMENT.pdf and DOCUMENT.md of the build in DIR (checked against its\n"
        "MANIFEST) into issued/ beside the project, as DOCUMENT-VERSION.pdf and .md,\n"
        "read-only, and adds each to issued/ISSUED with the project's document.version,\n"
        "document.date and its SHA-256. Later builds never touch them. Issuing a\n"
        "version again with the same content does nothing; with other content it is\n"
        "refused: raise document.version first. Each document's control block lists\n"
        "its issued versions, and golive verify checks the archive. Issuing the audit\n"
        "report also keeps its findings as audit-VERSION.findings.yaml, from which the\n"
        "next version's report says what changed since.",
    .options = issue_options,
    .minimum_arguments = 2,
    .maximum_arguments = 2,
    .execute = command_issue,
};
