/* golive plan: budgets proposed from a rehearsal's measured times plus a
 * margin, shown as a diff of the checklist file's budget lines, and written
 * back only with --write: in place, value by value, every other byte of
 * the file kept, refused when the file changed since it was read. */
#include "cli.h"
#include "cli_plan.h"

#include "alloc.h"
#include "buffer.h"
#include "evaluate.h"
#include "exit_status.h"
#include "model_load.h"
#include "path.h"
#include "suggest.h"
#include "yaml_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PLAN_MARGIN_DEFAULT = 20, PLAN_MARGIN_MAX = 500 }; /* [%] */

/* "20%" or "20": a whole percentage from 0 to PLAN_MARGIN_MAX. */
static bool parse_margin(const char *text, int *margin)
{
    if (!text) {
        *margin = PLAN_MARGIN_DEFAULT;
        return true;
    }
    if (*text < '0' || *text > '9')
        return false;
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (*end == '%')
        end++;
    if (errno || *end || value > PLAN_MARGIN_MAX)
        return false;
    *margin = (int)value;
    return true;
}

static bool names_rehearsal(const struct rehearsal *rehearsal, const char *from)
{
    return strcmp(rehearsal->name, from) == 0 ||
           (rehearsal->use.run_file && strcmp(rehearsal->use.run_file, from) == 0) ||
           (rehearsal->use.run_path && path_same_file(from, rehearsal->use.run_path));
}

/* The rehearsal a checklist is planned from: the one --from names, else
 * its last; NULL when it has none (or not the one named). */
static const struct rehearsal *chosen_rehearsal(const struct checklist_use *use, const char *from)
{
    for (size_t index = use->rehearsal_count; from && index-- > 0;)
        if (names_rehearsal(&use->rehearsals[index], from))
            return &use->rehearsals[index];
    return !from && use->rehearsal_count ? &use->rehearsals[use->rehearsal_count - 1] : NULL;
}

static int refuse_from(const struct cli_invocation *invocation, const struct project *project,
                       const char *from)
{
    const char **names = NULL;
    size_t count = 0, capacity = 0;
    for (size_t use = 0; use < project->use_count; use++)
        for (size_t index = 0; index < project->uses[use].rehearsal_count; index++) {
            names = xgrow(names, &capacity, count + 1, sizeof *names);
            names[count++] = project->uses[use].rehearsals[index].name;
        }
    char hint[160];
    int status = cli_usage_error(
        cli_invocation_command(invocation),
        "--from '%s' is not a rehearsal of this project: give a rehearsal's name or its run "
        "file%s",
        from, suggest_hint(from, names, count, hint, sizeof hint));
    free(names);
    return status;
}

/* The bytes of the checklist file as the model read them. */
static const char *read_bytes(const struct model *model, const char *path, size_t *length)
{
    for (size_t index = 0; index < model->source_count; index++)
        if (path_same_file(model->sources[index].path, path))
            return yaml_document_bytes(model->sources[index].document, length);
    return NULL;
}

/* The line of text that holds byte offset. */
static void line_around(const char *text, size_t length, size_t offset, size_t *start, size_t *end)
{
    *start = offset;
    while (*start > 0 && text[*start - 1] != '\n')
        (*start)--;
    *end = offset;
    while (*end < length && text[*end] != '\n')
        (*end)++;
}

/* One hunk of the diff: the line that changes, or the line added after
 * line entry->line; shift lines were added before it. */
static void print_hunk(const struct plan_proposal *proposal, const struct plan_entry *entry,
                       const char *text, size_t length, unsigned shift, struct buffer *out)
{
    char measured[32];
    value_format_duration(entry->measured.minutes, measured, sizeof measured);
    if (entry->inserts && !entry->flow) {
        struct buffer added = {0};
        plan_apply(proposal, text, entry->start, entry->end, &added);
        buffer_printf(out, "@@ -%u,0 +%u @@ %s %s: measured %s, no budget line\n+", entry->line,
                      entry->line + shift + 1, entry->what, entry->id, measured);
        buffer_append(out, added.data + 1, added.length - 1); /* after its line break */
        buffer_append_char(out, '\n');
        buffer_free(&added);
        return;
    }
    size_t start, end;
    line_around(text, length, entry->start, &start, &end);
    buffer_printf(out, "@@ -%u +%u @@ %s %s: measured %s%s\n-", entry->line, entry->line + shift,
                  entry->what, entry->id, measured, entry->inserts ? ", no budget line" : "");
    buffer_append(out, text + start, end - start);
    buffer_append_text(out, "\n+");
    plan_apply(proposal, text, start, end, out);
    buffer_append_char(out, '\n');
}

static void print_note(const struct plan_entry *entry, struct buffer *out)
{
    char measured[32], proposed[40];
    if (!entry->measured.set) {
        buffer_printf(out, "# kept: %s %s, not measured in this rehearsal\n", entry->what,
                      entry->id);
        return;
    }
    value_format_duration(entry->measured.minutes, measured, sizeof measured);
    plan_format_budget(entry->proposed.minutes, proposed, sizeof proposed);
    if (!entry->has_line)
        buffer_printf(out,
                      "# not written: %s %s, measured %s, would be %s: it has no budget line; "
                      "add one to have it written\n",
                      entry->what, entry->id, measured, proposed);
    else
        buffer_printf(out, "# unchanged: %s %s, measured %s, budget %s already\n", entry->what,
                      entry->id, measured, proposed);
}

/* The proposal as a unified diff of the budget lines, then a note for
 * every phase and step whose budget stays. */
static void print_proposal(const struct checklist_use *use, const struct rehearsal *rehearsal,
                           int margin, const struct plan_proposal *proposal, const char *text,
                           size_t length, struct buffer *out)
{
    buffer_printf(out, "--- %s\n+++ %s\n", use->file, use->file);
    buffer_printf(out, "# budgets from \"%s\" (%s) plus %d%%, each rounded up to 5 minutes\n",
                  rehearsal->name, rehearsal->use.run_file, margin);
    unsigned shift = 0; /* lines added above */
    for (size_t index = 0; index < proposal->count; index++) {
        const struct plan_entry *entry = &proposal->entries[index];
        if (!entry->changes)
            continue;
        print_hunk(proposal, entry, text, length, shift, out);
        shift += entry->inserts && !entry->flow;
    }
    for (size_t index = 0; index < proposal->count; index++)
        if (!proposal->entries[index].changes)
            print_note(&proposal->entries[index], out);
}

struct planning {
    const struct model *model;
    int margin;
    bool write;
    struct buffer out;
    struct diag_sink *sink;
};

static void plan_checklist(struct planning *planning, const struct checklist_use *use,
                           const struct rehearsal *rehearsal)
{
    size_t length = 0;
    const char *text = read_bytes(planning->model, use->file_path, &length);
    struct plan_proposal proposal;
    if (!text || !rehearsal->use.checklist ||
        !plan_propose(use->file_path, text, length, rehearsal->use.checklist, planning->margin,
                      &proposal, planning->sink))
        return;
    print_proposal(use, rehearsal, planning->margin, &proposal, text, length, &planning->out);
    size_t errors = diag_error_count(planning->sink);
    if (planning->write && proposal.changes)
        plan_write(use->file_path, use->file, &proposal, text, length, planning->sink);
    bool written =
        planning->write && proposal.changes && diag_error_count(planning->sink) == errors;
    if (written)
        buffer_printf(&planning->out, "golive plan: wrote %zu budget%s into %s\n", proposal.changes,
                      proposal.changes == 1 ? "" : "s", use->file);
    else if (proposal.changes && !planning->write)
        buffer_printf(&planning->out,
                      "golive plan: %zu budget%s to change in %s; nothing written (--write "
                      "writes them)\n",
                      proposal.changes, proposal.changes == 1 ? "" : "s", use->file);
    else if (!proposal.changes)
        buffer_printf(&planning->out, "golive plan: no budget to change in %s\n", use->file);
    plan_proposal_free(&proposal);
}

/* Plans every checklist with a rehearsal (the one --from names, if
 * given). Returns how many were planned. */
static size_t plan_all(struct planning *planning, const char *from)
{
    size_t planned = 0;
    const struct project *project = planning->model->project;
    for (size_t index = 0; index < project->use_count; index++) {
        const struct rehearsal *rehearsal = chosen_rehearsal(&project->uses[index], from);
        if (!rehearsal || !project->uses[index].checklist)
            continue;
        if (planned++)
            buffer_append_char(&planning->out, '\n');
        plan_checklist(planning, &project->uses[index], rehearsal);
    }
    return planned;
}

static int command_plan(const struct cli_invocation *invocation)
{
    int margin;
    const char *from = cli_value(invocation, "from");
    if (!parse_margin(cli_value(invocation, "margin"), &margin))
        return cli_usage_error(cli_invocation_command(invocation),
                               "--margin '%s' is not a percentage from 0%% to %d%%, such as 20%%",
                               cli_value(invocation, "margin"), PLAN_MARGIN_MAX);
    struct diag_sink *sink = diag_sink_new();
    struct model *model = model_load(cli_argument(invocation, 0), sink);
    int status = EXIT_STATUS_OK;
    if (model && diag_exit_status(sink) == EXIT_STATUS_OK) {
        evaluate_model(model, sink);
        struct planning planning = {model, margin, cli_flag(invocation, "write"), {0}, sink};
        size_t planned = plan_all(&planning, from);
        if (!planned && from)
            status = refuse_from(invocation, model->project, from);
        else if (!planned)
            diag(sink, DIAG_PLAN_NO_REHEARSAL, source_position_of_file(model->project->path),
                 "the project names no rehearsal to plan from");
        fwrite(planning.out.data, 1, planning.out.length, stdout);
        buffer_free(&planning.out);
    }
    model_free(model);
    int finished = cli_finish(sink);
    return status != EXIT_STATUS_OK ? status : finished;
}

static const struct cli_option plan_options[] = {
    {"from", 0, CLI_VALUE, "REHEARSAL",
     "plan from this rehearsal (its name or run file) instead of each checklist's last"},
    {"margin", 0, CLI_VALUE, "PERCENT", "added to each measured time (default: 20%)"},
    {"write", 0, CLI_FLAG, NULL, "write the proposed budgets into the checklist files"},
    {0},
};

const struct cli_command cli_plan_command = {
    .name = "plan",
    .synopsis = "PROJECT.yaml [--from REHEARSAL] [--margin PERCENT] [--write]",
    .summary = "propose budgets from a rehearsal's measured times; --write writes them",
    .description =
        "For each checklist with rehearsals, proposes every phase's and step's budget from\n"
        "the last rehearsal (or the one --from names): its measured time plus the margin,\n"
        "rounded up to a multiple of 5 minutes. Prints the proposal as a diff of the\n"
        "checklist file's budget lines, each with the step and its measured time, then\n"
        "the phases and steps whose budget stays (not measured, or unchanged). A measured\n"
        "phase or step without a budget line gets one, after its title line (or before\n"
        "the closing brace of a {...} mapping). Writes nothing without --write; with it,\n"
        "changes and adds the budgets in place, keeping every other byte of the file, and\n"
        "refuses when the file changed since it was read.\n"
        "The timings: docs/rules.md, \"Rehearsals\".",
    .options = plan_options,
    .minimum_arguments = 1,
    .maximum_arguments = 1,
    .execute = command_plan,
};
