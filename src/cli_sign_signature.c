/* golive sign --key, --request and --signature (cli_sign_signature.h). */
#include "cli_sign_signature.h"

#include "alloc.h"
#include "file_io.h"
#include "manifest.h"
#include "model_project.h"
#include "passphrase.h"
#include "path.h"
#include "sha256.h"
#include "signature_minisign.h"
#include "signoff_signature.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct source_position nowhere = {0};

static const struct signatory *signatory_of(const struct recording *recording, const char *id)
{
    return project_find_signatory(recording->model->project, id);
}

/* The run as it is now, for the statement: its complete lines. */
static bool run_lines(const char *run, unsigned *lines, char hex[65], struct diag_sink *sink)
{
    char *text;
    size_t length;
    if (!file_read(run, source_position_of_file(run), sink, &text, &length))
        return false;
    *lines = 0;
    for (size_t index = 0; index < length; index++)
        *lines += text[index] == '\n';
    bool ok = *lines > 0 && signoff_signature_run_prefix(text, length, *lines, hex);
    free(text);
    if (!ok)
        diag(sink, DIAG_RUN_NOT_APPENDABLE, source_position_of_file(run),
             "the run has no complete line to sign");
    return ok;
}

/* --build DIR: the manifest's hash and each document's. */
static bool add_build(struct signoff_statement *statement, const char *folder,
                      struct diag_sink *sink)
{
    struct buffer path = {0};
    buffer_printf(&path, "%s/%s", folder, MANIFEST_NAME);
    char *text;
    size_t length;
    struct manifest manifest = {0};
    bool ok = file_read(buffer_text(&path), nowhere, sink, &text, &length);
    if (ok) {
        ok = manifest_parse(buffer_text(&path), text, length, &manifest, sink);
        char hex[65];
        sha256_hex(text, length, hex);
        statement->manifest_sha256 = xstrdup(hex);
        statement->documents.items = xcalloc(manifest.output_count + 1, sizeof(char *));
        for (size_t index = 0; ok && index < manifest.output_count; index++) {
            struct buffer line = {0};
            buffer_printf(&line, "%s %s", manifest.outputs[index].path,
                          manifest.outputs[index].sha256);
            statement->documents.items[statement->documents.count++] = buffer_release(&line);
        }
        manifest_free(&manifest);
        free(text);
    }
    buffer_free(&path);
    return ok;
}

static bool build_statement(const struct recording *recording, const char *run,
                            const struct signoff_fields *fields, const char *build_folder,
                            struct signoff_statement *out, struct diag_sink *sink)
{
    const struct signatory *signatory = signatory_of(recording, fields->signatory);
    memset(out, 0, sizeof *out);
    out->project = signoff_statement_project(recording->model->project);
    out->signatory = xstrdup(signatory->id);
    out->role = signatory->role ? xstrdup(signatory->role) : NULL;
    out->name = xstrdup(fields->name);
    out->decision = xstrdup(fields->decision);
    out->conditions.items = xcalloc(fields->condition_count + 1, sizeof(char *));
    for (size_t index = 0; index < fields->condition_count; index++)
        out->conditions.items[out->conditions.count++] = xstrdup(fields->conditions[index]);
    out->date = xstrdup(fields->date);
    out->time = xstrdup(fields->at);
    out->run = path_relative(recording->model->root, run);
    char hex[65];
    if (!out->run || !run_lines(run, &out->run_lines, hex, sink))
        return false;
    out->run_sha256 = xstrdup(hex);
    return !build_folder || add_build(out, build_folder, sink);
}

/* runs/signatures/SIGNATORY-20260319T170500.txt beside the run (-2, -3 ...
 * after it when that exists: two statements in one second). */
static void name_files(struct sign_signature *signing, const char *run, const char *signatory,
                       const char *at)
{
    struct buffer stamp = {0}, path = {0};
    for (const char *c = at; *c && *c != '+' && *c != 'Z' && stamp.length < 15; c++)
        if (*c != '-' && *c != ':')
            buffer_append_char(&stamp, *c);
    char *folder = path_folder_of(run);
    size_t stem = stamp.length;
    for (unsigned number = 2; number < 100; number++) {
        buffer_printf(&path, "%s/signatures/%s-%s.txt", folder, signatory, buffer_text(&stamp));
        bool taken = access(buffer_text(&path), F_OK) == 0;
        buffer_truncate(&path, 0);
        if (!taken)
            break;
        buffer_truncate(&stamp, stem);
        buffer_printf(&stamp, "-%u", number);
    }
    buffer_printf(&path, "%s/signatures/%s-%s.txt", folder, signatory, buffer_text(&stamp));
    signing->statement_path = buffer_release(&path);
    buffer_printf(&path, "%s.minisig", signing->statement_path);
    signing->signature_path = buffer_release(&path);
    buffer_printf(&path, "signatures/%s-%s.txt", signatory, buffer_text(&stamp));
    signing->statement_relative = buffer_release(&path);
    buffer_printf(&path, "%s.minisig", signing->statement_relative);
    signing->signature_relative = buffer_release(&path);
    free(folder);
    buffer_free(&stamp);
}

static bool write_file(const char *path, const struct buffer *text, struct diag_sink *sink)
{
    char *folder = path_folder_of(path);
    bool ok = path_make_folders(folder);
    if (!ok)
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(folder), "cannot create '%s': %s",
             folder, strerror(errno));
    free(folder);
    if (ok && access(path, F_OK) == 0) {
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(path),
             "'%s' exists already; golive never replaces a statement", path);
        return false;
    }
    return ok && file_write_atomic(path, text->data, text->length, sink);
}

/* The secret key of --key, opened, and the signatory's own. */
static bool open_key(const char *path, const struct signatory *signatory, const char *descriptor,
                     struct minisign_secret_key *key, struct diag_sink *sink)
{
    char *text;
    size_t length;
    if (!file_read(path, source_position_of_file(path), sink, &text, &length))
        return false;
    bool ok = minisign_secret_key_parse(path, text, length, key, sink);
    minisign_wipe(text, length);
    free(text);
    char passphrase[PASSPHRASE_MAX] = "";
    if (ok && key->encrypted && (ok = passphrase_read(descriptor, false, passphrase, sink)) &&
        !(ok = minisign_secret_key_open(key, passphrase)))
        diag(sink, DIAG_PASSPHRASE, source_position_of_file(path),
             "the passphrase does not open this key");
    minisign_wipe(passphrase, sizeof passphrase);
    struct minisign_public_key declared, mine;
    if (ok && (ok = signoff_signature_load_key(signatory, &declared, sink))) {
        minisign_public_key_of(key, &mine);
        ok = memcmp(&declared, &mine, sizeof mine) == 0;
        if (!ok)
            diag(sink, DIAG_SIGNATURE_INVALID, source_position_of_file(path),
                 "this is not the key signatory '%s' declares ('%s')", signatory->id,
                 signatory->key_file);
    }
    return ok;
}

static bool sign_with_key(struct sign_signature *signing, const struct signatory *signatory,
                          const struct buffer *statement, struct diag_sink *sink)
{
    struct minisign_secret_key key;
    bool ok = open_key(signing->key_file, signatory, signing->passphrase_fd, &key, sink);
    if (ok) {
        struct buffer signature = {0}, comment = {0};
        const char *base = strrchr(signing->statement_path, '/');
        buffer_printf(&comment, "golive sign-off statement\tfile:%s",
                      base ? base + 1 : signing->statement_path);
        minisign_sign(&key, statement->data, statement->length, buffer_text(&comment), &signature);
        ok = write_file(signing->statement_path, statement, sink) && (signing->wrote = true) &&
             write_file(signing->signature_path, &signature, sink);
        buffer_free(&signature);
        buffer_free(&comment);
    }
    minisign_wipe(&key, sizeof key);
    return ok;
}

static bool write_request(struct sign_signature *signing, const char *run,
                          const struct signoff_fields *fields, const struct buffer *statement,
                          struct diag_sink *sink)
{
    if (!write_file(signing->statement_path, statement, sink))
        return false;
    printf("golive sign: the statement to sign is %s\n"
           "The signatory signs it with:  minisign -S -s SIGNER.key -m %s\n"
           "Then record it with:          golive sign %s %s --signature %s\n",
           signing->statement_path, signing->statement_path, run, fields->signatory,
           signing->signature_path);
    return true;
}

bool sign_signature_prepare(struct sign_signature *signing, const struct recording *recording,
                            const char *run, struct signoff_fields *fields, struct diag_sink *sink)
{
    const struct signatory *signatory = signatory_of(recording, fields->signatory);
    if (signing->signature_file) {
        fields->statement = signing->statement_relative;
        fields->signature = signing->signature_relative;
        return true;
    }
    if (!signing->key_file && !signing->request) {
        if (!signatory->key_file)
            return true;
        diag(sink, DIAG_SIGNATURE_MISSING, nowhere,
             "signatory '%s' declares a key: sign with --key FILE, or --request and then "
             "--signature FILE.minisig",
             signatory->id);
        return false;
    }
    struct signoff_statement statement;
    bool ok = build_statement(recording, run, fields, signing->build_folder, &statement, sink);
    struct buffer text = {0};
    if (ok) {
        signoff_statement_format(&statement, &text);
        name_files(signing, run, signatory->id, fields->at);
        ok = signing->request ? write_request(signing, run, fields, &text, sink)
                              : sign_with_key(signing, signatory, &text, sink);
    }
    buffer_free(&text);
    signoff_statement_free(&statement);
    fields->statement = signing->statement_relative;
    fields->signature = signing->signature_relative;
    return ok;
}

/* The command line may repeat what the statement says, never contradict it. */
static bool agrees(const char *given, const char *stated, const char *option,
                   struct diag_sink *sink)
{
    if (!given || strcmp(given, stated) == 0)
        return true;
    diag(sink, DIAG_SIGNATURE_MISMATCH, nowhere,
         "--%s '%s' is not what the signed statement says ('%s')", option, given, stated);
    return false;
}

static bool check_named_files(struct sign_signature *signing, const struct recording *recording,
                              const char *run, struct diag_sink *sink)
{
    size_t length = strlen(signing->signature_file), suffix = strlen(".minisig");
    if (length <= suffix || strcmp(signing->signature_file + length - suffix, ".minisig") != 0) {
        diag(sink, DIAG_SIGNATURE_MALFORMED, source_position_of_file(signing->signature_file),
             "--signature names the .minisig file beside the statement (STATEMENT.minisig)");
        return false;
    }
    signing->signature_path = xstrdup(signing->signature_file);
    signing->statement_path = xmemdup(signing->signature_file, length - suffix);
    char *folder = path_folder_of(run);
    signing->statement_relative = path_relative(folder, signing->statement_path);
    signing->signature_relative = path_relative(folder, signing->signature_path);
    free(folder);
    if (!signing->statement_relative || !signing->signature_relative) {
        diag(sink, DIAG_FILE_MISSING, source_position_of_file(signing->statement_path),
             "the statement and its signature must both exist");
        return false;
    }
    if (!path_is_inside(signing->statement_path, recording->model->root) ||
        !path_is_inside(signing->signature_path, recording->model->root)) {
        diag(sink, DIAG_PATH_OUTSIDE, source_position_of_file(signing->signature_path),
             "keep the statement and its signature inside the project's folder '%s'",
             recording->model->root);
        return false;
    }
    return true;
}

bool sign_signature_read(struct sign_signature *signing, const struct recording *recording,
                         const char *run, struct signoff_fields *fields, struct diag_sink *sink)
{
    if (!signing->signature_file)
        return true;
    const struct signatory *signatory = signatory_of(recording, fields->signatory);
    if (!signatory || !check_named_files(signing, recording, run, sink))
        return false;
    const struct run *recorded = recording->use->run;
    for (size_t index = 0; recorded && index < recorded->signoff_count; index++)
        if (recorded->signoffs[index].statement_file &&
            strcmp(recorded->signoffs[index].statement_file, signing->statement_relative) == 0) {
            diag(sink, DIAG_SIGNATURE_MISMATCH, nowhere,
                 "this signed statement is recorded already, at line %u: a signature counts once",
                 recorded->signoffs[index].position.line);
            return false;
        }
    char *text;
    size_t length;
    if (!file_read(run, source_position_of_file(run), sink, &text, &length))
        return false;
    struct signoff_context context = {
        recording->model->project, recording->model->root, run, text, length, 0};
    char key_id[MINISIGN_KEY_ID_HEX];
    struct signoff_statement *statement = &signing->statement;
    bool ok = signoff_signature_check(&context, signatory, signing->statement_path,
                                      signing->signature_path, nowhere, statement, key_id, sink) &&
              agrees(fields->name, statement->name, "name", sink) &&
              agrees(fields->decision, statement->decision, "decision", sink) &&
              agrees(fields->date, statement->date, "date", sink);
    free(text);
    if (!ok)
        return false;
    fields->name = statement->name;
    fields->decision = statement->decision;
    fields->date = statement->date;
    fields->at = statement->time;
    fields->conditions = (const char *const *)statement->conditions.items;
    fields->condition_count = statement->conditions.count;
    return true;
}

void sign_signature_abandon(struct sign_signature *signing)
{
    if (!signing->wrote)
        return;
    if (signing->statement_path)
        unlink(signing->statement_path);
    if (signing->signature_path)
        unlink(signing->signature_path);
    signing->wrote = false;
}

void sign_signature_free(struct sign_signature *signing)
{
    FREE_EACH(signing->statement_path, signing->signature_path, signing->statement_relative,
              signing->signature_relative);
    signoff_statement_free(&signing->statement);
}
