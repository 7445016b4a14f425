/* The view of the conditions of the approvals in force, followed to the
 * end: each with its state, owner, due date, and when and how it was met. */
#include "view.h"

#include "schema.h"
#include "view_put.h"

static void put_condition(struct node *mapping, const struct tracked_condition *condition,
                          size_t number)
{
    const struct signatory *signatory = condition->signatory;
    const struct signoff_record *signoff = signatory->latest;
    put_text(mapping, "id", condition->id);
    put_int(mapping, "number", (long long)number);
    put_text(mapping, "text", condition->text);
    put_text(mapping, "role", signatory->role);
    put_text(mapping, "given_by", signoff->name);
    put_date(mapping, "given_on", signoff->date);
    put_text(mapping, "state", schema_condition_states[condition->state]);
    put_flag_for(put_mapping(mapping, "state_is"), schema_condition_states[condition->state]);
    put_text(mapping, "owner", condition->owner_name);
    put_date(mapping, "due", condition->due);
    put_date(mapping, "date", condition->date);
    put_markdown_inline(mapping, "note", condition->note);
    /* Flags always present: a missing key would be looked up around it. */
    put_bool(mapping, "has_owner", condition->owner_name != NULL);
    put_bool(mapping, "has_due", condition->due.set);
    put_bool(mapping, "has_date", condition->date.set);
    put_bool(mapping, "has_note", condition->note != NULL);
}

void view_put_conditions(struct node *view, const struct project *project)
{
    struct node *list = put_list(view, "approval_conditions");
    for (size_t index = 0; index < project->condition_count; index++)
        put_condition(append_mapping(list), &project->conditions[index], index + 1);
    put_bool(view, "has_approval_conditions", project->condition_count > 0);
    put_int(view, "approval_conditions_open", (long long)project->conditions_open);
    put_bool(view, "has_open_approval_conditions", project->conditions_open > 0);
}
