/* golive build as a whole: same inputs, same bytes; a failing build leaves
 * the output folder untouched; verify finds one changed byte. Runs on a
 * copy of tests/build/engagement, which has its own small templates. Each
 * case starts from a fresh copy and builds what it needs, so the cases run
 * in any order: name some on the command line to run those, in that order. */
#include "test_support.h"

#include "build.h"
#include "exit_status.h"
#include "verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const outputs[] = {"MANIFEST", "runbook.md", "runbook.pdf", "signoff.md",
                                      "signoff.pdf"};
#define OUTPUT_COUNT (sizeof outputs / sizeof outputs[0])

/* A fresh copy of the fixture, and nothing else in the scratch folder. */
static void fresh_fixture(void)
{
    char command[1024];
    snprintf(command, sizeof command, "rm -rf '%s'/* && cp -r '%s' '%s/engagement'", scratch_folder,
             GOLIVE_TEST_FIXTURE, scratch_folder);
    assert_int_equal(system(command), 0);
}

static int copy_fixture(void **state)
{
    if (scratch_setup(state) != 0)
        return -1;
    fresh_fixture();
    return 0;
}

static bool build_into(const char *folder, struct diag_sink *sink)
{
    char project[512], output[512];
    snprintf(project, sizeof project, "%s/engagement/project.yaml", scratch_folder);
    snprintf(output, sizeof output, "%s/%s", scratch_folder, folder);
    struct build_options options = {.project_path = project,
                                    .output_folder = output,
                                    .markdown = true,
                                    .pdf = true,
                                    .data_folder = GOLIVE_DATADIR,
                                    .version = "test",
                                    .has_source_date = true,
                                    .source_date = 1774000000};
    return build_engagement(&options, sink);
}

static char *output_text(const char *folder, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    return read_file_text(scratch_path(path));
}

static void same_inputs_give_the_same_bytes(void **state)
{
    (void)state;
    fresh_fixture();
    struct diag_sink *sink = diag_sink_new();
    assert_true(build_into("first", sink));
    assert_true(build_into("second", sink));
    assert_int_equal(diag_count(sink), 0);
    for (size_t index = 0; index < OUTPUT_COUNT; index++) {
        char *first = output_text("first", outputs[index]);
        char *second = output_text("second", outputs[index]);
        if (strcmp(first, second) != 0 || strlen(first) == 0)
            fail_msg("%s differs between two builds of the same inputs", outputs[index]);
        free(first);
        free(second);
    }
    diag_sink_free(sink);
}

static void append_to(const char *name, const char *text)
{
    FILE *file = fopen(scratch_path(name), "a");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

/* Snapshot of the output folder: every file's bytes, and nothing else. */
static char *snapshot(const char *folder)
{
    char command[600], *text;
    snprintf(command, sizeof command, "cd '%s/%s' && ls -A && cat *", scratch_folder, folder);
    FILE *pipe = popen(command, "r");
    struct buffer out = {0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, pipe)) > 0)
        buffer_append(&out, chunk, got);
    pclose(pipe);
    text = buffer_release(&out);
    return text;
}

/* Builds into "kept", breaks one input of a fresh fixture by appending
 * text to it, builds again: the build must fail with message and leave
 * "kept" exactly as it was. */
static void expect_failure_changes_nothing(const char *input, const char *text, const char *message)
{
    fresh_fixture();
    struct diag_sink *sink = diag_sink_new();
    assert_true(build_into("kept", sink));
    char *before = snapshot("kept");
    append_to(input, text);
    assert_false(build_into("kept", sink));
    char *printed = diagnostics_text(sink);
    if (!strstr(printed, message))
        fail_msg("'%s' lacks '%s'", printed, message);
    char *after = snapshot("kept");
    assert_string_equal(after, before);
    free(after);
    free(printed);
    free(before);
    diag_sink_free(sink);
}

static void a_failing_build_changes_nothing(void **state)
{
    (void)state;
    expect_failure_changes_nothing("engagement/run.yaml",
                                   "- {item: \"30\", status: done, by: lukas, at: soon}\n",
                                   "run.yaml:7:45: error: 'at' must be a date and time");
}

static void a_template_error_changes_nothing_either(void **state)
{
    (void)state;
    expect_failure_changes_nothing(
        "engagement/templates/signoff.md", "{{#signatories}} never closed\n",
        "signoff.md:8:1: error: the section 'signatories' is never closed");
}

static char *verify_output(const char *folder, int *status)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", scratch_folder, folder);
    struct diag_sink *sink = diag_sink_new();
    verify_folder(path, sink);
    *status = diag_exit_status(sink);
    char *printed = diagnostics_text(sink);
    diag_sink_free(sink);
    return printed;
}

/* A fresh fixture built into folder, without a word to say. */
static void build_fresh(const char *folder)
{
    fresh_fixture();
    struct diag_sink *sink = diag_sink_new();
    assert_true(build_into(folder, sink));
    assert_int_equal(diag_count(sink), 0);
    diag_sink_free(sink);
}

static void verify_finds_one_changed_byte(void **state)
{
    (void)state;
    build_fresh("first");
    int status;
    char *printed = verify_output("first", &status);
    assert_string_equal(printed, "");
    assert_int_equal(status, EXIT_STATUS_OK);
    free(printed);
    FILE *file = fopen(scratch_path("first/runbook.pdf"), "r+b");
    assert_non_null(file);
    fseek(file, 1000, SEEK_SET);
    int byte = fgetc(file);
    fseek(file, 1000, SEEK_SET);
    fputc(byte ^ 1, file);
    fclose(file);
    printed = verify_output("first", &status);
    assert_non_null(strstr(printed, "first/runbook.pdf' changed since the build"));
    assert_int_equal(status, EXIT_STATUS_MISMATCH);
    free(printed);
}

static void verify_names_missing_and_extra_files_and_changed_inputs(void **state)
{
    (void)state;
    build_fresh("second");
    assert_int_equal(unlink(scratch_path("second/signoff.md")), 0);
    append_to("second/notes.txt", "not from the build\n");
    append_to("engagement/checklist.yaml", "# edited after the build\n");
    int status;
    char *printed = verify_output("second", &status);
    assert_non_null(strstr(printed, "second/signoff.md' is missing"));
    assert_non_null(strstr(printed, "second/notes.txt: error: this file is not part of the build"));
    assert_non_null(strstr(printed, "engagement/checklist.yaml' changed since the build"));
    assert_int_equal(status, EXIT_STATUS_MISMATCH);
    free(printed);
}

/* A checklist's revision date is printed after its version by the shipped
 * runbook template. */
static void the_runbook_prints_the_checklist_revision(void **state)
{
    (void)state;
    fresh_fixture();
    assert_int_equal(unlink(scratch_path("engagement/templates/runbook.md")), 0);
    append_to("engagement/checklist.yaml", "revised: 2026-03-02\n");
    struct diag_sink *sink = diag_sink_new();
    assert_true(build_into("revised", sink));
    char *printed = diagnostics_text(sink);
    assert_string_equal(printed, "");
    char *runbook = output_text("revised", "runbook.md");
    if (!strstr(runbook, "Version 1.0 (revised 2026-03-02)."))
        fail_msg("the runbook does not print the revision date:\n%s", runbook);
    free(runbook);
    free(printed);
    diag_sink_free(sink);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest every[] = {
        cmocka_unit_test(same_inputs_give_the_same_bytes),
        cmocka_unit_test(a_failing_build_changes_nothing),
        cmocka_unit_test(a_template_error_changes_nothing_either),
        cmocka_unit_test(verify_finds_one_changed_byte),
        cmocka_unit_test(verify_names_missing_and_extra_files_and_changed_inputs),
        cmocka_unit_test(the_runbook_prints_the_checklist_revision),
    };
    const size_t count = sizeof every / sizeof every[0];
    struct CMUnitTest chosen[sizeof every / sizeof every[0]];
    size_t used = 0;
    for (int argument = 1; argument < argc; argument++)
        for (size_t index = 0; index < count && used < count; index++)
            if (strcmp(every[index].name, argv[argument]) == 0)
                chosen[used++] = every[index];
    if (argc > 1 && used != (size_t)argc - 1) {
        fprintf(stderr, "test_build: no such case among the arguments\n");
        return 1;
    }
    return _cmocka_run_group_tests("test_build", argc > 1 ? chosen : every, argc > 1 ? used : count,
                                   copy_fixture, scratch_teardown);
}
