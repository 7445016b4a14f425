/* The sheet code printed with each checklist on the pre-flight sheet and
 * the runbook, and read back by golive mark --from: "HOL-09d2de", the
 * engagement's short name (up to three letters or digits of the client's
 * short name, else its name, in capitals) and the first digits of the
 * SHA-256 over the engagement (title, reference) and the checklist (id,
 * version). It does not change as records are added: a sheet printed
 * before the window still names its run afterwards. */
#ifndef GOLIVE_VIEW_SHEET_CODE_H
#define GOLIVE_VIEW_SHEET_CODE_H

#include "buffer.h"
#include "model.h"

#include <stddef.h>

/* VIEW_SHEET_CODE_SIZE: three letters, a hyphen, six digits and the NUL. */
#define VIEW_SHEET_CODE_SIZE 11u

/* view_sheet_code: the code of checklist in project, into out. */
void view_sheet_code(const struct project *project, const struct checklist *checklist,
                     char out[VIEW_SHEET_CODE_SIZE]);

/* view_sheet_identification: what the sheet's QR code holds, appended to
 * out: "golive:CODE;ENGAGEMENT;CHECKLIST;VERSION" (the engagement is the
 * project's reference, else its title; a ';' inside a field is written
 * ',', so that the fields can be told apart; docs/format.md). */
void view_sheet_identification(const struct project *project, const struct checklist *checklist,
                               struct buffer *out);

#endif
