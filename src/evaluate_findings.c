/* The audit's findings tallied: risks by severity and components by
 * origin, as the report's summary prints them. A tally of the findings as
 * written, not a rule. */
#include "evaluate.h"

#include "alloc.h"
#include "schema.h"

#include <stdlib.h>

void evaluate_findings(struct arena *arena, struct audit *audit)
{
    audit->risks_by_severity = arena_calloc(arena, schema_choice_count(schema_severities) + 1,
                                            sizeof(size_t));
    audit->components_by_origin = arena_calloc(arena,
                                               schema_choice_count(schema_component_origins) + 1,
                                               sizeof(size_t));
    for (size_t index = 0; index < audit->risk_count; index++)
        audit->risks_by_severity[audit->risks[index].severity]++;
    for (size_t index = 0; index < audit->component_count; index++)
        audit->components_by_origin[audit->components[index].origin]++;
}
