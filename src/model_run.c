/* Building runs and resolving their records. */
#include "model_run.h"

#include "alloc.h"
#include "attachment.h"
#include "model_checklist.h"
#include "model_project.h"
#include "model_read.h"
#include "model_subcheck.h"
#include "record_correction.h"
#include "schema.h"
#include "schema_validate.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void build_result(struct arena *arena, struct result_record *record, const struct node *node)
{
    record->item_id = read_text(arena, node, "item");
    record->status = (enum item_status)read_choice(node, "status", schema_statuses, STATUS_TODO);
    record->by = read_text(arena, node, "by");
    record->by_name = record->by;
    record->at = read_timestamp(node, "at");
    record->note = read_text(arena, node, "note");
    record->evidence = read_text_map(arena, node, "evidence");
    record->decision = (enum outcome)read_choice(node, "decision", schema_outcomes, OUTCOME_NONE);
    record->position = node_position(node);
    record->corrects = (unsigned)read_integer(node, "corrects", 0);
    record->reason = read_text(arena, node, "reason");
    record->attachment_count = attachment_read_list(arena, node, &record->attachments);
}

static void build_signoff(struct arena *arena, struct signoff_record *record,
                          const struct node *node)
{
    record->signatory_id = read_text(arena, node, "signoff");
    record->name = read_text(arena, node, "name");
    record->decision = (enum signoff_decision)read_choice(
        node, "decision", schema_signoff_decisions, SIGNOFF_REJECTED);
    record->conditions = read_text_list(arena, node, "conditions");
    record->date = read_date(node, "date");
    record->at = read_timestamp(node, "at");
    record->signed_at = read_timestamp(node, "signed_at");
    record->note = read_text(arena, node, "note");
    record->statement_file = read_text(arena, node, "statement");
    record->signature_file = read_text(arena, node, "signature");
    record->position = node_position(node);
}

static void build_condition(struct arena *arena, struct condition_record *record,
                            const struct node *node)
{
    record->id = read_text(arena, node, "condition");
    record->state =
        (enum condition_state)read_choice(node, "state", schema_condition_states, CONDITION_OPEN);
    record->owner = read_text(arena, node, "owner");
    record->owner_name = record->owner;
    record->due = read_date(node, "due");
    record->date = read_date(node, "date");
    record->by = read_text(arena, node, "by");
    record->by_name = record->by;
    record->at = read_timestamp(node, "at");
    record->note = read_text(arena, node, "note");
    record->position = node_position(node);
}

struct run *run_build(struct arena *arena, const struct node *root, const char *path)
{
    struct run *run = arena_calloc(arena, 1, sizeof *run);
    run->project = read_text(arena, root, "project");
    run->checklist_id = read_text(arena, root, "checklist");
    run->path = path;
    run->position = node_position(root);
    const struct node *records = read_list(root, "records");
    size_t count = records ? node_count(records) : 0;
    run->results = arena_calloc(arena, count, sizeof(struct result_record));
    run->signoffs = arena_calloc(arena, count, sizeof(struct signoff_record));
    run->conditions = arena_calloc(arena, count, sizeof(struct condition_record));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(records, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        if (node_mapping_find(node, "item"))
            build_result(arena, &run->results[run->result_count++], node);
        else if (node_mapping_find(node, "signoff"))
            build_signoff(arena, &run->signoffs[run->signoff_count++], node);
        else if (node_mapping_find(node, "condition"))
            build_condition(arena, &run->conditions[run->condition_count++], node);
    }
    return run;
}

static void resolve_item(struct result_record *record, const struct node *node,
                         const struct checklist *checklist, const char **ids,
                         struct diag_sink *sink)
{
    if (!record->item_id)
        return;
    record->item = checklist_find_item(checklist, record->item_id);
    if (record->item)
        return;
    record->subcheck = checklist_find_subcheck(checklist, record->item_id, &record->item);
    if (record->subcheck)
        return;
    char hint[96];
    suggest_hint(record->item_id, ids, checklist->item_count, hint, sizeof hint);
    diag(sink, DIAG_UNKNOWN_REFERENCE, read_position(node, "item"),
         "'%s' is not a step of checklist '%s'%s", record->item_id,
         checklist->id ? checklist->id : "?", hint);
}

static void check_decision(const struct result_record *record, const struct node *node,
                           struct diag_sink *sink)
{
    const struct item *item = record->item;
    if (record->decision != OUTCOME_NONE && item->kind != ITEM_DECISION) {
        diag(sink, DIAG_DECISION_NOT_ALLOWED, read_position(node, "decision"),
             "step %s is not a decision point; a decision cannot be recorded on it", item->id);
    } else if (record->decision != OUTCOME_NONE && !SET_HAS(item->outcomes, record->decision)) {
        const char *allowed[OUTCOME_NONE + 1] = {NULL};
        size_t count = 0;
        for (int outcome = 0; outcome < OUTCOME_NONE; outcome++)
            if (SET_HAS(item->outcomes, outcome))
                allowed[count++] = schema_outcomes[outcome];
        char listed[96];
        schema_join_choices(allowed, listed, sizeof listed);
        diag(sink, DIAG_DECISION_NOT_ALLOWED, read_position(node, "decision"),
             "step %s allows only %s, not '%s'", item->id, listed,
             schema_outcomes[record->decision]);
    } else if (item->kind == ITEM_DECISION && record->status == STATUS_DONE &&
               !node_mapping_find(node, "decision")) {
        diag(sink, DIAG_DECISION_MISSING, record->position,
             "step %s is a decision point: a 'done' record needs 'decision'", item->id);
    }
}

static void check_evidence(const struct result_record *record, const struct node *node,
                           struct diag_sink *sink)
{
    const struct text_map *asked = &record->item->evidence;
    const char **keys = xcalloc(asked->count + 1, sizeof(char *));
    for (size_t index = 0; index < asked->count; index++)
        keys[index] = asked->pairs[index].key;
    const struct node *given = read_mapping(node, "evidence");
    for (size_t index = 0; given && index < node_count(given); index++) {
        const struct node *key = node_mapping_key(given, index);
        if (text_map_find(asked, node_scalar_text(key)))
            continue;
        char hint[96];
        suggest_hint(node_scalar_text(key), keys, asked->count, hint, sizeof hint);
        diag(sink, DIAG_UNKNOWN_EVIDENCE, node_position(key),
             "step %s does not ask for evidence '%s'%s", record->item->id, node_scalar_text(key),
             hint);
    }
    free(keys);
}

static void resolve_result(struct result_record *record, const struct node *node,
                           const struct checklist *checklist, const struct project *project,
                           const char **ids, struct diag_sink *sink)
{
    const struct person *person = project_find_person(project, record->by);
    if (person && person->name)
        record->by_name = person->name;
    if (record->status == STATUS_SKIPPED && !record->note)
        diag(sink, DIAG_SKIP_WITHOUT_REASON, record->position,
             "a skipped step needs a 'note' saying why");
    resolve_item(record, node, checklist, ids, sink);
    if (record->subcheck && record->decision != OUTCOME_NONE)
        diag(sink, DIAG_DECISION_NOT_ALLOWED, read_position(node, "decision"),
             "%s is a sub-check; a decision cannot be recorded on it", record->item_id);
    else if (record->subcheck && record->evidence.count)
        diag(sink, DIAG_UNKNOWN_EVIDENCE, read_position(node, "evidence"),
             "%s is a sub-check; evidence is recorded on its step", record->item_id);
    if (!record->item || record->subcheck)
        return;
    check_decision(record, node, sink);
    check_evidence(record, node, sink);
}

/* The signer is who signed: the signatory's person, or a deputy the
 * project names for it. */
static void check_signer(struct signoff_record *record, const struct node *node,
                         const struct project *project, struct diag_sink *sink)
{
    const struct signatory *signatory = project_find_signatory(project, record->signatory_id);
    if (!signatory || !record->name ||
        project_signer_allowed(project, signatory, record->name, &record->deputy))
        return;
    char names[256];
    project_signer_names(project, signatory, names, sizeof names);
    diag(sink, DIAG_SIGNER_NOT_SIGNATORY, read_position(node, "name"),
         "'%s' signs for %s, whose signatory is %s", record->name, signatory->id, names);
}

static void resolve_signoff(struct signoff_record *record, const struct node *node,
                            const struct project *project, struct diag_sink *sink)
{
    check_signer(record, node, project, sink);
    if (record->signatory_id && !project_find_signatory(project, record->signatory_id)) {
        const char **ids = xcalloc(project->signatory_count + 1, sizeof(char *));
        for (size_t index = 0; index < project->signatory_count; index++)
            ids[index] = project->signatories[index].id;
        char hint[96];
        suggest_hint(record->signatory_id, ids, project->signatory_count, hint, sizeof hint);
        diag(sink, DIAG_UNKNOWN_REFERENCE, read_position(node, "signoff"),
             "'%s' is not a signatory of the project%s", record->signatory_id, hint);
        free(ids);
    }
    if (record->decision == SIGNOFF_CONDITIONAL && record->conditions.count == 0)
        diag(sink, DIAG_CONDITIONS_MISSING, record->position,
             "a conditional approval needs its 'conditions'");
    if (record->decision != SIGNOFF_CONDITIONAL && record->conditions.count > 0)
        diag(sink, DIAG_CONDITIONS_UNEXPECTED, read_position(node, "conditions"),
             "conditions are given but the decision is '%s', not 'conditional'",
             schema_signoff_decisions[record->decision]);
}

size_t run_condition_number(const struct run *run, const char *id, unsigned before_line)
{
    size_t most = 0;
    const char *dot = strrchr(id, '.');
    for (size_t index = 0; dot && index < run->signoff_count; index++) {
        const struct signoff_record *signoff = &run->signoffs[index];
        if (signoff->position.line < before_line && signoff->signatory_id &&
            strlen(signoff->signatory_id) == (size_t)(dot - id) &&
            strncmp(signoff->signatory_id, id, (size_t)(dot - id)) == 0)
            most = signoff->conditions.count;
    }
    char *end = NULL;
    unsigned long number = dot && dot[1] >= '1' && dot[1] <= '9' ? strtoul(dot + 1, &end, 10) : 0;
    return end && *end == '\0' && number <= most ? (size_t)number : 0;
}

void run_condition_unknown(const struct run *run, const char *id, unsigned before_line,
                           struct source_position position, struct diag_sink *sink)
{
    const char *ids[LIMIT_CONDITION_IDS_SHOWN + 1] = {NULL};
    char names[LIMIT_CONDITION_IDS_SHOWN][LIMIT_ID_LENGTH + 24];
    size_t count = 0;
    for (size_t index = run->signoff_count; index-- > 0 && count < LIMIT_CONDITION_IDS_SHOWN;) {
        const struct signoff_record *signoff = &run->signoffs[index];
        if (signoff->position.line >= before_line)
            continue;
        for (size_t at = 0; signoff->signatory_id && at < signoff->conditions.count &&
                            count < LIMIT_CONDITION_IDS_SHOWN;
             at++) {
            snprintf(names[count], sizeof names[count], "%s.%zu", signoff->signatory_id, at + 1);
            ids[count] = names[count];
            count++;
        }
    }
    char hint[96];
    diag(sink, DIAG_UNKNOWN_REFERENCE, position,
         "'%s' is not a condition of a sign-off recorded above it in this run "
         "(a condition is named SIGNATORY.N: lead.1 is the first condition of lead's sign-off)%s",
         id, suggest_hint(id, ids, count, hint, sizeof hint));
}

static void resolve_condition(const struct run *run, struct condition_record *record,
                              const struct node *node, const struct project *project,
                              struct diag_sink *sink)
{
    const struct person *owner = project_find_person(project, record->owner);
    if (owner && owner->name)
        record->owner_name = owner->name;
    const struct person *by = project_find_person(project, record->by);
    if (by && by->name)
        record->by_name = by->name;
    if (record->state == CONDITION_WAIVED && !record->note)
        diag(sink, DIAG_WAIVER_WITHOUT_REASON, record->position,
             "a waived condition needs a 'note' saying why");
    if (record->id && !run_condition_number(run, record->id, record->position.line))
        run_condition_unknown(run, record->id, record->position.line,
                              read_position(node, "condition"), sink);
}

void run_resolve(struct run *run, const struct node *root, const struct checklist *checklist,
                 const struct project *project, struct diag_sink *sink)
{
    const struct node *records = read_list(root, "records");
    const char **ids = checklist_item_ids(checklist);
    size_t result = 0, signoff = 0, condition = 0;
    for (size_t index = 0; records && index < node_count(records); index++) {
        const struct node *node = node_sequence_item(records, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        if (node_mapping_find(node, "item") && result < run->result_count)
            resolve_result(&run->results[result++], node, checklist, project, ids, sink);
        else if (node_mapping_find(node, "signoff") && signoff < run->signoff_count)
            resolve_signoff(&run->signoffs[signoff++], node, project, sink);
        else if (node_mapping_find(node, "condition") && condition < run->condition_count)
            resolve_condition(run, &run->conditions[condition++], node, project, sink);
    }
    free(ids);
    record_correction_resolve(run, sink);
}
