/* The view of the checklists: phases, steps, their states and histories,
 * roll-ups, readiness and timing, and per document the checklists it
 * prints. */
#include "view.h"

#include "model_checklist.h"
#include "model_project.h"
#include "schema.h"
#include "buffer.h"
#include "view_put.h"
#include "view_sheet_code.h"
#include "view_sheet_entry.h"

#include <stdio.h>
#include <string.h>

static void put_rollup(struct node *mapping, const struct rollup *rollup)
{
    put_int(mapping, "total", (long long)rollup->total);
    put_int(mapping, "closed", (long long)rollup->closed);
    put_int(mapping, "open", (long long)(rollup->total - rollup->closed));
    put_int(mapping, "required_open", (long long)rollup->required_open);
    put_int(mapping, "blocking_open", (long long)rollup->blocking_open);
    put_int(mapping, "blocked_failed", (long long)rollup->blocked_failed);
    put_int(mapping, "rollback_no_go", (long long)rollup->rollback_no_go);
    put_bool(mapping, "complete", rollup->required_open == 0);
}

/* The initials column of a printed sheet (project_name_initials). */
static void put_initials(struct node *mapping, const char *name)
{
    struct buffer initials = {0};
    project_name_initials(name, &initials);
    put_text(mapping, "initials", buffer_text(&initials));
    buffer_free(&initials);
}

static void put_record(struct node *mapping, const struct result_record *record)
{
    put_text(mapping, "status", schema_statuses[record->status]);
    put_flag_for(mapping, schema_statuses[record->status]);
    put_text(mapping, "by", record->by_name);
    put_initials(mapping, record->by_name);
    put_timestamp(mapping, "at", record->at);
    put_text(mapping, "note", record->note);
    put_markdown_inline(mapping, "note_inline", record->note);
    if (record->decision != OUTCOME_NONE) {
        put_text(mapping, "decision", schema_outcomes[record->decision]);
        put_flag_for(mapping, schema_outcomes[record->decision]);
        /* The same flag under a key of its own: in a step's history a
         * missing {{#rollback}} would find the step's rollback instead. */
        put_flag_for(put_mapping(mapping, "decision_is"), schema_outcomes[record->decision]);
    }
    view_put_attachments(mapping, record);
    view_put_correction(mapping, record);
}

static void put_state(struct node *mapping, const struct item *item)
{
    const struct item_state *state = &item->state;
    put_text(mapping, "status", schema_statuses[state->status]);
    put_flag_for(mapping, schema_statuses[state->status]);
    put_bool(mapping, "closed", state->closed);
    put_bool(mapping, "recorded", state->latest != NULL);
    if (state->latest) {
        struct node *latest = put_mapping(mapping, "latest");
        put_record(latest, state->latest);
    }
    put_bool(mapping, "ever_failed", state->ever_failed);
    put_bool(mapping, "evidence_missing", state->evidence_missing);
    put_bool(mapping, "evidence_stale", state->evidence_stale);
    put_duration(mapping, "evidence_age", state->evidence_age);
    struct node *history = put_list(mapping, "history");
    for (size_t index = 0; index < state->history_count; index++)
        put_record(append_mapping(history), state->history[index]);
    put_int(mapping, "history_count", (long long)state->history_count);
    put_bool(mapping, "revised", state->history_count > 1);
}

static void put_evidence(struct node *mapping, const struct item *item)
{
    struct node *list = put_list(mapping, "evidence");
    for (size_t index = 0; index < item->evidence.count; index++) {
        struct node *entry = append_mapping(list);
        put_text(entry, "key", item->evidence.pairs[index].key);
        put_text(entry, "description", item->evidence.pairs[index].text);
        if (!item->state.evidence)
            continue;
        const struct evidence_state *evidence = &item->state.evidence[index];
        put_text(entry, "value", evidence->value);
        put_timestamp(entry, "at", evidence->at);
        put_duration(entry, "age", evidence->age);
        put_bool(entry, "stale", evidence->stale);
    }
    put_bool(mapping, "has_evidence", item->evidence.count > 0);
    put_duration(mapping, "evidence_max_age", item->evidence_max_age);
}

static void put_owner(struct node *mapping, const struct item *item, const struct project *project)
{
    if (!item->owner)
        return;
    struct node *owner = put_mapping(mapping, "owner");
    put_text(owner, "id", item->owner);
    put_text(owner, "title", item->owner_title ? item->owner_title : item->owner);
    struct node *people = put_list(owner, "people");
    for (size_t person = 0; person < project->person_count; person++)
        for (size_t index = 0; index < project->people[person].roles.count; index++)
            if (strcmp(project->people[person].roles.items[index], item->owner) == 0)
                node_sequence_append(people, node_new_string(project->people[person].name));
}

/* "outcome_list": the outcomes a decision point allows, each with its flag
 * under "is" and "first", so that a template can put words between them. */
static void put_outcome_list(struct node *mapping, outcome_set outcomes)
{
    struct node *list = put_list(mapping, "outcome_list");
    for (int outcome = 0; outcome < OUTCOME_NONE; outcome++) {
        if (!SET_HAS(outcomes, outcome))
            continue;
        struct node *entry = append_mapping(list);
        put_bool(entry, "first", node_count(list) == 1);
        put_flag_for(put_mapping(entry, "is"), schema_outcomes[outcome]);
    }
}

/* Sub-checks, each with its box ticked or not (STEP.ID). */
static void put_subchecks(struct node *mapping, const struct item *item)
{
    struct node *list = put_list(mapping, "subchecks");
    for (size_t index = 0; index < item->subcheck_count; index++) {
        const struct subcheck *subcheck = &item->subchecks[index];
        struct node *entry = append_mapping(list);
        char full_id[2 * LIMIT_ID_LENGTH + 2];
        snprintf(full_id, sizeof full_id, "%s.%s", item->id, subcheck->id);
        put_text(entry, "full_id", full_id);
        put_text(entry, "title", subcheck->title);
        put_bool(entry, "required", subcheck->required);
        put_bool(entry, "ticked", subcheck->ticked);
    }
    put_bool(mapping, "has_subchecks", item->subcheck_count > 0);
}

static void put_item(struct node *mapping, const struct item *item, const struct project *project)
{
    put_text(mapping, "id", item->id);
    put_int(mapping, "number", (long long)item->number);
    put_text(mapping, "title", item->title);
    put_text(mapping, "kind", schema_item_kinds[item->kind]);
    put_flag_for(mapping, schema_item_kinds[item->kind]);
    put_owner(mapping, item, project);
    put_bool(mapping, "blocking", item->blocking);
    put_bool(mapping, "required", item->required);
    put_text(mapping, "expected", item->expected);
    put_text(mapping, "details", item->details);
    put_text_list(mapping, "checks", &item->checks);
    put_bool(mapping, "has_checks", item->checks.count > 0);
    put_subchecks(mapping, item);
    if (item->rollback_trigger || item->rollback_action) {
        struct node *rollback = put_mapping(mapping, "rollback");
        put_text(rollback, "trigger", item->rollback_trigger);
        put_text(rollback, "action", item->rollback_action);
    }
    put_duration(mapping, "budget", item->budget);
    put_bool(mapping, "has_budget", item->budget.set);
    put_evidence(mapping, item);
    view_put_evidence_values(mapping, item);
    put_text_list(mapping, "depends_on", &item->depends_on);
    put_bool(mapping, "has_dependencies", item->depends_on.count > 0);
    /* "10, 20, 30", for one line of print */
    put_text_joined(mapping, "depends_on_text", &item->depends_on, ", ");
    put_outcome_list(mapping, item->outcomes);
    struct node *outcomes = put_list(mapping, "outcomes");
    struct node *allowed = put_mapping(mapping, "outcome_is");
    for (int outcome = 0; outcome < OUTCOME_NONE; outcome++)
        if (SET_HAS(item->outcomes, outcome)) {
            node_sequence_append(outcomes, node_new_string(schema_outcomes[outcome]));
            put_flag_for(allowed, schema_outcomes[outcome]);
        }
    put_bool(mapping, "downtime_start", item->downtime == DOWNTIME_START);
    put_bool(mapping, "downtime_end", item->downtime == DOWNTIME_END);
    put_state(put_mapping(mapping, "state"), item);
}

static void put_phase_timing(struct node *mapping, const struct phase *phase)
{
    const struct phase_timing *timing = &phase->timing;
    struct node *parts = put_mapping(mapping, "timing");
    put_bool(parts, "started", timing->started);
    put_bool(parts, "finished", timing->finished);
    put_bool(parts, "before_window", timing->before_window);
    put_bool(parts, "timed", timing->started && !timing->before_window);
    if (!timing->started || timing->before_window)
        return;
    put_timestamp(parts, "start", timing->start);
    put_timestamp(parts, "end", timing->end);
    put_duration(parts, "actual", timing->actual);
    put_duration(parts, "over_budget", timing->over_budget);
    put_bool(parts, "over", timing->over_budget.minutes > 0);
    put_bool(parts, "overlaps", timing->overlaps);
}

static void put_phase(struct node *mapping, const struct phase *phase,
                      const struct project *project)
{
    put_text(mapping, "id", phase->id);
    put_text(mapping, "title", phase->title);
    put_text(mapping, "summary", phase->summary);
    put_bool(mapping, "has_summary", phase->summary != NULL);
    put_duration(mapping, "budget", phase->budget);
    put_bool(mapping, "has_budget", phase->budget.set);
    put_rollup(put_mapping(mapping, "rollup"), &phase->rollup);
    put_phase_timing(mapping, phase);
    struct node *items = put_list(mapping, "items");
    for (size_t index = 0; index < phase->item_count; index++)
        put_item(append_mapping(items), &phase->items[index], project);
}

static struct node *checklist_view(const struct checklist_use *use, const struct project *project)
{
    const struct checklist *checklist = use->checklist;
    struct node *mapping = node_new_mapping();
    put_text(mapping, "id", checklist->id);
    put_text(mapping, "title", checklist->title);
    put_text(mapping, "version", checklist->version);
    put_date(mapping, "revised", checklist->revised);
    char code[VIEW_SHEET_CODE_SIZE];
    view_sheet_code(project, checklist, code);
    put_text(mapping, "sheet_code", code);
    struct buffer identification = {0};
    view_sheet_identification(project, checklist, &identification);
    put_text(mapping, "sheet_qr", buffer_text(&identification));
    buffer_free(&identification);
    put_text(mapping, "summary", checklist->summary);
    put_bool(mapping, "gate", use->gate);
    put_rollup(put_mapping(mapping, "rollup"), &checklist->rollup);
    view_put_check_date(mapping, checklist);
    view_put_readiness(put_mapping(mapping, "readiness"), &checklist->verdict);
    put_duration(mapping, "budget", checklist->budget);
    put_bool(mapping, "has_decision", checklist->has_decision);
    view_put_plan(mapping, checklist, project);
    view_put_criterion_texts(mapping, checklist);
    view_put_timeline(mapping, checklist, project);
    view_put_forecast_branch(mapping, checklist, project);
    view_put_rehearsals(mapping, use);
    view_put_phase_plan(mapping, checklist, project);
    struct node *phases = put_list(mapping, "phases");
    for (size_t index = 0; index < checklist->phase_count; index++)
        put_phase(append_mapping(phases), &checklist->phases[index], project);
    return mapping;
}

/* Each document that prints checklists gets the list of its own: the same
 * checklist views as `checklists`, borrowed, not copied (a 2,000-step
 * runbook is a large tree). */
void view_put_checklists(struct node *view, const struct model *model)
{
    const struct project *project = model->project;
    static const enum artifact printing[] = {ARTIFACT_PREFLIGHT, ARTIFACT_RUNBOOK,
                                             ARTIFACT_CLOSEOUT};
    struct node *all = put_list(view, "checklists");
    struct node *per_document[3];
    for (size_t index = 0; index < 3; index++) {
        per_document[index] = node_new_borrowing_sequence();
        node_mapping_set(put_mapping(view, schema_artifacts[printing[index]]), "checklists",
                         per_document[index]);
    }
    struct node *planned = node_new_borrowing_sequence();
    node_mapping_set(node_mapping_find(view, "closeout"), "planned", planned);
    for (size_t use = 0; use < project->use_count; use++) {
        if (!project->uses[use].checklist)
            continue;
        struct node *checklist = checklist_view(&project->uses[use], project);
        node_sequence_append(all, checklist);
        if (project->uses[use].checklist->plan.present || project->uses[use].rehearsal_count)
            node_sequence_append(planned, checklist);
        for (size_t index = 0; index < 3; index++)
            if (SET_HAS(project->uses[use].artifacts, printing[index]))
                node_sequence_append(per_document[index], checklist);
    }
}
