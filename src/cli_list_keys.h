/* The keys of one kind of file, for golive list KIND. */
#ifndef GOLIVE_CLI_LIST_KEYS_H
#define GOLIVE_CLI_LIST_KEYS_H

#include "buffer.h"
#include "schema.h"

/* cli_list_keys: every key a file of kind may hold, nested ones as
 * paths (phases.items.kind), each with its type, meaning, and required
 * mark or default, into out. */
void cli_list_keys(enum input_kind kind, struct buffer *out);

#endif
