/* What the forecast of a checklist follows, as template data beside the
 * forecast view_plan.c puts: its planned end, and the branch a decision
 * chose (a rollback) when the window ends with that rather than with the
 * main line (docs/rules.md, "The forecast"). */
#include "view_put.h"

#include "schema.h"
#include "zone.h"

void view_put_forecast_branch(struct node *mapping, const struct checklist *checklist,
                              const struct project *project)
{
    const struct forecast *forecast = &checklist->forecast;
    struct node *node = node_mapping_find(mapping, "forecast");
    if (!node || !forecast->present)
        return;
    struct timestamp planned_end = project->window_start;
    planned_end.epoch += (forecast->end - forecast->delay) * 60;
    planned_end.offset_minutes = zone_offset_at(&project->zone, planned_end.epoch);
    planned_end.offset_shown = project->offsets_vary;
    put_timestamp(node, "planned_end", planned_end);
    if (!forecast->branch)
        return;
    struct node *branch = put_mapping(node, "branch");
    put_text(branch, "title",
             forecast->branch->title ? forecast->branch->title : forecast->branch->id);
    put_text(branch, "step", forecast->branch_decision->id);
    put_text(branch, "outcome", schema_outcomes[forecast->branch_outcome]);
}
