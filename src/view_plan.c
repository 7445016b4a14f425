/* The planned timetable and the forecast of a checklist, as template data
 * for the runbook: each step in planned order with its clock times, the
 * critical path marked, and where the window stands as of the last
 * record. */
#include "view_put.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>

struct timestamp view_clock_time(const struct project *project, int64_t minutes)
{
    struct timestamp at = project->window_start;
    at.epoch += minutes * 60;
    at.offset_minutes = zone_offset_at(&project->zone, at.epoch);
    at.offset_shown = project->offsets_vary;
    return at;
}

/* "T-0:45", "T+2:50", "T+48:00". */
static void put_offset(struct node *mapping, const char *key, int64_t minutes)
{
    char text[32];
    int64_t size = minutes < 0 ? -minutes : minutes;
    snprintf(text, sizeof text, "T%c%lld:%02lld", minutes < 0 ? '-' : '+', (long long)(size / 60),
             (long long)(size % 60));
    put_text(mapping, key, text);
}

static int by_planned_start(const void *left, const void *right)
{
    const struct item *a = *(const struct item *const *)left;
    const struct item *b = *(const struct item *const *)right;
    if (a->plan.start != b->plan.start)
        return a->plan.start < b->plan.start ? -1 : 1;
    return a->number < b->number ? -1 : a->number > b->number;
}

static void put_planned_step(struct node *mapping, const struct item *item,
                             const struct project *project)
{
    put_text(mapping, "id", item->id);
    put_text(mapping, "title", item->title);
    if (item->owner)
        put_text(mapping, "owner", item->owner_title ? item->owner_title : item->owner);
    else
        put_text(mapping, "owner", "");
    put_offset(mapping, "offset", item->plan.start);
    put_timestamp(mapping, "start", view_clock_time(project, item->plan.start));
    put_timestamp(mapping, "end", view_clock_time(project, item->plan.end));
    put_duration(mapping, "budget", item->budget);
    put_bool(mapping, "has_budget", item->budget.set);
    put_bool(mapping, "blocking", item->blocking);
    put_bool(mapping, "critical", item->plan.critical);
    put_bool(mapping, "pinned", item->pinned.set);
}

/* steps: the main line in planned order; alternatives: the others. */
static void put_timetable(struct node *plan_node, const struct checklist *checklist,
                          const struct project *project)
{
    const struct item **sorted = xcalloc(checklist->item_count + 1, sizeof *sorted);
    for (size_t index = 0; index < checklist->item_count; index++)
        sorted[index] = checklist->plan.order[index];
    qsort(sorted, checklist->item_count, sizeof *sorted, by_planned_start);
    struct node *steps = put_list(plan_node, "steps");
    struct node *alternatives = put_list(plan_node, "alternatives");
    bool any_alternative = false;
    for (size_t index = 0; index < checklist->item_count; index++) {
        bool main_line = sorted[index]->plan.main_line;
        any_alternative = any_alternative || !main_line;
        put_planned_step(append_mapping(main_line ? steps : alternatives), sorted[index], project);
    }
    put_bool(plan_node, "has_alternatives", any_alternative);
    free(sorted);
}

static void put_limit(struct node *forecast_node, const char *key, int64_t end, int64_t limit,
                      const struct item *crosser)
{
    struct node *mapping = put_mapping(forecast_node, key);
    put_bool(mapping, "met", end <= limit);
    put_bool(mapping, "missed", end > limit);
    put_duration(mapping, "margin",
                 (struct duration){true, end <= limit ? limit - end : end - limit});
    if (crosser && end > limit) {
        put_text(mapping, "step", crosser->id);
        put_text(mapping, "step_title", crosser->title);
    }
}

static int64_t minutes_from_start(const struct project *project, struct timestamp at)
{
    return (at.epoch - project->window_start.epoch) / 60;
}

static void put_forecast(struct node *mapping, const struct checklist *checklist,
                         const struct project *project)
{
    const struct forecast *forecast = &checklist->forecast;
    if (!forecast->present)
        return;
    struct node *node = put_mapping(mapping, "forecast");
    struct timestamp as_of = forecast->as_of;
    as_of.offset_shown = project->offsets_vary;
    put_timestamp(node, "as_of", as_of);
    put_timestamp(node, "end", view_clock_time(project, forecast->end));
    int64_t delay = forecast->delay < 0 ? -forecast->delay : forecast->delay;
    put_duration(node, "delay", (struct duration){true, delay});
    put_bool(node, "behind", forecast->delay > 0);
    put_bool(node, "ahead", forecast->delay < 0);
    put_bool(node, "on_plan", forecast->delay == 0);
    if (forecast->decision && project->rollback_deadline.set) {
        struct node *decision = put_mapping(node, "decision");
        put_text(decision, "id", forecast->decision->id);
        put_timestamp(decision, "end", view_clock_time(project, forecast->decision_end));
        put_bool(decision, "decided", forecast->decided);
        put_limit(node, "rollback_deadline", forecast->decision_end,
                  minutes_from_start(project, project->rollback_deadline),
                  forecast->deadline_crosser);
    }
    if (project->window_end.set)
        put_limit(node, "window_end", forecast->end,
                  minutes_from_start(project, project->window_end), forecast->window_crosser);
}

void view_put_plan(struct node *mapping, const struct checklist *checklist,
                   const struct project *project)
{
    if (!checklist->plan.present || !project->window_start.set)
        return;
    struct node *plan = put_mapping(mapping, "plan");
    put_timestamp(plan, "start", view_clock_time(project, checklist->plan.start));
    put_timestamp(plan, "end", view_clock_time(project, checklist->plan.end));
    put_duration(plan, "duration",
                 (struct duration){true, checklist->plan.end - checklist->plan.start});
    put_timetable(plan, checklist, project);
    put_forecast(mapping, checklist, project);
}
