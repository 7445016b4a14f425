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

static void combine_verdicts(struct project *project)
{
    struct verdict *verdict = &project->verdict;
    verdict_free(verdict);
    verdict->readiness = READINESS_READY;
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !project->uses[use].gate)
            continue;
        if (checklist->verdict.readiness == READINESS_NO_GO)
            verdict->readiness = READINESS_NO_GO;
        else if (checklist->verdict.readiness == READINESS_NOT_READY
                 && verdict->readiness == READINESS_READY)
            verdict->readiness = READINESS_NOT_READY;
        for (size_t index = 0; index < checklist->verdict.reason_count; index++) {
            verdict->reasons = xreallocarray(verdict->reasons, verdict->reason_count + 1,
                                             sizeof(struct reason));
            struct reason copy = checklist->verdict.reasons[index];
            copy.text = xstrdup(copy.text);
            verdict->reasons[verdict->reason_count++] = copy;
        }
    }
}

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
                if (record->signatory_id && signatory->id
                    && strcmp(record->signatory_id, signatory->id) == 0) {
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
    struct approval_state state = { 0 };
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
    return state;
}

static void evaluate_approvals(struct project *project)
{
    find_signoffs(project);
    for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++)
        project->approvals[artifact] = approval_over(project, 1u << artifact);
    project->approval_all = approval_over(project, ~0u);
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
    } else {
        timing->downtime_ended = true;
        timing->downtime_end = item->state.latest->at;
    }
}

/* The go-live's own timing is that of the checklists the runbook prints
 * (not of the day-before checks, say); without any, of the gate ones. */
bool evaluate_times_go_live(const struct project *project, const struct checklist_use *use)
{
    bool any_runbook = false;
    for (size_t index = 0; index < project->use_count; index++)
        any_runbook = any_runbook || SET_HAS(project->uses[index].artifacts, ARTIFACT_RUNBOOK);
    return use->checklist && (any_runbook ? SET_HAS(use->artifacts, ARTIFACT_RUNBOOK) : use->gate);
}

static void evaluate_timing(struct project *project)
{
    struct project_timing *timing = &project->timing;
    *timing = (struct project_timing){ 0 };
    if (project->window_start.set && project->window_end.set)
        timing->window = (struct duration){
            true, (project->window_end.epoch - project->window_start.epoch) / 60 };
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!evaluate_times_go_live(project, &project->uses[use]))
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item) {
            for (size_t index = 0; index < item->state.history_count; index++)
                widen(timing, item->state.history[index]->at);
            mark_downtime(timing, item);
        }
    }
    if (timing->downtime_started) {
        struct timestamp until = timing->downtime_ended ? timing->downtime_end : timing->last;
        timing->downtime = (struct duration){ true,
                                              (until.epoch - timing->downtime_start.epoch) / 60 };
    }
}

static void evaluate_closeout(struct project *project)
{
    project->rollback_required = false;
    bool everything_closed = true;
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !project->uses[use].gate)
            continue;
        project->rollback_required = project->rollback_required
                                     || checklist->rollup.rollback_no_go > 0;
        everything_closed = everything_closed && checklist->rollup.required_open == 0
                            && checklist->rollup.blocked_failed == 0;
    }
    if (project->closeout_status >= 0)
        project->final_status = (enum closeout_status)project->closeout_status;
    else if (project->rollback_required)
        project->final_status = CLOSEOUT_FAILED;
    else if (project->verdict.readiness == READINESS_READY && everything_closed)
        project->final_status = CLOSEOUT_SUCCESS;
    else
        project->final_status = CLOSEOUT_PARTIAL;
}

/* Blocked by a critical risk or blocking missing item; needing preparation
 * with a high risk or anything missing; otherwise ready for a rehearsal. */
static void evaluate_audit(struct audit *audit, struct diag_sink *sink)
{
    enum audit_verdict computed = VERDICT_READY_FOR_REHEARSAL;
    for (size_t index = 0; index < audit->risk_count; index++) {
        int severity = audit->risks[index].severity; /* low, medium, high, critical */
        if (severity == 3)
            computed = VERDICT_BLOCKED;
        else if (severity == 2 && computed < VERDICT_NEEDS_PREPARATION)
            computed = VERDICT_NEEDS_PREPARATION;
    }
    for (size_t index = 0; index < audit->missing_count; index++) {
        if (audit->missing[index].blocking)
            computed = VERDICT_BLOCKED;
        else if (computed < VERDICT_NEEDS_PREPARATION)
            computed = VERDICT_NEEDS_PREPARATION;
    }
    audit->computed_verdict = computed;
    audit->verdict = audit->stated_verdict != VERDICT_NONE ? audit->stated_verdict : computed;
    if (audit->stated_verdict != VERDICT_NONE && audit->stated_verdict < computed)
        diag(sink, DIAG_VERDICT_OPTIMISTIC, audit->position,
             "the audit states '%s' but its findings say '%s'",
             schema_audit_verdicts[audit->stated_verdict], schema_audit_verdicts[computed]);
}

void evaluate_model(struct model *model, struct diag_sink *sink)
{
    struct project *project = model->project;
    for (size_t use = 0; use < project->use_count; use++)
        if (project->uses[use].checklist)
            evaluate_checklist(project->uses[use].checklist, project->uses[use].run,
                               project->window_start);
    combine_verdicts(project);
    evaluate_approvals(project);
    evaluate_timing(project);
    evaluate_closeout(project);
    if (model->audit)
        evaluate_audit(model->audit, sink);
    if (model->audit && model->audit->inventory)
        evaluate_inventory(model->audit->inventory);
}
