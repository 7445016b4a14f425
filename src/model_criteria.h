/* Success criteria: each checklist's, as its text alone or with an id, and
 * how each was met as the project's close-out assesses it (state, date,
 * assessor, evidence, attached files, note). */
#ifndef GOLIVE_MODEL_CRITERIA_H
#define GOLIVE_MODEL_CRITERIA_H

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "node.h"

/* success_criteria_build: the checklist's 'success_criteria' from its
 * validated tree; an id given twice is reported. */
void success_criteria_build(struct arena *arena, struct checklist *checklist,
                            const struct node *root, struct diag_sink *sink);

/* success_criteria_assess: applies the project's closeout.success_criteria
 * (project_root is its tree) to the criteria of the loaded checklists; a
 * criterion that no checklist has, or one assessed twice, is reported. */
void success_criteria_assess(struct model *model, const struct node *project_root,
                             struct diag_sink *sink);

#endif
