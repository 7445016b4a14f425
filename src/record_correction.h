/* Corrections: a record is never edited; a new record for the same step
 * says which record it corrects ('corrects': that record's line in the run)
 * and why ('reason'). The corrected record then counts for nothing but the
 * history, where the documents show both. Only a step's latest record can
 * be corrected: a later record already supersedes the others. */
#ifndef GOLIVE_RECORD_CORRECTION_H
#define GOLIVE_RECORD_CORRECTION_H

#include "diag.h"
#include "model.h"

#include <stdbool.h>

/* record_correction_target: checks that a correction of step item_id at
 * line `line` of run, standing at `at_line` (0: to be appended), may correct
 * it, and returns the record corrected; NULL after reporting at `where`. */
const struct result_record *record_correction_target(const struct run *run, const char *item_id,
                                                     unsigned line, unsigned at_line,
                                                     struct source_position where,
                                                     struct diag_sink *sink);

/* record_correction_resolve: checks every correction of run and links each
 * corrected record to the record that corrects it. */
void record_correction_resolve(struct run *run, struct diag_sink *sink);

#endif
