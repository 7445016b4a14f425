/* golive mark: record what happened to one step, appended safely to its run. */
#include "cli.h"

#include "alloc.h"
#include "attachment.h"
#include "cli_mark_condition.h"
#include "cli_mark_from.h"
#include "clock.h"
#include "evaluate.h"
#include "model_checklist.h"
#include "model_project.h"
#include "model_read.h"
#include "model_subcheck.h"
#include "record_correction.h"
#include "recording.h"
#include "run_append.h"
#include "schema.h"
#include "suggest.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mark_request {
    const char *run, *item_id, *status, *by, *at, *note, *decision;
    const char **evidence_keys, **evidence_values;
    size_t evidence_count;
    const char *const *attach;
    size_t attach_count;
    const char *corrects, *reason;
};

static const struct source_position nowhere = {0};

static bool check_item(const struct checklist *checklist, const char *id, struct diag_sink *sink)
{
    const struct item *step;
    if (checklist_find_item(checklist, id) || checklist_find_subcheck(checklist, id, &step))
        return true;
    const char **ids = checklist_item_ids(checklist);
    char hint[96];
    diag(sink, DIAG_UNKNOWN_REFERENCE, nowhere, "'%s' is not a step of checklist '%s'%s", id,
         checklist->id, suggest_hint(id, ids, checklist->item_count, hint, sizeof hint));
    free(ids);
    return false;
}

static bool check_decision(const struct item *item, const struct mark_request *request,
                           struct diag_sink *sink)
{
    if (!recording_check_value(request->decision, "decision", FIELD_ENUM, schema_outcomes, sink))
        return false;
    if (request->decision && item->kind != ITEM_DECISION) {
        diag(sink, DIAG_DECISION_NOT_ALLOWED, nowhere,
             "step %s is not a decision point; a decision cannot be recorded on it", item->id);
        return false;
    }
    int outcome = request->decision ? schema_choice_index(schema_outcomes, request->decision) : -1;
    if (outcome >= 0 && !SET_HAS(item->outcomes, outcome)) {
        diag(sink, DIAG_DECISION_NOT_ALLOWED, nowhere, "step %s does not allow '%s'", item->id,
             request->decision);
        return false;
    }
    if (item->kind == ITEM_DECISION && strcmp(request->status, "done") == 0 && outcome < 0) {
        diag(sink, DIAG_DECISION_MISSING, nowhere,
             "step %s is a decision point: closing it needs --decision go|continue|rollback|no-go",
             item->id);
        return false;
    }
    return true;
}

static bool check_evidence(const struct item *item, const struct mark_request *request,
                           struct diag_sink *sink)
{
    const char **keys = xcalloc(item->evidence.count + 1, sizeof(char *));
    for (size_t index = 0; index < item->evidence.count; index++)
        keys[index] = item->evidence.pairs[index].key;
    bool ok = true;
    for (size_t index = 0; index < request->evidence_count && ok; index++) {
        const char *key = request->evidence_keys[index];
        ok = recording_check_value(request->evidence_values[index], key, FIELD_TEXT, NULL, sink);
        if (ok && !text_map_find(&item->evidence, key)) {
            char hint[96];
            diag(sink, DIAG_UNKNOWN_EVIDENCE, nowhere, "step %s does not ask for evidence '%s'%s",
                 item->id, key, suggest_hint(key, keys, item->evidence.count, hint, sizeof hint));
            ok = false;
        }
    }
    free(keys);
    return ok;
}

/* A sub-check's record holds a status only. */
static bool check_subcheck(const struct mark_request *request, struct diag_sink *sink)
{
    if (request->decision)
        diag(sink, DIAG_DECISION_NOT_ALLOWED, nowhere,
             "%s is a sub-check; a decision cannot be recorded on it", request->item_id);
    else if (request->evidence_count)
        diag(sink, DIAG_UNKNOWN_EVIDENCE, nowhere,
             "%s is a sub-check; evidence is recorded on its step", request->item_id);
    return !request->decision && !request->evidence_count;
}

/* Every check a record written by hand would meet in golive check. */
static bool check_request(const struct checklist *checklist, const struct mark_request *request,
                          struct diag_sink *sink)
{
    if (!recording_check_value(request->status, "status", FIELD_ENUM, schema_statuses, sink) ||
        !check_item(checklist, request->item_id, sink))
        return false;
    const struct item *item = checklist_find_item(checklist, request->item_id);
    if (!request->by) {
        diag(sink, DIAG_MISSING_VALUE, nowhere,
             "say who did it: --by NAME (a person id of the project, or a name), "
             "or set GOLIVE_BY");
        return false;
    }
    if (strcmp(request->status, "skipped") == 0 && !request->note) {
        diag(sink, DIAG_SKIP_WITHOUT_REASON, nowhere, "a skipped step needs --note saying why");
        return false;
    }
    return recording_check_value(request->by, "by", FIELD_TEXT, NULL, sink) &&
           recording_check_value(request->at, "at", FIELD_TIMESTAMP, NULL, sink) &&
           recording_check_value(request->note, "note", FIELD_MARKDOWN, NULL, sink) &&
           (item ? check_decision(item, request, sink) && check_evidence(item, request, sink)
                 : check_subcheck(request, sink));
}

/* Splits each --evidence KEY=VALUE; returns false on one without '='. */
static bool split_evidence(const struct cli_invocation *invocation, struct mark_request *request,
                           char ***owned)
{
    size_t count;
    const char *const *pairs = cli_values(invocation, "evidence", &count);
    request->evidence_keys = xcalloc(count + 1, sizeof(char *));
    request->evidence_values = xcalloc(count + 1, sizeof(char *));
    *owned = xcalloc(count + 1, sizeof(char *));
    for (size_t index = 0; index < count; index++) {
        const char *equals = strchr(pairs[index], '=');
        if (!equals || equals == pairs[index])
            return false;
        (*owned)[index] = xstrndup(pairs[index], (size_t)(equals - pairs[index]));
        request->evidence_keys[index] = (*owned)[index];
        request->evidence_values[index] = equals + 1;
    }
    request->evidence_count = count;
    return true;
}

/* --corrects LINE --reason TEXT: the step's latest record, and why. */
static bool check_correction(const struct run *run, const struct mark_request *request,
                             struct diag_sink *sink)
{
    if (!request->corrects && !request->reason)
        return true;
    char *end = NULL;
    unsigned long line = request->corrects ? strtoul(request->corrects, &end, 10) : 0;
    if (!request->corrects || !request->reason || *end != '\0' || line == 0 || line > 100000000) {
        diag(sink, DIAG_CORRECTION_TARGET, nowhere,
             "a correction needs both --corrects LINE (the line of the record it corrects) "
             "and --reason TEXT");
        return false;
    }
    return recording_check_value(request->reason, "reason", FIELD_TEXT, NULL, sink) && run &&
           record_correction_target(run, request->item_id, (unsigned)line, 0, nowhere, sink);
}

/* A step done with a required sub-check open is recorded, and said. */
static void warn_subchecks_open(const struct item *item, struct diag_sink *sink)
{
    for (size_t index = 0; index < item->subcheck_count; index++) {
        const struct subcheck *subcheck = &item->subchecks[index];
        if (subcheck->required && !subcheck->ticked)
            diag(sink, DIAG_SUBCHECK_OPEN, nowhere,
                 "step %s is done while its sub-check %s.%s (%s) is open", item->id, item->id,
                 subcheck->id, subcheck->title);
    }
}

/* Order: closing a step while a step it depends on is open is recorded,
 * and said (the go gates stay shut until the dependency is closed). */
static void warn_out_of_order(const struct recording *recording, const struct mark_request *request,
                              struct diag_sink *sink)
{
    if (strcmp(request->status, "done") != 0 && strcmp(request->status, "skipped") != 0)
        return;
    struct checklist *checklist = recording->use->checklist;
    const struct rehearsal *rehearsal = recording->use->rehearsal;
    evaluate_checklist(checklist, recording->use->run,
                       rehearsal ? rehearsal->start : recording->model->project->window_start);
    const struct item *item = checklist_find_item(checklist, request->item_id);
    if (!item)
        return;
    if (strcmp(request->status, "done") == 0)
        warn_subchecks_open(item, sink);
    for (size_t index = 0; index < item->depends_on.count; index++) {
        const struct item *dependency =
            checklist_find_item(checklist, item->depends_on.items[index]);
        if (dependency && !dependency->state.closed && dependency != item)
            diag(sink, DIAG_OUT_OF_ORDER, nowhere,
                 "step %s is %s while step %s, which it depends on, is %s", item->id,
                 request->status, dependency->id, schema_statuses[dependency->state.status]);
    }
}

/* When: a record far after the window, or a downtime end before its
 * start, is recorded but said at once, as golive check would say it. */
static void warn_times(const struct recording *recording, const struct mark_request *request,
                       const char *at_text, struct diag_sink *sink)
{
    const struct project *project = recording->model->project;
    struct timestamp at;
    if (!value_parse_timestamp(at_text, &at))
        return;
    at.offset_minutes = zone_offset_at(&project->zone, at.epoch);
    evaluate_warn_far(project, at, nowhere, sink);
    const struct checklist *checklist = recording->use->checklist;
    const struct item *item = checklist_find_item(checklist, request->item_id);
    if (!item || item->downtime != DOWNTIME_END || strcmp(request->status, "done") != 0)
        return;
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, start)
    {
        const struct result_record *started = start->state.latest;
        if (start->downtime != DOWNTIME_START || !start->state.closed || !started->at.set ||
            started->at.epoch <= at.epoch)
            continue;
        char end_text[40], start_text[40];
        diag(sink, DIAG_DOWNTIME_NEGATIVE, nowhere,
             "the downtime ends (step %s, %s) before it starts (step %s, %s, line %u)", item->id,
             value_format_timestamp(at, end_text, sizeof end_text), start->id,
             value_format_timestamp(started->at, start_text, sizeof start_text),
             started->position.line);
    }
}

/* --by takes a person id or a name; a name one letter away from a person
 * id is most likely that id mistyped, and the record would print it as a
 * stranger's name. */
static void warn_by(const struct project *project, const char *by, struct diag_sink *sink)
{
    char hint[96];
    if (!project_find_person(project, by) && *project_person_hint(project, by, hint, sizeof hint))
        diag(sink, DIAG_BY_NOT_A_PERSON, nowhere,
             "--by '%s' is not a person id of the project, so it is recorded as a name%s", by,
             hint);
}

bool cli_mark_check_evidence(const struct checklist *checklist, const char *item_id,
                             const char *key, const char *value, struct diag_sink *sink)
{
    const char *keys[] = {key}, *values[] = {value};
    struct mark_request request = {
        .item_id = item_id, .evidence_keys = keys, .evidence_values = values, .evidence_count = 1};
    const struct item *item = checklist_find_item(checklist, item_id), *step;
    if (item)
        return check_evidence(item, &request, sink);
    return !checklist_find_subcheck(checklist, item_id, &step) || check_subcheck(&request, sink);
}

bool cli_mark_check_step(const struct checklist *checklist, const char *item_id, const char *status,
                         const char *by, const char *at, const char *note, const char *decision,
                         struct diag_sink *sink)
{
    struct mark_request request = {.item_id = item_id,
                                   .status = status,
                                   .by = by,
                                   .at = at,
                                   .note = note,
                                   .decision = decision};
    return check_request(checklist, &request, sink);
}

static void record_mark(const struct mark_request *request, struct diag_sink *sink)
{
    struct recording recording;
    bool ok = recording_load(request->run, sink, &recording) &&
              check_request(recording.use->checklist, request, sink);
    ok = ok && check_correction(recording.use->run, request, sink);
    char **paths = NULL, **hashes = NULL;
    ok = ok && attachment_prepare(request->run, recording.model->root, request->attach,
                                  request->attach_count, &paths, &hashes, sink);
    if (ok) {
        warn_out_of_order(&recording, request, sink);
        warn_by(recording.model->project, request->by, sink);
    }
    if (ok) {
        char now[40];
        clock_now(&recording.model->project->zone, now, sizeof now);
        warn_times(&recording, request, request->at ? request->at : now, sink);
        struct result_fields fields = {request->item_id,
                                       request->status,
                                       request->by,
                                       request->at ? request->at : now,
                                       request->note,
                                       request->decision,
                                       request->evidence_keys,
                                       request->evidence_values,
                                       request->evidence_count,
                                       (const char *const *)paths,
                                       (const char *const *)hashes,
                                       request->attach_count,
                                       request->corrects,
                                       request->reason};
        struct buffer record = {0};
        run_format_result(&record, &fields);
        run_append_record(request->run, buffer_text(&record), sink);
        buffer_free(&record);
    }
    attachment_prepared_free(paths, hashes, request->attach_count);
    recording_free(&recording);
}

static int command_mark(const struct cli_invocation *invocation)
{
    if (cli_value(invocation, "from"))
        return cli_argument_count(invocation) == 1
                   ? cli_mark_from(invocation)
                   : cli_usage_error(
                         cli_invocation_command(invocation),
                         "--from FILE takes the run alone: golive mark RUN --from FILE");
    if (cli_argument_count(invocation) != 3)
        return cli_usage_error(cli_invocation_command(invocation),
                               "give RUN ITEM STATUS, or RUN --from FILE");
    if (cli_mark_is_condition_state(cli_argument(invocation, 2)))
        return cli_mark_condition(invocation);
    static const char *const condition_only[] = {"owner", "due", "date"};
    for (size_t index = 0; index < sizeof condition_only / sizeof *condition_only; index++)
        if (cli_value(invocation, condition_only[index]))
            return cli_usage_error(cli_invocation_command(invocation),
                                   "--%s is for a condition's record (open, met or waived), "
                                   "not a step's",
                                   condition_only[index]);
    struct mark_request request = {.run = cli_argument(invocation, 0),
                                   .item_id = cli_argument(invocation, 1),
                                   .status = cli_argument(invocation, 2),
                                   .by = cli_recorded_by(invocation),
                                   .at = cli_value(invocation, "at"),
                                   .note = cli_value(invocation, "note"),
                                   .decision = cli_value(invocation, "decision")};
    request.attach = cli_values(invocation, "attach", &request.attach_count);
    request.corrects = cli_value(invocation, "corrects");
    request.reason = cli_value(invocation, "reason");
    char **owned = NULL;
    int status;
    if (!split_evidence(invocation, &request, &owned)) {
        status = cli_usage_error(cli_invocation_command(invocation),
                                 "--evidence needs KEY=VALUE, e.g. --evidence backup_ref=db.dump");
    } else {
        struct diag_sink *sink = diag_sink_new();
        record_mark(&request, sink);
        status = cli_finish(sink);
    }
    for (size_t index = 0; owned && owned[index]; index++)
        free(owned[index]);
    free(owned);
    free(request.evidence_keys);
    free(request.evidence_values);
    return status;
}

static const struct cli_option mark_options[] = {
    {"by", 0, CLI_VALUE, "NAME",
     "who did it: a person id of the project, or a name "
     "(default: $GOLIVE_BY)"},
    {"at", 0, CLI_VALUE, "TIMESTAMP",
     "when, YYYY-MM-DDTHH:MM[:SS] with Z or +HH:MM, e.g. "
     "2026-03-21T18:05:00+01:00 (default: now, in the "
     "project's time zone)"},
    {"note", 0, CLI_VALUE, "TEXT", "what happened; required for skipped (the reason)"},
    {"evidence", 0, CLI_REPEATED, "KEY=VALUE", "evidence the step asks for; repeat as needed"},
    {"decision", 0, CLI_VALUE, "OUTCOME", "decision points: go, continue, rollback or no-go"},
    {"corrects", 0, CLI_VALUE, "LINE",
     "this record corrects the step's latest record, at LINE "
     "of the run (give --reason)"},
    {"reason", 0, CLI_VALUE, "TEXT", "why the corrected record was wrong"},
    {"attach", 0, CLI_REPEATED, "PATH",
     "an evidence file inside the project (its path and "
     "SHA-256 are recorded); repeat as needed"},
    {"from", 0, CLI_VALUE, "FILE",
     "a filled printed sheet, typed in: one line per ticked "
     "line, STEP STATUS HH:MM INITIALS [NOTE]"},
    {"owner", 0, CLI_VALUE, "NAME", "conditions: who sees to it (a person id, or a name)"},
    {"due", 0, CLI_VALUE, "DATE", "conditions: by when it must be met, YYYY-MM-DD"},
    {"date", 0, CLI_VALUE, "DATE",
     "conditions: when it was met or waived (default: the "
     "day of --at)"},
    {0},
};

const struct cli_command cli_mark_command = {
    .name = "mark",
    .synopsis = "RUN ITEM STATUS [options] | RUN --from FILE",
    .summary = "record a step's result in a run file, safely",
    .description =
        "Appends one record to RUN: step ITEM now has STATUS (todo, in-progress, done,\n"
        "failed, blocked or skipped). The record is checked against the checklist and\n"
        "project first, exactly as golive check would; then it is written under an\n"
        "exclusive lock, in one write, and flushed to disk. Earlier records are never\n"
        "changed: the last record of a step is its state, the others its history.\n"
        "Each --attach file is recorded by its path (from the run's folder) and SHA-256;\n"
        "golive build warns, and golive verify fails, when it later changes or is gone.\n"
        "A wrong record is never edited: --corrects LINE --reason TEXT appends its\n"
        "correction, which replaces it; the documents show both.\n"
        "golive mark RUN SIGNATORY.N open|met|waived records what became of a\n"
        "condition: SIGNATORY.N is the Nth condition of that signatory's conditional\n"
        "approval (lead.1). --owner and --due say who sees to it by when; --date and\n"
        "--note when and how it was met (a waiver needs --note). The close-out gate\n"
        "stays shut while a condition is open.\n"
        "golive mark RUN --from FILE records a typed-in printed sheet: every line is\n"
        "checked first, and nothing is written unless all of them are good.",
    .options = mark_options,
    .minimum_arguments = 1,
    .maximum_arguments = 3,
    .execute = command_mark,
};
