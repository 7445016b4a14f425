/* Helpers shared by the unit tests: cmocka, loading YAML from a string, and
 * comparing the diagnostics a refusal prints. */
#ifndef GOLIVE_TEST_SUPPORT_H
#define GOLIVE_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buffer.h"
#include "diag.h"
#include "yaml_load.h"

struct loaded {
    struct diag_sink *sink;
    struct yaml_document *document;
};

/* load: parses text as a file called "t.yaml". */
struct loaded load(const char *text);
void loaded_free(struct loaded *loaded);

/* diagnostics_text: what diag_print would write, as a string (caller frees). */
char *diagnostics_text(const struct diag_sink *sink);

/* expect_refusal: text must fail to load, printing exactly expected. */
void expect_refusal(const char *text, const char *expected);
void expect_refusal_length(const char *text, size_t length, const char *expected);

/* read_file_text: the whole of a file that must be readable (caller frees). */
char *read_file_text(const char *path);

/* A scratch folder for tests that need files: created by scratch_setup
 * (a cmocka group setup) and removed with its contents by scratch_teardown. */
extern char scratch_folder[];
int scratch_setup(void **state);
int scratch_teardown(void **state);
/* scratch_path: scratch_folder/name, in a static buffer. */
const char *scratch_path(const char *name);
/* scratch_write: writes text as scratch_folder/name. */
void scratch_write(const char *name, const char *text);

#endif
