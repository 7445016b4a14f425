/* The audit's findings tallied: risks by severity and components by
 * origin, as the report's summary prints them; a resolved risk is counted
 * by its state only, no longer by its severity. A tally of the findings as
 * written, not a rule. */
#include "evaluate.h"

#include "alloc.h"
#include "schema.h"

#include <stdlib.h>

void evaluate_findings(struct arena *arena, struct audit *audit)
{
    audit->risks_by_severity =
        arena_calloc(arena, schema_choice_count(schema_severities) + 1, sizeof(size_t));
    audit->components_by_origin =
        arena_calloc(arena, schema_choice_count(schema_component_origins) + 1, sizeof(size_t));
    for (size_t state = 0; state < FINDING_STATE_COUNT; state++)
        audit->risks_by_state[state] = 0;
    for (size_t index = 0; index < audit->risk_count; index++) {
        const struct risk *risk = &audit->risks[index];
        audit->risks_by_state[risk->state]++;
        if (risk->state != FINDING_RESOLVED)
            audit->risks_by_severity[risk->severity]++;
    }
    for (size_t index = 0; index < audit->component_count; index++)
        audit->components_by_origin[audit->components[index].origin]++;
}
