/* The view of the success criteria: each with its state, evidence and
 * attached files for the close-out record, and how many are met. */
#include "view.h"

#include "schema.h"
#include "view_put.h"

#include <string.h>

static void put_files(struct node *mapping, const struct success_criterion *criterion)
{
    struct node *list = put_list(mapping, "attachments");
    for (size_t index = 0; index < criterion->attachment_count; index++) {
        const struct attachment *attachment = &criterion->attachments[index];
        struct node *entry = append_mapping(list);
        char short_hash[13];
        memcpy(short_hash, attachment->sha256, 12);
        short_hash[12] = '\0';
        put_text(entry, "path", attachment->path);
        put_text(entry, "short", short_hash);
        put_bool(entry, "intact", attachment->state == ATTACHMENT_INTACT);
    }
    put_bool(mapping, "has_attachments", criterion->attachment_count > 0);
}

static void put_criterion(struct node *mapping, const struct success_criterion *criterion,
                          size_t number)
{
    put_int(mapping, "number", (long long)number);
    put_text(mapping, "id", criterion->id);
    put_markdown_inline(mapping, "text", criterion->text);
    put_text(mapping, "state", schema_criterion_states[criterion->state]);
    put_flag_for(put_mapping(mapping, "state_is"), schema_criterion_states[criterion->state]);
    put_date(mapping, "date", criterion->date);
    put_text(mapping, "by", criterion->by_name);
    put_markdown_inline(mapping, "evidence", criterion->evidence);
    put_markdown_inline(mapping, "note", criterion->note);
    /* Flags always present: a missing key would be looked up around it. */
    put_bool(mapping, "has_id", criterion->id != NULL);
    put_bool(mapping, "has_date", criterion->date.set);
    put_bool(mapping, "has_by", criterion->by != NULL);
    put_bool(mapping, "has_evidence", criterion->evidence != NULL);
    put_bool(mapping, "has_note", criterion->note != NULL);
    put_files(mapping, criterion);
}

static void put_counts(struct node *closeout, const size_t counts[CRITERION_STATE_COUNT])
{
    struct node *mapping = put_mapping(closeout, "criteria_counts");
    put_int(mapping, "met", (long long)counts[CRITERION_MET]);
    put_int(mapping, "not_met", (long long)counts[CRITERION_NOT_MET]);
    put_int(mapping, "not_assessed", (long long)counts[CRITERION_NOT_ASSESSED]);
    put_int(mapping, "total",
            (long long)(counts[CRITERION_MET] + counts[CRITERION_NOT_MET] +
                        counts[CRITERION_NOT_ASSESSED]));
    put_bool(mapping, "any_not_met", counts[CRITERION_NOT_MET] > 0);
    put_bool(mapping, "any_not_assessed", counts[CRITERION_NOT_ASSESSED] > 0);
    put_bool(mapping, "all_met", counts[CRITERION_NOT_MET] + counts[CRITERION_NOT_ASSESSED] == 0);
}

void view_put_success_criteria(struct node *closeout, const struct model *model)
{
    struct node *list = put_list(closeout, "success_criteria");
    size_t counts[CRITERION_STATE_COUNT] = {0};
    size_t number = 0;
    for (size_t index = 0; index < model->checklist_count; index++) {
        const struct checklist *checklist = model->checklists[index];
        for (size_t at = 0; at < checklist->success_criterion_count; at++) {
            const struct success_criterion *criterion = &checklist->success_criteria[at];
            put_criterion(append_mapping(list), criterion, ++number);
            counts[criterion->state]++;
        }
    }
    put_bool(closeout, "has_success_criteria", number > 0);
    put_counts(closeout, counts);
}

void view_put_criterion_texts(struct node *mapping, const struct checklist *checklist)
{
    struct node *list = put_list(mapping, "success_criteria");
    for (size_t index = 0; index < checklist->success_criterion_count; index++)
        node_sequence_append(list, node_new_string(checklist->success_criteria[index].text));
    put_bool(mapping, "has_success_criteria", checklist->success_criterion_count > 0);
}
