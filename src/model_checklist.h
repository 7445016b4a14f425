/* Building a checklist from its validated tree, and checking what the schema
 * cannot: unique ids, declared owners, resolvable and acyclic dependencies,
 * outcomes only on decision points. */
#ifndef GOLIVE_MODEL_CHECKLIST_H
#define GOLIVE_MODEL_CHECKLIST_H

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "node.h"

/* checklist_build: builds the checklist at root (a file called path) and
 * reports every problem of meaning to sink. Always returns a checklist,
 * complete as far as the input allows; it lives in arena. */
struct checklist *checklist_build(struct arena *arena, const struct node *root, const char *path,
                                  struct diag_sink *sink);

/* checklist_check_cycles: reports every dependency cycle among the steps,
 * spelled out step by step (called by checklist_build). */
void checklist_check_cycles(const struct checklist *checklist, struct diag_sink *sink);

/* checklist_find_item: the step with this id, or NULL. */
const struct item *checklist_find_item(const struct checklist *checklist, const char *id);

/* checklist_item_ids: every step id, in order, for "did you mean" (the
 * array is the caller's to free; the strings are the checklist's). */
const char **checklist_item_ids(const struct checklist *checklist);

/* CHECKLIST_FOR_EACH_ITEM: loops over every step, phase by phase, in order. */
#define CHECKLIST_FOR_EACH_ITEM(checklist, phase_var, item_var)                                    \
    for (struct phase *phase_var = (checklist)->phases;                                            \
         phase_var < (checklist)->phases + (checklist)->phase_count; phase_var++)                  \
        for (struct item *item_var = phase_var->items;                                             \
             item_var < phase_var->items + phase_var->item_count; item_var++)

#endif
