/* Checking electronic sign-offs (signoff_signature.h). */
#include "signoff_signature.h"

#include "alloc.h"
#include "file_io.h"
#include "name_table.h"
#include "path.h"
#include "record_chain.h"
#include "schema.h"
#include "sha256.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool signoff_signature_run_prefix(const char *text, size_t length, unsigned lines, char hex[65])
{
    size_t offset = record_chain_line_offset(text, length, lines + 1);
    if (lines == 0 || offset == 0 || text[offset - 1] != '\n' ||
        record_chain_line_offset(text, length, lines) >= offset)
        return false;
    sha256_hex(text, offset, hex);
    return true;
}

bool signoff_signature_load_key(const struct signatory *signatory, struct minisign_public_key *key,
                                struct diag_sink *sink)
{
    char *text;
    size_t length;
    if (!signatory->key_path ||
        !file_read(signatory->key_path, signatory->key_position, sink, &text, &length))
        return false;
    bool ok = minisign_public_key_parse(signatory->key_path, text, length, key, sink);
    free(text);
    return ok;
}

static const char *verdict_text(enum minisign_check check)
{
    switch (check) {
    case MINISIGN_OTHER_KEY: return "it was made with another key than the signatory's";
    case MINISIGN_BAD_SIGNATURE:
        return "it does not verify: the statement or the signature was changed";
    case MINISIGN_BAD_COMMENT: return "its trusted comment was changed";
    case MINISIGN_VALID: break;
    }
    return "it holds";
}

/* The signature over the statement's bytes, by the signatory's key. */
static bool check_signature(const struct signatory *signatory, const char *statement_text,
                            size_t statement_length, const char *signature_path,
                            struct source_position at, char key_id[MINISIGN_KEY_ID_HEX],
                            struct diag_sink *sink)
{
    struct minisign_public_key key;
    struct minisign_signature signature;
    char *text;
    size_t length;
    if (!signoff_signature_load_key(signatory, &key, sink) ||
        !file_read(signature_path, at, sink, &text, &length))
        return false;
    bool ok = minisign_signature_parse(signature_path, text, length, &signature, sink);
    free(text);
    if (!ok)
        return false;
    enum minisign_check check = minisign_verify(&key, statement_text, statement_length, &signature);
    minisign_key_id_hex(key.key_id, key_id);
    if (check != MINISIGN_VALID) {
        char theirs[MINISIGN_KEY_ID_HEX];
        minisign_key_id_hex(signature.key_id, theirs);
        diag(sink, DIAG_SIGNATURE_INVALID, at,
             "the signature '%s' is refused: %s (signed by key %s; '%s' declares key %s)",
             signature_path, verdict_text(check), theirs, signatory->id, key_id);
    }
    minisign_signature_free(&signature);
    return check == MINISIGN_VALID;
}

static bool differs(const char *stated, const char *expected)
{
    return !stated || !expected || strcmp(stated, expected) != 0;
}

/* The statement names this project, this signatory and this run as it is. */
static bool check_coverage(const struct signoff_context *context, const struct signatory *signatory,
                           const struct signoff_statement *statement, struct source_position at,
                           struct diag_sink *sink)
{
    char *project = signoff_statement_project(context->project);
    char *run = path_relative(context->root, context->run_path);
    char hex[65] = "";
    const char *problem = NULL;
    if (differs(statement->project, project))
        problem = "it names another project";
    else if (differs(statement->signatory, signatory->id))
        problem = "it is another signatory's";
    else if (differs(statement->run, run))
        problem = "it covers another run file";
    else if (context->record_line && statement->run_lines >= context->record_line)
        problem = "it covers lines at or after the sign-off itself";
    else if (!signoff_signature_run_prefix(context->run_text, context->run_length,
                                           statement->run_lines, hex) ||
             strcmp(hex, statement->run_sha256) != 0)
        problem = "the run's lines it covers have changed since it was signed";
    if (problem)
        diag(sink, DIAG_SIGNATURE_MISMATCH, at, "the signed statement does not fit here: %s",
             problem);
    free(project);
    free(run);
    return problem == NULL;
}

bool signoff_signature_check(const struct signoff_context *context,
                             const struct signatory *signatory, const char *statement_path,
                             const char *signature_path, struct source_position at,
                             struct signoff_statement *statement, char key_id[MINISIGN_KEY_ID_HEX],
                             struct diag_sink *sink)
{
    memset(statement, 0, sizeof *statement);
    if (!signatory->key_path) {
        diag(sink, DIAG_SIGNATURE_NO_KEY, at,
             "signatory '%s' declares no 'key' to check this signature against", signatory->id);
        return false;
    }
    char *text;
    size_t length;
    if (!file_read(statement_path, at, sink, &text, &length))
        return false;
    bool ok = check_signature(signatory, text, length, signature_path, at, key_id, sink) &&
              signoff_statement_parse(statement_path, text, length, statement, sink) &&
              check_coverage(context, signatory, statement, at, sink);
    free(text);
    if (!ok)
        signoff_statement_free(statement);
    return ok;
}

static bool same_conditions(const struct text_list *stated, const struct text_list *recorded)
{
    if (stated->count != recorded->count)
        return false;
    for (size_t index = 0; index < stated->count; index++)
        if (strcmp(stated->items[index], recorded->items[index]) != 0)
            return false;
    return true;
}

/* The record says what the statement says. */
static void check_record(const struct signoff_record *record,
                         const struct signoff_statement *statement, struct diag_sink *sink)
{
    struct date date = {0};
    struct timestamp at = {0};
    bool date_ok = value_parse_date(statement->date, &date) && date.year == record->date.year &&
                   date.month == record->date.month && date.day == record->date.day;
    bool at_ok = value_parse_timestamp(statement->time, &at) && record->at.set &&
                 at.epoch == record->at.epoch;
    const char *field =
        differs(statement->name, record->name)                                     ? "name"
        : differs(statement->decision, schema_signoff_decisions[record->decision]) ? "decision"
        : !same_conditions(&statement->conditions, &record->conditions)            ? "conditions"
        : !date_ok                                                                 ? "date"
        : !at_ok                                                                   ? "at"
                                                                                   : NULL;
    if (field)
        diag(sink, DIAG_SIGNATURE_MISMATCH, record->position,
             "the record's '%s' is not what the signed statement says", field);
}

/* A signed statement counts once: recorded again (a replay), it is refused. */
static bool check_once(struct name_table *seen, const struct signoff_statement *statement,
                       const struct signoff_record *record, struct diag_sink *sink)
{
    const struct name_entry *first = name_table_get(seen, statement->sha256);
    if (first) {
        diag(sink, DIAG_SIGNATURE_MISMATCH, record->position,
             "this signed statement is recorded already, at line %zu: a signature counts once",
             first->number);
        return false;
    }
    name_table_put(seen, statement->sha256, NULL, record->position.line);
    return true;
}

static void check_one(const struct signoff_context *base, struct signoff_record *record,
                      const struct signatory *signatory, struct name_table *seen,
                      struct diag_sink *sink)
{
    struct signoff_context context = *base;
    context.record_line = record->position.line;
    char *statement_path = path_join_relative(context.run_path, record->statement_file);
    char *signature_path = path_join_relative(context.run_path, record->signature_file);
    struct signoff_statement statement;
    if (!path_is_inside(statement_path, context.root) ||
        !path_is_inside(signature_path, context.root))
        diag(sink, DIAG_PATH_OUTSIDE, record->position,
             "the statement and its signature must lie inside the project's folder");
    else if (signoff_signature_check(&context, signatory, statement_path, signature_path,
                                     record->position, &statement, record->key_id, sink)) {
        size_t before = diag_error_count(sink);
        check_record(record, &statement, sink);
        record->signature_verified =
            check_once(seen, &statement, record, sink) && diag_error_count(sink) == before;
        signoff_statement_free(&statement);
    }
    free(statement_path);
    free(signature_path);
}

void signoff_signature_check_run(const struct signoff_context *context, struct run *run,
                                 struct diag_sink *sink)
{
    struct name_table seen = {0};
    for (size_t index = 0; index < run->signoff_count; index++) {
        struct signoff_record *record = &run->signoffs[index];
        const struct signatory *signatory = NULL;
        for (size_t at = 0; record->signatory_id && at < context->project->signatory_count; at++)
            if (strcmp(context->project->signatories[at].id, record->signatory_id) == 0)
                signatory = &context->project->signatories[at];
        if (!signatory)
            continue;
        if (record->statement_file && record->signature_file)
            check_one(context, record, signatory, &seen, sink);
        else if (signatory->key_file)
            diag(sink, DIAG_SIGNATURE_MISSING, record->position,
                 "signatory '%s' declares a key: a sign-off needs its statement and signature "
                 "(golive sign --key, or --request then --signature)",
                 signatory->id);
        else if (record->statement_file || record->signature_file)
            diag(sink, DIAG_SIGNATURE_MISSING, record->position,
                 "a signed sign-off needs both 'statement' and 'signature'");
    }
    name_table_free(&seen);
}
