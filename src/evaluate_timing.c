/* Planned against actual time, per phase.
 *
 * The records give the moments steps changed state, not how long each took,
 * so a phase is timed from its first record (or the end of the phase before
 * it, when earlier: that is when its work could begin) to its last closing
 * record. A phase with required steps still open is timed so far. */
#include "evaluate.h"

#include "model_checklist.h"

static bool earlier(struct timestamp left, struct timestamp right)
{
    return left.epoch < right.epoch;
}

static void time_phase(struct phase *phase, const struct phase_timing *previous,
                       struct timestamp window_start)
{
    struct phase_timing *timing = &phase->timing;
    *timing = (struct phase_timing){0};
    bool all_required_closed = true;
    for (const struct item *item = phase->items; item < phase->items + phase->item_count; item++) {
        all_required_closed = all_required_closed && (!item->required || item->state.closed);
        for (size_t index = 0; index < item->state.history_count; index++) {
            struct timestamp at = item->state.history[index]->at;
            if (!at.set)
                continue;
            if (!timing->started || earlier(at, timing->start))
                timing->start = at;
            if (!timing->started || earlier(timing->end, at))
                timing->end = at;
            timing->started = true;
        }
    }
    if (!timing->started)
        return;
    timing->finished = all_required_closed;
    if (window_start.set && earlier(timing->end, window_start)) {
        timing->before_window = true;
        return;
    }
    if (previous && previous->finished && earlier(previous->end, timing->start)) {
        struct timestamp chained = previous->end;
        if (window_start.set && earlier(chained, window_start))
            chained = window_start;
        if (earlier(chained, timing->start))
            timing->start = chained;
    }
    timing->actual = (struct duration){true, (timing->end.epoch - timing->start.epoch) / 60};
    if (phase->budget.set && timing->actual.minutes > phase->budget.minutes)
        timing->over_budget =
            (struct duration){true, timing->actual.minutes - phase->budget.minutes};
}

/* Whether a phase counts in the total budget: it ran, or it has not
 * started yet and holds a step that is required on the path taken. */
static bool budget_counts(const struct phase *phase)
{
    if (!phase->budget.set || phase->timing.before_window)
        return false;
    if (phase->timing.started)
        return true;
    for (const struct item *item = phase->items; item < phase->items + phase->item_count; item++)
        if (evaluate_is_required(item))
            return true;
    return false;
}

static void evaluate_phase_timing(struct checklist *checklist, struct timestamp window_start)
{
    const struct phase_timing *previous = NULL;
    checklist->budget = (struct duration){0};
    for (struct phase *phase = checklist->phases;
         phase < checklist->phases + checklist->phase_count; phase++) {
        time_phase(phase, previous, window_start);
        struct phase_timing *timing = &phase->timing;
        timing->overlaps = previous && timing->started && !timing->before_window &&
                           !previous->before_window && earlier(timing->start, previous->end);
        if (timing->started)
            previous = timing;
        if (budget_counts(phase))
            checklist->budget =
                (struct duration){true, checklist->budget.minutes + phase->budget.minutes};
    }
}

void evaluate_checklist(struct checklist *checklist, const struct run *run,
                        struct timestamp window_start)
{
    evaluate_items(checklist, run, window_start);
    evaluate_rollups(checklist);
    evaluate_phase_timing(checklist, window_start);
    evaluate_schedule(checklist);
    evaluate_measure(checklist, window_start);
    evaluate_verdict(checklist);
}
