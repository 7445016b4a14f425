/* Evaluation of the whole engagement: each checklist, then what spans
 * them: the go-live verdict over the gate checklists, approvals, downtime,
 * the close-out status and the audit's readiness verdict. */
#include "evaluate.h"
#include "evaluate_inventory.h"

#include "alloc.h"
#include "model_checklist.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

/* The sign-off in force for each signatory: the last one recorded, taking
 * the runs in the project's order and each run in file order. */
static void find_signoffs(struct project *project)
{
    for (size_t index = 0; index < project->signatory_count; index++) {
        project->signatories[index].latest = NULL;
        project->signatories[index].history_count = 0;
    }
    for (size_t use = 0; use < project->use_count; use++) {
        const struct run *run = project->uses[use].run;
        for (size_t index = 0; run && index < run->signoff_count; index++) {
            const struct signoff_record *record = &run->signoffs[index];
            for (size_t at = 0; at < project->signatory_count; at++) {
                struct signatory *signatory = &project->signatories[at];
                if (record->signatory_id && signatory->id &&
                    strcmp(record->signatory_id, signatory->id) == 0) {
                    signatory->latest = record;
                    signatory->history_count++;
                }
            }
        }
    }
}

/* Approval over the signatories whose artifacts match mask. */
static struct approval_state approval_over(const struct project *project, artifact_set mask)
{
    struct approval_state state = {0};
    for (size_t index = 0; index < project->signatory_count; index++) {
        const struct signatory *signatory = &project->signatories[index];
        if (!(signatory->artifacts & mask))
            continue;
        state.required++;
        if (!signatory->latest)
            state.missing++;
        else if (signatory->latest->decision == SIGNOFF_APPROVED)
            state.approved++;
        else if (signatory->latest->decision == SIGNOFF_CONDITIONAL)
            state.conditional++;
        else
            state.rejected++;
    }
    state.approval = state.required == 0 ? APPROVAL_NOT_REQUIRED
                     : state.rejected    ? APPROVAL_REJECTED
                     : state.missing     ? APPROVAL_PENDING
                                         : APPROVAL_APPROVED;
    state.draft = state.missing > 0;
    return state;
}

static void evaluate_approvals(struct project *project)
{
    find_signoffs(project);
    for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++)
        project->approvals[artifact] = approval_over(project, 1u << artifact);
    project->approval_all = approval_over(project, ~0u);
}

/* The go-live verdict: the gate checklists' reasons, then a go-live
 * sign-off (one that approves the runbook) recorded as rejected. */
static void combine_verdicts(struct project *project)
{
    struct verdict *verdict = &project->verdict;
    *verdict = (struct verdict){.arena = project->arena};
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !project->uses[use].gate)
            continue;
        for (size_t index = 0; index < checklist->verdict.reason_count; index++)
            evaluate_copy_reason(verdict, &checklist->verdict.reasons[index]);
    }
    evaluate_signoff_reasons(verdict, project, ARTIFACT_RUNBOOK, SIGNOFF_REASON_REJECTED);
    evaluate_settle(verdict);
}

static void widen(struct project_timing *timing, struct timestamp at)
{
    if (!at.set)
        return;
    if (!timing->started || at.epoch < timing->first.epoch)
        timing->first = at;
    if (!timing->started || at.epoch > timing->last.epoch)
        timing->last = at;
    timing->started = true;
}

/* Downtime runs from the record that closed the step marked downtime start
 * to the one that closed the step marked downtime end (or, while it lasts,
 * to the last record). */
static void mark_downtime(struct project_timing *timing, const struct item *item)
{
    if (item->downtime == DOWNTIME_NONE || !item->state.closed || !item->state.latest->at.set)
        return;
    if (item->downtime == DOWNTIME_START) {
        timing->downtime_started = true;
        timing->downtime_start = item->state.latest->at;
        timing->downtime_start_record = item->state.latest;
    } else {
        timing->downtime_ended = true;
        timing->downtime_end = item->state.latest->at;
        timing->downtime_end_record = item->state.latest;
    }
}

/* The go-live's own timing is that of the checklists the runbook prints
 * (not of the day-before checks, say); without any, of the gate ones. */
static bool times_go_live(const struct project *project, const struct checklist_use *use)
{
    bool any_runbook = false;
    for (size_t index = 0; index < project->use_count; index++)
        any_runbook = any_runbook || SET_HAS(project->uses[index].artifacts, ARTIFACT_RUNBOOK);
    return use->checklist && (any_runbook ? SET_HAS(use->artifacts, ARTIFACT_RUNBOOK) : use->gate);
}

/* A downtime that ends before it starts (a wrong offset in the repeated
 * hour of a DST night, say) is never printed as a negative length: it is
 * 0, marked inverted, and both records are named. */
static void check_downtime(struct project_timing *timing, struct diag_sink *sink)
{
    if (timing->downtime.minutes >= 0 && timing->downtime_end.epoch >= timing->downtime_start.epoch)
        return;
    char start[40], end[40];
    const struct result_record *first = timing->downtime_start_record;
    const struct result_record *last = timing->downtime_end_record;
    diag(sink, DIAG_DOWNTIME_NEGATIVE, last->position,
         "the downtime ends (step %s, %s) before it starts (step %s, %s, line %u)", last->item_id,
         value_format_timestamp(last->at, end, sizeof end), first->item_id,
         value_format_timestamp(first->at, start, sizeof start), first->position.line);
    timing->downtime_inverted = true;
    timing->downtime.minutes = 0;
}

static void evaluate_timing(struct project *project, struct diag_sink *sink)
{
    struct project_timing *timing = &project->timing;
    *timing = (struct project_timing){0};
    if (project->window_start.set && project->window_end.set)
        timing->window =
            (struct duration){true, (project->window_end.epoch - project->window_start.epoch) / 60};
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        project->uses[use].times_go_live = times_go_live(project, &project->uses[use]);
        if (!project->uses[use].times_go_live)
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        {
            for (size_t index = 0; index < item->state.history_count; index++)
                widen(timing, item->state.history[index]->at);
            mark_downtime(timing, item);
        }
    }
    if (timing->downtime_started) {
        struct timestamp until = timing->downtime_ended ? timing->downtime_end : timing->last;
        timing->downtime =
            (struct duration){true, (until.epoch - timing->downtime_start.epoch) / 60};
        if (timing->downtime_ended)
            check_downtime(timing, sink);
    }
}

/* The planned outcome a window checklist's decision chose, if any. */
static bool planned_outcome(struct project *project)
{
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !project->uses[use].gate || !checklist->outcome.decision)
            continue;
        const struct checklist_outcome *outcome = &checklist->outcome;
        bool rolled_back = outcome->chosen == OUTCOME_ROLLBACK || outcome->chosen == OUTCOME_NO_GO;
        project->outcome = !outcome->completed ? GOLIVE_RESTORING
                           : rolled_back       ? GOLIVE_RESTORED
                                               : GOLIVE_FIXED_FORWARD;
        project->outcome_at = outcome->completed ? outcome->completed_at : (struct timestamp){0};
        project->outcome_checklist = checklist;
        return true;
    }
    return false;
}

/* The outcome in words (docs/rules.md): decided against, a planned
 * outcome, live (and closed once the close-out gate opens), or not live. */
static void evaluate_outcome(struct project *project)
{
    project->outcome_at = (struct timestamp){0};
    project->outcome_checklist = NULL;
    if (project->rollback_required) {
        project->outcome = GOLIVE_ROLLED_BACK;
        project->outcome_at = project->timing.last;
    } else if (planned_outcome(project)) {
        if (project->outcome != GOLIVE_RESTORING &&
            project->gates[GATE_GO_LIVE].readiness != READINESS_READY)
            project->outcome = GOLIVE_RESTORING;
    } else if (project->gates[GATE_GO_LIVE].readiness == READINESS_READY) {
        project->outcome = project->gates[GATE_CLOSE_OUT].readiness == READINESS_READY
                               ? GOLIVE_CLOSED
                               : GOLIVE_LIVE;
        project->outcome_at = project->timing.last;
    } else {
        project->outcome = GOLIVE_NOT_LIVE;
    }
}

static void evaluate_closeout(struct project *project)
{
    project->rollback_required = false;
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !project->uses[use].gate)
            continue;
        project->rollback_required =
            project->rollback_required || checklist->rollup.rollback_no_go > 0;
    }
    evaluate_outcome(project);
    static const enum closeout_status computed[] = {
        [GOLIVE_NOT_LIVE] = CLOSEOUT_PARTIAL,  [GOLIVE_LIVE] = CLOSEOUT_SUCCESS,
        [GOLIVE_CLOSED] = CLOSEOUT_SUCCESS,    [GOLIVE_FIXED_FORWARD] = CLOSEOUT_SUCCESS,
        [GOLIVE_RESTORED] = CLOSEOUT_SUCCESS,  [GOLIVE_RESTORING] = CLOSEOUT_PARTIAL,
        [GOLIVE_ROLLED_BACK] = CLOSEOUT_FAILED};
    project->final_status = project->closeout_status >= 0
                                ? (enum closeout_status)project->closeout_status
                                : computed[project->outcome];
}

/* Blocked by a critical risk or blocking missing item; needing preparation
 * with a high risk or anything missing; otherwise ready for a rehearsal.
 * Only open risks and missing items count: a resolved one is gone, an
 * accepted one is the client's decision to go on with it (docs/format.md,
 * risk; docs/rules.md, "The audit's verdict"). */
static void evaluate_audit(struct arena *arena, struct audit *audit, struct diag_sink *sink)
{
    enum audit_verdict computed = VERDICT_READY_FOR_REHEARSAL;
    for (size_t index = 0; index < audit->risk_count; index++) {
        int severity = audit->risks[index].severity; /* low, medium, high, critical */
        if (audit->risks[index].state != FINDING_OPEN)
            continue;
        if (severity == 3)
            computed = VERDICT_BLOCKED;
        else if (severity == 2 && computed < VERDICT_NEEDS_PREPARATION)
            computed = VERDICT_NEEDS_PREPARATION;
    }
    for (size_t index = 0; index < audit->missing_count; index++) {
        if (audit->missing[index].standing.state != FINDING_OPEN)
            continue; /* supplied, or the client goes on without it */
        if (audit->missing[index].blocking)
            computed = VERDICT_BLOCKED;
        else if (computed < VERDICT_NEEDS_PREPARATION)
            computed = VERDICT_NEEDS_PREPARATION;
    }
    evaluate_findings(arena, audit);
    evaluate_changes(arena, audit);
    audit->computed_verdict = computed;
    audit->verdict = audit->stated_verdict != VERDICT_NONE ? audit->stated_verdict : computed;
    if (audit->stated_verdict != VERDICT_NONE && audit->stated_verdict < computed)
        diag(sink, DIAG_VERDICT_OPTIMISTIC, audit->stated_verdict_position,
             "the audit states '%s' but its findings say '%s'",
             schema_audit_verdicts[audit->stated_verdict], schema_audit_verdicts[computed]);
}

/* Each rehearsal's own checklist against its own run and window start:
 * outside the uses, so that no gate, verdict or timing of the go-live
 * reads it (docs/rules.md, "Rehearsals"). */
static void evaluate_rehearsals(struct project *project)
{
    for (size_t use = 0; use < project->use_count; use++)
        for (size_t index = 0; index < project->uses[use].rehearsal_count; index++) {
            struct rehearsal *rehearsal = &project->uses[use].rehearsals[index];
            if (rehearsal->use.checklist)
                evaluate_checklist(rehearsal->use.checklist, rehearsal->use.run, rehearsal->start);
        }
}

void evaluate_model(struct model *model, struct diag_sink *sink)
{
    struct project *project = model->project;
    evaluate_zone(project);
    evaluate_warn_dates(project, sink);
    for (size_t use = 0; use < project->use_count; use++)
        if (project->uses[use].checklist)
            evaluate_checklist(project->uses[use].checklist, project->uses[use].run,
                               project->window_start);
    evaluate_rehearsals(project);
    evaluate_approvals(project);
    evaluate_conditions(project);
    combine_verdicts(project);
    evaluate_gates(project);
    evaluate_timing(project, sink);
    evaluate_forecasts(project, NULL);
    evaluate_closeout(project);
    if (model->audit)
        evaluate_audit(model->arena, model->audit, sink);
    if (model->audit && model->audit->inventory)
        evaluate_inventory(model->arena, model->audit->inventory);
}
