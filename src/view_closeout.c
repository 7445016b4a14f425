/* The view of the close-out record: final status, start and completion,
 * downtime, rollback, issues met, success criteria, and the archive. */
#include "view.h"

#include "model_checklist.h"
#include "schema.h"
#include "view_put.h"

/* Steps of the go-live's checklists that failed at some point, with the notes
 * of their failed records: the issues met, whatever happened next. */
static void put_failed_steps(struct node *closeout, const struct project *project)
{
    struct node *list = put_list(closeout, "failed_steps");
    bool any = false;
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!project->uses[use].times_go_live)
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        {
            if (!item->state.ever_failed)
                continue;
            struct node *mapping = append_mapping(list);
            put_text(mapping, "checklist", checklist->title);
            put_text(mapping, "id", item->id);
            put_text(mapping, "title", item->title);
            put_text(mapping, "status", schema_statuses[item->state.status]);
            put_bool(mapping, "resolved", item->state.closed);
            struct node *notes = put_list(mapping, "notes");
            for (size_t index = 0; index < item->state.history_count; index++) {
                const struct result_record *record = item->state.history[index];
                if (record->status == STATUS_FAILED && record->note)
                    node_sequence_append(notes, node_new_string(record->note));
            }
            any = true;
        }
    }
    put_bool(closeout, "has_failed_steps", any);
}

/* Issues still open at close-out, with who sees to them by when; and the
 * lessons learned. */
static void put_known_issues(struct node *closeout, const struct project *project)
{
    struct node *list = put_list(closeout, "known_issues");
    for (size_t index = 0; index < project->known_issue_count; index++) {
        const struct known_issue *issue = &project->known_issues[index];
        struct node *mapping = append_mapping(list);
        put_text(mapping, "title", issue->title);
        put_bool(mapping, "has_owner", issue->owner != NULL);
        const char *name = view_person_name(project, issue->owner);
        put_text(mapping, "owner", name ? name : issue->owner);
        put_bool(mapping, "has_due", issue->due.set);
        put_date(mapping, "due", issue->due);
        put_bool(mapping, "has_notes", issue->notes != NULL);
        put_markdown_inline(mapping, "notes", issue->notes);
    }
    put_bool(closeout, "has_known_issues", project->known_issue_count > 0);
    put_text_list(closeout, "lessons", &project->closeout_lessons);
    put_bool(closeout, "has_lessons", project->closeout_lessons.count > 0);
}

static const char *const outcome_codes[] = {
    [GOLIVE_NOT_LIVE] = "not-live",      [GOLIVE_LIVE] = "live",
    [GOLIVE_CLOSED] = "closed",          [GOLIVE_FIXED_FORWARD] = "fixed-forward",
    [GOLIVE_RESTORED] = "restored",      [GOLIVE_RESTORING] = "restoring",
    [GOLIVE_ROLLED_BACK] = "rolled-back"};

/* The outcome as evaluation states it; the template has the words. */
void view_put_outcome(struct node *view, const struct project *project)
{
    struct node *outcome = put_mapping(view, "outcome");
    put_text(outcome, "code", outcome_codes[project->outcome]);
    put_flag_for(outcome, outcome_codes[project->outcome]);
    put_timestamp(outcome, "at", project->outcome_at);
    put_date(outcome, "hypercare_until", project->hypercare_until);
    const struct checklist *checklist = project->outcome_checklist;
    if (checklist && checklist->outcome.decision) {
        put_text(outcome, "decision", checklist->outcome.decision->id);
        put_text(outcome, "chosen", schema_outcomes[checklist->outcome.chosen]);
        if (checklist->outcome.branch)
            put_text(outcome, "branch", checklist->outcome.branch->title);
    }
}

/* Counts of the go-live's checklists (those that gate) and of the others
 * (hypercare, handover), apart. */
static void put_counts(struct node *closeout, const struct project *project)
{
    struct rollup sums[2] = {{0}, {0}};
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist)
            continue;
        struct rollup *sum = &sums[project->uses[use].gate ? 0 : 1];
        sum->total += checklist->rollup.total;
        sum->closed += checklist->rollup.closed;
        sum->required_open += checklist->rollup.required_open;
        sum->blocked_failed += checklist->rollup.blocked_failed;
    }
    static const char *const keys[] = {"golive_counts", "hypercare_counts"};
    for (int index = 0; index < 2; index++) {
        struct node *counts = put_mapping(closeout, keys[index]);
        put_int(counts, "total", (long long)sums[index].total);
        put_int(counts, "closed", (long long)sums[index].closed);
        put_int(counts, "required_open", (long long)sums[index].required_open);
        put_int(counts, "blocked_failed", (long long)sums[index].blocked_failed);
        put_bool(counts, "any", sums[index].total > 0);
    }
}

void view_put_closeout(struct node *view, const struct model *model)
{
    const struct project *project = model->project;
    struct node *closeout = node_mapping_find(view, "closeout");
    if (!closeout)
        closeout = put_mapping(view, "closeout");
    put_text(closeout, "status", schema_closeout_statuses[project->final_status]);
    put_flag_for(closeout, schema_closeout_statuses[project->final_status]);
    put_bool(closeout, "status_stated", project->closeout_status >= 0);
    /* Started: the window, or the first record in it if later (preparation
     * recorded days before does not start the go-live). */
    bool later =
        project->timing.started &&
        (!project->window_start.set || project->timing.first.epoch > project->window_start.epoch);
    put_timestamp(closeout, "started", later ? project->timing.first : project->window_start);
    /* Completed once the outcome is final: not while hypercare is open. */
    bool final = project->outcome == GOLIVE_CLOSED || project->outcome == GOLIVE_RESTORED ||
                 project->outcome == GOLIVE_FIXED_FORWARD || project->outcome == GOLIVE_ROLLED_BACK;
    put_timestamp(closeout, "completed",
                  project->closeout_completed.set ? project->closeout_completed
                  : final                         ? project->timing.last
                                                  : (struct timestamp){0});
    if (project->outcome == GOLIVE_LIVE)
        put_timestamp(closeout, "went_live", project->timing.last);
    put_duration(closeout, "downtime", project->timing.downtime);
    put_bool(closeout, "rollback_required",
             project->rollback_required || project->outcome == GOLIVE_RESTORED ||
                 project->outcome == GOLIVE_RESTORING);
    put_text_list(closeout, "issues", &project->closeout_issues);
    put_bool(closeout, "has_issues", project->closeout_issues.count > 0);
    put_text(closeout, "notes", project->closeout_notes);
    put_failed_steps(closeout, project);
    put_known_issues(closeout, project);
    put_counts(closeout, project);
    view_put_success_criteria(closeout, model);
    view_put_all_attachments(closeout, model);
}
