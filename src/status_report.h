/* The readiness dashboard of golive status, as text for a terminal. */
#ifndef GOLIVE_STATUS_REPORT_H
#define GOLIVE_STATUS_REPORT_H

#include "buffer.h"
#include "model_load.h"

#include <stdbool.h>

/* status_report: writes the dashboard of an evaluated model into out; with
 * colour, ANSI colours and bold mark the verdicts and headings. */
void status_report(const struct model *model, bool colour, struct buffer *out);

#endif
