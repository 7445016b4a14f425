/* Item states: what the run's records say about each step.
 *
 * Records apply in file order, so the last record for a step is its state
 * and the earlier ones are its history. Evidence is gathered over the whole
 * history (an operator may record it while the step is in progress), the
 * latest value of each key winning, and its age is measured from the record
 * that carried it to the window start, to the second: evidence 1 h 0 min
 * 59 s old is too old for a limit of 1 h. */
#include "evaluate.h"

#include "alloc.h"
#include "model_checklist.h"
#include "model_read.h"
#include "model_subcheck.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

static void reset_item(struct arena *arena, struct item *item)
{
    for (size_t index = 0; index < item->subcheck_count; index++)
        item->subchecks[index].ticked = false;
    item->state = (struct item_state){.status = STATUS_TODO, .decision = OUTCOME_NONE};
    item->state.evidence =
        arena_calloc(arena, item->evidence.count + 1, sizeof(struct evidence_state));
}

static void apply_record(struct arena *arena, struct item *item, const struct result_record *record)
{
    struct item_state *state = &item->state;
    state->history = arena_grow(arena, state->history, &state->history_capacity,
                                state->history_count + 1, sizeof(struct result_record *));
    state->history[state->history_count++] = record;
    if (record->corrected_by)
        return; /* stays in the history; its correction counts instead */
    state->latest = record;
    state->status = record->status;
    state->decision = record->decision;
    state->ever_failed = state->ever_failed || record->status == STATUS_FAILED;
    for (size_t index = 0; index < item->evidence.count; index++) {
        const char *value = text_map_find(&record->evidence, item->evidence.pairs[index].key);
        if (value) {
            state->evidence[index].value = value;
            state->evidence[index].at = record->at;
        }
    }
}

/* Freshness: each evidence value is as old as the record that carried it,
 * measured at the window start. A step that asks for no evidence but has a
 * freshness limit is measured by its latest done record. */
/* An age in whole minutes, rounded up: 1 h 0 min 59 s old reads 1 h 1 min,
 * never as old as a limit it exceeds. */
static struct duration age_of(int64_t seconds)
{
    return (struct duration){true, seconds > 0 ? (seconds + 59) / 60 : seconds / 60};
}

static void judge_evidence(struct item *item, struct timestamp window_start)
{
    struct item_state *state = &item->state;
    state->evidence_missing = false;
    for (size_t index = 0; index < item->evidence.count; index++)
        if (!state->evidence[index].value && state->status == STATUS_DONE)
            state->evidence_missing = true;
    if (!item->evidence_max_age.set || !window_start.set)
        return;
    for (size_t index = 0; index < item->evidence.count; index++) {
        struct evidence_state *evidence = &state->evidence[index];
        if (!evidence->value || !evidence->at.set)
            continue;
        int64_t seconds = window_start.epoch - evidence->at.epoch;
        evidence->age = age_of(seconds);
        evidence->stale = seconds > item->evidence_max_age.minutes * 60;
        state->evidence_stale = state->evidence_stale || evidence->stale;
        if (!state->evidence_age.set || evidence->age.minutes > state->evidence_age.minutes)
            state->evidence_age = evidence->age;
    }
    if (item->evidence.count == 0 && state->status == STATUS_DONE && state->latest->at.set) {
        int64_t seconds = window_start.epoch - state->latest->at.epoch;
        state->evidence_age = age_of(seconds);
        state->evidence_stale = seconds > item->evidence_max_age.minutes * 60;
    }
}

/* When a step was closed: its latest record's time, if it has one. */
static bool closed_at(const struct item *item, struct timestamp *at)
{
    if (!item->state.closed || !item->state.latest->at.set)
        return false;
    *at = item->state.latest->at;
    return true;
}

/* Order: a closed step whose dependency is still open (which the go gates
 * refuse), or whose dependency was closed after it (which is reported). */
static void judge_order(const struct checklist *checklist, struct item *item)
{
    struct timestamp mine, theirs;
    if (!item->state.closed)
        return;
    for (size_t index = 0; index < item->depends_on.count; index++) {
        const struct item *dependency =
            checklist_find_item(checklist, item->depends_on.items[index]);
        if (!dependency)
            continue;
        if (!dependency->state.closed && !item->state.open_dependency)
            item->state.open_dependency = dependency;
        else if (dependency->state.closed && closed_at(item, &mine) &&
                 closed_at(dependency, &theirs) && theirs.epoch > mine.epoch &&
                 !item->state.early_of)
            item->state.early_of = dependency;
    }
}

/* A sub-check record: ticked while its latest record is done or skipped. */
static void apply_subcheck(const struct checklist *checklist, const struct result_record *record)
{
    const struct item *step;
    struct subcheck *subcheck =
        (struct subcheck *)checklist_find_subcheck(checklist, record->item_id, &step);
    if (subcheck && !record->corrected_by)
        subcheck->ticked = record->status == STATUS_DONE || record->status == STATUS_SKIPPED;
}

/* A step done (not skipped) while a required sub-check is open. */
static void judge_subchecks(struct item *item)
{
    if (item->state.status != STATUS_DONE)
        return;
    for (size_t index = 0; index < item->subcheck_count; index++)
        if (item->subchecks[index].required && !item->subchecks[index].ticked) {
            item->state.subcheck_open = &item->subchecks[index];
            return;
        }
}

static struct phase *find_phase(struct checklist *checklist, const char *id)
{
    for (size_t index = 0; index < checklist->phase_count; index++)
        if (checklist->phases[index].id && strcmp(checklist->phases[index].id, id) == 0)
            return &checklist->phases[index];
    return NULL;
}

/* The branch a decision chose among the outcomes it declares successful:
 * the phases of the others are not taken (not required, not judged); the
 * chosen one is complete once every step of it is closed. */
static void follow_branch(struct checklist *checklist, struct item *decision, const char *chosen)
{
    struct checklist_outcome *outcome = &checklist->outcome;
    for (size_t index = 0; index < decision->succeeds_by.count; index++) {
        struct phase *phase = find_phase(checklist, decision->succeeds_by.pairs[index].text);
        if (!phase || strcmp(phase->id, chosen) == 0)
            continue;
        for (size_t at = 0; at < phase->item_count; at++)
            phase->items[at].state.not_taken = true;
    }
    struct phase *branch = find_phase(checklist, chosen);
    *outcome = (struct checklist_outcome){decision, decision->state.decision, branch, true, {0}};
    for (size_t at = 0; branch && at < branch->item_count; at++) {
        struct timestamp closed;
        branch->items[at].state.in_branch = true;
        if (!closed_at(&branch->items[at], &closed))
            outcome->completed = false;
        else if (!outcome->completed_at.set || closed.epoch > outcome->completed_at.epoch)
            outcome->completed_at = closed;
    }
}

static void choose_branches(struct checklist *checklist)
{
    checklist->outcome = (struct checklist_outcome){.chosen = OUTCOME_NONE};
    for (size_t index = 0; index < checklist->phase_count; index++) {
        struct phase *phase = &checklist->phases[index];
        for (struct item *item = phase->items; item < phase->items + phase->item_count; item++) {
            const char *chosen =
                item->state.decision == OUTCOME_NONE
                    ? NULL
                    : text_map_find(&item->succeeds_by, schema_outcomes[item->state.decision]);
            if (item->kind == ITEM_DECISION && chosen)
                follow_branch(checklist, item, chosen);
        }
    }
}

void evaluate_items(struct checklist *checklist, const struct run *run,
                    struct timestamp window_start)
{
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    reset_item(checklist->arena, item);
    for (size_t index = 0; run && index < run->result_count; index++) {
        const struct result_record *record = &run->results[index];
        /* The lookup gives a read-only step; evaluation is the one stage
         * that writes into it. */
        struct item *item =
            record->item_id ? (struct item *)checklist_find_item(checklist, record->item_id) : NULL;
        if (item)
            apply_record(checklist->arena, item, record);
        else if (record->item_id)
            apply_subcheck(checklist, record);
    }
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    {
        item->state.closed =
            item->state.status == STATUS_DONE || item->state.status == STATUS_SKIPPED;
        judge_evidence(item, window_start);
        judge_subchecks(item);
    }
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    judge_order(checklist, item);
    choose_branches(checklist);
}
