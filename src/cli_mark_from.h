/* golive mark RUN --from FILE: the transcription of a filled printed sheet,
 * one line per ticked line (STEP STATUS TIME INITIALS [NOTE]), checked
 * whole as mark checks one record, then appended at once. */
#ifndef GOLIVE_CLI_MARK_FROM_H
#define GOLIVE_CLI_MARK_FROM_H

#include "cli.h"
#include "model.h"

#include <stdbool.h>

/* cli_mark_from: checks every line of --from's file and, when all are
 * good, appends their records to RUN in one write; returns the command's
 * exit status. */
int cli_mark_from(const struct cli_invocation *invocation);

/* cli_mark_check_step: every check golive mark makes of one step's record
 * (cli_mark.c), for a record given as values. */
bool cli_mark_check_step(const struct checklist *checklist, const char *item_id, const char *status,
                         const char *by, const char *at, const char *note, const char *decision,
                         struct diag_sink *sink);

/* cli_mark_check_evidence: golive mark's check of one --evidence KEY=VALUE
 * on the step item_id (cli_mark.c); true for an unknown step (reported by
 * cli_mark_check_step). */
bool cli_mark_check_evidence(const struct checklist *checklist, const char *item_id,
                             const char *key, const char *value, struct diag_sink *sink);

#endif
