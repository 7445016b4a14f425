/* golive mark for conditions (cli_mark_condition.h). */
#include "cli_mark_condition.h"

#include "clock.h"
#include "model_run.h"
#include "recording.h"
#include "run_append.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

static const struct source_position nowhere = {0};

bool cli_mark_is_condition_state(const char *status)
{
    return status && schema_choice_index(schema_condition_states, status) >= 0;
}

const char *cli_mark_step_only(const struct cli_invocation *invocation)
{
    static const char *const step_only[] = {"evidence", "decision", "attach", "corrects", "reason"};
    for (size_t index = 0; index < sizeof step_only / sizeof *step_only; index++) {
        size_t count = 0;
        cli_values(invocation, step_only[index], &count);
        if (count)
            return step_only[index];
    }
    return NULL;
}

static bool check_fields(const struct run *run, const struct condition_fields *fields,
                         struct diag_sink *sink)
{
    if (!run_condition_number(run, fields->condition, (unsigned)-1)) {
        run_condition_unknown(run, fields->condition, (unsigned)-1, nowhere, sink);
        return false;
    }
    if (!fields->by) {
        diag(sink, DIAG_MISSING_VALUE, nowhere,
             "say who records it: --by NAME (a person id of the project, or a name), "
             "or set GOLIVE_BY");
        return false;
    }
    if (strcmp(fields->state, "waived") == 0 && !fields->note) {
        diag(sink, DIAG_WAIVER_WITHOUT_REASON, nowhere,
             "a waived condition needs --note saying why");
        return false;
    }
    return recording_check_value(fields->by, "by", FIELD_TEXT, NULL, sink) &&
           recording_check_value(fields->owner, "owner", FIELD_TEXT, NULL, sink) &&
           recording_check_value(fields->due, "due", FIELD_DATE, NULL, sink) &&
           recording_check_value(fields->date, "date", FIELD_DATE, NULL, sink) &&
           recording_check_value(fields->at, "at", FIELD_TIMESTAMP, NULL, sink) &&
           recording_check_value(fields->note, "note", FIELD_MARKDOWN, NULL, sink);
}

static void record_condition(const char *run_path, struct condition_fields *fields,
                             struct diag_sink *sink)
{
    struct recording recording;
    if (recording_load(run_path, sink, &recording) && recording.use->run &&
        check_fields(recording.use->run, fields, sink)) {
        char now[40];
        clock_now(&recording.model->project->zone, now, sizeof now);
        if (!fields->at)
            fields->at = now;
        struct buffer record = {0};
        run_format_condition(&record, fields);
        run_append_record(run_path, buffer_text(&record), sink);
        buffer_free(&record);
    }
    recording_free(&recording);
}

int cli_mark_condition(const struct cli_invocation *invocation)
{
    const char *step_only = cli_mark_step_only(invocation);
    if (step_only)
        return cli_usage_error(cli_invocation_command(invocation),
                               "--%s is for a step's record, not a condition's", step_only);
    struct condition_fields fields = {.condition = cli_argument(invocation, 1),
                                      .state = cli_argument(invocation, 2),
                                      .owner = cli_value(invocation, "owner"),
                                      .due = cli_value(invocation, "due"),
                                      .date = cli_value(invocation, "date"),
                                      .by = cli_recorded_by(invocation),
                                      .at = cli_value(invocation, "at"),
                                      .note = cli_value(invocation, "note")};
    struct diag_sink *sink = diag_sink_new();
    record_condition(cli_argument(invocation, 0), &fields, sink);
    return cli_finish(sink);
}
