/* The evidence values of a typed-in sheet's line (golive mark --from):
 * KEY=VALUE words after the initials, as golive mark --evidence KEY=VALUE
 * gives them; a value with spaces in double quotes (rows="48 213"). */
#ifndef GOLIVE_CLI_MARK_EVIDENCE_H
#define GOLIVE_CLI_MARK_EVIDENCE_H

#include "diag.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

struct sheet_evidence {
    char **keys, **values;
    unsigned *columns; /* each KEY's column on the line */
    size_t count, keys_capacity, values_capacity, columns_capacity;
};

/* sheet_evidence_read: the KEY=VALUE words from *at on, *at left after
 * them; false (after saying why) for a quoted value left open. */
bool sheet_evidence_read(const char *line, const char **at, struct source_position where,
                         struct sheet_evidence *out, struct diag_sink *sink);

/* sheet_evidence_check: each key is evidence the step asks for, each value
 * one line of text, as golive mark checks them; errors at each KEY. */
bool sheet_evidence_check(const struct checklist *checklist, const char *item_id,
                          const struct sheet_evidence *evidence, struct source_position where,
                          struct diag_sink *sink);

void sheet_evidence_free(struct sheet_evidence *evidence);

#endif
