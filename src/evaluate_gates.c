/* The gates: what golive status --gate answers at each moment of a go-live
 * (docs/rules.md). Each gate is a verdict of its own, built from the same
 * reasons as the checklists' verdicts, over the steps and sign-offs that
 * matter at that moment:
 *
 *   before-window  the pre-flight checklists complete and fresh, the
 *                  go-live sign-offs in, the runbook's preparation steps
 *                  (those before its first decision point or downtime
 *                  start) closed;
 *   decision:STEP  all of that, every step before STEP or that it depends
 *                  on closed, STEP's outcome go or continue;
 *   decision       the gate of the runbook's last decision point;
 *   close-out      every required step of every checklist closed, no
 *                  rollback or no-go, the close-out sign-offs in;
 *   go-live        the go-live verdict, the go-live sign-offs in, no step
 *                  closed while a step it depends on is open. */
#include "evaluate.h"

#include "model_checklist.h"
#include "model_project.h"
#include "schema.h"

#include <string.h>

static bool is_preflight(const struct checklist_use *use)
{
    return use->checklist && use->gate && SET_HAS(use->artifacts, ARTIFACT_PREFLIGHT);
}

/* The checklists of the window itself: the gate ones the runbook prints,
 * or, when it prints none, the gate ones that are not pre-flight. */
static bool is_window(const struct project *project, const struct checklist_use *use)
{
    bool any_runbook = false;
    for (size_t index = 0; index < project->use_count; index++)
        any_runbook = any_runbook || (project->uses[index].gate &&
                                      SET_HAS(project->uses[index].artifacts, ARTIFACT_RUNBOOK));
    if (!use->checklist || !use->gate)
        return false;
    return any_runbook ? SET_HAS(use->artifacts, ARTIFACT_RUNBOOK) : !is_preflight(use);
}

static const char *expected_signer(const struct project *project, const struct signatory *signatory)
{
    const struct person *person = project_find_person(project, signatory->person);
    return person && person->name ? person->name : signatory->name ? signatory->name : "?";
}

void evaluate_signoff_reasons(struct verdict *verdict, const struct project *project,
                              enum artifact artifact, enum signoff_reasons which)
{
    const char *what = artifact == ARTIFACT_CLOSEOUT ? "close-out" : "go-live";
    for (size_t index = 0; index < project->signatory_count; index++) {
        const struct signatory *signatory = &project->signatories[index];
        if (!SET_HAS(signatory->artifacts, artifact))
            continue;
        const struct signoff_record *record = signatory->latest;
        struct reason *reason = NULL;
        if (record && record->decision == SIGNOFF_REJECTED && which != SIGNOFF_REASON_MISSING)
            reason = evaluate_add_reason(verdict, REASON_SIGNOFF_REJECTED, NULL, NULL,
                                         "the %s sign-off of %s (%s) was rejected by %s%s%s", what,
                                         signatory->role, signatory->id, record->name,
                                         record->deputy ? ", for " : "",
                                         record->deputy ? signatory->role : "");
        else if (!record && which != SIGNOFF_REASON_REJECTED)
            reason = evaluate_add_reason(verdict, REASON_SIGNOFF_MISSING, NULL, NULL,
                                         "the %s sign-off of %s (%s) is not recorded; "
                                         "expected from %s",
                                         what, signatory->role, signatory->id,
                                         expected_signer(project, signatory));
        if (reason)
            reason->signatory = signatory;
    }
}

/* Steps closed while a step they depend on, or a required sub-check of
 * theirs, is open. */
static void judge_order(struct verdict *gate, const struct checklist *checklist,
                        const struct item *item)
{
    const struct subcheck *subcheck = item->state.subcheck_open;
    if (subcheck)
        evaluate_add_reason(gate, REASON_SUBCHECK_OPEN, item, checklist,
                            "step %s (%s) is done while its sub-check %s.%s (%s) is open", item->id,
                            item->title, item->id, subcheck->id, subcheck->title);
    const struct item *open = item->state.open_dependency;
    if (!open)
        return;
    struct reason *reason =
        evaluate_add_reason(gate, REASON_OUT_OF_ORDER, item, checklist,
                            "step %s (%s) is %s while step %s (%s), which it depends on, is %s",
                            item->id, item->title, schema_statuses[item->state.status], open->id,
                            open->title, schema_statuses[open->state.status]);
    reason->dependency = open;
}

/* A step that must be closed by the moment asked about. */
static void judge_before(struct verdict *gate, const struct checklist *checklist,
                         const struct item *item, bool needed)
{
    if (item->state.not_taken)
        return;
    evaluate_judge_step(gate, checklist, item);
    judge_order(gate, checklist, item);
    if ((evaluate_is_required(item) || needed) && !evaluate_is_blocking(item) &&
        !item->state.closed && item->kind != ITEM_DECISION)
        evaluate_add_reason(gate, REASON_PREPARATION_OPEN, item, checklist, "step %s (%s) is %s",
                            item->id, item->title, schema_statuses[item->state.status]);
}

static void judge_preflight(struct verdict *gate, const struct project *project)
{
    for (size_t use = 0; use < project->use_count; use++) {
        if (!is_preflight(&project->uses[use]))
            continue;
        const struct checklist *checklist = project->uses[use].checklist;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        judge_before(gate, checklist, item, false);
    }
}

static bool opens_window(const struct item *item)
{
    return item->kind == ITEM_DECISION || item->downtime == DOWNTIME_START;
}

static void gate_before_window(struct verdict *gate, const struct project *project)
{
    judge_preflight(gate, project);
    evaluate_signoff_reasons(gate, project, ARTIFACT_RUNBOOK, SIGNOFF_REASON_BOTH);
    for (size_t use = 0; use < project->use_count; use++) {
        if (!is_window(project, &project->uses[use]))
            continue;
        const struct checklist *checklist = project->uses[use].checklist;
        bool window_opened = false;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        {
            window_opened = window_opened || opens_window(item);
            if (!window_opened)
                judge_before(gate, checklist, item, false);
        }
    }
    evaluate_settle(gate);
}

static bool depends_on(const struct item *item, const char *id)
{
    for (size_t index = 0; index < item->depends_on.count; index++)
        if (strcmp(item->depends_on.items[index], id) == 0)
            return true;
    return false;
}

/* The gate at one decision point of a window checklist: everything before
 * it (and whatever it depends on) closed, its own outcome go or continue. */
static void gate_decision(struct verdict *gate, const struct project *project,
                          const struct checklist *checklist, const struct item *decision)
{
    judge_preflight(gate, project);
    evaluate_signoff_reasons(gate, project, ARTIFACT_RUNBOOK, SIGNOFF_REASON_BOTH);
    bool before = true;
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    {
        if (item == decision)
            before = false;
        else if (before || depends_on(decision, item->id))
            judge_before(gate, checklist, item, depends_on(decision, item->id));
    }
    evaluate_judge_step(gate, checklist, decision);
    evaluate_settle(gate);
}

static void gate_go_live(struct verdict *gate, const struct project *project)
{
    for (size_t index = 0; index < project->verdict.reason_count; index++)
        evaluate_copy_reason(gate, &project->verdict.reasons[index]);
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !project->uses[use].gate)
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        judge_order(gate, checklist, item);
    }
    evaluate_signoff_reasons(gate, project, ARTIFACT_RUNBOOK, SIGNOFF_REASON_MISSING);
    evaluate_settle(gate);
}

/* A condition of an approval still open keeps the go-live from closing. */
static void judge_conditions(struct verdict *gate, const struct project *project)
{
    for (size_t index = 0; index < project->condition_count; index++) {
        const struct tracked_condition *condition = &project->conditions[index];
        if (condition->state != CONDITION_OPEN)
            continue;
        char due[16] = "";
        if (condition->due.set)
            value_format_date(condition->due, due, sizeof due);
        struct reason *reason = evaluate_add_reason(
            gate, REASON_CONDITION_OPEN, NULL, NULL, "condition %s of %s is open%s%s%s%s: %s",
            condition->id,
            condition->signatory->role ? condition->signatory->role : condition->signatory->id,
            condition->owner_name ? ", owner " : "",
            condition->owner_name ? condition->owner_name : "", due[0] ? ", due " : "", due,
            condition->text);
        reason->signatory = condition->signatory;
    }
}

/* A success criterion assessed as not met keeps the go-live from closing;
 * one not assessed yet does not (the close-out counts it). */
static void judge_criteria(struct verdict *gate, const struct checklist *checklist)
{
    for (size_t index = 0; index < checklist->success_criterion_count; index++) {
        const struct success_criterion *criterion = &checklist->success_criteria[index];
        if (criterion->state != CRITERION_NOT_MET)
            continue;
        int length = (int)strcspn(criterion->text, "\n");
        evaluate_add_reason(
            gate, REASON_CRITERION_NOT_MET, NULL, NULL,
            "success criterion %zu%s%s%s of %s is not met: %.*s", index + 1,
            criterion->id ? " (" : "", criterion->id ? criterion->id : "", criterion->id ? ")" : "",
            checklist->title ? checklist->title : checklist->id, length, criterion->text);
    }
}

static void gate_close_out(struct verdict *gate, const struct project *project)
{
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist)
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        {
            const struct item_state *state = &item->state;
            if (evaluate_decided_against(item))
                evaluate_add_reason(gate, REASON_NO_GO, item, checklist, "step %s (%s) decided %s",
                                    item->id, item->title,
                                    state->decision == OUTCOME_ROLLBACK ? "ROLLBACK" : "NO-GO");
            else if (evaluate_is_required(item) && !state->closed)
                evaluate_add_reason(gate, REASON_REQUIRED_OPEN, item, checklist,
                                    "required step %s (%s) is %s, in %s", item->id, item->title,
                                    schema_statuses[state->status],
                                    checklist->title ? checklist->title : checklist->id);
        }
        judge_criteria(gate, checklist);
    }
    evaluate_signoff_reasons(gate, project, ARTIFACT_RUNBOOK, SIGNOFF_REASON_REJECTED);
    evaluate_signoff_reasons(gate, project, ARTIFACT_CLOSEOUT, SIGNOFF_REASON_BOTH);
    judge_conditions(gate, project);
    evaluate_settle(gate);
}

/* The worst effect among reasons[from..]. */
static enum readiness worst_since(const struct verdict *verdict, size_t from, enum readiness worst)
{
    for (size_t index = from; index < verdict->reason_count; index++) {
        enum readiness effect = evaluate_rules[verdict->reasons[index].kind].effect;
        if (effect == READINESS_NO_GO || worst == READINESS_READY)
            worst = effect;
    }
    return worst;
}

/* Every decision point's answer in one walk: the reasons of the steps
 * before it are gathered once, so a runbook with many decision points
 * costs no more than one with a few. Only its own dependencies and its own
 * outcome are judged apart. */
static void answer_decisions(const struct project *project, struct checklist *checklist,
                             const struct item **last)
{
    struct verdict before = {.arena = project->arena};
    judge_preflight(&before, project);
    evaluate_signoff_reasons(&before, project, ARTIFACT_RUNBOOK, SIGNOFF_REASON_BOTH);
    enum readiness prefix = worst_since(&before, 0, READINESS_READY);
    for (size_t phase = 0; phase < checklist->phase_count; phase++) {
        struct phase *in = &checklist->phases[phase];
        for (struct item *item = in->items; item < in->items + in->item_count; item++) {
            if (item->kind == ITEM_DECISION) {
                struct verdict own = {.arena = project->arena};
                for (size_t index = 0; index < item->depends_on.count; index++) {
                    const struct item *dependency =
                        checklist_find_item(checklist, item->depends_on.items[index]);
                    if (dependency)
                        judge_before(&own, checklist, dependency, true);
                }
                evaluate_judge_step(&own, checklist, item);
                item->state.gate = worst_since(&own, 0, prefix);
                *last = item;
            }
            size_t from = before.reason_count;
            judge_before(&before, checklist, item, false);
            prefix = worst_since(&before, from, prefix);
        }
    }
}

static void gate_decisions(struct project *project)
{
    const struct item *last = NULL;
    for (size_t use = 0; use < project->use_count; use++)
        if (is_window(project, &project->uses[use]))
            answer_decisions(project, project->uses[use].checklist, &last);
    struct verdict *all = &project->gates[GATE_DECISION];
    if (last) {
        evaluate_decision_gate(all, project, last);
        return;
    }
    const struct verdict *from = &project->gates[GATE_BEFORE_WINDOW];
    for (size_t index = 0; index < from->reason_count; index++)
        evaluate_copy_reason(all, &from->reasons[index]);
    all->readiness = from->readiness;
}

void evaluate_decision_gate(struct verdict *gate, const struct project *project,
                            const struct item *decision)
{
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (is_window(project, &project->uses[use]) &&
            checklist_find_item(checklist, decision->id) == decision) {
            gate_decision(gate, project, checklist, decision);
            return;
        }
    }
}

void evaluate_gates(struct project *project)
{
    for (int moment = 0; moment < GATE_MOMENT_COUNT; moment++)
        project->gates[moment] = (struct verdict){.arena = project->arena};
    gate_before_window(&project->gates[GATE_BEFORE_WINDOW], project);
    gate_decisions(project);
    gate_close_out(&project->gates[GATE_CLOSE_OUT], project);
    gate_go_live(&project->gates[GATE_GO_LIVE], project);
}

const struct item *evaluate_find_decision(const struct project *project, const char *id)
{
    for (size_t use = 0; use < project->use_count; use++) {
        if (!is_window(project, &project->uses[use]))
            continue;
        const struct item *item = checklist_find_item(project->uses[use].checklist, id);
        if (item && item->kind == ITEM_DECISION)
            return item;
    }
    return NULL;
}
