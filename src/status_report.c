/* The readiness dashboard: verdict and reasons, approvals, roll-ups per
 * checklist, the next blocking steps with their owners, stale evidence,
 * planned against actual time, the rehearsals. */
#include "status_report.h"

#include "evaluate.h"
#include "model_checklist.h"
#include "schema.h"
#include "utf8.h"
#include "value.h"

#include <stdio.h>
#include <string.h>

struct style {
    bool colour;
};

enum tone { TONE_PLAIN, TONE_HEADING, TONE_GOOD, TONE_WARN, TONE_BAD, TONE_DIM };

static void styled(struct buffer *out, const struct style *style, enum tone tone, const char *text)
{
    static const char *const codes[] = {
        [TONE_PLAIN] = "",          [TONE_HEADING] = "\033[1m", [TONE_GOOD] = "\033[1;32m",
        [TONE_WARN] = "\033[1;33m", [TONE_BAD] = "\033[1;31m",  [TONE_DIM] = "\033[2m",
    };
    if (style->colour && tone != TONE_PLAIN)
        buffer_printf(out, "%s%s\033[0m", codes[tone], text);
    else
        buffer_append_text(out, text);
}

/* Characters, not bytes: names with accents must line up in columns. */
static size_t text_width(const char *text)
{
    size_t width = 0, length = strlen(text);
    for (size_t offset = 0; offset < length; width++) {
        uint32_t code_point;
        size_t used = utf8_decode(text + offset, length - offset, &code_point);
        offset += used ? used : 1;
    }
    return width;
}

/* text cut to width characters (with an ellipsis) and padded to width. */
static void column(struct buffer *out, const char *text, size_t width)
{
    size_t length = strlen(text), shown = 0, offset = 0;
    bool cut = text_width(text) > width;
    while (offset < length && shown < (cut ? width - 1 : width)) {
        uint32_t code_point;
        size_t used = utf8_decode(text + offset, length - offset, &code_point);
        used = used ? used : 1;
        buffer_append(out, text + offset, used);
        offset += used;
        shown++;
    }
    if (cut) {
        buffer_append_text(out, "\u2026");
        shown++;
    }
    for (; shown < width; shown++)
        buffer_append_char(out, ' ');
}

static const char *readiness_word(enum readiness readiness, enum tone *tone)
{
    switch (readiness) {
    case READINESS_READY: *tone = TONE_GOOD; return "READY";
    case READINESS_NOT_READY: *tone = TONE_WARN; return "NOT READY";
    case READINESS_NO_GO: *tone = TONE_BAD; return "ROLLBACK / NO-GO";
    }
    *tone = TONE_PLAIN;
    return "";
}

static void report_heading(struct buffer *out, const struct style *style,
                           const struct project *project)
{
    char start[40], end[40], length[32];
    buffer_append_text(out, "golive status: ");
    styled(out, style, TONE_HEADING, project->client_name ? project->client_name : "");
    buffer_printf(out, ", %s%s%s%s\n", project->title ? project->title : "",
                  project->reference ? " (" : "", project->reference ? project->reference : "",
                  project->reference ? ")" : "");
    if (project->window_start.set && project->window_end.set)
        buffer_printf(out, "Window:   %s to %s (%s)\n",
                      value_format_timestamp(project->window_start, start, sizeof start),
                      value_format_timestamp(project->window_end, end, sizeof end),
                      value_format_duration(project->timing.window.minutes, length, sizeof length));
}

#define REASONS_SHOWN 10 /* a screen's worth; the documents list them all */

/* One line per reason, with its reason code (docs/rules.md). */
static void report_reasons(struct buffer *out, const struct project *project,
                           const struct verdict *verdict, size_t shown)
{
    size_t count = verdict->reason_count;
    for (size_t index = 0; index < count && index < shown; index++) {
        const struct reason *reason = &verdict->reasons[index];
        bool named =
            project->use_count > 1 && reason->checklist && reason->kind != REASON_REQUIRED_OPEN;
        buffer_printf(out, "  - %s%s%s [%s]\n", reason->text, named ? ", in " : "",
                      named && reason->checklist->title ? reason->checklist->title : "",
                      evaluate_rules[reason->kind].code);
    }
    if (count > shown)
        buffer_printf(out, "  ... and %zu more\n", count - shown);
}

/* A planned outcome (succeeds_by) in words: not a failure. */
static void report_outcome(struct buffer *out, const struct style *style,
                           const struct project *project)
{
    const struct checklist *checklist = project->outcome_checklist;
    if (!checklist)
        return;
    const struct checklist_outcome *outcome = &checklist->outcome;
    const char *branch = outcome->branch && outcome->branch->title ? outcome->branch->title : "";
    char at[40] = "";
    if (project->outcome_at.set)
        value_format_timestamp(project->outcome_at, at, sizeof at);
    buffer_append_text(out, "Outcome:  ");
    if (project->outcome == GOLIVE_RESTORED)
        styled(out, style, TONE_GOOD, "rolled back, system restored");
    else if (project->outcome == GOLIVE_FIXED_FORWARD)
        styled(out, style, TONE_GOOD, "fixed forward");
    else
        styled(out, style, TONE_WARN, "under way");
    buffer_printf(out, " (step %s decided %s; %s %s%s%s)\n", outcome->decision->id,
                  schema_outcomes[outcome->chosen], branch,
                  project->outcome == GOLIVE_RESTORING ? "not closed yet" : "closed",
                  at[0] ? " at " : "", at);
}

static void report_verdict(struct buffer *out, const struct style *style,
                           const struct project *project)
{
    enum tone tone;
    const char *word = readiness_word(project->verdict.readiness, &tone);
    buffer_append_text(out, "\nVerdict:  ");
    styled(out, style, tone, word);
    buffer_append_char(out, '\n');
    report_reasons(out, project, &project->verdict, REASONS_SHOWN);
    report_outcome(out, style, project);
}

static void gate_row(struct buffer *out, const struct style *style, const char *name,
                     enum readiness readiness)
{
    enum tone tone;
    const char *word = readiness_word(readiness, &tone);
    buffer_append_text(out, "  ");
    column(out, name, 18);
    buffer_printf(out, "exit %d  ", evaluate_exit_status(readiness));
    styled(out, style, tone, word);
    buffer_append_char(out, '\n');
}

/* What golive status --gate MOMENT would answer now, at every moment. */
static void report_gates(struct buffer *out, const struct style *style,
                         const struct project *project)
{
    buffer_append_char(out, '\n');
    styled(out, style, TONE_HEADING, "Gates (golive status --gate MOMENT)");
    buffer_append_char(out, '\n');
    gate_row(out, style, evaluate_gate_names[GATE_BEFORE_WINDOW],
             project->gates[GATE_BEFORE_WINDOW].readiness);
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !project->uses[use].gate)
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        {
            if (item->kind != ITEM_DECISION || evaluate_find_decision(project, item->id) != item)
                continue;
            char name[64];
            snprintf(name, sizeof name, "decision:%s", item->id);
            gate_row(out, style, name, item->state.gate);
        }
    }
    for (int moment = GATE_DECISION; moment < GATE_MOMENT_COUNT; moment++)
        gate_row(out, style, evaluate_gate_names[moment], project->gates[moment].readiness);
}

void status_report_gate(const struct model *model, const char *name, const struct verdict *gate,
                        bool colour, struct buffer *out)
{
    struct style style = {colour};
    enum tone tone;
    const char *word = readiness_word(gate->readiness, &tone);
    buffer_printf(out, "\nGate %s: ", name);
    styled(out, &style, tone, word);
    buffer_printf(out, " (exit %d)\n", evaluate_exit_status(gate->readiness));
    report_reasons(out, model->project, gate, gate->reason_count);
}

static void report_approval(struct buffer *out, const struct style *style,
                            const struct project *project)
{
    const struct approval_state *state = &project->approvals[ARTIFACT_RUNBOOK];
    static const char *const words[] = {[APPROVAL_NOT_REQUIRED] = "NOT REQUIRED",
                                        [APPROVAL_PENDING] = "PENDING",
                                        [APPROVAL_APPROVED] = "APPROVED",
                                        [APPROVAL_REJECTED] = "REJECTED"};
    static const enum tone tones[] = {[APPROVAL_NOT_REQUIRED] = TONE_DIM,
                                      [APPROVAL_PENDING] = TONE_WARN,
                                      [APPROVAL_APPROVED] = TONE_GOOD,
                                      [APPROVAL_REJECTED] = TONE_BAD};
    buffer_append_text(out, "Approval: ");
    styled(out, style, tones[state->approval], words[state->approval]);
    if (state->approval == APPROVAL_NOT_REQUIRED) {
        buffer_append_text(out, " (the project lists no go-live sign-off)\n");
        return;
    }
    buffer_printf(out, " (go-live: %zu of %zu signed", state->required - state->missing,
                  state->required);
    if (state->conditional)
        buffer_printf(out, ", %zu with conditions", state->conditional);
    buffer_append_text(out, ")\n");
    for (size_t index = 0; index < project->signatory_count; index++) {
        const struct signatory *signatory = &project->signatories[index];
        if (SET_HAS(signatory->artifacts, ARTIFACT_RUNBOOK) && !signatory->latest)
            buffer_printf(out, "  - missing: %s (%s)\n", signatory->role, signatory->id);
        else if (SET_HAS(signatory->artifacts, ARTIFACT_RUNBOOK) &&
                 signatory->latest->decision == SIGNOFF_REJECTED)
            buffer_printf(out,
                          signatory->latest->deputy ? "  - rejected by %s, for %s\n"
                                                    : "  - rejected by %s (%s)\n",
                          signatory->latest->name, signatory->role);
    }
}

/* The conditions of the approvals in force: how many are open, and each
 * open one with its owner and due date (the close-out gate waits for them). */
static void report_conditions(struct buffer *out, const struct style *style,
                              const struct project *project)
{
    if (project->condition_count == 0)
        return;
    buffer_append_text(out, "Conditions: ");
    char counts[64];
    snprintf(counts, sizeof counts, "%zu of %zu open", project->conditions_open,
             project->condition_count);
    styled(out, style, project->conditions_open ? TONE_WARN : TONE_GOOD, counts);
    buffer_append_char(out, '\n');
    /* The open ones as the close-out gate words them: one sentence each. */
    const struct verdict *gate = &project->gates[GATE_CLOSE_OUT];
    for (size_t index = 0; index < gate->reason_count; index++)
        if (gate->reasons[index].kind == REASON_CONDITION_OPEN)
            buffer_printf(out, "  - %s\n", gate->reasons[index].text);
}

static void rollup_row(struct buffer *out, const struct style *style, const char *title,
                       const struct rollup *rollup, const struct checklist_use *use)
{
    column(out, title, 30);
    buffer_printf(out, "%6zu %7zu %9zu %11zu %9zu %9zu  ", rollup->total, rollup->closed,
                  rollup->required_open, rollup->blocking_open, rollup->blocked_failed,
                  rollup->rollback_no_go);
    enum tone tone;
    const char *word = readiness_word(use->checklist->verdict.readiness, &tone);
    if (use->gate)
        styled(out, style, tone, word);
    else
        styled(out, style, TONE_DIM, "(does not gate)");
    buffer_append_char(out, '\n');
}

static void report_rollups(struct buffer *out, const struct style *style,
                           const struct project *project)
{
    buffer_append_char(out, '\n');
    styled(out, style, TONE_HEADING,
           "Checklist                      Steps  Closed  Req.open  Block.open  Blk/Fail  Rollback "
           " Verdict");
    buffer_append_char(out, '\n');
    for (size_t index = 0; index < project->use_count; index++) {
        const struct checklist_use *use = &project->uses[index];
        if (use->checklist)
            rollup_row(out, style, use->checklist->title ? use->checklist->title : "",
                       &use->checklist->rollup, use);
    }
}

/* "Technical lead: Jürgen Weiß, Åsa Lindqvist" for a step's owner. */
static void owner_text(struct buffer *out, const struct project *project, const struct item *item)
{
    if (!item->owner) {
        buffer_append_text(out, "no owner");
        return;
    }
    buffer_append_text(out, item->owner_title ? item->owner_title : item->owner);
    const char *separator = ": ";
    for (size_t person = 0; person < project->person_count; person++)
        for (size_t index = 0; index < project->people[person].roles.count; index++)
            if (strcmp(project->people[person].roles.items[index], item->owner) == 0) {
                buffer_printf(out, "%s%s", separator, project->people[person].name);
                separator = ", ";
            }
}

#define NEXT_STEPS_SHOWN 5 /* a screenful: what to chase now, not the whole list */

static void report_next_steps(struct buffer *out, const struct style *style,
                              const struct project *project)
{
    buffer_append_char(out, '\n');
    styled(out, style, TONE_HEADING, "Next blocking steps");
    buffer_append_char(out, '\n');
    size_t shown = 0, open = 0;
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !project->uses[use].gate)
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        {
            if (!item->blocking || item->state.closed)
                continue;
            if (open++ >= NEXT_STEPS_SHOWN)
                continue;
            struct buffer owner = {0};
            owner_text(&owner, project, item);
            buffer_append_text(out, "  ");
            column(out, item->id, 6);
            column(out, item->title ? item->title : "", 44);
            buffer_printf(out, " %-11s %s\n", schema_statuses[item->state.status],
                          buffer_text(&owner));
            buffer_free(&owner);
            shown++;
        }
    }
    if (open == 0)
        buffer_append_text(out, "  none: every blocking step is closed\n");
    else if (open > shown)
        buffer_printf(out, "  ... and %zu more\n", open - shown);
}

static void report_stale_evidence(struct buffer *out, const struct style *style,
                                  const struct project *project)
{
    buffer_append_char(out, '\n');
    styled(out, style, TONE_HEADING, "Evidence older than allowed at the window start");
    buffer_append_char(out, '\n');
    size_t count = 0;
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist)
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        {
            if (!item->state.evidence_stale)
                continue;
            char age[32], limit[32];
            buffer_printf(
                out, "  %s %s: %s old, at most %s\n", item->id, item->title,
                value_format_duration(item->state.evidence_age.minutes, age, sizeof age),
                value_format_duration(item->evidence_max_age.minutes, limit, sizeof limit));
            count++;
        }
    }
    if (!count)
        buffer_append_text(out, "  none\n");
}

static void phase_time_row(struct buffer *out, const struct style *style, const struct phase *phase)
{
    char budget[32] = "-", actual[32] = "-", over[40] = "";
    if (phase->budget.set)
        value_format_duration(phase->budget.minutes, budget, sizeof budget);
    if (phase->timing.before_window)
        snprintf(actual, sizeof actual, "before window");
    else if (phase->timing.started)
        value_format_duration(phase->timing.actual.minutes, actual, sizeof actual);
    buffer_append_text(out, "    ");
    column(out, phase->title ? phase->title : "", 36);
    buffer_printf(out, " %-12s ", budget);
    column(out, actual, 14);
    /* As the runbook: "so far" while unfinished, "over" beyond the budget,
     * both when both hold. */
    bool so_far = phase->timing.started && !phase->timing.finished && !phase->timing.before_window;
    if (so_far)
        styled(out, style, TONE_DIM, "so far");
    if (phase->timing.over_budget.minutes > 0) {
        char late[32];
        snprintf(over, sizeof over, "%s+%s over", so_far ? ", " : "",
                 value_format_duration(phase->timing.over_budget.minutes, late, sizeof late));
        styled(out, style, TONE_WARN, over);
    }
    if (phase->timing.overlaps)
        styled(out, style, TONE_DIM, "; overlaps the phase before");
    buffer_append_char(out, '\n');
}

static void report_timing(struct buffer *out, const struct style *style,
                          const struct project *project)
{
    buffer_append_char(out, '\n');
    styled(out, style, TONE_HEADING, "Time: phase budget and actual");
    buffer_append_char(out, '\n');
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !project->uses[use].gate)
            continue;
        buffer_printf(out, "  %s\n", checklist->title ? checklist->title : "");
        for (size_t index = 0; index < checklist->phase_count; index++)
            phase_time_row(out, style, &checklist->phases[index]);
    }
    const struct project_timing *timing = &project->timing;
    char length[32], since[40];
    if (timing->downtime_started)
        buffer_printf(out, "  Downtime: %s%s (from %s)%s\n",
                      value_format_duration(timing->downtime.minutes, length, sizeof length),
                      timing->downtime_ended ? "" : " so far",
                      value_format_timestamp(timing->downtime_start, since, sizeof since),
                      timing->downtime_inverted ? "; its end is recorded before its start" : "");
    else
        buffer_append_text(out, "  Downtime: not started\n");
}

/* A minute offset from the window start as the clock time it is. */
static char *clock_text(const struct project *project, int64_t minutes, char *out, size_t size)
{
    struct timestamp at = project->window_start;
    at.epoch += minutes * 60;
    return value_format_timestamp(at, out, size);
}

/* One limit the window must keep: met, or missed by how much and during
 * which step. end: the forecast end of what must be done by then. */
static void limit_row(struct buffer *out, const struct style *style, const char *name,
                      struct timestamp limit, int64_t end, int64_t limit_minutes,
                      const struct item *crosser)
{
    char when[40], length[32];
    buffer_printf(out, "    %s %s: ", name, value_format_timestamp(limit, when, sizeof when));
    if (end <= limit_minutes) {
        styled(out, style, TONE_GOOD, "will be met");
        buffer_printf(out, " (%s to spare)\n",
                      value_format_duration(limit_minutes - end, length, sizeof length));
        return;
    }
    styled(out, style, TONE_BAD, "will be missed");
    buffer_printf(out, " by %s", value_format_duration(end - limit_minutes, length, sizeof length));
    if (crosser)
        buffer_printf(out, ", during step %s (%s)", crosser->id,
                      crosser->title ? crosser->title : "");
    buffer_append_char(out, '\n');
}

static int64_t minutes_after_start(const struct project *project, struct timestamp at)
{
    return (at.epoch - project->window_start.epoch) / 60;
}

static void forecast_rows(struct buffer *out, const struct style *style,
                          const struct project *project, const struct checklist *checklist)
{
    const struct checklist_plan *plan = &checklist->plan;
    const struct forecast *forecast = &checklist->forecast;
    char from[40], to[40], length[32];
    buffer_printf(out, "  %s\n    Planned: %s to %s (%s), critical path ends with step %s\n",
                  checklist->title ? checklist->title : "",
                  clock_text(project, plan->start, from, sizeof from),
                  clock_text(project, plan->end, to, sizeof to),
                  value_format_duration(plan->end - plan->start, length, sizeof length),
                  plan->last ? plan->last->id : "-");
    if (!forecast->present) {
        buffer_append_text(out, "    Forecast: nothing recorded yet\n");
        return;
    }
    int64_t delay = forecast->delay < 0 ? -forecast->delay : forecast->delay;
    buffer_printf(out, "    As of %s: forecast end %s, ",
                  value_format_timestamp(forecast->as_of, from, sizeof from),
                  clock_text(project, forecast->end, to, sizeof to));
    if (delay)
        styled(out, style, forecast->delay > 0 ? TONE_WARN : TONE_GOOD,
               value_format_duration(delay, length, sizeof length));
    buffer_append_text(out, forecast->delay > 0   ? " behind plan\n"
                            : forecast->delay < 0 ? " ahead of plan\n"
                                                  : "as planned\n");
    if (forecast->branch)
        buffer_printf(out,
                      "    Step %s chose %s: the forecast follows phase %s, planned to end %s\n",
                      forecast->branch_decision->id, schema_outcomes[forecast->branch_outcome],
                      forecast->branch->title ? forecast->branch->title : forecast->branch->id,
                      clock_text(project, forecast->end - forecast->delay, to, sizeof to));
    if (forecast->decision && project->rollback_deadline.set) {
        buffer_printf(out, "    Decision at step %s %s %s\n", forecast->decision->id,
                      forecast->decided ? "recorded at" : "forecast by",
                      clock_text(project, forecast->decision_end, to, sizeof to));
        limit_row(out, style, "Rollback deadline", project->rollback_deadline,
                  forecast->decision_end, minutes_after_start(project, project->rollback_deadline),
                  forecast->deadline_crosser);
    }
    if (project->window_end.set)
        limit_row(out, style, "Window end", project->window_end, forecast->end,
                  minutes_after_start(project, project->window_end), forecast->window_crosser);
}

/* The plan and, as of the last record (or status --at), the forecast. */
static void report_forecast(struct buffer *out, const struct style *style,
                            const struct project *project)
{
    bool heading = false;
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist || !checklist->plan.present || !project->window_start.set)
            continue;
        if (!heading) {
            buffer_append_char(out, '\n');
            styled(out, style, TONE_HEADING, "Time: plan and forecast");
            buffer_append_char(out, '\n');
            heading = true;
        }
        forecast_rows(out, style, project, checklist);
    }
}

/* "2 of 4 steps closed, reached phase Execution": how far it got. */
static void rehearsal_progress(struct buffer *out, const struct checklist *checklist)
{
    const struct phase *last = NULL;
    for (size_t index = 0; index < checklist->phase_count; index++)
        last = checklist->phases[index].timing.started ? &checklist->phases[index] : last;
    const struct rollup *rollup = &checklist->rollup;
    buffer_printf(out, "%zu of %zu steps closed", rollup->closed, rollup->total);
    if (last && rollup->closed < rollup->total)
        buffer_printf(out, ", reached phase %s", last->title ? last->title : last->id);
}

/* "; 2 phases finished in 1 h 40 min against 1 h 30 min estimated (10
 * min over)": the phases the rehearsal finished (docs/rules.md,
 * "Rehearsals"), against their budgets. */
static void rehearsal_total(struct buffer *out, const struct checklist *checklist)
{
    size_t finished = 0;
    int64_t took = 0, estimate = 0;
    bool estimated = true;
    for (size_t index = 0; index < checklist->phase_count; index++) {
        const struct phase *phase = &checklist->phases[index];
        if (!phase->timing.measured.set)
            continue;
        finished++;
        took += phase->timing.measured.minutes;
        estimate += phase->budget.minutes;
        estimated = estimated && phase->budget.set;
    }
    char text[32];
    if (!finished) {
        buffer_append_text(out, "; no phase finished");
        return;
    }
    buffer_printf(out, "; %zu phase%s finished in %s", finished, finished == 1 ? "" : "s",
                  value_format_duration(took, text, sizeof text));
    if (!estimated)
        return;
    buffer_printf(out, " against %s estimated", value_format_duration(estimate, text, sizeof text));
    int64_t difference = took - estimate;
    if (difference)
        buffer_printf(
            out, " (%s %s)",
            value_format_duration(difference < 0 ? -difference : difference, text, sizeof text),
            difference > 0 ? "over" : "under");
}

static void rehearsal_rows(struct buffer *out, const struct checklist_use *use)
{
    buffer_printf(out, "  %s\n", use->checklist->title ? use->checklist->title : use->file);
    for (size_t index = 0; index < use->rehearsal_count; index++) {
        const struct rehearsal *rehearsal = &use->rehearsals[index];
        const struct checklist *checklist = rehearsal->use.checklist;
        char start[40] = "-";
        if (rehearsal->start.set)
            value_format_timestamp(rehearsal->start, start, sizeof start);
        buffer_append_text(out, "    ");
        column(out, rehearsal->name, 20);
        buffer_printf(out, " %-24s ", start);
        if (!checklist) {
            buffer_append_text(out, "not read\n");
            continue;
        }
        rehearsal_progress(out, checklist);
        rehearsal_total(out, checklist);
        buffer_append_char(out, '\n');
    }
}

/* Each checklist's rehearsals: how far each got and how long it took
 * against the estimate, the basis golive plan proposes budgets from. */
static void report_rehearsals(struct buffer *out, const struct style *style,
                              const struct project *project)
{
    bool heading = false;
    for (size_t use = 0; use < project->use_count; use++) {
        if (!project->uses[use].rehearsal_count || !project->uses[use].checklist)
            continue;
        if (!heading) {
            buffer_append_char(out, '\n');
            styled(out, style, TONE_HEADING, "Rehearsals (golive plan proposes budgets from them)");
            buffer_append_char(out, '\n');
            heading = true;
        }
        rehearsal_rows(out, &project->uses[use]);
    }
}

/* Padding leaves spaces at the ends of lines; a terminal does not need
 * them and a diff should not see them. */
static void strip_line_ends(struct buffer *out, size_t from)
{
    size_t write = from;
    for (size_t read = from; read < out->length; read++) {
        if (out->data[read] == '\n')
            while (write > from && out->data[write - 1] == ' ')
                write--;
        out->data[write++] = out->data[read];
    }
    buffer_truncate(out, write);
}

void status_report(const struct model *model, bool colour, struct buffer *out)
{
    size_t start = out->length;
    struct style style = {colour};
    const struct project *project = model->project;
    report_heading(out, &style, project);
    report_verdict(out, &style, project);
    report_approval(out, &style, project);
    report_conditions(out, &style, project);
    report_gates(out, &style, project);
    report_rollups(out, &style, project);
    report_next_steps(out, &style, project);
    report_stale_evidence(out, &style, project);
    report_timing(out, &style, project);
    report_forecast(out, &style, project);
    report_rehearsals(out, &style, project);
    strip_line_ends(out, start);
}
