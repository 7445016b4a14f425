/* What golive mark and golive sign share: loading the engagement a run
 * belongs to, and checking command-line values the way the schema checks
 * the same values in a file. */
#ifndef GOLIVE_RECORDING_H
#define GOLIVE_RECORDING_H

#include "diag.h"
#include "model.h"
#include "schema.h"

#include <stdbool.h>

struct recording {
    struct model *model;
    const struct checklist_use *use; /* the project's entry for this run */
};

/* recording_load: loads the run at run_path, the project it names and
 * everything that project names. Fails, after reporting, unless all of it
 * is valid and the project lists this run: a record is only added to an
 * engagement that can be trusted. */
bool recording_load(const char *run_path, struct diag_sink *sink, struct recording *out);
void recording_free(struct recording *recording);

/* recording_check_value: checks a command-line value against a field type
 * (and choices), with the schema's messages. NULL text passes. */
bool recording_check_value(const char *text, const char *key, enum field_type type,
                           const char *const *choices, struct diag_sink *sink);

#endif
