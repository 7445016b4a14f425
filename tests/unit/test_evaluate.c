/* Unit tests for evaluation: each rule of readiness, approval, timing and
 * freshness, on small engagements written to a scratch scratch_folder. */
#include "test_support.h"

#include "evaluate.h"
#include "model_checklist.h"
#include "model_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Steps: 10 blocking with evidence (max age 7d), 20 not blocking, 30 a
 * blocking decision point; 10 starts downtime, 30 ends it. */
static const char *const checklist_text =
    "kind: checklist\nid: cutover\ntitle: Cutover\nversion: \"1\"\n"
    "phases:\n"
    "  - id: before\n    title: Before\n    budget: 30m\n    items:\n"
    "      - id: \"10\"\n        title: Restore drill\n        blocking: true\n"
    "        evidence: {drill_log: log file}\n        evidence_max_age: 7d\n"
    "        downtime: start\n"
    "      - id: \"20\"\n        title: Tell the users\n        kind: communication\n"
    "  - id: decide\n    title: Decide\n    budget: 15m\n    items:\n"
    "      - id: \"30\"\n        title: Go or no-go\n        kind: decision\n        blocking: "
    "true\n"
    "        downtime: end\n";

static const char *const project_text =
    "kind: project\ntitle: T\nclient: {name: C}\nconsultant: {name: K}\n"
    "system: {from: a, to: b}\n"
    "window: {start: \"2026-03-21T18:00:00+01:00\", end: \"2026-03-21T23:00:00+01:00\"}\n"
    "people: [{id: ana, name: Ana Núñez}]\n"
    "signatories:\n"
    "  - {id: sponsor, role: Sponsor, artifacts: [runbook, signoff]}\n"
    "  - {id: it, role: IT, artifacts: [runbook, signoff]}\n"
    "  - {id: close, role: Close-out, artifacts: [closeout]}\n"
    "document: {version: \"1\"}\n"
    "checklists: [{file: checklist.yaml, run: run.yaml}]\n"
    "artifacts: [runbook]\n";

struct evaluated {
    struct diag_sink *sink;
    struct model *model;
    struct checklist *checklist;
};

/* Loads the engagement with these run records and evaluates it. */
static struct evaluated evaluate_records(const char *records)
{
    struct buffer run = {0};
    buffer_printf(&run, "kind: run\nproject: project.yaml\nchecklist: cutover\nrecords:\n%s",
                  records);
    scratch_write("checklist.yaml", checklist_text);
    scratch_write("project.yaml", project_text);
    scratch_write("run.yaml", buffer_text(&run));
    buffer_free(&run);
    struct evaluated result;
    char path[256];
    snprintf(path, sizeof path, "%s/project.yaml", scratch_folder);
    result.sink = diag_sink_new();
    result.model = model_load(path, result.sink);
    char *printed = diagnostics_text(result.sink);
    if (diag_error_count(result.sink))
        fail_msg("the test engagement does not load: %s", printed);
    free(printed);
    evaluate_model(result.model, result.sink);
    result.checklist = result.model->checklists[0];
    return result;
}

static void evaluated_free(struct evaluated *evaluated)
{
    model_free(evaluated->model);
    diag_sink_free(evaluated->sink);
}

static const struct item *step(const struct evaluated *evaluated, const char *id)
{
    return checklist_find_item(evaluated->checklist, id);
}

#define DRILL_DONE                                                                                 \
    "- {item: \"10\", status: done, by: ana, at: \"2026-03-20T10:00:00+01:00\", "                  \
    "evidence: {drill_log: drill.txt}}\n"
#define GO                                                                                         \
    "- {item: \"30\", status: done, by: ana, at: \"2026-03-21T19:00:00+01:00\", decision: go}\n"

static void an_empty_run_is_not_ready(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records("");
    const struct rollup *rollup = &evaluated.checklist->rollup;
    assert_int_equal(rollup->total, 3);
    assert_int_equal(rollup->closed, 0);
    assert_int_equal(rollup->required_open, 3);
    assert_int_equal(rollup->blocking_open, 2);
    assert_int_equal(evaluated.checklist->verdict.readiness, READINESS_NOT_READY);
    assert_int_equal(evaluated.checklist->verdict.reason_count, 2);
    assert_string_equal(evaluated.checklist->verdict.reasons[0].text,
                        "blocking step 10 (Restore drill) is todo");
    assert_string_equal(
        evaluated.checklist->verdict.reasons[1].text,
        "step 30 (Go or no-go) is a decision point without a go or continue decision");
    assert_int_equal(evaluated.model->project->verdict.readiness, READINESS_NOT_READY);
    evaluated_free(&evaluated);
}

static void blocking_steps_done_and_go_is_ready(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(DRILL_DONE GO);
    assert_int_equal(evaluated.checklist->verdict.readiness, READINESS_READY);
    assert_int_equal(evaluated.checklist->verdict.reason_count, 0);
    assert_int_equal(evaluated.checklist->rollup.required_open, 1); /* 20 is not blocking */
    assert_int_equal(evaluated.model->project->verdict.readiness, READINESS_READY);
    evaluated_free(&evaluated);
}

static void a_skipped_step_is_closed(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(
        DRILL_DONE GO
        "- {item: \"20\", status: skipped, by: ana, at: \"2026-03-21T18:10:00+01:00\", "
        "note: Users were told last week}\n");
    assert_true(step(&evaluated, "20")->state.closed);
    assert_int_equal(evaluated.checklist->rollup.closed, 3);
    assert_int_equal(evaluated.checklist->rollup.required_open, 0);
    assert_int_equal(evaluated.checklist->verdict.readiness, READINESS_READY);
    evaluated_free(&evaluated);
}

static void a_failed_step_that_does_not_block_leaves_it_ready(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(
        DRILL_DONE GO
        "- {item: \"20\", status: failed, by: ana, at: \"2026-03-21T18:10:00+01:00\"}\n");
    assert_int_equal(evaluated.checklist->rollup.blocked_failed, 1);
    assert_int_equal(evaluated.checklist->verdict.readiness, READINESS_READY);
    evaluated_free(&evaluated);
}

static void a_failed_blocking_step_is_a_reason(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(
        "- {item: \"10\", status: failed, by: ana, at: \"2026-03-21T18:05:00+01:00\"}\n" GO);
    assert_int_equal(evaluated.checklist->verdict.readiness, READINESS_NOT_READY);
    assert_int_equal(evaluated.checklist->verdict.reasons[0].kind, REASON_FAILED);
    assert_string_equal(evaluated.checklist->verdict.reasons[0].text,
                        "blocking step 10 (Restore drill) failed");
    evaluated_free(&evaluated);
}

static void stale_evidence_on_a_blocking_step_is_not_ready(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(
        "- {item: \"10\", status: done, by: ana, at: \"2026-03-11T17:00:00+01:00\", "
        "evidence: {drill_log: old-drill.txt}}\n" GO);
    const struct item *drill = step(&evaluated, "10");
    assert_true(drill->state.evidence_stale);
    assert_int_equal(drill->state.evidence_age.minutes, 10 * 24 * 60 + 60);
    assert_int_equal(evaluated.checklist->verdict.readiness, READINESS_NOT_READY);
    assert_string_equal(evaluated.checklist->verdict.reasons[0].text,
                        "blocking step 10 (Restore drill) has evidence 10 d 1 h old at the "
                        "window start (at most 7 d)");
    evaluated_free(&evaluated);
}

static void missing_evidence_on_a_blocking_step_is_not_ready(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(
        "- {item: \"10\", status: done, by: ana, at: \"2026-03-21T18:00:00+01:00\"}\n" GO);
    assert_true(step(&evaluated, "10")->state.evidence_missing);
    assert_int_equal(evaluated.checklist->verdict.reasons[0].kind, REASON_EVIDENCE_MISSING);
    evaluated_free(&evaluated);
}

static void a_rollback_decision_is_no_go(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(
        DRILL_DONE "- {item: \"30\", status: done, by: ana, at: \"2026-03-21T20:00:00+01:00\", "
                   "decision: rollback}\n");
    assert_int_equal(evaluated.checklist->verdict.readiness, READINESS_NO_GO);
    assert_int_equal(evaluated.checklist->rollup.rollback_no_go, 1);
    assert_int_equal(evaluated.model->project->verdict.readiness, READINESS_NO_GO);
    assert_true(evaluated.model->project->rollback_required);
    assert_int_equal(evaluated.model->project->final_status, CLOSEOUT_FAILED);
    evaluated_free(&evaluated);
}

static void the_latest_record_wins_and_history_is_kept(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(
        "- {item: \"10\", status: failed, by: ana, at: \"2026-03-20T09:00:00+01:00\", "
        "note: \"Restore aborted, disk full\"}\n" DRILL_DONE GO);
    const struct item *drill = step(&evaluated, "10");
    assert_int_equal(drill->state.status, STATUS_DONE);
    assert_int_equal(drill->state.history_count, 2);
    assert_int_equal(drill->state.history[0]->status, STATUS_FAILED);
    assert_string_equal(drill->state.history[0]->note, "Restore aborted, disk full");
    assert_true(drill->state.ever_failed);
    assert_int_equal(evaluated.checklist->rollup.blocked_failed, 0);
    assert_int_equal(evaluated.checklist->verdict.readiness, READINESS_READY);
    evaluated_free(&evaluated);
}

static void a_conditional_approval_counts_with_its_conditions(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(
        DRILL_DONE GO
        "- {signoff: sponsor, name: Ana Núñez, decision: conditional, date: 2026-03-20, "
        "conditions: [Invoices re-checked on Monday]}\n");
    const struct project *project = evaluated.model->project;
    assert_int_equal(project->approvals[ARTIFACT_RUNBOOK].approval, APPROVAL_PENDING);
    assert_int_equal(project->approvals[ARTIFACT_RUNBOOK].conditional, 1);
    assert_int_equal(project->approvals[ARTIFACT_RUNBOOK].missing, 1);
    assert_int_equal(project->approvals[ARTIFACT_AUDIT].approval, APPROVAL_NOT_REQUIRED);
    evaluated_free(&evaluated);
    evaluated =
        evaluate_records("- {signoff: sponsor, name: Ana, decision: conditional, date: 2026-03-20, "
                         "conditions: [Invoices re-checked]}\n"
                         "- {signoff: it, name: Ana, decision: approved, date: 2026-03-20}\n");
    project = evaluated.model->project;
    assert_int_equal(project->approvals[ARTIFACT_RUNBOOK].approval, APPROVAL_APPROVED);
    assert_int_equal(project->approvals[ARTIFACT_CLOSEOUT].approval, APPROVAL_PENDING);
    assert_string_equal(project->signatories[0].latest->conditions.items[0], "Invoices re-checked");
    evaluated_free(&evaluated);
}

static void one_rejection_rejects(void **state)
{
    (void)state;
    struct evaluated evaluated =
        evaluate_records("- {signoff: sponsor, name: Ana, decision: approved, date: 2026-03-20}\n"
                         "- {signoff: it, name: Ana, decision: rejected, date: 2026-03-20}\n");
    assert_int_equal(evaluated.model->project->approvals[ARTIFACT_RUNBOOK].approval,
                     APPROVAL_REJECTED);
    evaluated_free(&evaluated);
}

static void times_phases_and_downtime(void **state)
{
    (void)state;
    struct evaluated evaluated = evaluate_records(
        "- {item: \"10\", status: in-progress, by: ana, at: \"2026-03-21T18:00:00+01:00\"}\n"
        "- {item: \"10\", status: done, by: ana, at: \"2026-03-21T18:20:00+01:00\", "
        "evidence: {drill_log: d.txt}}\n"
        "- {item: \"20\", status: done, by: ana, at: \"2026-03-21T18:50:00+01:00\"}\n"
        "- {item: \"30\", status: done, by: ana, at: \"2026-03-21T19:10:00+01:00\", decision: "
        "go}\n");
    const struct phase *before = &evaluated.checklist->phases[0];
    const struct phase *decide = &evaluated.checklist->phases[1];
    assert_true(before->timing.finished);
    assert_int_equal(before->timing.actual.minutes, 50);
    assert_int_equal(before->timing.over_budget.minutes, 20);
    /* The decision phase starts when the phase before it ended. */
    assert_int_equal(decide->timing.actual.minutes, 20);
    assert_int_equal(decide->timing.over_budget.minutes, 5);
    const struct project_timing *timing = &evaluated.model->project->timing;
    assert_int_equal(timing->window.minutes, 300);
    assert_true(timing->downtime_ended);
    assert_int_equal(timing->downtime.minutes, 50);
    assert_int_equal(evaluated.checklist->budget.minutes, 45);
    evaluated_free(&evaluated);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_empty_run_is_not_ready),
        cmocka_unit_test(blocking_steps_done_and_go_is_ready),
        cmocka_unit_test(a_skipped_step_is_closed),
        cmocka_unit_test(a_failed_step_that_does_not_block_leaves_it_ready),
        cmocka_unit_test(a_failed_blocking_step_is_a_reason),
        cmocka_unit_test(stale_evidence_on_a_blocking_step_is_not_ready),
        cmocka_unit_test(missing_evidence_on_a_blocking_step_is_not_ready),
        cmocka_unit_test(a_rollback_decision_is_no_go),
        cmocka_unit_test(the_latest_record_wins_and_history_is_kept),
        cmocka_unit_test(a_conditional_approval_counts_with_its_conditions),
        cmocka_unit_test(one_rejection_rejects),
        cmocka_unit_test(times_phases_and_downtime),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
