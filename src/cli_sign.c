/* golive sign: record a sign-off in a run file, safely. */
#include "cli.h"

#include "alloc.h"
#include "cli_sign_conditions.h"
#include "cli_sign_signature.h"
#include "clock.h"
#include "model_project.h"
#include "recording.h"
#include "run_append.h"
#include "schema.h"
#include "suggest.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct source_position nowhere = {0};

static bool check_signatory(const struct project *project, const char *id, struct diag_sink *sink)
{
    if (project_find_signatory(project, id))
        return true;
    const char **ids = xcalloc(project->signatory_count + 1, sizeof(char *));
    for (size_t index = 0; index < project->signatory_count; index++)
        ids[index] = project->signatories[index].id;
    char hint[96];
    diag(sink, DIAG_UNKNOWN_REFERENCE, nowhere, "'%s' is not a signatory of the project%s", id,
         suggest_hint(id, ids, project->signatory_count, hint, sizeof hint));
    free(ids);
    return false;
}

static bool check_conditions(const struct signoff_fields *fields, struct diag_sink *sink)
{
    bool conditional = strcmp(fields->decision, "conditional") == 0;
    if (conditional && fields->condition_count == 0) {
        diag(sink, DIAG_CONDITIONS_MISSING, nowhere,
             "a conditional approval needs its conditions: --condition TEXT, once per condition");
        return false;
    }
    if (!conditional && fields->condition_count > 0) {
        diag(sink, DIAG_CONDITIONS_UNEXPECTED, nowhere,
             "--condition is given but the decision is '%s', not 'conditional'", fields->decision);
        return false;
    }
    for (size_t index = 0; index < fields->condition_count; index++)
        if (!recording_check_value(fields->conditions[index], "condition", FIELD_TEXT, NULL, sink))
            return false;
    return true;
}

/* The signer is who signed: refused unless the signatory's person or a
 * deputy the project names for it. */
static bool check_signer(const struct project *project, const struct signoff_fields *fields,
                         struct diag_sink *sink)
{
    const struct signatory *signatory = project_find_signatory(project, fields->signatory);
    bool deputy;
    if (project_signer_allowed(project, signatory, fields->name, &deputy))
        return true;
    char names[256];
    project_signer_names(project, signatory, names, sizeof names);
    diag(sink, DIAG_SIGNER_NOT_SIGNATORY, nowhere, "'%s' signs for %s, whose signatory is %s",
         fields->name, signatory->id, names);
    return false;
}

static bool check_signoff(const struct project *project, const struct signoff_fields *fields,
                          struct diag_sink *sink)
{
    if (!fields->name) {
        diag(sink, DIAG_MISSING_VALUE, nowhere, "say who signs: --name NAME");
        return false;
    }
    if (!fields->decision) {
        diag(sink, DIAG_MISSING_VALUE, nowhere,
             "give the decision: --decision approved|conditional|rejected");
        return false;
    }
    return recording_check_value(fields->decision, "decision", FIELD_ENUM, schema_signoff_decisions,
                                 sink) &&
           check_signatory(project, fields->signatory, sink) &&
           recording_check_value(fields->name, "name", FIELD_TEXT, NULL, sink) &&
           check_signer(project, fields, sink) &&
           recording_check_value(fields->date, "date", FIELD_DATE, NULL, sink) &&
           recording_check_value(fields->signed_at, "at", FIELD_TIMESTAMP, NULL, sink) &&
           recording_check_value(fields->note, "note", FIELD_MARKDOWN, NULL, sink) &&
           check_conditions(fields, sink);
}

/* The sign-off and the records of its conditions' owners and due dates,
 * in one write. */
static bool append_signoff(const char *run, const struct signoff_fields *fields,
                           const struct sign_conditions *conditions, struct diag_sink *sink)
{
    struct buffer *records = xcalloc(conditions->count + 1, sizeof(struct buffer));
    const char **texts = xcalloc(conditions->count + 1, sizeof(char *));
    run_format_signoff(&records[0], fields);
    size_t count = 1 + sign_conditions_format(conditions, fields, records + 1);
    for (size_t index = 0; index < count; index++)
        texts[index] = buffer_text(&records[index]);
    bool ok = run_append_records(run, texts, count, sink);
    for (size_t index = 0; index < count; index++)
        buffer_free(&records[index]);
    free(records);
    free(texts);
    return ok;
}

static int sign(const struct cli_invocation *invocation, const struct sign_conditions *conditions)
{
    const char *run = cli_argument(invocation, 0);
    char now[40] = "", today[16] = "";
    struct signoff_fields fields = {.signatory = cli_argument(invocation, 1),
                                    .name = cli_value(invocation, "name"),
                                    .decision = cli_value(invocation, "decision"),
                                    .date = cli_value(invocation, "date"),
                                    .at = now,
                                    .signed_at = cli_value(invocation, "at"),
                                    .note = cli_value(invocation, "note")};
    fields.conditions = cli_values(invocation, "condition", &fields.condition_count);
    struct sign_signature signing = {.key_file = cli_value(invocation, "key"),
                                     .passphrase_fd = cli_value(invocation, "passphrase-fd"),
                                     .signature_file = cli_value(invocation, "signature"),
                                     .build_folder = cli_value(invocation, "build"),
                                     .request = cli_flag(invocation, "request")};
    if ((signing.key_file != NULL) + signing.request + (signing.signature_file != NULL) > 1)
        return cli_usage_error(cli_invocation_command(invocation),
                               "give one of --key, --request and --signature");
    struct diag_sink *sink = diag_sink_new();
    struct recording recording;
    if (recording_load(run, sink, &recording) &&
        check_signatory(recording.model->project, fields.signatory, sink) &&
        sign_signature_read(&signing, &recording, run, &fields, sink) &&
        check_signoff(recording.model->project, &fields, sink) &&
        sign_conditions_check(conditions, recording.model->project, sink)) {
        clock_now(&recording.model->project->zone, now, sizeof now);
        clock_today(&recording.model->project->zone, today, sizeof today);
        struct timestamp signed_at;
        if (!fields.date && fields.signed_at && value_parse_timestamp(fields.signed_at, &signed_at))
            value_format_date(
                value_date_of_epoch(signed_at.epoch + (int64_t)signed_at.offset_minutes * 60),
                today, sizeof today);
        if (!fields.date)
            fields.date = today;
        bool prepared = sign_signature_prepare(&signing, &recording, run, &fields, sink);
        if (!prepared || (!signing.request && !append_signoff(run, &fields, conditions, sink)))
            sign_signature_abandon(&signing);
    }
    sign_signature_free(&signing);
    recording_free(&recording);
    return cli_finish(sink);
}

static int command_sign(const struct cli_invocation *invocation)
{
    struct sign_conditions conditions = {0};
    char message[256];
    const char *mistake = sign_conditions_read(invocation, &conditions, message, sizeof message);
    int status = mistake ? cli_usage_error(cli_invocation_command(invocation), "%s", mistake)
                         : sign(invocation, &conditions);
    sign_conditions_free(&conditions);
    return status;
}

static const struct cli_option sign_options[] = {
    {"name", 0, CLI_VALUE, "NAME", "who signs (required)"},
    {"decision", 0, CLI_VALUE, "DECISION", "approved, conditional or rejected (required)"},
    {"condition", 0, CLI_REPEATED, "TEXT", "a condition of a conditional approval; repeat"},
    {"owner", 0, CLI_REPEATED, "PERSON",
     "who sees to the --condition before it: a person id of the project"},
    {"due", 0, CLI_REPEATED, "DATE", "by when the --condition before it is met, YYYY-MM-DD"},
    {"date", 0, CLI_VALUE, "DATE", "the date of signing, YYYY-MM-DD (default: today)"},
    {"at", 0, CLI_VALUE, "TIMESTAMP",
     "when it was signed, if earlier (a paper sheet typed "
     "in later); both times are kept"},
    {"note", 0, CLI_VALUE, "TEXT", "a remark"},
    {"key", 0, CLI_VALUE, "FILE", "sign the statement with this secret key (minisign format)"},
    {"passphrase-fd", 0, CLI_VALUE, "N", "read the key's passphrase from file descriptor N"},
    {"request", 0, CLI_FLAG, NULL, "write the statement for the signatory to sign; record nothing"},
    {"signature", 0, CLI_VALUE, "FILE", "record the statement signed in FILE.minisig"},
    {"build", 0, CLI_VALUE, "DIR", "the build approved: its documents' SHA-256 in the statement"},
    {0},
};

const struct cli_command cli_sign_command = {
    .name = "sign",
    .synopsis = "RUN SIGNATORY --name NAME --decision DECISION [options]",
    .summary = "record a sign-off in a run file, safely",
    .description =
        "Appends one sign-off to RUN for SIGNATORY, a signatory id of the project. The\n"
        "sign-off is checked first (the signatory exists; a conditional approval lists\n"
        "its conditions, the others none), then written as golive mark writes: under a\n"
        "lock, in one write, flushed to disk. The last sign-off of a signatory counts.\n\n"
        "NAME must be the name of the signatory's person, or of a person the project\n"
        "names under the signatory's 'deputies' (printed as \"name, for role\").\n"
        "With --at the record keeps both times: 'signed_at' when it was signed, 'at'\n"
        "when it was typed in.\n"
        "\n"
        "Each condition may be followed by --owner PERSON and --due DATE: who sees to\n"
        "it and by when. They are recorded with the sign-off, in the same write, as\n"
        "golive mark RUN SIGNATORY.N open --owner --due would record them.\n"
        "\n"
        "A signatory whose entry in the project names a public key ('key') signs\n"
        "electronically: with --key FILE golive writes the sign-off statement (project,\n"
        "signatory, role, name, decision, conditions, time, the SHA-256 of the run so\n"
        "far, and with --build DIR of that build's documents) into signatures/ beside\n"
        "the run, signs it in minisign's format and records both files. Without golive\n"
        "on the signer's machine, --request writes the statement only; the signatory\n"
        "signs it with 'minisign -S -m STATEMENT', and --signature STATEMENT.minisig\n"
        "records it (name, decision, conditions and date come from the statement).\n"
        "Such a sign-off is refused without a valid signature by the declared key.\n"
        "See docs/signing.md.",
    .options = sign_options,
    .minimum_arguments = 2,
    .maximum_arguments = 2,
    .execute = command_sign,
};
