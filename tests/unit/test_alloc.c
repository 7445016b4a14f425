/* alloc: the one growth helper, and the one fatal path (exit status 70,
 * never an abort's 134); the arena the model lives in. */
#include "test_support.h"

#include "alloc.h"
#include "arena.h"
#include "cli.h"
#include "exit_status.h"

#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs body in a child whose stderr goes to a scratch file; returns its
 * wait status and leaves what it printed in *printed (caller frees). */
static int in_child(void (*body)(void), const char *name, char **printed)
{
    const char *path = scratch_path(name);
    fflush(stderr);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        int file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (file < 0 || dup2(file, 2) < 0)
            _exit(99);
        body();
        _exit(0); /* body should not have returned */
    }
    int status = 0;
    assert_true(waitpid(child, &status, 0) == child);
    *printed = read_file_text(path);
    return status;
}

static void expect_fatal(int status, const char *printed, const char *message)
{
    if (!WIFEXITED(status))
        fail_msg("the child died of signal %d instead of exiting", WTERMSIG(status));
    assert_int_equal(WEXITSTATUS(status), EXIT_STATUS_INTERNAL);
    if (!strstr(printed, message))
        fail_msg("stderr was '%s', without '%s'", printed, message);
}

static void grow_past_any_memory(void)
{
    size_t capacity = 0;
    (void)xgrow(NULL, &capacity, SIZE_MAX / 4, 16); /* bytes beyond size_t */
}

static void growth_too_big_exits_70(void **state)
{
    (void)state;
    char *printed = NULL;
    int status = in_child(grow_past_any_memory, "grow.err", &printed);
    expect_fatal(status, printed, "golive: fatal: out of memory");
    free(printed);
}

static int ask_undeclared_option(const struct cli_invocation *invocation)
{
    return cli_flag(invocation, "undeclared") ? 0 : 1;
}

static void run_buggy_command(void)
{
    static const struct cli_option none[] = {{0}};
    static const struct cli_command buggy = {.name = "buggy",
                                             .synopsis = "",
                                             .summary = "",
                                             .description = "",
                                             .options = none,
                                             .execute = ask_undeclared_option};
    char *argv[] = {NULL};
    cli_run(&buggy, 0, argv);
}

/* A bug in golive is an internal failure: 70, as golive(1) says. */
static void undeclared_option_exits_70(void **state)
{
    (void)state;
    char *printed = NULL;
    int status = in_child(run_buggy_command, "option.err", &printed);
    expect_fatal(status, printed, "option --undeclared is not declared");
    free(printed);
}

/* Appending one by one costs few reallocations: the helper doubles. */
static void appends_keep_values_and_grow_geometrically(void **state)
{
    (void)state;
    size_t *values = NULL, capacity = 0, changes = 0;
    for (size_t count = 0; count < 100000; count++) {
        size_t before = capacity;
        values = xgrow(values, &capacity, count + 1, sizeof *values);
        changes += capacity != before;
        assert_true(capacity >= count + 1);
        values[count] = count * 7;
    }
    for (size_t count = 0; count < 100000; count++)
        assert_int_equal(values[count], count * 7);
    assert_true(changes <= 20);
    free(values);
}

/* An array in an arena keeps its values as it grows, and grows as xgrow
 * does; small and large blocks are aligned for any type and distinct. */
static void arena_arrays_keep_values_and_grow_geometrically(void **state)
{
    (void)state;
    struct arena *arena = arena_new();
    size_t *values = NULL, capacity = 0, changes = 0;
    for (size_t count = 0; count < 100000; count++) {
        size_t before = capacity;
        values = arena_grow(arena, values, &capacity, count + 1, sizeof *values);
        changes += capacity != before;
        values[count] = count * 7;
    }
    for (size_t count = 0; count < 100000; count++)
        assert_int_equal(values[count], count * 7);
    assert_true(changes <= 20);
    char *big = arena_calloc(arena, 1, 1 << 20), *small = arena_strndup(arena, "abcdef", 3);
    assert_int_equal((uintptr_t)big % _Alignof(max_align_t), 0);
    assert_int_equal((uintptr_t)small % _Alignof(max_align_t), 0);
    assert_int_equal(big[(1 << 20) - 1], 0);
    assert_string_equal(small, "abc");
    assert_string_equal(arena_strdup(arena, ""), "");
    assert_null(arena_strdup_or_null(arena, NULL));
    arena_free(arena);
}

static struct {
    int calls;
} release_log;

static void log_release(void *data)
{
    *(int *)data = ++release_log.calls;
}

/* arena_free releases what was handed to it, the latest first, once. */
static void arena_releases_the_latest_first(void **state)
{
    (void)state;
    int first = 0, second = 0;
    release_log.calls = 0;
    struct arena *arena = arena_new();
    arena_on_free(arena, log_release, &first);
    arena_on_free(arena, log_release, &second);
    arena_free(arena);
    assert_int_equal(release_log.calls, 2);
    assert_int_equal(second, 1);
    assert_int_equal(first, 2);
    arena_free(NULL);
}

static struct arena *child_arena; /* reachable, so LeakSanitizer lets the child exit 70 */

static void arena_past_any_memory(void)
{
    child_arena = arena_new();
    (void)arena_calloc(child_arena, SIZE_MAX / 4, 16);
}

static void arena_too_big_exits_70(void **state)
{
    (void)state;
    char *printed = NULL;
    int status = in_child(arena_past_any_memory, "arena.err", &printed);
    expect_fatal(status, printed, "golive: fatal: out of memory");
    free(printed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(appends_keep_values_and_grow_geometrically),
        cmocka_unit_test(growth_too_big_exits_70),
        cmocka_unit_test(undeclared_option_exits_70),
        cmocka_unit_test(arena_arrays_keep_values_and_grow_geometrically),
        cmocka_unit_test(arena_releases_the_latest_first),
        cmocka_unit_test(arena_too_big_exits_70),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
