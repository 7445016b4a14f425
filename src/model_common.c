/* The evaluated parts of the model: what evaluation allocates, freed here
 * so that the model's own free functions need not know the evaluator. */
#include "model.h"

#include <stdlib.h>

void item_state_free(struct item_state *state)
{
    free(state->history);
    free(state->evidence);
    state->history = NULL;
    state->evidence = NULL;
    state->history_count = 0;
}

void verdict_free(struct verdict *verdict)
{
    for (size_t index = 0; index < verdict->reason_count; index++)
        free(verdict->reasons[index].text);
    free(verdict->reasons);
    verdict->reasons = NULL;
    verdict->reason_count = 0;
}
