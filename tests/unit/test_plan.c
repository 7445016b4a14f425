/* Unit tests for golive plan's parts (cli_plan_propose.c, cli_plan_write.c):
 * the rounding of docs/rules.md "Planning from a rehearsal", how a budget
 * is written, and --write refused when the file changed after it was read. */
#include "test_support.h"

#include "cli_plan.h"

#include <stdlib.h>
#include <string.h>

static void a_budget_is_rounded_up_to_five_minutes(void **state)
{
    (void)state;
    assert_int_equal(plan_round_up(43, 20), 55); /* 51.6 */
    assert_int_equal(plan_round_up(58, 20), 70); /* 69.6 */
    assert_int_equal(plan_round_up(25, 0), 25);  /* a multiple of 5 stays */
    assert_int_equal(plan_round_up(26, 0), 30);
    assert_int_equal(plan_round_up(0, 20), 5); /* never less than 5 */
    assert_int_equal(plan_round_up(151, 20), 185);
}

static void a_budget_is_written_as_the_files_write_it(void **state)
{
    (void)state;
    char text[16];
    plan_format_budget(45, text, sizeof text);
    assert_string_equal(text, "45m");
    plan_format_budget(120, text, sizeof text);
    assert_string_equal(text, "2h");
    plan_format_budget(185, text, sizeof text);
    assert_string_equal(text, "3h5m");
}

static const char *const original = "phases:\n  - id: p\n    budget: 30m # estimate\n";

/* One change: 30m, at bytes 30..33, to 20m. */
static struct plan_proposal one_change(struct plan_entry *entry)
{
    *entry = (struct plan_entry){.what = "phase",
                                 .id = "p",
                                 .measured = {true, 14},
                                 .proposed = {true, 20},
                                 .has_line = true,
                                 .start = 30,
                                 .end = 33,
                                 .line = 3,
                                 .changes = true,
                                 .order = 30};
    assert_memory_equal(original + 30, "30m", 3);
    return (struct plan_proposal){entry, 1, 1};
}

static void write_checks_the_file_first(void **state)
{
    (void)state;
    struct plan_entry entry;
    struct plan_proposal proposal = one_change(&entry);
    struct diag_sink *sink = diag_sink_new();
    scratch_write("unchanged.yaml", original);
    assert_true(plan_write(scratch_path("unchanged.yaml"), "unchanged.yaml", &proposal, original,
                           strlen(original), sink));
    char *written = read_file_text(scratch_path("unchanged.yaml"));
    assert_string_equal(written, "phases:\n  - id: p\n    budget: 20m # estimate\n");
    free(written);
    /* someone saved the file between golive's reading and writing it */
    const char *edited = "phases:\n  - id: p\n    budget: 35m # estimate\n";
    scratch_write("edited.yaml", edited);
    assert_false(plan_write(scratch_path("edited.yaml"), "edited.yaml", &proposal, original,
                            strlen(original), sink));
    written = read_file_text(scratch_path("edited.yaml"));
    assert_string_equal(written, edited);
    free(written);
    char *printed = diagnostics_text(sink);
    assert_non_null(strstr(printed, "'edited.yaml' changed since golive plan read it: nothing "
                                    "written; run golive plan again"));
    free(printed);
    diag_sink_free(sink);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_budget_is_rounded_up_to_five_minutes),
        cmocka_unit_test(a_budget_is_written_as_the_files_write_it),
        cmocka_unit_test(write_checks_the_file_first),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
