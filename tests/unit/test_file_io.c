/* Unit tests for reading inputs safely and writing outputs atomically. */
#include "test_support.h"

#include "file_io.h"
#include "alloc.h"
#include "golive_limits.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void expect_read_refused(const char *path, const char *expected_part)
{
    struct diag_sink *sink = diag_sink_new();
    char *contents = NULL;
    size_t length = 0;
    assert_false(file_read(path, source_position_of_file(path), sink, &contents, &length));
    char *text = diagnostics_text(sink);
    if (!strstr(text, expected_part))
        fail_msg("'%s' lacks '%s'", text, expected_part);
    free(text);
    diag_sink_free(sink);
}

static void refuses_devices_folders_and_pipes_before_reading(void **state)
{
    (void)state;
    expect_read_refused("/dev/zero", "is a character device; golive reads only regular files");
    expect_read_refused(scratch_folder, "is a folder; golive reads only regular files");
    char *fifo = xstrdup(scratch_path("pipe.yaml"));
    assert_int_equal(mkfifo(fifo, 0600), 0);
    /* With no writer, reading would block forever: it must be refused. */
    expect_read_refused(fifo, "is a pipe (FIFO); golive reads only regular files");
    free(fifo);
}

static void refuses_files_over_the_size_limit(void **state)
{
    (void)state;
    char *path = xstrdup(scratch_path("huge.yaml"));
    int descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(descriptor >= 0);
    assert_int_equal(ftruncate(descriptor, (off_t)LIMIT_FILE_SIZE + 1), 0);
    close(descriptor);
    expect_read_refused(path, "the limit is 16777216 bytes");
    free(path);
}

static void reports_missing_files_as_io_failures(void **state)
{
    (void)state;
    char *path = xstrdup(scratch_path("absent.yaml"));
    expect_read_refused(path, "No such file or directory");
    free(path);
}

static void replaces_files_whole_and_leaves_no_temporaries(void **state)
{
    (void)state;
    char *path = xstrdup(scratch_path("out.md"));
    struct diag_sink *sink = diag_sink_new();
    assert_true(file_write_atomic(path, "first\n", 6, sink));
    assert_true(file_write_atomic(path, "second\n", 7, sink));
    char *contents = read_file_text(path);
    assert_string_equal(contents, "second\n");
    free(contents);
    char command[256];
    snprintf(command, sizeof command, "test $(ls -A '%s' | grep -c golive-) -eq 0", scratch_folder);
    assert_int_equal(system(command), 0);
    diag_sink_free(sink);
    free(path);
}

static void a_failed_batch_changes_nothing(void **state)
{
    (void)state;
    char *kept = xstrdup(scratch_path("kept.md"));
    char *impossible = xstrdup(scratch_path("no-such-scratch_folder/out.md"));
    struct diag_sink *sink = diag_sink_new();
    assert_true(file_write_atomic(kept, "old\n", 4, sink));
    struct file_batch *batch = file_batch_new();
    assert_true(file_batch_stage(batch, kept, "new\n", 4, sink));
    assert_false(file_batch_stage(batch, impossible, "x", 1, sink));
    file_batch_free(batch); /* not committed: the staged file is removed */
    char *contents = read_file_text(kept);
    assert_string_equal(contents, "old\n");
    assert_int_equal(diag_exit_status(sink), 3);
    free(contents);
    diag_sink_free(sink);
    free(kept);
    free(impossible);
}

/* A rename that fails part-way (here: the second staged file vanished)
 * puts back every file already renamed, and removes the new one. */
static void a_commit_failing_part_way_puts_everything_back(void **state)
{
    (void)state;
    char *first = xstrdup(scratch_path("first.md"));
    char *second = xstrdup(scratch_path("second.md"));
    char *third = xstrdup(scratch_path("third.md"));
    struct diag_sink *sink = diag_sink_new();
    assert_true(file_write_atomic(first, "old first\n", 10, sink));
    assert_true(file_write_atomic(second, "old second\n", 11, sink));
    struct file_batch *batch = file_batch_new();
    assert_true(file_batch_stage(batch, first, "new first\n", 10, sink));
    assert_true(file_batch_stage(batch, third, "new third\n", 10, sink));
    assert_true(file_batch_stage(batch, second, "new second\n", 11, sink));
    char command[512];
    snprintf(command, sizeof command, "rm '%s'/.second.md.golive-*", scratch_folder);
    assert_int_equal(system(command), 0);
    assert_false(file_batch_commit(batch, sink));
    file_batch_free(batch);
    char *contents = read_file_text(first);
    assert_string_equal(contents, "old first\n");
    free(contents);
    contents = read_file_text(second);
    assert_string_equal(contents, "old second\n");
    free(contents);
    assert_false(file_exists_regular(third));
    snprintf(command, sizeof command, "test $(ls -A '%s' | grep -c golive-) -eq 0", scratch_folder);
    assert_int_equal(system(command), 0);
    char *text = diagnostics_text(sink);
    assert_non_null(strstr(text, "every file is as it was"));
    free(text);
    diag_sink_free(sink);
    free(first);
    free(second);
    free(third);
}

static void recognises_staging_names(void **state)
{
    (void)state;
    assert_true(file_is_staging_name(".audit.pdf.golive-Ab12Cd"));
    assert_true(file_is_staging_name(".MANIFEST.golive-xY34zW"));
    assert_false(file_is_staging_name("audit.pdf.golive-Ab12Cd"));
    assert_false(file_is_staging_name(".audit.pdf.golive-Ab12C"));
    assert_false(file_is_staging_name(".golive-Ab12Cd"));
    assert_false(file_is_staging_name(".audit.pdf.golive-Ab12C!"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(refuses_devices_folders_and_pipes_before_reading),
        cmocka_unit_test(refuses_files_over_the_size_limit),
        cmocka_unit_test(reports_missing_files_as_io_failures),
        cmocka_unit_test(replaces_files_whole_and_leaves_no_temporaries),
        cmocka_unit_test(a_failed_batch_changes_nothing),
        cmocka_unit_test(a_commit_failing_part_way_puts_everything_back),
        cmocka_unit_test(recognises_staging_names),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
