/* Item states: what the run's records say about each step.
 *
 * Records apply in file order, so the last record for a step is its state
 * and the earlier ones are its history. Evidence is gathered over the whole
 * history (an operator may record it while the step is in progress), the
 * latest value of each key winning, and its age is measured from the record
 * that carried it to the window start. */
#include "evaluate.h"

#include "alloc.h"
#include "model_checklist.h"
#include "model_read.h"

#include <stdlib.h>

static void reset_item(struct item *item)
{
    item_state_free(&item->state);
    item->state = (struct item_state){ .status = STATUS_TODO, .decision = OUTCOME_NONE };
    item->state.evidence = xcalloc(item->evidence.count + 1, sizeof(struct evidence_state));
}

static void apply_record(struct item *item, const struct result_record *record)
{
    struct item_state *state = &item->state;
    state->history = xreallocarray(state->history, state->history_count + 1,
                                   sizeof(struct result_record *));
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
        evidence->age = (struct duration){ true, (window_start.epoch - evidence->at.epoch) / 60 };
        evidence->stale = evidence->age.minutes > item->evidence_max_age.minutes;
        state->evidence_stale = state->evidence_stale || evidence->stale;
        if (!state->evidence_age.set || evidence->age.minutes > state->evidence_age.minutes)
            state->evidence_age = evidence->age;
    }
    if (item->evidence.count == 0 && state->status == STATUS_DONE && state->latest->at.set) {
        state->evidence_age = (struct duration){
            true, (window_start.epoch - state->latest->at.epoch) / 60 };
        state->evidence_stale = state->evidence_age.minutes > item->evidence_max_age.minutes;
    }
}

void evaluate_items(struct checklist *checklist, const struct run *run,
                    struct timestamp window_start)
{
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        reset_item(item);
    for (size_t index = 0; run && index < run->result_count; index++) {
        const struct result_record *record = &run->results[index];
        /* The lookup gives a read-only step; evaluation is the one stage
         * that writes into it. */
        struct item *item = record->item_id
                                ? (struct item *)checklist_find_item(checklist, record->item_id)
                                : NULL;
        if (item)
            apply_record(item, record);
    }
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item) {
        item->state.closed = item->state.status == STATUS_DONE
                             || item->state.status == STATUS_SKIPPED;
        judge_evidence(item, window_start);
    }
}
