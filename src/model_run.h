/* Building a run (results and sign-offs) from its validated tree, and
 * resolving its records against the checklist and project they belong to. */
#ifndef GOLIVE_MODEL_RUN_H
#define GOLIVE_MODEL_RUN_H

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "node.h"

/* run_build: the records as written, in file order. Always returns a run. */
struct run *run_build(struct arena *arena, const struct node *root, const char *path);

/* run_resolve: links each result to its step and each sign-off to its
 * signatory, and reports what does not fit: unknown steps and signatories,
 * decisions on steps that are not decision points or outcomes they do not
 * allow, decision points closed without an outcome, skips without a reason,
 * evidence the step does not ask for, conditions that do not match the
 * decision. root is the run's tree (for positions). */
void run_resolve(struct run *run, const struct node *root, const struct checklist *checklist,
                 const struct project *project, struct diag_sink *sink);

/* run_condition_number: N when id is SIGNATORY.N and the last sign-off of
 * SIGNATORY above before_line in run has at least N conditions; else 0. */
size_t run_condition_number(const struct run *run, const char *id, unsigned before_line);
/* run_condition_unknown: the error for an id that names no such condition,
 * with the nearest condition id above before_line as a hint. */
void run_condition_unknown(const struct run *run, const char *id, unsigned before_line,
                           struct source_position position, struct diag_sink *sink);

#endif
