/* The planned timetable: each step's planned start and end, and the
 * critical path (docs/rules.md, "The timetable").
 *
 * A step waits for the steps it depends on; without depends_on, for the
 * step listed before it in its phase; the first step of a phase, for every
 * step of the phase before it on the main line. A step pinned with at:
 * starts then, whatever it waits for. It takes its budget (nothing
 * without one). Steps are placed in an order where each comes after those
 * it waits for (Kahn's algorithm over an explicit queue): linear in steps
 * and dependencies, no recursion. */
#include "evaluate.h"

#include "alloc.h"
#include "arena.h"
#include "model_checklist.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

struct graph {
    size_t count;
    const struct item **steps; /* by number - 1 */
    size_t *first_pred,
        *preds;        /* the steps each waits for: preds[first_pred[i]..first_pred[i+1]) */
    bool *alternative; /* by phase index: not on the main line */
};

/* Which phases are alternatives to the planned path, by index: a
 * decision names them for rollback or no-go (succeeds_by), or none of
 * their steps is required (the runbook's rollback phase). One pass over
 * the steps, phases looked up by id. */
static bool *alternative_phases(const struct checklist *checklist)
{
    bool *alternative = xcalloc(checklist->phase_count + 1, sizeof *alternative);
    struct name_table phases = {0};
    for (size_t index = 0; index < checklist->phase_count; index++) {
        const struct phase *phase = &checklist->phases[index];
        if (phase->id)
            name_table_put(&phases, phase->id, phase, index);
        bool any_required = false;
        for (const struct item *item = phase->items; item < phase->items + phase->item_count;
             item++)
            any_required = any_required || item->required;
        alternative[index] = phase->item_count > 0 && !any_required;
    }
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    for (size_t index = 0; index < item->succeeds_by.count; index++) {
        const struct text_pair *pair = &item->succeeds_by.pairs[index];
        const struct name_entry *named = name_table_get(&phases, pair->text);
        if (named && (!strcmp(pair->key, "rollback") || !strcmp(pair->key, "no-go")))
            alternative[named->number] = true;
    }
    name_table_free(&phases);
    return alternative;
}

/* add_pred: one step item waits for, at preds[*fill] (only counted on
 * the first pass, when preds is NULL). */
static void add_pred(size_t *preds, size_t *fill, size_t step)
{
    if (preds)
        preds[*fill] = step;
    (*fill)++;
}

/* add_preds: the steps item waits for (see the top of the file). */
static void add_preds(const struct checklist *checklist, const struct phase *phase,
                      const struct phase *previous_main, const struct item *item, size_t *preds,
                      size_t *fill)
{
    if (item->pinned.set)
        return;
    if (item->depends_on.count) {
        for (size_t index = 0; index < item->depends_on.count; index++) {
            const struct name_entry *entry =
                name_table_get(&checklist->item_index, item->depends_on.items[index]);
            if (entry)
                add_pred(preds, fill, entry->number);
        }
    } else if (item > phase->items) {
        add_pred(preds, fill, item->number - 2);
    } else if (previous_main) {
        for (size_t index = 0; index < previous_main->item_count; index++)
            add_pred(preds, fill, previous_main->items[index].number - 1);
    }
}

/* build_graph: in two passes, counting then filling the predecessors. */
static void build_graph(const struct checklist *checklist, struct graph *graph)
{
    graph->count = checklist->item_count;
    graph->steps = xcalloc(graph->count + 1, sizeof *graph->steps);
    graph->first_pred = xcalloc(graph->count + 1, sizeof *graph->first_pred);
    graph->alternative = alternative_phases(checklist);
    for (int pass = 0; pass < 2; pass++) {
        size_t fill = 0;
        const struct phase *previous_main = NULL;
        for (const struct phase *phase = checklist->phases;
             phase < checklist->phases + checklist->phase_count; phase++) {
            bool main_line = !graph->alternative[phase - checklist->phases];
            for (const struct item *item = phase->items; item < phase->items + phase->item_count;
                 item++) {
                graph->steps[item->number - 1] = item;
                graph->first_pred[item->number - 1] = fill;
                add_preds(checklist, phase, previous_main, item, pass ? graph->preds : NULL, &fill);
            }
            if (main_line && phase->item_count)
                previous_main = phase;
        }
        graph->first_pred[graph->count] = fill;
        if (!pass)
            graph->preds = xcalloc(fill + 1, sizeof *graph->preds);
    }
}

static void free_graph(struct graph *graph)
{
    free(graph->steps);
    free(graph->first_pred);
    free(graph->preds);
    free(graph->alternative);
}

/* successors: the inverse of the predecessor lists, in the same form. */
static void successors(const struct graph *graph, size_t **first_succ, size_t **succs)
{
    size_t count = graph->count, edges = graph->first_pred[count];
    size_t *first = xcalloc(count + 1, sizeof *first);
    size_t *fill = xcalloc(count + 1, sizeof *fill);
    *succs = xcalloc(edges + 1, sizeof **succs);
    for (size_t edge = 0; edge < edges; edge++)
        first[graph->preds[edge] + 1]++;
    for (size_t step = 0; step < count; step++)
        first[step + 1] += first[step];
    memcpy(fill, first, (count + 1) * sizeof *fill);
    for (size_t step = 0; step < count; step++)
        for (size_t edge = graph->first_pred[step]; edge < graph->first_pred[step + 1]; edge++)
            (*succs)[fill[graph->preds[edge]]++] = step;
    free(fill);
    *first_succ = first;
}

/* order_steps: every step after the steps it waits for. Where the listed
 * order contradicts the dependencies (a step waits for one listed in a
 * later phase, whose first step waits for it in turn), the lowest-numbered
 * step left is placed with what is known, so that every step is placed
 * once. */
static void order_steps(const struct graph *graph, const struct item **order)
{
    size_t count = graph->count;
    size_t *first_succ, *succs;
    successors(graph, &first_succ, &succs);
    size_t *waiting = xcalloc(count + 1, sizeof *waiting);
    bool *placed = xcalloc(count + 1, sizeof *placed);
    size_t tail = 0;
    for (size_t step = 0; step < count; step++) {
        waiting[step] = graph->first_pred[step + 1] - graph->first_pred[step];
        if (!waiting[step]) {
            placed[step] = true;
            order[tail++] = graph->steps[step];
        }
    }
    /* order doubles as the queue: [head, tail) are placed, their successors
     * not yet released */
    size_t head = 0, cursor = 0;
    while (head < count) {
        if (head == tail) {
            while (placed[cursor])
                cursor++;
            placed[cursor] = true;
            order[tail++] = graph->steps[cursor];
        }
        size_t step = order[head++]->number - 1;
        for (size_t edge = first_succ[step]; edge < first_succ[step + 1]; edge++) {
            size_t next = succs[edge];
            if (--waiting[next] == 0 && !placed[next]) {
                placed[next] = true;
                order[tail++] = graph->steps[next];
            }
        }
    }
    free(first_succ);
    free(succs);
    free(waiting);
    free(placed);
}

/* When a step may start, from the steps it waits for that are placed
 * already: the latest of their ends, and which step that is; the window
 * start when it waits for none. */
struct placing {
    int64_t start, end;
    const struct item *driver;
    bool done;
};

static void place_after_preds(const struct graph *graph, size_t step, struct placing *times)
{
    struct placing *placing = &times[step];
    placing->start = 0;
    placing->driver = NULL;
    for (size_t edge = graph->first_pred[step]; edge < graph->first_pred[step + 1]; edge++) {
        const struct placing *pred = &times[graph->preds[edge]];
        if (pred->done && (!placing->driver || pred->end > placing->start)) {
            placing->start = pred->end;
            placing->driver = graph->steps[graph->preds[edge]];
        }
    }
}

static int64_t budget_of(const struct item *item)
{
    return item->budget.set ? item->budget.minutes : 0;
}

/* later: whether candidate ends at least as late as the step kept so far. */
static bool ends_later(const struct item *candidate, const struct item *kept)
{
    return !kept || candidate->plan.end >= kept->plan.end;
}

static void plan_steps(struct checklist *checklist, const struct graph *graph,
                       struct placing *times)
{
    struct checklist_plan *plan = &checklist->plan;
    const struct item *last_in_window = NULL, *last = NULL;
    for (size_t index = 0; index < graph->count; index++) {
        size_t step = plan->order[index]->number - 1;
        struct item *item = (struct item *)graph->steps[step];
        place_after_preds(graph, step, times);
        if (item->pinned.set)
            times[step] = (struct placing){.start = item->pinned.minutes};
        times[step].end = times[step].start + budget_of(item);
        times[step].done = true;
        plan->present = plan->present || item->pinned.set || item->budget.set;
        item->plan.start = times[step].start;
        item->plan.end = times[step].end;
        item->plan.driver = times[step].driver;
        item->plan.window =
            item->plan.driver ? item->plan.driver->plan.window : item->plan.start <= 0;
        if (!item->plan.main_line)
            continue;
        if (!last || item->plan.start < plan->start)
            plan->start = item->plan.start;
        if (ends_later(item, last))
            last = item;
        if (item->plan.window && ends_later(item, last_in_window))
            last_in_window = item;
    }
    plan->last = last_in_window ? last_in_window : last;
    plan->end = plan->last ? plan->last->plan.end : 0;
}

void evaluate_schedule(struct checklist *checklist)
{
    struct checklist_plan *plan = &checklist->plan;
    *plan = (struct checklist_plan){0};
    struct graph graph = {0};
    build_graph(checklist, &graph);
    for (struct phase *phase = checklist->phases;
         phase < checklist->phases + checklist->phase_count; phase++) {
        bool main_line = !graph.alternative[phase - checklist->phases];
        for (struct item *item = phase->items; item < phase->items + phase->item_count; item++)
            item->plan = (struct item_plan){.main_line = main_line};
    }
    plan->order = arena_calloc(checklist->arena, graph.count + 1, sizeof *plan->order);
    order_steps(&graph, plan->order);
    struct placing *times = xcalloc(graph.count + 1, sizeof *times);
    plan_steps(checklist, &graph, times);
    for (struct item *item = (struct item *)plan->last; item;
         item = (struct item *)item->plan.driver)
        item->plan.critical = true;
    free(times);
    free_graph(&graph);
}

/* ---- the forecast ------------------------------------------------------ */

static int64_t minutes_from(struct timestamp start, struct timestamp at)
{
    int64_t seconds = at.epoch - start.epoch;
    return seconds >= 0 ? seconds / 60 : -((-seconds + 59) / 60);
}

/* What the records made by as_of say of a step. A decision to continue
 * does not close it: another decision follows. */
struct progress {
    bool started, closed;
    int64_t first, last;
};

/* Whether record counts as of as_of: timed by then, not corrected. */
static bool known_by(const struct result_record *record, struct timestamp as_of)
{
    return record->at.set && record->at.epoch <= as_of.epoch && !record->corrected_by;
}

static struct progress progress_of(const struct item *item, struct timestamp window_start,
                                   struct timestamp as_of)
{
    struct progress progress = {0};
    const struct result_record *latest = NULL;
    for (size_t index = 0; index < item->state.history_count; index++) {
        const struct result_record *record = item->state.history[index];
        if (!known_by(record, as_of))
            continue;
        int64_t at = minutes_from(window_start, record->at);
        if (!progress.started || at < progress.first)
            progress.first = at;
        progress.started = true;
        latest = record;
    }
    if (latest) {
        progress.last = minutes_from(window_start, latest->at);
        progress.closed = (latest->status == STATUS_DONE || latest->status == STATUS_SKIPPED) &&
                          latest->decision != OUTCOME_CONTINUE;
    }
    return progress;
}

static void forecast_step(const struct graph *graph, size_t step, struct placing *times,
                          const struct progress *progress, int64_t now)
{
    const struct item *item = graph->steps[step];
    struct placing *placing = &times[step];
    place_after_preds(graph, step, times);
    if (item->pinned.set) {
        placing->start = item->pinned.minutes;
        placing->driver = NULL;
    }
    if (progress->closed) {
        placing->start = progress->first < progress->last ? progress->first : progress->last;
        placing->end = progress->last;
    } else if (progress->started) {
        placing->start = progress->first;
        placing->end = placing->start + budget_of(item);
        placing->end = placing->end > now ? placing->end : now;
    } else {
        placing->start = placing->start > now ? placing->start : now;
        placing->end = placing->start + budget_of(item);
    }
    placing->done = true;
}

/* crosser: on the chain of steps that set target's start, the first whose
 * forecast end is after limit: the step during which limit passes. */
static const struct item *crosser(const struct placing *times, const struct item *target,
                                  int64_t limit)
{
    const struct item *found = NULL;
    for (const struct item *item = target; item; item = times[item->number - 1].driver)
        if (times[item->number - 1].end > limit)
            found = item;
    return found;
}

static void judge_limits(const struct checklist *checklist, const struct project *project,
                         const struct placing *times, struct forecast *out)
{
    for (size_t index = 0; index < checklist->item_count; index++) {
        const struct item *item = checklist->plan.order[index];
        if (item->plan.main_line && item->kind == ITEM_DECISION &&
            SET_HAS(item->outcomes, OUTCOME_ROLLBACK) &&
            (!out->decision || item->plan.end >= out->decision->plan.end))
            out->decision = item;
    }
    if (out->decision && project->rollback_deadline.set) {
        int64_t deadline = minutes_from(project->window_start, project->rollback_deadline);
        out->decision_end = times[out->decision->number - 1].end;
        out->decided = progress_of(out->decision, project->window_start, out->as_of).closed;
        out->deadline_missed = out->decision_end > deadline;
        out->deadline_crosser = crosser(times, out->decision, deadline);
    }
    if (out->last && project->window_end.set) {
        int64_t window_end = minutes_from(project->window_start, project->window_end);
        out->window_missed = out->end > window_end;
        out->window_crosser = crosser(times, out->last, window_end);
    }
}

/* The latest record of item known by as_of, or NULL. */
static const struct result_record *latest_known(const struct item *item, struct timestamp as_of)
{
    const struct result_record *latest = NULL;
    for (size_t at = 0; at < item->state.history_count; at++)
        if (known_by(item->state.history[at], as_of))
            latest = item->state.history[at];
    return latest;
}

/* The phase a decision in phase number index chose with outcome: the one
 * its succeeds_by names, or, for a rollback without one, the first
 * alternative phase listed after the decision's. NULL: none. */
static const struct phase *branch_of(const struct checklist *checklist, const struct graph *graph,
                                     size_t index, const struct item *decision,
                                     enum outcome outcome)
{
    const char *named = text_map_find(&decision->succeeds_by, schema_outcomes[outcome]);
    for (size_t other = 0; named && other < checklist->phase_count; other++)
        if (checklist->phases[other].id && !strcmp(checklist->phases[other].id, named))
            return &checklist->phases[other];
    for (size_t later = index + 1;
         !named && outcome == OUTCOME_ROLLBACK && later < checklist->phase_count; later++)
        if (graph->alternative[later] && checklist->phases[later].item_count)
            return &checklist->phases[later];
    return NULL;
}

/* The phase chosen to end the window with by the latest decision recorded
 * by as_of that chose one (docs/rules.md, "The forecast"); NULL: the main
 * line. */
static const struct phase *chosen_branch(const struct checklist *checklist,
                                         const struct graph *graph, struct timestamp as_of,
                                         const struct item **decision)
{
    const struct phase *branch = NULL;
    const struct result_record *chosen_by = NULL;
    for (size_t index = 0; index < checklist->phase_count; index++) {
        const struct phase *phase = &checklist->phases[index];
        for (const struct item *item = phase->items; item < phase->items + phase->item_count;
             item++) {
            const struct result_record *latest =
                item->kind == ITEM_DECISION ? latest_known(item, as_of) : NULL;
            if (!latest || latest->decision == OUTCOME_NONE ||
                (chosen_by && latest->at.epoch < chosen_by->at.epoch))
                continue;
            const struct phase *chosen = branch_of(checklist, graph, index, item, latest->decision);
            if (chosen)
                branch = chosen, chosen_by = latest, *decision = item;
        }
    }
    return branch;
}

/* After a chosen branch the window ends with it: the forecast end is its
 * last step's, against its own planned end. */
static void forecast_branch(const struct checklist *checklist, const struct graph *graph,
                            const struct placing *times, struct forecast *out)
{
    const struct item *decision = NULL;
    const struct phase *branch = chosen_branch(checklist, graph, out->as_of, &decision);
    out->delay = out->end - checklist->plan.end;
    if (!branch)
        return;
    out->branch = branch;
    out->branch_decision = decision;
    out->branch_outcome = latest_known(decision, out->as_of)->decision;
    out->last = NULL;
    int64_t planned_end = 0;
    for (const struct item *item = branch->items; item < branch->items + branch->item_count;
         item++) {
        if (!out->last || times[item->number - 1].end >= out->end)
            out->end = times[item->number - 1].end, out->last = item;
        if (item == branch->items || item->plan.end > planned_end)
            planned_end = item->plan.end;
    }
    out->delay = out->end - planned_end;
}

void evaluate_forecast(const struct checklist *checklist, const struct project *project,
                       struct timestamp as_of, struct forecast *out)
{
    *out = (struct forecast){0};
    if (!checklist->plan.present || !checklist->plan.last || !project->window_start.set ||
        !as_of.set)
        return;
    struct graph graph = {0};
    build_graph(checklist, &graph);
    struct placing *times = xcalloc(graph.count + 1, sizeof *times);
    out->present = true;
    out->as_of = as_of;
    out->now = minutes_from(project->window_start, as_of);
    for (size_t index = 0; index < graph.count; index++) {
        const struct item *item = checklist->plan.order[index];
        size_t step = item->number - 1;
        struct progress progress = progress_of(item, project->window_start, as_of);
        forecast_step(&graph, step, times, &progress, out->now);
        if (item->plan.main_line && item->plan.window == checklist->plan.last->plan.window &&
            (!out->last || times[step].end >= out->end)) {
            out->end = times[step].end;
            out->last = item;
        }
    }
    forecast_branch(checklist, &graph, times, out);
    judge_limits(checklist, project, times, out);
    free(times);
    free_graph(&graph);
}

struct timestamp evaluate_last_record(const struct checklist *checklist)
{
    struct timestamp last = {0};
    for (size_t index = 0; index < checklist->item_count; index++) {
        const struct item_state *state = &checklist->plan.order[index]->state;
        for (size_t record = 0; record < state->history_count; record++) {
            struct timestamp at = state->history[record]->at;
            if (at.set && (!last.set || at.epoch > last.epoch))
                last = at;
        }
    }
    return last;
}

void evaluate_forecasts(struct project *project, const struct timestamp *as_of)
{
    for (size_t use = 0; use < project->use_count; use++) {
        struct checklist *checklist = project->uses[use].checklist;
        if (checklist)
            evaluate_forecast(checklist, project, as_of ? *as_of : evaluate_last_record(checklist),
                              &checklist->forecast);
    }
}
