/* What a filled-in checklist sheet (the pre-flight sheet) prints beside
 * its grid: the date of the check, whether all its records fall on that
 * one day (then the time column needs no date), and per step the evidence
 * values recorded, each marked "first" so that a template puts a
 * separator between them and none after the last. */
#ifndef GOLIVE_VIEW_SHEET_ENTRY_H
#define GOLIVE_VIEW_SHEET_ENTRY_H

#include "model.h"
#include "node.h"

/* view_put_check_date: "checked_at" (the latest record of checklist, as a
 * timestamp's parts) and "checked_one_day" (every record on its date). */
void view_put_check_date(struct node *mapping, const struct checklist *checklist);

/* view_put_evidence_values: "evidence_values" (each recorded value with
 * "value" and "first") and "has_evidence_values". */
void view_put_evidence_values(struct node *mapping, const struct item *item);

#endif
