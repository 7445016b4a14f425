/* golive mark RUN SIGNATORY.N open|met|waived: what became of a condition
 * of a conditional approval, appended to the run like a step's result. */
#ifndef GOLIVE_CLI_MARK_CONDITION_H
#define GOLIVE_CLI_MARK_CONDITION_H

#include "cli.h"

#include <stdbool.h>

/* cli_mark_is_condition_state: whether STATUS is a condition's state. */
bool cli_mark_is_condition_state(const char *status);

/* cli_mark_condition: checks and appends the condition record golive mark
 * was asked for; returns the command's exit status. */
int cli_mark_condition(const struct cli_invocation *invocation);

/* cli_mark_step_only: the first option given that only a step's record
 * takes, or NULL. */
const char *cli_mark_step_only(const struct cli_invocation *invocation);

#endif
