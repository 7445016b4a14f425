/* Finding the public suites' files; skipping loudly when they are absent. */
#include "suite_common.h"

#include "alloc.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(char *const *)left, *(char *const *)right);
}

int suite_list_files(const char *directory, const char *suffix, const char *suite_name,
                     char ***names, size_t *count)
{
    DIR *folder = opendir(directory);
    if (!folder) {
        const char *ci = getenv("CI");
        bool in_ci = ci && strcmp(ci, "true") == 0;
        printf("%s %s: the folder '%s' is absent; ../shared/conformance is needed to run it\n"
               "  get it from https://github.com/yaml/yaml-test-suite (src/ into yaml/src),\n"
               "  https://github.com/mustache/spec (specs/*.yml into mustache/),\n"
               "  https://github.com/commonmark/commonmark-spec (into commonmark/commonmark-spec)\n"
               "  and https://github.com/github/cmark-gfm (test/spec.txt, test/extensions.txt\n"
               "  into commonmark/gfm); see README.md, \"Layout\"\n",
               in_ci ? "FAIL" : "SKIPPED", suite_name, directory);
        return in_ci ? 1 : SUITE_SKIPPED;
    }
    *names = NULL;
    *count = 0;
    size_t suffix_length = strlen(suffix);
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        size_t length = strlen(entry->d_name);
        if (length <= suffix_length || strcmp(entry->d_name + length - suffix_length, suffix))
            continue;
        *names = xreallocarray(*names, *count + 1, sizeof(char *));
        (*names)[(*count)++] = xstrdup(entry->d_name);
    }
    closedir(folder);
    if (*count > 1)
        qsort(*names, *count, sizeof(char *), compare_names);
    return -1;
}

void suite_free_names(char **names, size_t count)
{
    for (size_t index = 0; index < count; index++)
        free(names[index]);
    free(names);
}
