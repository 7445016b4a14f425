/* Evaluation: everything golive computes, done once, written into the model.
 *
 * Item states (the latest record wins; the history is kept), roll-ups per
 * phase and checklist, readiness with its reasons, approvals, timing and
 * evidence freshness against the window start. After evaluate_model the
 * model is read-only: templates, the view and golive status read these
 * results and never derive them again. */
#ifndef GOLIVE_EVALUATE_H
#define GOLIVE_EVALUATE_H

#include "diag.h"
#include "model_load.h"

/* evaluate_model: computes every evaluated field of a model that loaded
 * without errors. May record warnings (an audit verdict more optimistic
 * than its findings). */
void evaluate_model(struct model *model, struct diag_sink *sink);

/* The parts, exposed for the unit tests. */
/* evaluate_checklist: item states, roll-ups, phase timing and the verdict
 * of one checklist from its run (NULL for no run yet). */
void evaluate_checklist(struct checklist *checklist, const struct run *run,
                        struct timestamp window_start);
void evaluate_items(struct checklist *checklist, const struct run *run,
                    struct timestamp window_start);
void evaluate_rollups(struct checklist *checklist);
void evaluate_verdict(struct checklist *checklist);
/* evaluate_times_go_live: whether a checklist's records time the go-live
 * (first and last record, downtime, issues met): those the runbook prints,
 * or, when the runbook prints none, those that gate. */
bool evaluate_times_go_live(const struct project *project, const struct checklist_use *use);
void evaluate_phase_timing(struct checklist *checklist, struct timestamp window_start);

#endif
