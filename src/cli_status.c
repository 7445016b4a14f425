/* golive status: the readiness dashboard in the terminal; with --gate, an
 * exit status a deploy script can trust. */
#include "cli.h"

#include "alloc.h"
#include "buffer.h"
#include "evaluate.h"
#include "exit_status.h"
#include "model_checklist.h"
#include "model_load.h"
#include "status_report.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
static bool want_colour(void)
{
    const char *no_colour = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_colour && no_colour[0]);
}

/* The gate a --gate MOMENT asks about, into decision_gate for a decision
 * point; NULL for a moment that is none. */
static const struct verdict *find_gate(const struct project *project, const char *moment,
                                       struct verdict *decision_gate)
{
    for (int index = 0; index < GATE_MOMENT_COUNT; index++)
        if (strcmp(moment, evaluate_gate_names[index]) == 0)
            return &project->gates[index];
    if (strncmp(moment, "decision:", 9) == 0) {
        const struct item *item = evaluate_find_decision(project, moment + 9);
        if (!item)
            return NULL;
        evaluate_decision_gate(decision_gate, project, item);
        return decision_gate;
    }
    return NULL;
}

/* --at TIME: the forecast as of then (records after it unknown to it). */
static bool forecast_at(const struct cli_invocation *invocation, struct project *project)
{
    const char *text = cli_value(invocation, "at");
    struct timestamp at;
    if (!text)
        return true;
    if (!value_parse_timestamp(text, &at))
        return false;
    at.offset_minutes = zone_offset_at(&project->zone, at.epoch);
    evaluate_forecasts(project, &at);
    return true;
}

/* Every moment status --gate knows: the gates, and decision:STEP for each
 * decision point of the runbook. The caller frees the list and its
 * strings. */
static char **known_moments(const struct project *project, size_t *count)
{
    size_t capacity = GATE_MOMENT_COUNT;
    char **moments = xcalloc(capacity, sizeof(char *));
    *count = 0;
    for (int index = 0; index < GATE_MOMENT_COUNT; index++)
        moments[(*count)++] = xstrdup(evaluate_gate_names[index]);
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        const char **ids = checklist ? checklist_item_ids(checklist) : NULL;
        for (size_t index = 0; checklist && index < checklist->item_count; index++) {
            if (evaluate_find_decision(project, ids[index]) !=
                checklist_find_item(checklist, ids[index]))
                continue;
            struct buffer moment = {0};
            buffer_printf(&moment, "decision:%s", ids[index]);
            moments = xgrow(moments, &capacity, *count + 1, sizeof(char *));
            moments[(*count)++] = buffer_release(&moment);
        }
        free(ids);
    }
    return moments;
}

static int refuse_moment(const struct cli_invocation *invocation, const struct project *project,
                         const char *moment)
{
    size_t count;
    char **moments = known_moments(project, &count);
    char hint[160];
    int status = cli_usage_error(
        cli_invocation_command(invocation),
        "'%s' is not a moment: give before-window, decision, "
        "decision:STEP (a decision point of the runbook), "
        "close-out or go-live%s",
        moment, suggest_hint(moment, (const char *const *)moments, count, hint, sizeof hint));
    for (size_t index = 0; index < count; index++)
        free(moments[index]);
    free(moments);
    return status;
}

static int command_status(const struct cli_invocation *invocation)
{
    const char *moment = cli_value(invocation, "gate");
    struct diag_sink *sink = diag_sink_new();
    struct model *model = model_load(cli_argument(invocation, 0), sink);
    int status = diag_exit_status(sink);
    if (model && status == EXIT_STATUS_OK) {
        evaluate_model(model, sink);
        struct verdict decision_gate = {.arena = model->project->arena};
        const struct verdict *gate =
            moment ? find_gate(model->project, moment, &decision_gate) : NULL;
        struct buffer report = {0};
        if (!forecast_at(invocation, model->project)) {
            status = cli_usage_error(cli_invocation_command(invocation),
                                     "--at '%s' is not a date and time with its UTC offset, "
                                     "such as 2026-03-20T22:30+01:00",
                                     cli_value(invocation, "at"));
        } else if (moment && !gate) {
            status = refuse_moment(invocation, model->project, moment);
        } else {
            status_report(model, want_colour(), &report);
            if (gate) {
                status_report_gate(model, moment, gate, want_colour(), &report);
                status = evaluate_exit_status(gate->readiness);
            }
        }
        fwrite(report.data, 1, report.length, stdout);
        buffer_free(&report);
    }
    diag_print(sink, stderr);
    model_free(model);
    diag_sink_free(sink);
    return status;
}

static const struct cli_option status_options[] = {
    {"gate", 0, CLI_VALUE, "MOMENT",
     "exit by the gate at MOMENT: before-window, decision, decision:STEP, close-out or "
     "go-live; 0 READY, 4 NOT READY, 5 ROLLBACK/NO-GO"},
    {"at", 0, CLI_VALUE, "TIME",
     "the forecast as of TIME (2026-03-20T22:30+01:00) instead of the last record"},
    {0},
};

const struct cli_command cli_status_command = {
    .name = "status",
    .synopsis = "PROJECT.yaml [--gate MOMENT] [--at TIME]",
    .summary = "the readiness dashboard; --gate MOMENT fails unless that gate is open",
    .description = "Loads and evaluates the engagement and prints its readiness dashboard: the\n"
                   "go-live verdict and why, approvals, counts per checklist, the next open\n"
                   "blocking steps with their owners, stale evidence, and planned against actual\n"
                   "time. Where steps have budgets, the planned timetable's end and, as of the\n"
                   "last record (or --at TIME), the forecast end, minutes ahead or behind plan,\n"
                   "and whether the rollback deadline and the window end will be met.\n"
                   "Colours only on a terminal, and never with NO_COLOR set.\n\n"
                   "With --gate MOMENT the exit status says whether the go-live may pass that\n"
                   "moment: 0 READY, 4 NOT READY, 5 ROLLBACK/NO-GO (1 when an input is invalid,\n"
                   "2 for an unknown moment). The moments (docs/rules.md):\n"
                   "  before-window  pre-flight done and fresh, go-live sign-offs in, the\n"
                   "                 runbook's preparation steps closed\n"
                   "  decision:STEP  all that, every step before decision point STEP closed,\n"
                   "                 and STEP recorded as go or continue\n"
                   "  decision       the runbook's last decision point\n"
                   "  close-out      every required step of every checklist closed, no\n"
                   "                 rollback, the close-out sign-offs in\n"
                   "  go-live        the whole go-live: its verdict, sign-offs and order\n"
                   "A deploy script: 'golive status project.yaml --gate decision:40 && deploy'.",
    .options = status_options,
    .minimum_arguments = 1,
    .maximum_arguments = 1,
    .execute = command_status,
};
