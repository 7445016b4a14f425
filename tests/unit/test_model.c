/* Unit tests for the schemas and the model builders: defaults, what the
 * model holds, and rules of meaning checked through the API. */
#include "test_support.h"

#include "model_checklist.h"
#include "model_load.h"
#include "schema_validate.h"

#include "file_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const base_checklist =
    "kind: checklist\nid: cutover\ntitle: Cutover\nversion: \"1.0\"\n"
    "roles:\n  tech: Technical lead\n"
    "phases:\n"
    "  - id: run\n    title: Run\n    budget: 1h30m\n    items:\n"
    "      - id: \"10\"\n        title: Backup\n        owner: tech\n"
    "      - id: \"20\"\n        title: Decide\n        kind: decision\n        blocking: true\n"
    "        depends_on: [\"10\"]\n";

/* Validates and builds a checklist from text; the diagnostics go to *printed. */
static struct checklist *build(struct arena *arena, const char *text, struct loaded *loaded,
                               char **printed)
{
    *loaded = load(text);
    assert_non_null(loaded->document);
    const struct node *root = yaml_document_root(loaded->document);
    schema_validate(root, schema_for_kind(INPUT_CHECKLIST), loaded->sink);
    struct checklist *checklist = checklist_build(arena, root, "t.yaml", loaded->sink);
    *printed = diagnostics_text(loaded->sink);
    return checklist;
}

static void applies_documented_defaults(void **state)
{
    (void)state;
    struct loaded loaded;
    char *printed;
    struct arena *arena = arena_new();
    struct checklist *checklist = build(arena, base_checklist, &loaded, &printed);
    assert_string_equal(printed, "");
    assert_int_equal(checklist->item_count, 2);
    const struct item *backup = checklist_find_item(checklist, "10");
    assert_int_equal(backup->kind, ITEM_CHECK);
    assert_true(backup->required);
    assert_false(backup->blocking);
    assert_string_equal(backup->owner_title, "Technical lead");
    assert_int_equal(backup->outcomes, 0);
    const struct item *decide = checklist_find_item(checklist, "20");
    assert_int_equal(decide->outcomes, 0xF); /* go, continue, rollback, no-go */
    assert_int_equal(decide->number, 2);
    assert_int_equal(checklist->phases[0].budget.minutes, 90);
    arena_free(arena);
    free(printed);
    loaded_free(&loaded);
}

static void finds_every_cycle_once(void **state)
{
    (void)state;
    const char *text = "kind: checklist\nid: c\ntitle: C\nversion: \"1\"\nphases:\n"
                       "  - id: p\n    title: P\n    items:\n"
                       "      - {id: a, title: A, depends_on: [b]}\n"
                       "      - {id: b, title: B, depends_on: [a]}\n"
                       "      - {id: c, title: C, depends_on: [c]}\n"
                       "      - {id: d, title: D, depends_on: [a, c]}\n";
    struct loaded loaded;
    char *printed;
    struct arena *arena = arena_new();
    build(arena, text, &loaded, &printed);
    assert_string_equal(printed,
                        "t.yaml:9:9: error: steps depend on each other in a cycle: a -> b -> a\n"
                        "t.yaml:11:9: error: steps depend on each other in a cycle: c -> c\n");
    arena_free(arena);
    free(printed);
    loaded_free(&loaded);
}

static void a_long_dependency_chain_is_no_cycle(void **state)
{
    (void)state;
    struct buffer text = {0};
    buffer_append_text(&text, "kind: checklist\nid: c\ntitle: C\nversion: \"1\"\nphases:\n"
                              "  - id: p\n    title: P\n    items:\n      - {id: s0, title: S}\n");
    for (int index = 1; index < 5000; index++)
        buffer_printf(&text, "      - {id: s%d, title: S, depends_on: [s%d]}\n", index, index - 1);
    struct loaded loaded;
    char *printed;
    struct arena *arena = arena_new();
    struct checklist *checklist = build(arena, buffer_text(&text), &loaded, &printed);
    assert_string_equal(printed, "");
    assert_int_equal(checklist->item_count, 5000);
    arena_free(arena);
    free(printed);
    loaded_free(&loaded);
    buffer_free(&text);
}

static void reports_every_error_not_just_the_first(void **state)
{
    (void)state;
    const char *text = "kind: checklist\nid: c\ntitle: C\nversion: \"1\"\nphases:\n"
                       "  - id: p\n    title: P\n    items:\n"
                       "      - {id: a, title: A, kind: chek}\n"
                       "      - {id: b, title: B, blocking: no}\n"
                       "      - {id: a, title: C, budget: soon}\n";
    struct loaded loaded;
    char *printed;
    struct arena *arena = arena_new();
    build(arena, text, &loaded, &printed);
    assert_string_equal(
        printed, "t.yaml:9:33: error: 'kind' must be check, action, communication, validation or "
                 "decision, not 'chek'; did you mean 'check'?\n"
                 "t.yaml:10:37: error: 'blocking' must be true or false, not 'no'\n"
                 "t.yaml:11:9: error: duplicate step id 'a' (first defined at line 9)\n"
                 "t.yaml:11:35: error: 'budget' must be a duration such as 30m, 2h, 1h30m or 7d, "
                 "not 'soon'\n");
    arena_free(arena);
    free(printed);
    loaded_free(&loaded);
}

static void detects_the_kind_of_a_file(void **state)
{
    (void)state;
    struct loaded loaded = load("kind: audit\n");
    enum input_kind kind;
    assert_true(
        schema_detect_kind(yaml_document_root(loaded.document), "t.yaml", &kind, loaded.sink));
    assert_int_equal(kind, INPUT_AUDIT);
    loaded_free(&loaded);
    loaded = load("kind: projet\n");
    assert_false(
        schema_detect_kind(yaml_document_root(loaded.document), "t.yaml", &kind, loaded.sink));
    char *printed = diagnostics_text(loaded.sink);
    assert_string_equal(
        printed, "t.yaml:1:7: error: unknown kind 'projet'; golive reads "
                 "checklist, project, run, audit and inventory files; did you mean 'project'?\n");
    free(printed);
    loaded_free(&loaded);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(applies_documented_defaults),
        cmocka_unit_test(finds_every_cycle_once),
        cmocka_unit_test(a_long_dependency_chain_is_no_cycle),
        cmocka_unit_test(reports_every_error_not_just_the_first),
        cmocka_unit_test(detects_the_kind_of_a_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
