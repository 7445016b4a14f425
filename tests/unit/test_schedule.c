/* Unit tests for the planned timetable (evaluate_schedule.c): starts, ends
 * and the critical path of a graph with parallel branches, worked out by
 * hand. */
#include "test_support.h"

#include "evaluate.h"
#include "model_checklist.h"

#include <stdlib.h>

/* Preparation pinned two days ahead; in the window, b (60 min) and c then
 * d (20 + 15 min) run side by side after a, and e waits for both; f waits
 * for the whole window phase; the rollback phase is an alternative.
 *
 *   p1 -2880..-2850  p2 -2850..-2840          (listed order)
 *   a     0..10      b  10..70   c 10..30   d 30..45   e 70..85
 *   f    85..90      r1 85..115 (not on the main line)
 *   h  1440..1470 (hypercare, pinned after the window: not its end)
 * Critical path: a, b, e, f. */
static const char *const graph_text =
    "kind: checklist\nid: cutover\ntitle: Cutover\nversion: \"1\"\n"
    "phases:\n"
    "  - id: prepare\n    title: Preparation\n    items:\n"
    "      - {id: p1, title: Freeze, at: T-48h, budget: 30m}\n"
    "      - {id: p2, title: Remind, budget: 10m}\n"
    "  - id: window\n    title: Window\n    budget: 3h\n    items:\n"
    "      - {id: a, title: Stop, at: \"T+0:00\", budget: 10m}\n"
    "      - {id: b, title: Upgrade, depends_on: [a], budget: 1h}\n"
    "      - {id: c, title: Files, depends_on: [a], budget: 20m}\n"
    "      - {id: d, title: Check files, budget: 15m}\n"
    "      - {id: e, title: Test, depends_on: [b, d], budget: 15m}\n"
    "  - id: reopen\n    title: Reopen\n    items:\n"
    "      - {id: f, title: Open, budget: 5m}\n"
    "  - id: hypercare\n    title: Hypercare\n    items:\n"
    "      - {id: h, title: Check in, at: T+24h, budget: 30m}\n"
    "  - id: rollback\n    title: Rollback\n    items:\n"
    "      - {id: r1, title: Restore, depends_on: [e], budget: 30m, required: false}\n";

static struct checklist *scheduled(const char *text)
{
    struct loaded loaded = load(text);
    assert_int_equal(diag_error_count(loaded.sink), 0);
    struct arena *arena = arena_new();
    struct checklist *checklist =
        checklist_build(arena, yaml_document_root(loaded.document), "t.yaml", loaded.sink);
    assert_int_equal(diag_error_count(loaded.sink), 0);
    loaded_free(&loaded);
    evaluate_schedule(checklist);
    return checklist;
}

static void expect_step(const struct checklist *checklist, const char *id, int64_t start,
                        int64_t end, bool critical)
{
    const struct item *item = checklist_find_item(checklist, id);
    assert_non_null(item);
    if (item->plan.start != start || item->plan.end != end || item->plan.critical != critical)
        fail_msg("step %s: planned %lld..%lld%s, expected %lld..%lld%s", id,
                 (long long)item->plan.start, (long long)item->plan.end,
                 item->plan.critical ? " critical" : "", (long long)start, (long long)end,
                 critical ? " critical" : "");
}

static void parallel_branches_meet_at_the_latest(void **state)
{
    (void)state;
    struct checklist *checklist = scheduled(graph_text);
    assert_true(checklist->plan.present);
    expect_step(checklist, "p1", -2880, -2850, false);
    expect_step(checklist, "p2", -2850, -2840, false);
    expect_step(checklist, "a", 0, 10, true);
    expect_step(checklist, "b", 10, 70, true);
    expect_step(checklist, "c", 10, 30, false);
    expect_step(checklist, "d", 30, 45, false);
    expect_step(checklist, "e", 70, 85, true);
    expect_step(checklist, "f", 85, 90, true);
    expect_step(checklist, "r1", 85, 115, false);
    expect_step(checklist, "h", 1440, 1470, false);
    assert_false(checklist_find_item(checklist, "h")->plan.window);
    assert_false(checklist_find_item(checklist, "r1")->plan.main_line);
    assert_true(checklist_find_item(checklist, "d")->plan.main_line);
    assert_string_equal(checklist_find_item(checklist, "e")->plan.driver->id, "b");
    assert_int_equal(checklist->plan.start, -2880);
    assert_int_equal(checklist->plan.end, 90);
    assert_string_equal(checklist->plan.last->id, "f");
    arena_free(checklist->arena); /* the test's arena: the checklist and all it holds */
}

/* y waits for z, listed in the next phase, whose first step waits for
 * the whole phase before it: the listed order contradicts the
 * dependencies, and every step is still placed once. */
static void a_contradicting_order_still_places_every_step(void **state)
{
    (void)state;
    struct checklist *checklist =
        scheduled("kind: checklist\nid: c\ntitle: C\nversion: \"1\"\n"
                  "phases:\n"
                  "  - id: one\n    title: One\n    items:\n"
                  "      - {id: x, title: X, budget: 10m}\n"
                  "      - {id: y, title: Y, depends_on: [z], budget: 5m}\n"
                  "  - id: two\n    title: Two\n    items:\n"
                  "      - {id: z, title: Z, budget: 10m}\n");
    expect_step(checklist, "x", 0, 10, true);
    expect_step(checklist, "y", 0, 5, false);
    expect_step(checklist, "z", 10, 20, true);
    arena_free(checklist->arena); /* the test's arena: the checklist and all it holds */
}

static void without_budgets_there_is_no_plan(void **state)
{
    (void)state;
    struct checklist *checklist =
        scheduled("kind: checklist\nid: c\ntitle: C\nversion: \"1\"\n"
                  "phases:\n  - id: one\n    title: One\n    items:\n"
                  "      - {id: x, title: X}\n      - {id: y, title: Y}\n");
    assert_false(checklist->plan.present);
    arena_free(checklist->arena); /* the test's arena: the checklist and all it holds */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parallel_branches_meet_at_the_latest),
        cmocka_unit_test(a_contradicting_order_still_places_every_step),
        cmocka_unit_test(without_budgets_there_is_no_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
