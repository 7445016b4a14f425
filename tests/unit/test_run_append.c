/* Unit tests for safe appends to run files: concurrent writers, a record cut
 * short by a crash, a full disk, and files that cannot be appended to. */
#include "test_support.h"

#include "alloc.h"
#include "file_io.h"
#include "model_read.h"
#include "recording.h"
#include "model_truncation.h"
#include "run_append.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *const run_head =
    "kind: run\nproject: project.yaml\nchecklist: cutover\nrecords:\n";

static void write_text(const char *path, const char *text)
{
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

static void result_line(struct buffer *out, const char *note)
{
    struct result_fields fields = {.item = "10",
                                   .status = "done",
                                   .by = "Åsa Lindqvist",
                                   .at = "2026-03-21T18:05:00+01:00",
                                   .note = note};
    run_format_result(out, &fields);
}

static void formats_one_quoted_line(void **state)
{
    (void)state;
    struct buffer line = {0};
    const char *keys[] = {"backup_ref"}, *values[] = {"db: \"prod\"\\2026"};
    struct result_fields fields = {"50",
                                   "done",
                                   "jw",
                                   "2026-03-21T18:05:00+01:00",
                                   "first line\nsecond, with comma",
                                   "go",
                                   keys,
                                   values,
                                   1,
                                   NULL,
                                   NULL,
                                   0,
                                   NULL,
                                   NULL};
    run_format_result(&line, &fields);
    assert_string_equal(
        buffer_text(&line),
        "- {item: \"50\", status: done, by: \"jw\", at: \"2026-03-21T18:05:00+01:00\", "
        "note: \"first line\\nsecond, with comma\", evidence: {backup_ref: "
        "\"db: \\\"prod\\\"\\\\2026\"}, decision: go}\n");
    buffer_free(&line);
}

/* Appends count records, each with a note naming the writer and number. */
static void append_many(const char *path, const char *writer, int count)
{
    for (int index = 0; index < count; index++) {
        char note[64];
        snprintf(note, sizeof note, "%s-%04d", writer, index);
        struct buffer line = {0};
        result_line(&line, note);
        struct diag_sink *sink = diag_sink_new();
        if (!run_append_record(path, buffer_text(&line), sink))
            _exit(1);
        diag_sink_free(sink);
        buffer_free(&line);
    }
}

/* Every append reads the whole run first, so the time grows with the square
 * of the records: four writers of 60 records each contend for the lock at
 * every append, as two writers of 1000 did, in a fraction of the time (and
 * within the time limit under AddressSanitizer). */
#define WRITERS 4
#define RECORDS_PER_WRITER 60

static void writers_lose_nothing(void **state)
{
    (void)state;
    const char *path = scratch_path("concurrent.yaml");
    write_text(path, run_head);
    pid_t children[WRITERS];
    const char *writers[WRITERS] = {"first", "second", "third", "fourth"};
    for (int child = 0; child < WRITERS; child++) {
        children[child] = fork();
        assert_true(children[child] >= 0);
        if (children[child] == 0) {
            append_many(path, writers[child], RECORDS_PER_WRITER);
            _exit(0);
        }
    }
    for (int child = 0; child < WRITERS; child++) {
        int status;
        waitpid(children[child], &status, 0);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    struct diag_sink *sink = diag_sink_new();
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), sink);
    assert_non_null(document);
    const struct node *records = read_list(yaml_document_root(document), "records");
    assert_int_equal(node_count(records), WRITERS * RECORDS_PER_WRITER);
    /* Each writer's records are all there, in its own order. */
    int next[WRITERS] = {0};
    for (size_t index = 0; index < node_count(records); index++) {
        const char *note = read_view(node_sequence_item(records, index), "note");
        int writer = 0;
        while (writer < WRITERS - 1 && strncmp(note, writers[writer], strlen(writers[writer])) != 0)
            writer++;
        char expected[64];
        snprintf(expected, sizeof expected, "%s-%04d", writers[writer], next[writer]++);
        assert_string_equal(note, expected);
    }
    for (int writer = 0; writer < WRITERS; writer++)
        assert_int_equal(next[writer], RECORDS_PER_WRITER);
    yaml_document_free(document);
    diag_sink_free(sink);
}

static void a_record_cut_short_is_reported_and_the_rest_recovered(void **state)
{
    (void)state;
    const char *path = scratch_path("crashed.yaml");
    struct buffer text = {0};
    buffer_append_text(&text, run_head);
    result_line(&text, "intact one");
    result_line(&text, "intact two");
    size_t intact = text.length;
    result_line(&text, "this record was being written when the power went");
    buffer_truncate(&text, intact + 40); /* the crash: half a record */
    write_text(path, buffer_text(&text));
    struct diag_sink *sink = diag_sink_new();
    char *record = xstrdup("- {item: \"10\", status: done, by: x, at: \"2026-03-21T18:00:00Z\"}\n");
    assert_false(run_append_record(path, record, sink));
    char *printed = diagnostics_text(sink);
    const char *note = "crashed.yaml:7:1: note: the last record looks cut short, as by an "
                       "interrupted write; the lines before it are intact: delete line 7 to "
                       "recover them\n";
    if (!strstr(printed, note))
        fail_msg("'%s' lacks '%s'", printed, note);
    free(printed);
    diag_sink_free(sink);
    /* Deleting the cut-short line gives back every earlier record. */
    buffer_truncate(&text, intact);
    write_text(path, buffer_text(&text));
    sink = diag_sink_new();
    assert_true(run_append_record(path, record, sink));
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), sink);
    assert_int_equal(node_count(read_list(yaml_document_root(document), "records")), 3);
    yaml_document_free(document);
    diag_sink_free(sink);
    free(record);
    buffer_free(&text);
}

/* A full disk, simulated with a file-size limit: the write fails part way
 * and the file must be cut back to exactly what it was. */
static void a_full_disk_leaves_the_file_as_it_was(void **state)
{
    (void)state;
    const char *path = scratch_path("full.yaml");
    struct buffer text = {0};
    buffer_append_text(&text, run_head);
    result_line(&text, "before the disk filled");
    write_text(path, buffer_text(&text));
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit limit = {text.length + 20, text.length + 20};
        setrlimit(RLIMIT_FSIZE, &limit);
        struct buffer line = {0};
        result_line(&line, "this record does not fit on the disk");
        struct diag_sink *sink = diag_sink_new();
        bool appended = run_append_record(path, buffer_text(&line), sink);
        char *printed = diagnostics_text(sink);
        bool said_so = strstr(printed, "cannot write the record: File too large; the file is "
                                       "unchanged") != NULL;
        if (!said_so)
            fprintf(stderr, "printed: %s\n", printed);
        _exit(!appended && said_so ? 0 : 1);
    }
    int status;
    waitpid(child, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char *after = read_file_text(path);
    assert_string_equal(after, buffer_text(&text));
    free(after);
    buffer_free(&text);
}

static void expect_not_appendable(const char *name, const char *text, const char *message)
{
    const char *path = scratch_path(name);
    write_text(path, text);
    struct buffer line = {0};
    result_line(&line, "x");
    struct diag_sink *sink = diag_sink_new();
    assert_false(run_append_record(path, buffer_text(&line), sink));
    char *printed = diagnostics_text(sink);
    if (!strstr(printed, message))
        fail_msg("'%s' lacks '%s'", printed, message);
    char *after = read_file_text(path);
    assert_string_equal(after, text);
    free(after);
    free(printed);
    diag_sink_free(sink);
    buffer_free(&line);
}

static void refuses_runs_where_appending_would_change_meaning(void **state)
{
    (void)state;
    expect_not_appendable(
        "records-first.yaml",
        "kind: run\nrecords:\n- {item: \"1\", status: done, by: a, at: \"2026-03-21T18:00:00Z\"}\n"
        "project: project.yaml\nchecklist: cutover\n",
        "'records' must be the last key of the run");
    expect_not_appendable("flow-records.yaml",
                          "kind: run\nproject: project.yaml\nchecklist: cutover\nrecords: []\n",
                          "a record cannot be appended safely");
}

static void appends_after_a_missing_final_newline(void **state)
{
    (void)state;
    const char *path = scratch_path("no-newline.yaml");
    struct buffer text = {0};
    buffer_append_text(&text, run_head);
    result_line(&text, "one");
    buffer_truncate(&text, text.length - 1);
    write_text(path, buffer_text(&text));
    struct buffer line = {0};
    result_line(&line, "two");
    struct diag_sink *sink = diag_sink_new();
    assert_true(run_append_record(path, buffer_text(&line), sink));
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), sink);
    assert_int_equal(node_count(read_list(yaml_document_root(document), "records")), 2);
    yaml_document_free(document);
    diag_sink_free(sink);
    buffer_free(&line);
    buffer_free(&text);
}

static void pause_briefly(void)
{
    struct timespec pause = {0, 300 * 1000 * 1000};
    nanosleep(&pause, NULL);
}

/* Waits until the other end of a pipe writes its byte. */
static void wait_for(int descriptor)
{
    char byte;
    assert_int_equal(read(descriptor, &byte, 1), 1);
}

/* A writer at work: under the lock, half a record is on disk when a reader
 * comes; the reader must wait for the whole record, not fail on the half. */
static void a_reader_waits_for_a_writer_at_work(void **state)
{
    (void)state;
    const char *path = scratch_path("busy.yaml");
    struct buffer text = {0}, line = {0};
    buffer_append_text(&text, run_head);
    result_line(&text, "before");
    write_text(path, buffer_text(&text));
    result_line(&line, "a record written in two parts, as a write crossing a page");
    int ready[2];
    assert_int_equal(pipe(ready), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        int descriptor = open(path, O_RDWR | O_APPEND);
        struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
        if (descriptor < 0 || fcntl(descriptor, F_SETLKW, &lock) != 0)
            _exit(1);
        size_t half = line.length / 2;
        if (write(descriptor, line.data, half) != (ssize_t)half || write(ready[1], "x", 1) != 1)
            _exit(1);
        pause_briefly();
        if (write(descriptor, line.data + half, line.length - half) !=
            (ssize_t)(line.length - half))
            _exit(1);
        _exit(0);
    }
    wait_for(ready[0]);
    struct diag_sink *sink = diag_sink_new();
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), sink);
    char *printed = diagnostics_text(sink);
    if (!document)
        fail_msg("a reader failed on a writer at work: %s", printed);
    assert_int_equal(node_count(read_list(yaml_document_root(document), "records")), 2);
    int status;
    waitpid(child, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    yaml_document_free(document);
    free(printed);
    diag_sink_free(sink);
    close(ready[0]);
    close(ready[1]);
    buffer_free(&line);
    buffer_free(&text);
}

/* An editor's save replaces the run by rename while an append waits for
 * the lock: the record must land in the file now at the path. */
static void an_append_follows_a_file_replaced_while_waiting(void **state)
{
    (void)state;
    char path[512], replacement[512];
    snprintf(path, sizeof path, "%s", scratch_path("replaced.yaml"));
    snprintf(replacement, sizeof replacement, "%s", scratch_path("replaced.yaml.new"));
    struct buffer text = {0}, line = {0};
    buffer_append_text(&text, run_head);
    result_line(&text, "in the old file");
    write_text(path, buffer_text(&text));
    buffer_truncate(&text, strlen(run_head));
    result_line(&text, "in the file that replaced it");
    int ready[2];
    assert_int_equal(pipe(ready), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        int descriptor = open(path, O_RDWR);
        struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
        if (descriptor < 0 || fcntl(descriptor, F_SETLKW, &lock) != 0 ||
            write(ready[1], "x", 1) != 1)
            _exit(1);
        pause_briefly(); /* the append is waiting for the lock now */
        write_text(replacement, buffer_text(&text));
        _exit(rename(replacement, path) == 0 ? 0 : 1);
    }
    wait_for(ready[0]);
    result_line(&line, "appended");
    struct diag_sink *sink = diag_sink_new();
    assert_true(run_append_record(path, buffer_text(&line), sink));
    int status;
    waitpid(child, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char *after = read_file_text(path);
    if (!strstr(after, "in the file that replaced it") || !strstr(after, "appended"))
        fail_msg("the record did not reach the file at the path: %s", after);
    free(after);
    diag_sink_free(sink);
    close(ready[0]);
    close(ready[1]);
    buffer_free(&line);
    buffer_free(&text);
}

/* Cut short right after the closing brace of its evidence: still a record
 * cut short, and no error past the end of the file. */
static void a_record_cut_after_an_inner_brace_is_reported(void **state)
{
    (void)state;
    const char *path = scratch_path("cut-inner.yaml");
    struct buffer text = {0};
    buffer_append_text(&text, run_head);
    result_line(&text, "intact");
    buffer_append_text(&text, "- {item: \"10\", status: done, evidence: {backup_ref: \"x\"}");
    write_text(path, buffer_text(&text));
    struct diag_sink *sink = diag_sink_new();
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), sink);
    assert_null(document);
    run_note_truncation(path, buffer_text(&text), text.length, sink);
    char *printed = diagnostics_text(sink);
    if (!strstr(printed, "cut-inner.yaml:6:1: note: the last record looks cut short"))
        fail_msg("no note in '%s'", printed);
    if (strstr(printed, "cut-inner.yaml:7:"))
        fail_msg("an error past the end of the file: '%s'", printed);
    free(printed);
    diag_sink_free(sink);
    buffer_free(&text);
}

/* Records indented under 'records:' form a block list too (check accepts
 * them): the appended record takes their indentation. */
static void appends_to_an_indented_block_list(void **state)
{
    (void)state;
    const char *path = scratch_path("indented.yaml");
    struct buffer text = {0}, line = {0};
    buffer_append_text(&text, run_head);
    buffer_append_text(&text, "  ");
    result_line(&text, "one");
    write_text(path, buffer_text(&text));
    result_line(&line, "two");
    struct diag_sink *sink = diag_sink_new();
    bool appended = run_append_record(path, buffer_text(&line), sink);
    char *printed = diagnostics_text(sink);
    if (!appended)
        fail_msg("refused: %s", printed);
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), sink);
    assert_non_null(document);
    assert_int_equal(node_count(read_list(yaml_document_root(document), "records")), 2);
    yaml_document_free(document);
    free(printed);
    diag_sink_free(sink);
    buffer_free(&line);
    buffer_free(&text);
}

static void command_line_values_meet_the_file_rules(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    assert_false(recording_check_value("ok\x1b[2J", "note", FIELD_MARKDOWN, NULL, sink));
    assert_false(recording_check_value("caf\xe9", "by", FIELD_TEXT, NULL, sink));
    assert_false(recording_check_value("two\nlines", "by", FIELD_TEXT, NULL, sink));
    assert_true(recording_check_value("two\nlines", "note", FIELD_MARKDOWN, NULL, sink));
    char *printed = diagnostics_text(sink);
    assert_string_equal(printed, "golive: error: the value of 'note' holds escape (U+001B)\n"
                                 "golive: error: the value of 'by' is not valid UTF-8\n"
                                 "golive: error: 'by' must be one line of text\n");
    free(printed);
    diag_sink_free(sink);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formats_one_quoted_line),
        cmocka_unit_test(writers_lose_nothing),
        cmocka_unit_test(a_record_cut_short_is_reported_and_the_rest_recovered),
        cmocka_unit_test(a_full_disk_leaves_the_file_as_it_was),
        cmocka_unit_test(refuses_runs_where_appending_would_change_meaning),
        cmocka_unit_test(appends_after_a_missing_final_newline),
        cmocka_unit_test(command_line_values_meet_the_file_rules),
        cmocka_unit_test(a_reader_waits_for_a_writer_at_work),
        cmocka_unit_test(an_append_follows_a_file_replaced_while_waiting),
        cmocka_unit_test(a_record_cut_after_an_inner_brace_is_reported),
        cmocka_unit_test(appends_to_an_indented_block_list),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
