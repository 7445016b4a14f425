/* golive sign's --owner and --due: who sees to each condition of a
 * conditional approval, and by when, given with the sign-off itself. Each
 * applies to the --condition before it on the command line; they are
 * recorded as condition records (docs/format.md, "condition") appended in
 * the same write as the sign-off. */
#ifndef GOLIVE_CLI_SIGN_CONDITIONS_H
#define GOLIVE_CLI_SIGN_CONDITIONS_H

#include "buffer.h"
#include "cli.h"
#include "model.h"
#include "run_append.h"

#include <stdbool.h>
#include <stddef.h>

struct sign_conditions {
    const char **owners; /* one per --condition; NULL where none is given */
    const char **dues;
    size_t count;
};

/* sign_conditions_read: pairs each --owner and --due with the --condition
 * before it. Returns NULL, or the usage mistake in message. */
const char *sign_conditions_read(const struct cli_invocation *invocation,
                                 struct sign_conditions *out, char *message, size_t size);

/* sign_conditions_check: each owner is a person id of the project, each due
 * date a real YYYY-MM-DD date; else reports why and returns false. */
bool sign_conditions_check(const struct sign_conditions *conditions, const struct project *project,
                           struct diag_sink *sink);

/* sign_conditions_format: one condition record per condition given an owner
 * or a due date, as open, recorded by the signer at the sign-off's time,
 * into out[0], out[1] ... (room for conditions->count); returns how many. */
size_t sign_conditions_format(const struct sign_conditions *conditions,
                              const struct signoff_fields *signoff, struct buffer *out);

void sign_conditions_free(struct sign_conditions *conditions);

#endif
