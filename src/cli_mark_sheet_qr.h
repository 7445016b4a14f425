/* The text of a printed sheet's QR code as the first line of a typed-in
 * sheet (golive mark --from): golive:CODE;ENGAGEMENT;CHECKLIST;VERSION,
 * what a phone reads from the code (docs/format.md, "A typed-in sheet"). */
#ifndef GOLIVE_CLI_MARK_SHEET_QR_H
#define GOLIVE_CLI_MARK_SHEET_QR_H

#include "diag.h"
#include "model.h"

#include <stdbool.h>

/* sheet_qr_line: whether the line (leading blanks skipped) is QR text. */
bool sheet_qr_line(const char *line_text);

/* sheet_qr_check: the QR text on line_text (at where, column 1) checked
 * field by field against the sheet of checklist in project: each field
 * that differs is a DIAG_SHEET_MISMATCH at its column, naming the field. */
void sheet_qr_check(const struct project *project, const struct checklist *checklist,
                    const char *line_text, struct source_position where, struct diag_sink *sink);

#endif
