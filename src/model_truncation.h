/* A run file that fails to load may end in a record cut short by an
 * interrupted write: the loader (and mark and sign, before appending) say
 * so, and how to recover the records before it. */
#ifndef GOLIVE_MODEL_TRUNCATION_H
#define GOLIVE_MODEL_TRUNCATION_H

#include "diag.h"

#include <stddef.h>

/* run_note_truncation: when the last line of text, a run that failed to
 * load, is a record cut short (a line starting "- {" without its closing
 * brace), adds a note saying so and how to recover the records before it. */
void run_note_truncation(const char *path, const char *text, size_t length, struct diag_sink *sink);

/* model_note_truncated_run: run_note_truncation for the run file at path,
 * read again (a file that cannot be read adds nothing). */
void model_note_truncated_run(const char *path, struct diag_sink *sink);

#endif
