/* Roll-ups and readiness of a checklist.
 *
 * READY only when no blocking step is open, failed or blocked, none lacks
 * or has stale evidence, and every decision point is captured as go or
 * continue. ROLLBACK / NO-GO when a decision says so. Otherwise NOT READY,
 * with one reason per step concerned, in checklist order. */
#include "evaluate.h"

#include "alloc.h"
#include "buffer.h"
#include "model_checklist.h"
#include "schema.h"

#include <stdlib.h>

static void count_item(struct rollup *rollup, const struct item *item)
{
    const struct item_state *state = &item->state;
    rollup->total++;
    rollup->closed += state->closed;
    rollup->required_open += evaluate_is_required(item) && !state->closed;
    rollup->blocking_open += evaluate_is_blocking(item) && !state->closed;
    rollup->blocked_failed += state->status == STATUS_BLOCKED || state->status == STATUS_FAILED;
    rollup->rollback_no_go += evaluate_decided_against(item);
}

static bool evaluate_is_planned(const struct item *item)
{
    return item->state.decision != OUTCOME_NONE &&
           text_map_find(&item->succeeds_by, schema_outcomes[item->state.decision]);
}

bool evaluate_decided_against(const struct item *item)
{
    enum outcome decision = item->state.decision;
    return (decision == OUTCOME_ROLLBACK || decision == OUTCOME_NO_GO) &&
           !evaluate_is_planned(item);
}

/* A step of the branch a planned outcome chose is required and blocks
 * the outcome until closed; a step of a branch not taken is neither. */
static bool in_chosen_branch(const struct item *item)
{
    return item->state.in_branch;
}

bool evaluate_is_required(const struct item *item)
{
    return !item->state.not_taken && (item->required || in_chosen_branch(item));
}

bool evaluate_is_blocking(const struct item *item)
{
    return !item->state.not_taken && (item->blocking || in_chosen_branch(item));
}

void evaluate_rollups(struct checklist *checklist)
{
    checklist->rollup = (struct rollup){0};
    checklist->has_decision = false;
    for (struct phase *phase = checklist->phases;
         phase < checklist->phases + checklist->phase_count; phase++) {
        phase->rollup = (struct rollup){0};
        for (const struct item *item = phase->items; item < phase->items + phase->item_count;
             item++) {
            count_item(&phase->rollup, item);
            count_item(&checklist->rollup, item);
            checklist->has_decision = checklist->has_decision || item->kind == ITEM_DECISION;
        }
    }
}

struct reason *evaluate_add_reason(struct verdict *verdict, enum reason_kind kind,
                                   const struct item *item, const struct checklist *checklist,
                                   const char *format, ...)
{
    struct buffer text = {0};
    va_list arguments;
    va_start(arguments, format);
    buffer_vprintf(&text, format, arguments);
    va_end(arguments);
    verdict->reasons = arena_grow(verdict->arena, verdict->reasons, &verdict->reason_capacity,
                                  verdict->reason_count + 1, sizeof(struct reason));
    struct reason *reason = &verdict->reasons[verdict->reason_count++];
    *reason = (struct reason){.kind = kind,
                              .item = item,
                              .checklist = checklist,
                              .text = arena_strdup(verdict->arena, buffer_text(&text))};
    buffer_free(&text);
    return reason;
}

void evaluate_copy_reason(struct verdict *verdict, const struct reason *reason)
{
    verdict->reasons = arena_grow(verdict->arena, verdict->reasons, &verdict->reason_capacity,
                                  verdict->reason_count + 1, sizeof(struct reason));
    struct reason copy = *reason;
    copy.text = arena_strdup(verdict->arena, reason->text);
    verdict->reasons[verdict->reason_count++] = copy;
}

void evaluate_settle(struct verdict *verdict)
{
    verdict->readiness = verdict->reason_count ? READINESS_NOT_READY : READINESS_READY;
    for (size_t index = 0; index < verdict->reason_count; index++)
        if (evaluate_rules[verdict->reasons[index].kind].effect == READINESS_NO_GO)
            verdict->readiness = READINESS_NO_GO;
}

/* The reason a decision point gives, if any. */
static void judge_decision(struct verdict *verdict, const struct checklist *checklist,
                           const struct item *item)
{
    enum outcome decision = item->state.decision;
    if (evaluate_decided_against(item))
        evaluate_add_reason(verdict, REASON_NO_GO, item, checklist, "step %s (%s) decided %s",
                            item->id, item->title,
                            decision == OUTCOME_ROLLBACK ? "ROLLBACK" : "NO-GO");
    else if (decision != OUTCOME_GO && decision != OUTCOME_CONTINUE && !evaluate_is_planned(item))
        evaluate_add_reason(verdict, REASON_NO_DECISION, item, checklist,
                            "step %s (%s) is a decision point without a go or continue decision",
                            item->id, item->title);
}

static void judge_blocking(struct verdict *verdict, const struct checklist *checklist,
                           const struct item *item)
{
    const struct item_state *state = &item->state;
    char age[32], limit[32];
    if (state->status == STATUS_FAILED)
        evaluate_add_reason(verdict, REASON_FAILED, item, checklist, "blocking step %s (%s) failed",
                            item->id, item->title);
    else if (state->status == STATUS_BLOCKED)
        evaluate_add_reason(verdict, REASON_BLOCKED, item, checklist,
                            "blocking step %s (%s) is blocked", item->id, item->title);
    else if (!state->closed && item->kind != ITEM_DECISION) /* judge_decision says it */
        evaluate_add_reason(verdict, REASON_OPEN, item, checklist, "blocking step %s (%s) is %s",
                            item->id, item->title, schema_statuses[state->status]);
    else if (state->evidence_missing)
        evaluate_add_reason(verdict, REASON_EVIDENCE_MISSING, item, checklist,
                            "blocking step %s (%s) is done without all its evidence", item->id,
                            item->title);
    else if (state->evidence_stale)
        evaluate_add_reason(
            verdict, REASON_EVIDENCE_STALE, item, checklist,
            "blocking step %s (%s) has evidence %s old at the window start (at most %s)", item->id,
            item->title, value_format_duration(state->evidence_age.minutes, age, sizeof age),
            value_format_duration(item->evidence_max_age.minutes, limit, sizeof limit));
}

void evaluate_judge_step(struct verdict *verdict, const struct checklist *checklist,
                         const struct item *item)
{
    if (item->state.not_taken)
        return;
    if (evaluate_is_blocking(item))
        judge_blocking(verdict, checklist, item);
    if (item->kind == ITEM_DECISION)
        judge_decision(verdict, checklist, item);
}

void evaluate_verdict(struct checklist *checklist)
{
    struct verdict *verdict = &checklist->verdict;
    *verdict = (struct verdict){.arena = checklist->arena};
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    evaluate_judge_step(verdict, checklist, item);
    evaluate_settle(verdict);
}
