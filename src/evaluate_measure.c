/* How long each step took, from its records (docs/rules.md,
 * "Rehearsals"): what a rehearsal measured is what the next plan is made
 * of, and the live run is set against the estimates the same way. */
#include "evaluate.h"

#include "alloc.h"
#include "model_checklist.h"

#include <stdint.h>
#include <stdlib.h>

/* The closing record's time of a closed step. */
static bool closing_time(const struct item *item, struct timestamp *at)
{
    const struct result_record *latest = item->state.latest;
    if (!item->state.closed || !latest || !latest->at.set)
        return false;
    *at = latest->at;
    return true;
}

/* The closing times of a checklist's steps, sorted: a step started when
 * the last closing record before its own was made. */
struct closings {
    int64_t *epochs;
    size_t count;
};

static int by_epoch(const void *left, const void *right)
{
    int64_t a = *(const int64_t *)left, b = *(const int64_t *)right;
    return (a > b) - (a < b);
}

static struct closings collect_closings(const struct checklist *checklist)
{
    struct closings closings = {xcalloc(checklist->item_count + 1, sizeof(int64_t)), 0};
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    {
        struct timestamp closed;
        if (closing_time(item, &closed))
            closings.epochs[closings.count++] = closed.epoch;
    }
    qsort(closings.epochs, closings.count, sizeof(int64_t), by_epoch);
    return closings;
}

/* The latest closing time strictly before end (binary search). */
static bool last_close_before(const struct closings *closings, int64_t end, int64_t *at)
{
    size_t low = 0, high = closings->count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (closings->epochs[middle] < end)
            low = middle + 1;
        else
            high = middle;
    }
    if (low == 0)
        return false;
    *at = closings->epochs[low - 1];
    return true;
}

/* When the step started: its first record, when that came before the
 * closing one (it was marked in progress); else when the last step
 * closed before it was closed, but not before the window start. */
static bool start_time(const struct closings *closings, const struct item *item,
                       struct timestamp end, struct timestamp window_start, int64_t *at)
{
    const struct result_record *first = item->state.history_count ? item->state.history[0] : NULL;
    if (first && first->at.set && first->at.epoch < end.epoch) {
        *at = first->at.epoch;
        return true;
    }
    bool found = last_close_before(closings, end.epoch, at);
    if (window_start.set && (!found || *at < window_start.epoch)) {
        *at = window_start.epoch;
        return true;
    }
    return found;
}

void evaluate_measure(struct checklist *checklist, struct timestamp window_start)
{
    struct closings closings = collect_closings(checklist);
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    {
        struct timestamp end;
        int64_t start;
        item->state.measured = (struct duration){0};
        /* a skipped step's time is not the work's: it has none */
        if (item->state.status != STATUS_DONE || !closing_time(item, &end) ||
            (window_start.set && end.epoch < window_start.epoch))
            continue;
        if (start_time(&closings, item, end, window_start, &start) && start <= end.epoch)
            item->state.measured = (struct duration){true, (end.epoch - start) / 60};
    }
    free(closings.epochs);
    for (struct phase *phase = checklist->phases;
         phase < checklist->phases + checklist->phase_count; phase++) {
        const struct phase_timing *timing = &phase->timing;
        phase->timing.measured =
            timing->finished && !timing->before_window ? timing->actual : (struct duration){0};
    }
}
