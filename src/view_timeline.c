/* The timeline chart of a checklist as template data: per phase its
 * planned span (from its steps' planned times) and its actual one (from
 * its records), the downtime planned and recorded, the window end and
 * rollback deadline, and hour ticks in the project's zone, all in minutes
 * from the window start, as the golive:timeline directive reads them; a
 * plan over days in up to three charts (before the window, the window,
 * after it). */
#include "view_put.h"

#include "alloc.h"
#include "value.h"
#include "zone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TICKS_MOST 12 /* labels on the axis; a longer span gets wider steps */

/* The steps of an axis of hours [min]; a span too long for all of them is
 * ticked in days. */
static const int64_t hour_steps[] = {60, 120, 180, 240, 360, 720};
#define HOUR_STEP_COUNT (sizeof hour_steps / sizeof *hour_steps)

struct span {
    bool set;
    int64_t from, to; /* minutes from the window start */
};

static void extend(struct span *span, int64_t from, int64_t to)
{
    if (!span->set || from < span->from)
        span->from = from;
    if (!span->set || to > span->to)
        span->to = to;
    span->set = true;
}

static int64_t minutes_after_start(const struct project *project, struct timestamp at)
{
    int64_t seconds = at.epoch - project->window_start.epoch;
    return seconds >= 0 ? seconds / 60 : -((-seconds + 59) / 60);
}

/* "-45..0", or "" for no span. */
static void put_span(struct node *mapping, const char *key, struct span span)
{
    char text[48] = "";
    if (span.set)
        snprintf(text, sizeof text, "%lld..%lld", (long long)span.from, (long long)span.to);
    put_text(mapping, key, text);
}

static struct span planned_span(const struct phase *phase)
{
    struct span span = {0};
    for (size_t index = 0; index < phase->item_count; index++)
        extend(&span, phase->items[index].plan.start, phase->items[index].plan.end);
    return span;
}

static struct span actual_span(const struct phase *phase, const struct project *project)
{
    const struct phase_timing *timing = &phase->timing;
    struct span span = {0};
    if (timing->started && !timing->before_window)
        extend(&span, minutes_after_start(project, timing->start),
               minutes_after_start(project, timing->end));
    return span;
}

/* The planned downtime: from the planned start of the step that starts it
 * to the planned end of the one that ends it. */
static struct span planned_downtime(const struct checklist *checklist)
{
    struct span span = {0};
    bool started = false;
    for (size_t phase = 0; phase < checklist->phase_count; phase++)
        for (size_t index = 0; index < checklist->phases[phase].item_count; index++) {
            const struct item *item = &checklist->phases[phase].items[index];
            if (item->downtime == DOWNTIME_START && item->plan.main_line)
                span.from = item->plan.start, started = true;
            if (item->downtime == DOWNTIME_END && started && item->plan.main_line)
                span.to = item->plan.end, span.set = true;
        }
    return span;
}

static struct span actual_downtime(const struct project *project)
{
    const struct project_timing *timing = &project->timing;
    struct span span = {0};
    if (timing->downtime_started && !timing->downtime_inverted)
        extend(&span, minutes_after_start(project, timing->downtime_start),
               minutes_after_start(project,
                                   timing->downtime_ended ? timing->downtime_end : timing->last));
    return span;
}

static void put_row(struct node *rows, const char *label, bool downtime, struct span planned,
                    struct span actual, struct span *all)
{
    struct node *row = append_mapping(rows);
    char *copy = xstrdup(label);
    for (char *bar = strchr(copy, '|'); bar; bar = strchr(bar, '|'))
        *bar = '/'; /* '|' separates the directive's rows */
    put_text(row, "label", copy);
    free(copy);
    put_bool(row, "downtime", downtime);
    put_span(row, "planned", planned);
    put_span(row, "actual", actual);
    if (planned.set)
        extend(all, planned.from, planned.to);
    if (actual.set)
        extend(all, actual.from, actual.to);
}

/* The local time of day at minutes from the window start [min]. */
static int64_t local_minute_of_day(const struct project *project, int64_t minutes)
{
    int64_t epoch = project->window_start.epoch + minutes * 60;
    int64_t local = epoch / 60 + zone_offset_at(&project->zone, epoch);
    return ((local % 1440) + 1440) % 1440;
}

/* The smallest of steps (ascending) that puts at most TICKS_MOST ticks
 * on the span, or 0 when none does. */
static int64_t tick_step(const int64_t *steps, size_t count, struct span all)
{
    for (size_t choice = 0; choice < count; choice++)
        if ((all.to - all.from) / steps[choice] + 2 <= TICKS_MOST)
            return steps[choice];
    return 0;
}

static void put_tick(struct node *ticks, int64_t at, const char *label)
{
    struct node *tick = append_mapping(ticks);
    put_int(tick, "at", at);
    put_text(tick, "label", label);
}

/* Ticks on whole hours of the project's zone ("18:00"; every few hours on
 * a longer axis) or, on an axis of days, on whole days from the window
 * start ("T-7d", "T", "T+3d"), from the last one at or before the span to
 * the first at or after it. */
static void put_ticks(struct node *timeline, const struct project *project, struct span all)
{
    static const int64_t days[] = {1440, 2880, 10080, 20160, 43200, 129600};
    struct node *ticks = put_list(timeline, "ticks");
    int64_t step = tick_step(hour_steps, HOUR_STEP_COUNT, all);
    char text[40];
    if (step) {
        for (int64_t at = all.from - local_minute_of_day(project, all.from) % step;
             at < all.to + step; at += step) {
            struct timestamp stamp = project->window_start;
            stamp.epoch += at * 60;
            stamp.offset_minutes = zone_offset_at(&project->zone, stamp.epoch);
            value_format_timestamp(stamp, text, sizeof text);
            text[16] = '\0';
            put_tick(ticks, at, text + 11);
        }
        return;
    }
    step = tick_step(days, sizeof days / sizeof *days, all);
    step = step ? step : days[sizeof days / sizeof *days - 1];
    int64_t first = all.from / step * step - (all.from % step < 0 ? step : 0);
    for (int64_t at = first; at < all.to + step; at += step) {
        snprintf(text, sizeof text, at ? "T%+lldd" : "T", (long long)(at / 1440));
        put_tick(ticks, at, text);
    }
}

static void put_marker(struct node *timeline, const char *key, const struct project *project,
                       struct timestamp at, struct span *all)
{
    if (!at.set)
        return;
    int64_t minutes = minutes_after_start(project, at);
    put_int(timeline, key, minutes);
    extend(all, minutes, minutes);
}

/* A plan over days (preparation weeks before, hypercare weeks after) is
 * drawn as up to three charts, so that the window's phases are not
 * slivers: the phases planned within the day before the window and the
 * window itself, with the downtime and the markers, on an axis of hours;
 * those before it and those after it, each on an axis of days. */
enum part { PART_BEFORE, PART_WINDOW, PART_AFTER, PART_COUNT };

#define WINDOW_LEAD 1440 /* [min] the day before the window, drawn with it */

struct chart {
    struct node *rows; /* NULL while the part has none */
    struct node *node;
    struct span all;
};

static enum part part_of(struct span planned, int64_t window_end)
{
    if (!planned.set || (planned.from >= -WINDOW_LEAD && planned.to <= window_end))
        return PART_WINDOW;
    return planned.from < 0 ? PART_BEFORE : PART_AFTER;
}

static struct chart *chart_for(struct chart *charts, enum part part, struct node *list, bool split)
{
    static const char *const flags[PART_COUNT] = {"part_before", "part_window", "part_after"};
    struct chart *chart = &charts[split ? part : PART_WINDOW];
    if (!chart->rows) {
        chart->node = append_mapping(list);
        if (split)
            put_bool(chart->node, flags[part], true);
        chart->rows = put_list(chart->node, "rows");
    }
    return chart;
}

/* Whether the checklist's plan is drawn in parts: its axis would be one of
 * days, and the window holds a phase, and another part does too. */
static bool split_by_part(const struct checklist *checklist, const struct project *project,
                          int64_t window_end, bool in[PART_COUNT])
{
    struct span all = {0};
    extend(&all, 0, window_end);
    for (size_t index = 0; index < checklist->phase_count; index++) {
        const struct phase *phase = &checklist->phases[index];
        struct span planned = planned_span(phase), actual = actual_span(phase, project);
        if (planned.set)
            extend(&all, planned.from, planned.to);
        if (actual.set)
            extend(&all, actual.from, actual.to);
        in[part_of(planned, window_end)] = true;
    }
    return tick_step(hour_steps, HOUR_STEP_COUNT, all) == 0 && in[PART_WINDOW] &&
           (in[PART_BEFORE] || in[PART_AFTER]);
}

/* Whether the chart draws an actual bar: a phase or the downtime has run. */
static bool has_actual(const struct checklist *checklist, const struct project *project)
{
    for (size_t index = 0; index < checklist->phase_count; index++)
        if (actual_span(&checklist->phases[index], project).set)
            return true;
    return planned_downtime(checklist).set && actual_downtime(project).set;
}

void view_put_timeline(struct node *mapping, const struct checklist *checklist,
                       const struct project *project)
{
    if (!checklist->plan.present || !project->window_start.set)
        return;
    struct node *timeline = put_mapping(mapping, "timeline");
    int64_t window_end =
        project->window_end.set ? minutes_after_start(project, project->window_end) : 0;
    bool in[PART_COUNT] = {false};
    bool split = split_by_part(checklist, project, window_end, in);
    put_bool(timeline, "has_rollback_deadline", project->rollback_deadline.set);
    put_bool(timeline, "has_actual", has_actual(checklist, project));
    struct node *list = put_list(timeline, "charts");
    struct chart charts[PART_COUNT] = {{0}};
    for (size_t part = 0; part < PART_COUNT; part++)
        if (split && in[part])
            chart_for(charts, (enum part)part, list, split); /* in the order of time */
    for (size_t index = 0; index < checklist->phase_count; index++) {
        const struct phase *phase = &checklist->phases[index];
        struct span planned = planned_span(phase);
        struct chart *chart = chart_for(charts, part_of(planned, window_end), list, split);
        put_row(chart->rows, phase->title, false, planned, actual_span(phase, project),
                &chart->all);
    }
    struct chart *window = chart_for(charts, PART_WINDOW, list, split);
    struct span downtime = planned_downtime(checklist);
    if (downtime.set)
        put_row(window->rows, "", true, downtime, actual_downtime(project), &window->all);
    put_marker(window->node, "window_end", project, project->window_end, &window->all);
    put_marker(window->node, "rollback_deadline", project, project->rollback_deadline,
               &window->all);
    for (size_t part = 0; part < PART_COUNT; part++)
        if (charts[part].rows)
            put_ticks(charts[part].node, project, charts[part].all);
}
