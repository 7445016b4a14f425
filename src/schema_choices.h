/* The enumerations whose values a file spells as words. Each has its word
 * table in schema_tables.c, indexed by the enumerator (schema.h names the
 * tables); the last enumerator counts them or stands for "none". */
#ifndef GOLIVE_SCHEMA_CHOICES_H
#define GOLIVE_SCHEMA_CHOICES_H

enum item_kind {
    ITEM_CHECK,
    ITEM_ACTION,
    ITEM_COMMUNICATION,
    ITEM_VALIDATION,
    ITEM_DECISION,
    ITEM_KIND_COUNT
};
enum outcome { OUTCOME_GO, OUTCOME_CONTINUE, OUTCOME_ROLLBACK, OUTCOME_NO_GO, OUTCOME_NONE };
enum item_status {
    STATUS_TODO,
    STATUS_IN_PROGRESS,
    STATUS_DONE,
    STATUS_FAILED,
    STATUS_BLOCKED,
    STATUS_SKIPPED,
    STATUS_COUNT
};
enum signoff_decision {
    SIGNOFF_APPROVED,
    SIGNOFF_CONDITIONAL,
    SIGNOFF_REJECTED,
    SIGNOFF_DECISION_COUNT
};
enum condition_state { CONDITION_OPEN, CONDITION_MET, CONDITION_WAIVED, CONDITION_STATE_COUNT };
enum artifact {
    ARTIFACT_AUDIT,
    ARTIFACT_PREFLIGHT,
    ARTIFACT_RUNBOOK,
    ARTIFACT_SIGNOFF,
    ARTIFACT_CONTACTS,
    ARTIFACT_CLOSEOUT,
    ARTIFACT_COUNT
};
enum downtime_mark { DOWNTIME_START, DOWNTIME_END, DOWNTIME_NONE };
enum audit_verdict {
    VERDICT_READY_FOR_REHEARSAL,
    VERDICT_NEEDS_PREPARATION,
    VERDICT_BLOCKED,
    VERDICT_NONE
};
enum finding_state { FINDING_OPEN, FINDING_RESOLVED, FINDING_ACCEPTED, FINDING_STATE_COUNT };
/* How a success criterion stands at close-out (docs/format.md, "criterion"). */
enum criterion_state {
    CRITERION_NOT_ASSESSED,
    CRITERION_MET,
    CRITERION_NOT_MET,
    CRITERION_STATE_COUNT
};
enum closeout_status { CLOSEOUT_SUCCESS, CLOSEOUT_PARTIAL, CLOSEOUT_FAILED, CLOSEOUT_STATUS_COUNT };

#endif
