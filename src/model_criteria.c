/* Success criteria and their assessment (model_criteria.h). */
#include "model_criteria.h"

#include "alloc.h"
#include "attachment.h"
#include "buffer.h"
#include "model_project.h"
#include "model_read.h"
#include "schema.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_ids(const struct checklist *checklist, const struct node *list,
                      struct diag_sink *sink)
{
    for (size_t index = 0; index < checklist->success_criterion_count; index++) {
        const struct success_criterion *criterion = &checklist->success_criteria[index];
        for (size_t before = 0; criterion->id && before < index; before++) {
            const struct success_criterion *other = &checklist->success_criteria[before];
            if (other->id && strcmp(other->id, criterion->id) == 0) {
                diag(sink, DIAG_DUPLICATE_ID, read_position(node_sequence_item(list, index), "id"),
                     "duplicate success criterion id '%s' (first defined at line %u)",
                     criterion->id, other->position.line);
                break;
            }
        }
    }
}

void success_criteria_build(struct arena *arena, struct checklist *checklist,
                            const struct node *root, struct diag_sink *sink)
{
    const struct node *list = read_list(root, "success_criteria");
    size_t count = list ? node_count(list) : 0;
    checklist->success_criteria = arena_calloc(arena, count + 1, sizeof(struct success_criterion));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        struct success_criterion *criterion =
            &checklist->success_criteria[checklist->success_criterion_count];
        criterion->position = node_position(node);
        if (node_kind(node) == NODE_SCALAR && node_scalar_length(node))
            criterion->text = arena_strdup(arena, node_scalar_text(node));
        else if (node_kind(node) == NODE_MAPPING) {
            criterion->text = read_text(arena, node, "criterion");
            criterion->id = read_text(arena, node, "id");
        }
        checklist->success_criterion_count += criterion->text != NULL;
    }
    check_ids(checklist, list, sink);
}

/* The criterion NAME names: CHECKLIST.ID, or CHECKLIST.N for the Nth. */
static struct success_criterion *find_criterion(const struct model *model, const char *name)
{
    for (size_t index = 0; index < model->checklist_count; index++) {
        struct checklist *checklist = model->checklists[index];
        size_t length = checklist->id ? strlen(checklist->id) : 0;
        if (!length || strncmp(name, checklist->id, length) != 0 || name[length] != '.')
            continue;
        const char *rest = name + length + 1;
        for (size_t at = 0; at < checklist->success_criterion_count; at++) {
            struct success_criterion *criterion = &checklist->success_criteria[at];
            char number[24];
            snprintf(number, sizeof number, "%zu", at + 1);
            if ((criterion->id && strcmp(criterion->id, rest) == 0) || strcmp(number, rest) == 0)
                return criterion;
        }
    }
    return NULL;
}

/* Every name a criterion answers to, for a did-you-mean. */
static void report_unknown(const struct model *model, const char *name,
                           struct source_position where, struct diag_sink *sink)
{
    struct buffer names = {0};
    size_t count = 0;
    for (size_t index = 0; index < model->checklist_count; index++) {
        const struct checklist *checklist = model->checklists[index];
        for (size_t at = 0; checklist->id && at < checklist->success_criterion_count; at++) {
            const struct success_criterion *criterion = &checklist->success_criteria[at];
            if (criterion->id)
                buffer_printf(&names, "%s.%s%c", checklist->id, criterion->id, '\0');
            else
                buffer_printf(&names, "%s.%zu%c", checklist->id, at + 1, '\0');
            count++;
        }
    }
    const char **list = xcalloc(count + 1, sizeof(char *));
    const char *at = names.data;
    for (size_t index = 0; index < count; index++, at += strlen(at) + 1)
        list[index] = at;
    char hint[96];
    diag(sink, DIAG_UNKNOWN_REFERENCE, where,
         "'%s' is no success criterion of the project's checklists (name one CHECKLIST.ID, or "
         "CHECKLIST.N for the Nth)%s",
         name, suggest_hint(name, list, count, hint, sizeof hint));
    free(list);
    buffer_free(&names);
}

static void assess(struct model *model, struct success_criterion *criterion,
                   const struct node *node, struct diag_sink *sink)
{
    struct arena *arena = model->arena;
    criterion->assessed = node_position(node);
    criterion->state = (enum criterion_state)read_choice(node, "state", schema_criterion_states, 0);
    criterion->date = read_date(node, "date");
    criterion->by = read_text(arena, node, "by");
    const struct person *person = project_find_person(model->project, criterion->by);
    criterion->by_name = person && person->name ? person->name : criterion->by;
    criterion->evidence = read_text(arena, node, "evidence");
    criterion->note = read_text(arena, node, "note");
    criterion->attachment_count = attachment_read_list(arena, node, &criterion->attachments);
    attachment_check_list(criterion->attachments, criterion->attachment_count, model->project->path,
                          model->root, sink);
}

void success_criteria_assess(struct model *model, const struct node *project_root,
                             struct diag_sink *sink)
{
    const struct node *list = read_list(read_mapping(project_root, "closeout"), "success_criteria");
    for (size_t index = 0; list && index < node_count(list); index++) {
        const struct node *node = node_sequence_item(list, index);
        const char *name = node_kind(node) == NODE_MAPPING ? read_view(node, "criterion") : NULL;
        if (!name)
            continue;
        struct success_criterion *criterion = find_criterion(model, name);
        if (!criterion)
            report_unknown(model, name, read_position(node, "criterion"), sink);
        else if (criterion->assessed.line)
            diag(sink, DIAG_DUPLICATE_ID, read_position(node, "criterion"),
                 "success criterion '%s' is assessed twice (first at line %u)", name,
                 criterion->assessed.line);
        else
            assess(model, criterion, node, sink);
    }
}
