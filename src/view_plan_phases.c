/* The plan against reality, phase by phase, for the close-out: each
 * phase's planned start and end from the timetable, and when it really
 * started and ended (docs/rules.md, "The timetable"). */
#include "view_put.h"

#include <stdint.h>

/* The planned span of a phase: from its earliest planned start to its
 * latest planned end, over its steps on the main line. */
static bool planned_span(const struct phase *phase, int64_t *start, int64_t *end)
{
    bool any = false;
    for (const struct item *item = phase->items; item < phase->items + phase->item_count; item++) {
        if (!item->plan.main_line)
            continue;
        if (!any || item->plan.start < *start)
            *start = item->plan.start;
        if (!any || item->plan.end > *end)
            *end = item->plan.end;
        any = true;
    }
    return any;
}

static void put_actual(struct node *row, const struct phase *phase, const struct project *project,
                       int64_t planned_end)
{
    const struct phase_timing *timing = &phase->timing;
    bool timed = timing->started && !timing->before_window;
    put_bool(row, "timed", timed);
    put_bool(row, "finished", timed && timing->finished);
    if (!timed)
        return;
    put_timestamp(row, "actual_start", timing->start);
    put_timestamp(row, "actual_end", timing->end);
    if (!timing->finished)
        return;
    int64_t late = (timing->end.epoch - project->window_start.epoch) / 60 - planned_end;
    put_duration(row, "lateness", (struct duration){true, late < 0 ? -late : late});
    put_bool(row, "late", late > 0);
    put_bool(row, "early", late < 0);
}

void view_put_phase_plan(struct node *mapping, const struct checklist *checklist,
                         const struct project *project)
{
    bool present = checklist->plan.present && project->window_start.set;
    put_bool(mapping, "has_phase_plan", present);
    if (!present)
        return;
    struct node *list = put_list(mapping, "phase_plan");
    for (const struct phase *phase = checklist->phases;
         phase < checklist->phases + checklist->phase_count; phase++) {
        int64_t start = 0, end = 0;
        if (!planned_span(phase, &start, &end))
            continue;
        struct node *row = append_mapping(list);
        put_text(row, "title", phase->title);
        put_timestamp(row, "planned_start", view_clock_time(project, start));
        put_timestamp(row, "planned_end", view_clock_time(project, end));
        put_actual(row, phase, project, end);
    }
}
