/* The view of the close-out record: final status, start and completion,
 * downtime, rollback, issues met, success criteria, and the archive. */
#include "view.h"

#include "evaluate.h"
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
        if (!evaluate_times_go_live(project, &project->uses[use]))
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item) {
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

static void put_success_criteria(struct node *closeout, const struct model *model)
{
    struct node *list = put_list(closeout, "success_criteria");
    for (size_t index = 0; index < model->checklist_count; index++) {
        const struct text_list *criteria = &model->checklists[index]->success_criteria;
        for (size_t at = 0; at < criteria->count; at++)
            node_sequence_append(list, node_new_string(criteria->items[at]));
    }
    put_bool(closeout, "has_success_criteria", node_count(list) > 0);
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
    put_timestamp(closeout, "started", project->timing.started ? project->timing.first
                                                               : project->window_start);
    put_timestamp(closeout, "completed", project->closeout_completed.set
                                             ? project->closeout_completed
                                             : project->timing.last);
    put_duration(closeout, "downtime", project->timing.downtime);
    put_bool(closeout, "rollback_required", project->rollback_required);
    put_text_list(closeout, "issues", &project->closeout_issues);
    put_bool(closeout, "has_issues", project->closeout_issues.count > 0);
    put_text(closeout, "notes", project->closeout_notes);
    put_failed_steps(closeout, project);
    put_success_criteria(closeout, model);
    view_put_all_attachments(closeout, model);
}
