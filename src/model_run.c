/* Building runs and resolving their records. */
#include "model_run.h"

#include "alloc.h"
#include "model_checklist.h"
#include "model_project.h"
#include "model_read.h"
#include "schema.h"
#include "schema_validate.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void build_result(struct result_record *record, const struct node *node)
{
    record->item_id = read_text(node, "item");
    record->status = (enum item_status)read_choice(node, "status", schema_statuses, STATUS_TODO);
    record->by = read_text(node, "by");
    record->by_name = record->by;
    record->at = read_timestamp(node, "at");
    record->note = read_text(node, "note");
    record->evidence = read_text_map(node, "evidence");
    record->decision = (enum outcome)read_choice(node, "decision", schema_outcomes, OUTCOME_NONE);
    record->position = node_position(node);
}

static void build_signoff(struct signoff_record *record, const struct node *node)
{
    record->signatory_id = read_text(node, "signoff");
    record->name = read_text(node, "name");
    record->decision = (enum signoff_decision)read_choice(node, "decision",
                                                          schema_signoff_decisions,
                                                          SIGNOFF_REJECTED);
    record->conditions = read_text_list(node, "conditions");
    record->date = read_date(node, "date");
    record->at = read_timestamp(node, "at");
    record->signed_at = read_timestamp(node, "signed_at");
    record->note = read_text(node, "note");
    record->position = node_position(node);
}

struct run *run_build(const struct node *root, const char *path)
{
    struct run *run = xcalloc(1, sizeof *run);
    run->project = read_text(root, "project");
    run->checklist_id = read_text(root, "checklist");
    run->path = path;
    run->position = node_position(root);
    const struct node *records = read_list(root, "records");
    size_t count = records ? node_count(records) : 0;
    run->results = xcalloc(count, sizeof(struct result_record));
    run->signoffs = xcalloc(count, sizeof(struct signoff_record));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(records, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        if (node_mapping_find(node, "item"))
            build_result(&run->results[run->result_count++], node);
        else if (node_mapping_find(node, "signoff"))
            build_signoff(&run->signoffs[run->signoff_count++], node);
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
        const char *allowed[OUTCOME_NONE + 1] = { NULL };
        size_t count = 0;
        for (int outcome = 0; outcome < OUTCOME_NONE; outcome++)
            if (SET_HAS(item->outcomes, outcome))
                allowed[count++] = schema_outcomes[outcome];
        char listed[96];
        schema_join_choices(allowed, listed, sizeof listed);
        diag(sink, DIAG_DECISION_NOT_ALLOWED, read_position(node, "decision"),
             "step %s allows only %s, not '%s'", item->id, listed,
             schema_outcomes[record->decision]);
    } else if (item->kind == ITEM_DECISION && record->status == STATUS_DONE
               && !node_mapping_find(node, "decision")) {
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
             "step %s does not ask for evidence '%s'%s", record->item->id,
             node_scalar_text(key), hint);
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
    if (!record->item)
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
    if (!signatory || !record->name
        || project_signer_allowed(project, signatory, record->name, &record->deputy))
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

void run_resolve(struct run *run, const struct node *root, const struct checklist *checklist,
                 const struct project *project, struct diag_sink *sink)
{
    const struct node *records = read_list(root, "records");
    const char **ids = checklist_item_ids(checklist);
    size_t result = 0, signoff = 0;
    for (size_t index = 0; records && index < node_count(records); index++) {
        const struct node *node = node_sequence_item(records, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        if (node_mapping_find(node, "item") && result < run->result_count)
            resolve_result(&run->results[result++], node, checklist, project, ids, sink);
        else if (node_mapping_find(node, "signoff") && signoff < run->signoff_count)
            resolve_signoff(&run->signoffs[signoff++], node, project, sink);
    }
    free(ids);
}

void run_free(struct run *run)
{
    if (!run)
        return;
    for (size_t index = 0; index < run->result_count; index++) {
        struct result_record *record = &run->results[index];
        free(record->item_id);
        free(record->by);
        free(record->note);
        text_map_free(&record->evidence);
    }
    for (size_t index = 0; index < run->signoff_count; index++) {
        struct signoff_record *record = &run->signoffs[index];
        free(record->signatory_id);
        free(record->name);
        free(record->note);
        text_list_free(&record->conditions);
    }
    free(run->results);
    free(run->signoffs);
    free(run->project);
    free(run->checklist_id);
    free(run);
}
