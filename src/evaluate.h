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
#include "model.h"

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
/* evaluate_schedule: each step's planned start and end and the critical
 * path into item->plan, the checklist's into checklist->plan
 * (evaluate_schedule.c). Reads no records. */
void evaluate_schedule(struct checklist *checklist);
/* evaluate_measure: how long each step done took, into
 * item->state.measured, and each finished phase, into
 * phase->timing.measured (evaluate_measure.c); after the schedule. */
void evaluate_measure(struct checklist *checklist, struct timestamp window_start);
/* evaluate_forecast: the forecast of a planned checklist at as_of, from
 * the records made by then: closed steps at their times, the rest at
 * their budgets from then on (docs/rules.md, "The forecast"). */
void evaluate_forecast(const struct checklist *checklist, const struct project *project,
                       struct timestamp as_of, struct forecast *out);
/* evaluate_last_record: the latest time a record of the checklist holds
 * (unset without one). */
struct timestamp evaluate_last_record(const struct checklist *checklist);
/* evaluate_forecasts: each checklist's forecast, as of as_of, or of its
 * own last record when as_of is NULL (golive status --at gives one). */
void evaluate_forecasts(struct project *project, const struct timestamp *as_of);

/* One rule of docs/rules.md: its reason code, what it makes of a verdict
 * or gate, and what it says. */
struct evaluate_rule {
    const char *code;
    enum readiness effect;
    const char *summary;
};
extern const struct evaluate_rule evaluate_rules[REASON_KIND_COUNT];
/* The names of the moments, as golive status --gate takes them. */
extern const char *const evaluate_gate_names[GATE_MOMENT_COUNT];
/* evaluate_exit_status: a gate's exit status: 0 READY, 4 NOT READY, 5 NO-GO. */
int evaluate_exit_status(enum readiness readiness);

/* Building verdicts, shared by the checklist verdicts and the gates. */
/* evaluate_add_reason: appends a reason with a printf-formatted text. */
struct reason *evaluate_add_reason(struct verdict *verdict, enum reason_kind kind,
                                   const struct item *item, const struct checklist *checklist,
                                   const char *format, ...) __attribute__((format(printf, 5, 6)));
/* evaluate_judge_step: the reasons one step gives against a verdict:
 * blocking steps not closed, failed, blocked or without fresh evidence;
 * decision points without go or continue. */
void evaluate_judge_step(struct verdict *verdict, const struct checklist *checklist,
                         const struct item *item);
/* What a step counts as, given the outcome its checklist's decisions chose
 * (succeeds_by): a planned outcome is not a decision against the go-live;
 * the steps of a branch not taken are neither required nor blocking. */
bool evaluate_decided_against(const struct item *item);
bool evaluate_is_required(const struct item *item);
bool evaluate_is_blocking(const struct item *item);
/* evaluate_copy_reason: appends a copy of reason (its own text). */
void evaluate_copy_reason(struct verdict *verdict, const struct reason *reason);
/* evaluate_settle: the readiness the reasons make: NO-GO when one of
 * them says so, NOT READY when there is any, else READY. */
void evaluate_settle(struct verdict *verdict);
/* evaluate_signoff_reasons: for each signatory of artifact, a reason when
 * its sign-off is rejected, or when it is not recorded, or both. */
enum signoff_reasons { SIGNOFF_REASON_REJECTED, SIGNOFF_REASON_MISSING, SIGNOFF_REASON_BOTH };
void evaluate_signoff_reasons(struct verdict *verdict, const struct project *project,
                              enum artifact artifact, enum signoff_reasons which);
/* evaluate_zone: every timestamp of the project and its runs in the
 * project's zone; offset_shown on all when they hold several offsets. */
void evaluate_zone(struct project *project);
/* evaluate_warn_far: a warning when at is dated far after the window
 * (half a year: a typo in the year, not hypercare). */
void evaluate_warn_far(const struct project *project, struct timestamp at,
                       struct source_position position, struct diag_sink *sink);
/* evaluate_warn_dates: a warning for each result, and each sign-off's
 * signed_at, dated far after the window. */
void evaluate_warn_dates(const struct project *project, struct diag_sink *sink);
/* evaluate_findings: the audit's risks by severity and components by
 * origin. */
void evaluate_findings(struct arena *arena, struct audit *audit);
/* evaluate_changes: what changed in the audit's findings since its last
 * issued version (audit->previous), into audit->changes, grouped by kind of
 * change in enum finding_change's order and, within one, in file order
 * (removed findings in the snapshot's order). Nothing without a previous
 * version. */
void evaluate_changes(struct arena *arena, struct audit *audit);
/* evaluate_conditions: each condition of each sign-off in force, with its
 * state from the condition records after that sign-off in its run. Runs
 * after the approvals and before the gates. */
void evaluate_conditions(struct project *project);
/* evaluate_gates: every gate of docs/rules.md, into the project and into
 * each decision point's state. Runs after the verdict and approvals. */
void evaluate_gates(struct project *project);
/* evaluate_decision_gate: the gate at a decision point of a window
 * checklist, with every reason, into gate (empty before). Its answer is
 * the decision's state.gate, which evaluate_gates computes for all. */
void evaluate_decision_gate(struct verdict *gate, const struct project *project,
                            const struct item *decision);
/* evaluate_find_decision: the decision point id in the gate checklists. */
const struct item *evaluate_find_decision(const struct project *project, const char *id);

#endif
