/* Time in one zone: every time golive prints is in the project's zone
 * (the window's), whatever offset it was written with, so that a phase
 * never reads 20:02 to 21:55 beside "53 min" because 21:55 was written in
 * +02:00. Where the times then still hold more than one offset (a window
 * across a change to or from daylight saving time), each is printed with
 * its offset. Also the warnings about when records say they were made. */
#include "evaluate.h"

#include "model_checklist.h"

#include <stdio.h>

struct zoning {
    const struct zone *zone;
    bool any;
    int first;
    bool vary;
};

static void zone_one(struct zoning *zoning, struct timestamp *at)
{
    if (!at->set)
        return;
    at->offset_minutes = zone_offset_at(zoning->zone, at->epoch);
    if (!zoning->any)
        zoning->first = at->offset_minutes;
    zoning->vary = zoning->vary || at->offset_minutes != zoning->first;
    zoning->any = true;
}

/* Applies fn to every timestamp of the project and its runs. */
static void each_timestamp(struct project *project, struct zoning *zoning,
                           void (*fn)(struct zoning *, struct timestamp *))
{
    fn(zoning, &project->window_start);
    fn(zoning, &project->window_end);
    fn(zoning, &project->rollback_deadline);
    fn(zoning, &project->closeout_completed);
    for (size_t use = 0; use < project->use_count; use++) {
        struct run *run = project->uses[use].run;
        for (size_t index = 0; run && index < run->result_count; index++)
            fn(zoning, &run->results[index].at);
        for (size_t index = 0; run && index < run->signoff_count; index++) {
            fn(zoning, &run->signoffs[index].at);
            fn(zoning, &run->signoffs[index].signed_at);
        }
        for (size_t index = 0; run && index < run->condition_count; index++)
            fn(zoning, &run->conditions[index].at);
    }
}

static void show_offset(struct zoning *zoning, struct timestamp *at)
{
    at->offset_shown = zoning->vary;
}

void evaluate_zone(struct project *project)
{
    struct zoning zoning = {.zone = &project->zone};
    each_timestamp(project, &zoning, zone_one);
    each_timestamp(project, &zoning, show_offset);
    project->offsets_vary = zoning.vary;
}

#define FAR_FROM_WINDOW_DAYS 180 /* hypercare lasts weeks; half a year on is a typo */

void evaluate_warn_far(const struct project *project, struct timestamp at,
                       struct source_position position, struct diag_sink *sink)
{
    if (!at.set || !project->window_end.set)
        return;
    int64_t days = (at.epoch - project->window_end.epoch) / 86400;
    if (days < FAR_FROM_WINDOW_DAYS)
        return;
    char when[40];
    diag(sink, DIAG_RECORD_FAR_FROM_WINDOW, position,
         "this record is dated %s, %lld days after the window ends; is the year right?",
         value_format_timestamp(at, when, sizeof when), (long long)days);
}

void evaluate_warn_dates(const struct project *project, struct diag_sink *sink)
{
    for (size_t use = 0; use < project->use_count; use++) {
        const struct run *run = project->uses[use].run;
        for (size_t index = 0; run && index < run->result_count; index++)
            evaluate_warn_far(project, run->results[index].at, run->results[index].position, sink);
        /* A sign-off's at is when it was typed in, which may be long after
         * (a close-out accepted months later); signed_at is written by hand. */
        for (size_t index = 0; run && index < run->signoff_count; index++)
            evaluate_warn_far(project, run->signoffs[index].signed_at,
                              run->signoffs[index].position, sink);
    }
}
