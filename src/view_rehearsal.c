/* The comparison of a checklist's rehearsals with its estimates and its
 * live run, per phase and per step, for the runbook and the close-out
 * (docs/rules.md, "Rehearsals"). Each rehearsal's checklist is built from
 * the same file, so its phases and steps stand at the same indexes. */
#include "view_put.h"

#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>

/* A column's running total: the sum of the values it holds. */
struct column_total {
    int64_t minutes;
    bool any;
};

static void add_to(struct column_total *total, struct duration value)
{
    if (!value.set)
        return;
    total->minutes += value.minutes;
    total->any = true;
}

static struct duration total_of(const struct column_total *total)
{
    return (struct duration){total->any, total->minutes};
}

/* difference: live minus estimate, as its size and which way. */
static void put_difference(struct node *mapping, struct column_total total)
{
    put_bool(mapping, "has_difference", total.any);
    if (!total.any)
        return;
    int64_t difference = total.minutes;
    struct node *node = put_mapping(mapping, "difference");
    put_duration(node, "size", (struct duration){true, difference < 0 ? -difference : difference});
    put_bool(node, "longer", difference > 0);
    put_bool(node, "shorter", difference < 0);
    put_bool(node, "even", difference == 0);
}

static struct column_total difference_of(struct duration estimate, struct duration live)
{
    return (struct column_total){live.minutes - estimate.minutes, estimate.set && live.set};
}

/* put_row: one row; its difference is given, as the total's is the sum of
 * the phases' (those with both an estimate and a live time). */
static void put_row(struct node *mapping, struct duration estimate, const struct duration *measured,
                    size_t count, struct duration live, struct column_total difference)
{
    put_duration(mapping, "estimate", estimate);
    put_bool(mapping, "has_estimate", estimate.set);
    struct node *cells = put_list(mapping, "cells");
    for (size_t index = 0; index < count; index++) {
        struct node *cell = append_mapping(cells);
        put_duration(cell, "measured", measured[index]);
        put_bool(cell, "has_measured", measured[index].set);
    }
    put_duration(mapping, "live", live);
    put_bool(mapping, "has_live", live.set);
    put_difference(mapping, difference);
}

static bool holds_required(const struct phase *phase)
{
    for (size_t index = 0; index < phase->item_count; index++)
        if (phase->items[index].required)
            return true;
    return false;
}

static void put_steps(struct node *phase_node, const struct checklist_use *use, size_t phase_index,
                      struct duration *measured)
{
    const struct phase *phase = &use->checklist->phases[phase_index];
    struct node *steps = put_list(phase_node, "steps");
    for (size_t item = 0; item < phase->item_count; item++) {
        const struct item *step = &phase->items[item];
        for (size_t index = 0; index < use->rehearsal_count; index++) {
            const struct checklist *other = use->rehearsals[index].use.checklist;
            measured[index] = other->phases[phase_index].items[item].state.measured;
        }
        struct node *row = append_mapping(steps);
        put_text(row, "id", step->id);
        put_text(row, "title", step->title);
        struct duration live = use->run ? step->state.measured : (struct duration){0};
        put_row(row, step->budget, measured, use->rehearsal_count, live,
                difference_of(step->budget, live));
    }
}

static void put_phases(struct node *comparison, const struct checklist_use *use,
                       struct duration *measured, struct column_total *totals)
{
    const struct checklist *checklist = use->checklist;
    size_t count = use->rehearsal_count;
    struct node *phases = put_list(comparison, "phases");
    for (size_t phase_index = 0; phase_index < checklist->phase_count; phase_index++) {
        const struct phase *phase = &checklist->phases[phase_index];
        for (size_t index = 0; index < count; index++) {
            measured[index] =
                use->rehearsals[index].use.checklist->phases[phase_index].timing.measured;
            add_to(&totals[index], measured[index]);
        }
        struct duration live = use->run ? phase->timing.measured : (struct duration){0};
        if (holds_required(phase))
            add_to(&totals[count], phase->budget);
        add_to(&totals[count + 1], live);
        struct column_total difference = difference_of(phase->budget, live);
        if (difference.any)
            add_to(&totals[count + 2], (struct duration){true, difference.minutes});
        struct node *row = append_mapping(phases);
        put_text(row, "id", phase->id);
        put_text(row, "title", phase->title);
        put_row(row, phase->budget, measured, count, live, difference);
        put_steps(row, use, phase_index, measured);
    }
}

void view_put_rehearsals(struct node *mapping, const struct checklist_use *use)
{
    size_t count = use->rehearsal_count;
    if (!count || !use->checklist)
        return;
    for (size_t index = 0; index < count; index++)
        if (!use->rehearsals[index].use.checklist)
            return;
    struct node *comparison = put_mapping(mapping, "comparison");
    struct node *columns = put_list(comparison, "columns");
    for (size_t index = 0; index < count; index++) {
        struct node *column = append_mapping(columns);
        put_text(column, "name", use->rehearsals[index].name);
        if (use->rehearsals[index].start.set)
            put_timestamp(column, "start", use->rehearsals[index].start);
    }
    /* one per rehearsal, then the estimate, the live run and the difference */
    struct duration *measured = xcalloc(count + 1, sizeof *measured);
    struct column_total *totals = xcalloc(count + 3, sizeof *totals);
    put_phases(comparison, use, measured, totals);
    for (size_t index = 0; index < count; index++)
        measured[index] = total_of(&totals[index]);
    put_row(put_mapping(comparison, "total"), total_of(&totals[count]), measured, count,
            total_of(&totals[count + 1]), totals[count + 2]);
    free(measured);
    free(totals);
}
