/* Shared by the test programs that read the public suites in
 * ../shared/conformance: finding their files, and skipping loudly. */
#ifndef GOLIVE_SUITE_COMMON_H
#define GOLIVE_SUITE_COMMON_H

#include <stddef.h>

/* The exit status CTest treats as "skipped" (SKIP_RETURN_CODE). */
#define SUITE_SKIPPED 77

/* suite_list_files: the names in directory ending in suffix, sorted. Returns
 * -1 when found; otherwise the exit status to return at once: SUITE_SKIPPED
 * with a message when the folder is absent (1 when CI=true, where an absent
 * suite is a failure). */
int suite_list_files(const char *directory, const char *suffix, const char *suite_name,
                     char ***names, size_t *count);
void suite_free_names(char **names, size_t count);

#endif
