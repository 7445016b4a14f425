/* The conditions of the approvals in force, followed to the end: each
 * condition of each conditional sign-off in force, with the state, owner
 * and due date its condition records give (docs/format.md, "condition"). */
#include "evaluate.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The run that holds record, among the project's runs. */
static const struct run *run_of(const struct project *project, const struct signoff_record *record)
{
    for (size_t use = 0; use < project->use_count; use++) {
        const struct run *run = project->uses[use].run;
        if (run && run->signoff_count && record >= run->signoffs &&
            record < run->signoffs + run->signoff_count)
            return run;
    }
    return NULL;
}

/* Applies the records after the sign-off, in file order: the latest state
 * counts; owner, due date, date and note are the latest given. */
static void follow(struct tracked_condition *condition, const struct run *run, unsigned after_line)
{
    for (size_t index = 0; run && index < run->condition_count; index++) {
        const struct condition_record *record = &run->conditions[index];
        if (record->position.line <= after_line || !record->id ||
            strcmp(record->id, condition->id) != 0)
            continue;
        condition->state = record->state;
        condition->latest = record;
        if (record->owner)
            condition->owner_name = record->owner_name;
        if (record->due.set)
            condition->due = record->due;
        condition->date =
            record->date.set ? record->date
            : record->state == CONDITION_OPEN
                ? (struct date){0}
                : value_date_of_epoch(record->at.epoch + record->at.offset_minutes * 60);
        condition->note = record->note;
    }
}

void evaluate_conditions(struct project *project)
{
    free(project->conditions);
    project->conditions = NULL;
    project->condition_count = project->conditions_open = 0;
    size_t total = 0;
    for (size_t index = 0; index < project->signatory_count; index++) {
        const struct signoff_record *latest = project->signatories[index].latest;
        total += latest ? latest->conditions.count : 0;
    }
    project->conditions = arena_calloc(project->arena, total + 1, sizeof(struct tracked_condition));
    for (size_t index = 0; index < project->signatory_count; index++) {
        const struct signatory *signatory = &project->signatories[index];
        const struct signoff_record *latest = signatory->latest;
        for (size_t at = 0; latest && at < latest->conditions.count; at++) {
            struct tracked_condition *condition = &project->conditions[project->condition_count++];
            snprintf(condition->id, sizeof condition->id, "%s.%zu", signatory->id, at + 1);
            condition->signatory = signatory;
            condition->text = latest->conditions.items[at];
            follow(condition, run_of(project, latest), latest->position.line);
            project->conditions_open += condition->state == CONDITION_OPEN;
        }
    }
}
