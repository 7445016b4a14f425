/* The rules of verdicts and gates as data: one row per reason kind, with
 * the reason code that golive status, the documents and docs/rules.md
 * share. A test checks that docs/rules.md lists exactly these codes. */
#include "evaluate.h"

const struct evaluate_rule evaluate_rules[REASON_KIND_COUNT] = {
    [REASON_NO_GO] = {"no-go", READINESS_NO_GO, "a decision point recorded rollback or no-go"},
    [REASON_FAILED] = {"failed", READINESS_NOT_READY, "a blocking step failed"},
    [REASON_BLOCKED] = {"blocked", READINESS_NOT_READY, "a blocking step is blocked"},
    [REASON_OPEN] = {"open", READINESS_NOT_READY, "a blocking step is not closed"},
    [REASON_EVIDENCE_MISSING] = {"evidence-missing", READINESS_NOT_READY,
                                 "a blocking step is done without all its evidence"},
    [REASON_EVIDENCE_STALE] = {"evidence-stale", READINESS_NOT_READY,
                               "a blocking step's evidence is older than allowed at the "
                               "window start"},
    [REASON_NO_DECISION] = {"no-decision", READINESS_NOT_READY,
                            "a decision point has no go or continue recorded"},
    [REASON_SIGNOFF_REJECTED] = {"signoff-rejected", READINESS_NO_GO,
                                 "a required sign-off was recorded as rejected"},
    [REASON_SIGNOFF_MISSING] = {"signoff-missing", READINESS_NOT_READY,
                                "a required sign-off is not recorded"},
    [REASON_OUT_OF_ORDER] = {"out-of-order", READINESS_NOT_READY,
                             "a step is closed while a step it depends on is still open"},
    [REASON_SUBCHECK_OPEN] = {"subcheck-open", READINESS_NOT_READY,
                              "a step is done while a required sub-check of it is open"},
    [REASON_PREPARATION_OPEN] = {"preparation-open", READINESS_NOT_READY,
                                 "a required step before the moment asked about is not closed"},
    [REASON_REQUIRED_OPEN] = {"required-open", READINESS_NOT_READY,
                              "a required step of any checklist is not closed at close-out"},
    [REASON_CONDITION_OPEN] = {"condition-open", READINESS_NOT_READY,
                               "a condition of an approval in force is neither met nor waived "
                               "at close-out"},
    [REASON_CRITERION_NOT_MET] = {"criterion-not-met", READINESS_NOT_READY,
                                  "a success criterion is assessed as not met at close-out"},
};

const char *const evaluate_gate_names[GATE_MOMENT_COUNT] = {[GATE_BEFORE_WINDOW] = "before-window",
                                                            [GATE_DECISION] = "decision",
                                                            [GATE_CLOSE_OUT] = "close-out",
                                                            [GATE_GO_LIVE] = "go-live"};

int evaluate_exit_status(enum readiness readiness)
{
    switch (readiness) {
    case READINESS_READY: return 0;
    case READINESS_NOT_READY: return 4;
    case READINESS_NO_GO: return 5;
    }
    return 4;
}
