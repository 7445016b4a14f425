/* The readiness dashboard of golive status, as text for a terminal. */
#ifndef GOLIVE_STATUS_REPORT_H
#define GOLIVE_STATUS_REPORT_H

#include "buffer.h"
#include "model.h"

#include <stdbool.h>

/* status_report: writes the dashboard of an evaluated model into out; with
 * colour, ANSI colours and bold mark the verdicts and headings. */
void status_report(const struct model *model, bool colour, struct buffer *out);
/* status_report_gate: the answer of one gate, named name, with every
 * reason, for golive status --gate. */
void status_report_gate(const struct model *model, const char *name, const struct verdict *gate,
                        bool colour, struct buffer *out);

#endif
