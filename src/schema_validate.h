/* Checking a loaded tree against a schema: every key known and typed,
 * required keys present, choices from their lists, with "did you mean"
 * hints. Reports every problem and carries on, so one run lists them all. */
#ifndef GOLIVE_SCHEMA_VALIDATE_H
#define GOLIVE_SCHEMA_VALIDATE_H

#include "diag.h"
#include "node.h"
#include "schema.h"

#include <stdbool.h>

/* schema_detect_kind: reads the top-level "kind" of a file's root. Reports
 * a missing or unknown kind and returns false. */
bool schema_detect_kind(const struct node *root, const char *path, enum input_kind *kind,
                        struct diag_sink *sink);

/* schema_validate: checks root against schema. Returns true when nothing
 * was reported. */
bool schema_validate(const struct node *root, const struct schema *schema, struct diag_sink *sink);

/* schema_check_value: checks one scalar node against a type (and choices for
 * FIELD_ENUM); what schema_validate does for each scalar. key names the
 * value in messages. Used by golive mark and sign for command-line values
 * too. Returns true when valid. */
bool schema_check_value(const struct node *value, const char *key, enum field_type type,
                        const char *const *choices, struct diag_sink *sink);

/* schema_join_choices: "a, b or c" into out. */
void schema_join_choices(const char *const *choices, char *out, size_t size);

#endif
