/* Sub-checks: building them and finding one by its STEP.ID. */
#include "model_subcheck.h"

#include "alloc.h"
#include "model_checklist.h"
#include "model_read.h"

#include <stdlib.h>
#include <string.h>

static const struct subcheck *find_in_step(const struct item *item, const char *id)
{
    for (size_t index = 0; index < item->subcheck_count; index++)
        if (item->subchecks[index].id && strcmp(item->subchecks[index].id, id) == 0)
            return &item->subchecks[index];
    return NULL;
}

void subchecks_build(struct arena *arena, struct item *item, const struct node *mapping)
{
    const struct node *list = read_list(mapping, "subchecks");
    size_t count = list ? node_count(list) : 0;
    item->subchecks = arena_calloc(arena, count + 1, sizeof(struct subcheck));
    for (size_t index = 0; index < count; index++) {
        const struct node *entry = node_sequence_item(list, index);
        if (node_kind(entry) != NODE_MAPPING)
            continue;
        struct subcheck *subcheck = &item->subchecks[item->subcheck_count++];
        subcheck->id = read_text(arena, entry, "id");
        subcheck->title = read_text(arena, entry, "title");
        subcheck->required = read_bool(entry, "required", true);
        subcheck->position = node_position(entry);
    }
}

void subchecks_check_ids(const struct item *item, struct diag_sink *sink)
{
    for (size_t index = 0; index < item->subcheck_count; index++) {
        const struct subcheck *subcheck = &item->subchecks[index];
        const struct subcheck *first = subcheck->id ? find_in_step(item, subcheck->id) : NULL;
        if (first && first != subcheck)
            diag(sink, DIAG_DUPLICATE_ID, subcheck->position,
                 "duplicate sub-check id '%s' in step %s (first defined at line %u)", subcheck->id,
                 item->id ? item->id : "?", first->position.line);
    }
}

const struct subcheck *checklist_find_subcheck(const struct checklist *checklist, const char *id,
                                               const struct item **step)
{
    *step = NULL;
    const char *dot = strrchr(id, '.');
    if (!dot || checklist_find_item(checklist, id))
        return NULL;
    char *step_id = xstrndup(id, (size_t)(dot - id));
    const struct item *item = checklist_find_item(checklist, step_id);
    free(step_id);
    const struct subcheck *subcheck = item ? find_in_step(item, dot + 1) : NULL;
    if (subcheck)
        *step = item;
    return subcheck;
}
