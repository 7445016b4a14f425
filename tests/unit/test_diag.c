/* Unit tests for diagnostics and suggestions: order, cap, duplicates,
 * escaping of control characters, exit statuses. */
#include "test_support.h"

#include "exit_status.h"
#include "golive_limits.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void prints_in_file_order(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct source_position second = {"b.yaml", 2, 1}, first = {"a.yaml", 9, 4},
                           earlier = {"a.yaml", 3, 7};
    diag(sink, DIAG_UNKNOWN_KEY, first, "one");
    diag(sink, DIAG_UNKNOWN_KEY, second, "two");
    diag(sink, DIAG_UNKNOWN_KEY, earlier, "three");
    char *text = diagnostics_text(sink);
    assert_string_equal(text, "a.yaml:3:7: error: three\na.yaml:9:4: error: one\n"
                              "b.yaml:2:1: error: two\n");
    free(text);
    diag_sink_free(sink);
}

static void caps_and_counts_what_it_leaves_out(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    for (unsigned line = 1; line <= LIMIT_DIAGNOSTICS + 7; line++)
        diag(sink, DIAG_UNKNOWN_KEY, (struct source_position){"a.yaml", line, 1}, "x");
    char *text = diagnostics_text(sink);
    assert_non_null(strstr(text, "golive: 7 more diagnostics not shown"));
    assert_int_equal(diag_error_count(sink), LIMIT_DIAGNOSTICS + 7);
    free(text);
    diag_sink_free(sink);
}

static void never_prints_control_characters(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    diag(sink, DIAG_UNKNOWN_KEY, (struct source_position){"evil\x1b].yaml", 1, 1}, "key '%s'",
         "a\x1b[2Jb\x9b\xff");
    char *text = diagnostics_text(sink);
    assert_string_equal(text, "evil\\x1B].yaml:1:1: error: key 'a\\x1B[2Jb\\x9B\\xFF'\n");
    free(text);
    diag_sink_free(sink);
}

static void prints_a_repeated_diagnostic_once(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct source_position at = {"a.yaml", 4, 2};
    diag(sink, DIAG_UNKNOWN_KEY, at, "same");
    diag(sink, DIAG_UNKNOWN_KEY, at, "same");
    char *text = diagnostics_text(sink);
    assert_string_equal(text, "a.yaml:4:2: error: same\n");
    free(text);
    diag_sink_free(sink);
}

static void exit_status_is_the_worst_error(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct source_position at = {"a.yaml", 1, 1};
    assert_int_equal(diag_exit_status(sink), EXIT_STATUS_OK);
    diag(sink, DIAG_ROLE_UNASSIGNED, at, "a warning");
    assert_int_equal(diag_exit_status(sink), EXIT_STATUS_OK);
    diag(sink, DIAG_UNKNOWN_KEY, at, "invalid");
    assert_int_equal(diag_exit_status(sink), EXIT_STATUS_INVALID_INPUT);
    diag(sink, DIAG_FILE_OPEN, at, "io");
    diag(sink, DIAG_UNKNOWN_KEY, at, "invalid again");
    assert_int_equal(diag_exit_status(sink), EXIT_STATUS_IO_FAILURE);
    diag_sink_free(sink);
}

static void every_code_has_a_name_and_a_fix(void **state)
{
    (void)state;
    for (int code = 0; code < DIAG_CODE_COUNT; code++) {
        assert_non_null(diag_code_name((enum diag_code)code));
        assert_non_null(diag_code_fix((enum diag_code)code));
        if (code != DIAG_NOTE_PREVIOUS)
            assert_true(strlen(diag_code_fix((enum diag_code)code)) > 10);
        for (int other = 0; other < code; other++)
            assert_string_not_equal(diag_code_name((enum diag_code)code),
                                    diag_code_name((enum diag_code)other));
    }
}

/* The manual's DIAGNOSTICS section lists every code with its fix, in roff
 * (where '-' is written '\-'). */
static void roff_text(const char *text, char *out, size_t size)
{
    size_t used = 0;
    for (const char *at = text; *at && used + 3 < size; at++) {
        if (*at == '-' || *at == '\\')
            out[used++] = '\\';
        out[used++] = *at == '\\' ? 'e' : *at;
    }
    out[used] = '\0';
}

static void the_manual_lists_every_code_and_its_fix(void **state)
{
    (void)state;
    char *manual = read_file_text(GOLIVE_DATADIR "/docs/golive.1");
    for (int code = 0; code < DIAG_CODE_COUNT; code++) {
        if (code == DIAG_NOTE_PREVIOUS)
            continue;
        char name[128], fix[512], entry[700];
        roff_text(diag_code_name((enum diag_code)code), name, sizeof name);
        roff_text(diag_code_fix((enum diag_code)code), fix, sizeof fix);
        snprintf(entry, sizeof entry, ".B %s\n%s%s\n", name, fix[0] == '.' ? "\\&" : "", fix);
        if (!strstr(manual, entry))
            fail_msg("docs/golive.1 lacks the entry for %s:\n%s",
                     diag_code_name((enum diag_code)code), entry);
    }
    free(manual);
}

static void suggests_only_plausible_typos(void **state)
{
    (void)state;
    const char *keys[] = {"title", "owner", "blocking", "required", "depends_on"};
    assert_string_equal(suggest_closest("tittle", keys, 5), "title");
    assert_string_equal(suggest_closest("ownr", keys, 5), "owner");
    assert_string_equal(suggest_closest("blokcing", keys, 5), "blocking");
    assert_string_equal(suggest_closest("Title", keys, 5), "title");
    assert_string_equal(suggest_closest("depends-on", keys, 5), "depends_on");
    assert_null(suggest_closest("colour", keys, 5));
    assert_null(suggest_closest("x", keys, 5));
    char hint[96];
    assert_string_equal(suggest_hint("reqired", keys, 5, hint, sizeof hint),
                        "; did you mean 'required'?");
    assert_string_equal(suggest_hint("zzz", keys, 5, hint, sizeof hint), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prints_in_file_order),
        cmocka_unit_test(caps_and_counts_what_it_leaves_out),
        cmocka_unit_test(never_prints_control_characters),
        cmocka_unit_test(prints_a_repeated_diagnostic_once),
        cmocka_unit_test(exit_status_is_the_worst_error),
        cmocka_unit_test(every_code_has_a_name_and_a_fix),
        cmocka_unit_test(suggests_only_plausible_typos),
        cmocka_unit_test(the_manual_lists_every_code_and_its_fix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
