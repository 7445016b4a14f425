/* Unit tests for rehearsals (docs/rules.md, "Rehearsals"): how long each
 * step and phase took in two rehearsals and the live run, worked out by
 * hand; the comparison the documents print; and that a rehearsal, however
 * complete, decides nothing of the go-live. */
#include "test_support.h"

#include "evaluate.h"
#include "model_checklist.h"
#include "model_load.h"
#include "view_put.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const checklist_text =
    "kind: checklist\nid: cutover\ntitle: Cutover\nversion: \"1\"\n"
    "phases:\n"
    "  - id: prep\n    title: Preparation\n    budget: 30m\n    items:\n"
    "      - {id: a, title: Freeze, budget: 10m}\n"
    "      - {id: b, title: Backup, budget: 15m}\n"
    "  - id: run\n    title: Upgrade\n    budget: 1h\n    items:\n"
    "      - {id: c, title: Upgrade, budget: 40m}\n"
    "      - {id: d, title: Test, budget: 20m, depends_on: [c], blocking: true}\n"
    "  - id: rollback\n    title: Rollback\n    budget: 30m\n    items:\n"
    "      - {id: r, title: Restore, budget: 30m, required: false}\n";

static const char *const project_text =
    "kind: project\ntitle: T\nclient: {name: C}\nconsultant: {name: K}\n"
    "system: {from: a, to: b}\n"
    "window: {start: \"2026-03-21T18:00:00+01:00\", end: \"2026-03-21T23:00:00+01:00\"}\n"
    "people: [{id: ana, name: Ana Núñez}]\n"
    "signatories: [{id: sponsor, role: Sponsor, artifacts: [runbook]}]\n"
    "document: {version: \"1\"}\n"
    "checklists:\n"
    "  - file: checklist.yaml\n    run: live.yaml\n    rehearsals:\n"
    "      - {name: R1, run: r1.yaml, start: \"2026-03-10T09:00:00+01:00\"}\n"
    "      - {name: R2, run: r2.yaml, start: \"2026-03-14T09:00:00+01:00\"}\n"
    "artifacts: [runbook]\n";

#define RECORD(item, status, at) "- {item: " item ", status: " status ", by: ana, at: \"" at "\"}\n"

/* R1: a from the start 09:00 to 09:12 (12), b in progress 09:15 to 09:35
 * (20), c from b's close to 10:30 (55), d 10:30 to 10:55 (25); phases:
 * 09:12-09:35 (23) and 09:35-10:55 (80). */
static const char *const r1_records = RECORD("a", "done", "2026-03-10T09:12:00+01:00")
    RECORD("b", "in-progress", "2026-03-10T09:15:00+01:00")
        RECORD("b", "done", "2026-03-10T09:35:00+01:00")
            RECORD("c", "done", "2026-03-10T10:30:00+01:00")
                RECORD("d", "done", "2026-03-10T10:55:00+01:00");

/* R2: a 8, b 12, c 45, d skipped (no time); phases 12 and 50. */
static const char *const r2_records = RECORD("a", "done", "2026-03-14T09:08:00+01:00")
    RECORD("b", "done", "2026-03-14T09:20:00+01:00")
        RECORD("c", "done", "2026-03-14T10:05:00+01:00") "- {item: d, status: skipped, by: ana, "
                                                         "at: \"2026-03-14T10:10:00+01:00\", note: "
                                                         "\"No test data on staging.\"}\n";

/* Live: a closed before the window (no time), b from the window start
 * 18:00 to 18:10 (10), c in progress 18:12 to 18:52 (40), d open; the
 * preparation phase 17:50-18:10 (20), the upgrade unfinished. */
static const char *const live_records = RECORD("a", "done", "2026-03-21T17:50:00+01:00")
    RECORD("b", "done", "2026-03-21T18:10:00+01:00")
        RECORD("c", "in-progress", "2026-03-21T18:12:00+01:00")
            RECORD("c", "done", "2026-03-21T18:52:00+01:00");

static void write_run(const char *name, const char *records)
{
    char text[4096];
    snprintf(text, sizeof text,
             "kind: run\nproject: project.yaml\nchecklist: cutover\nrecords:\n%s", records);
    scratch_write(name, text);
}

static struct model *load_engagement(struct diag_sink *sink)
{
    scratch_write("checklist.yaml", checklist_text);
    scratch_write("project.yaml", project_text);
    write_run("live.yaml", live_records);
    write_run("r1.yaml", r1_records);
    write_run("r2.yaml", r2_records);
    char path[256];
    snprintf(path, sizeof path, "%s/project.yaml", scratch_folder);
    struct model *model = model_load(path, sink);
    char *printed = diagnostics_text(sink);
    if (diag_error_count(sink))
        fail_msg("the test engagement does not load: %s", printed);
    free(printed);
    evaluate_model(model, sink);
    return model;
}

static void expect_measured(const struct checklist *checklist, const char *id, long long minutes)
{
    const struct item *item = checklist_find_item(checklist, id);
    assert_non_null(item);
    if (minutes < 0 ? item->state.measured.set
                    : !item->state.measured.set || item->state.measured.minutes != minutes)
        fail_msg("%s: step %s measured %s%lld, expected %lld", checklist->id, id,
                 item->state.measured.set ? "" : "nothing, ",
                 (long long)item->state.measured.minutes, minutes);
}

static void steps_and_phases_are_timed_per_run(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct model *model = load_engagement(sink);
    const struct checklist_use *use = &model->project->uses[0];
    assert_int_equal(use->rehearsal_count, 2);
    const struct checklist *r1 = use->rehearsals[0].use.checklist;
    const struct checklist *r2 = use->rehearsals[1].use.checklist;
    expect_measured(r1, "a", 12);
    expect_measured(r1, "b", 20);
    expect_measured(r1, "c", 55);
    expect_measured(r1, "d", 25);
    expect_measured(r2, "a", 8);
    expect_measured(r2, "b", 12);
    expect_measured(r2, "c", 45);
    expect_measured(r2, "d", -1); /* skipped: not its work's time */
    expect_measured(use->checklist, "a", -1);
    expect_measured(use->checklist, "b", 10);
    expect_measured(use->checklist, "c", 40);
    expect_measured(use->checklist, "d", -1);
    assert_int_equal(r1->phases[0].timing.actual.minutes, 23);
    assert_int_equal(r1->phases[1].timing.actual.minutes, 80);
    assert_int_equal(r2->phases[1].timing.actual.minutes, 50);
    model_free(model);
    diag_sink_free(sink);
}

/* Every step of both rehearsals is closed; the live run is not: the
 * go-live's counts, verdict and gates are the live run's. */
static void a_rehearsal_never_opens_a_gate(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct model *model = load_engagement(sink);
    const struct checklist_use *use = &model->project->uses[0];
    assert_int_equal(use->rehearsals[0].use.checklist->rollup.required_open, 0);
    assert_int_equal(use->checklist->rollup.closed, 3);
    assert_int_equal(use->checklist->rollup.required_open, 1);
    assert_int_equal(use->checklist->verdict.readiness, READINESS_NOT_READY);
    for (size_t moment = 0; moment < GATE_MOMENT_COUNT; moment++)
        assert_int_not_equal(model->project->gates[moment].readiness, READINESS_READY);
    /* the go-live started with the live run's first record, not a rehearsal's */
    assert_int_equal(model->project->timing.first.epoch, 1774111800); /* 2026-03-21 17:50 +01 */
    model_free(model);
    diag_sink_free(sink);
}

static const char *text_at(const struct node *node, const char *const *path)
{
    for (; *path; path++) {
        assert_non_null(node);
        if (node_kind(node) == NODE_SEQUENCE)
            node = node_sequence_item(node, (size_t)atoi(*path));
        else
            node = node_mapping_find(node, *path);
    }
    return node ? node_scalar_text(node) : NULL;
}

#define EXPECT_AT(node, expected, ...)                                                             \
    do {                                                                                           \
        const char *found_ = text_at(node, (const char *const[]){__VA_ARGS__, NULL});              \
        if (!found_ || strcmp(found_, expected) != 0)                                              \
            fail_msg("%s: %s, expected %s", #__VA_ARGS__, found_ ? found_ : "(absent)", expected); \
    } while (0)

static void the_comparison_has_a_column_per_rehearsal_and_totals(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct model *model = load_engagement(sink);
    struct node *view = node_new_mapping();
    view_put_rehearsals(view, &model->project->uses[0]);
    const struct node *comparison = node_mapping_find(view, "comparison");
    EXPECT_AT(comparison, "R2", "columns", "1", "name");
    /* step c: 40 estimated, 55 and 45 rehearsed, 40 live: even */
    EXPECT_AT(comparison, "40", "phases", "1", "steps", "0", "estimate", "minutes");
    EXPECT_AT(comparison, "55", "phases", "1", "steps", "0", "cells", "0", "measured", "minutes");
    EXPECT_AT(comparison, "45", "phases", "1", "steps", "0", "cells", "1", "measured", "minutes");
    EXPECT_AT(comparison, "true", "phases", "1", "steps", "0", "difference", "even");
    /* step d: nothing live, so no difference: the documents print dashes */
    EXPECT_AT(comparison, "false", "phases", "1", "steps", "1", "has_live");
    EXPECT_AT(comparison, "false", "phases", "1", "steps", "1", "has_difference");
    /* the rollback phase never ran */
    EXPECT_AT(comparison, "false", "phases", "2", "cells", "0", "has_measured");
    /* totals: estimate 30 + 60 (not the rollback), R1 23 + 80, R2 12 + 50,
     * live 20 (the upgrade is not finished), difference 20 - 30 */
    EXPECT_AT(comparison, "90", "total", "estimate", "minutes");
    EXPECT_AT(comparison, "103", "total", "cells", "0", "measured", "minutes");
    EXPECT_AT(comparison, "62", "total", "cells", "1", "measured", "minutes");
    EXPECT_AT(comparison, "20", "total", "live", "minutes");
    EXPECT_AT(comparison, "10", "total", "difference", "size", "minutes");
    EXPECT_AT(comparison, "true", "total", "difference", "shorter");
    node_free(view);
    model_free(model);
    diag_sink_free(sink);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(steps_and_phases_are_timed_per_run),
        cmocka_unit_test(a_rehearsal_never_opens_a_gate),
        cmocka_unit_test(the_comparison_has_a_column_per_rehearsal_and_totals),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
