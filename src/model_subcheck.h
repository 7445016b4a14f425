/* Sub-checks: the boxes under a step recorded one by one (STEP.ID). */
#ifndef GOLIVE_MODEL_SUBCHECK_H
#define GOLIVE_MODEL_SUBCHECK_H

#include "diag.h"
#include "model.h"
#include "node.h"

/* subchecks_build: the step's subchecks list; subchecks_check_ids
 * reports ids used twice in one step. */
void subchecks_build(struct arena *arena, struct item *item, const struct node *mapping);
void subchecks_check_ids(const struct item *item, struct diag_sink *sink);

/* checklist_find_subcheck: the sub-check named STEP.ID, or NULL; *step
 * is set to its step. A step's own id is never a sub-check's. */
const struct subcheck *checklist_find_subcheck(const struct checklist *checklist, const char *id,
                                               const struct item **step);

#endif
