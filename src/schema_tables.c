/* The schemas of golive's five input kinds, key by key. docs/format.md is
 * their prose; a test checks that it names every key listed here. */
#include "schema.h"

#include <string.h>

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Word tables of the enumerations in schema_choices.h, indexed by the
 * enumerator and NULL-terminated; each size is checked against its enum. */
const char *const schema_item_kinds[] = {[ITEM_CHECK] = "check",
                                         [ITEM_ACTION] = "action",
                                         [ITEM_COMMUNICATION] = "communication",
                                         [ITEM_VALIDATION] = "validation",
                                         [ITEM_DECISION] = "decision",
                                         NULL};
_Static_assert(COUNT(schema_item_kinds) == ITEM_KIND_COUNT + 1, "a word for each item kind");
const char *const schema_outcomes[] = {[OUTCOME_GO] = "go",
                                       [OUTCOME_CONTINUE] = "continue",
                                       [OUTCOME_ROLLBACK] = "rollback",
                                       [OUTCOME_NO_GO] = "no-go",
                                       NULL};
_Static_assert(COUNT(schema_outcomes) == OUTCOME_NONE + 1, "a word for each outcome");
const char *const schema_statuses[] = {[STATUS_TODO] = "todo",
                                       [STATUS_IN_PROGRESS] = "in-progress",
                                       [STATUS_DONE] = "done",
                                       [STATUS_FAILED] = "failed",
                                       [STATUS_BLOCKED] = "blocked",
                                       [STATUS_SKIPPED] = "skipped",
                                       NULL};
_Static_assert(COUNT(schema_statuses) == STATUS_COUNT + 1, "a word for each status");
const char *const schema_signoff_decisions[] = {[SIGNOFF_APPROVED] = "approved",
                                                [SIGNOFF_CONDITIONAL] = "conditional",
                                                [SIGNOFF_REJECTED] = "rejected",
                                                NULL};
_Static_assert(COUNT(schema_signoff_decisions) == SIGNOFF_DECISION_COUNT + 1,
               "a word for each sign-off decision");
const char *const schema_artifacts[] = {[ARTIFACT_AUDIT] = "audit",
                                        [ARTIFACT_PREFLIGHT] = "preflight",
                                        [ARTIFACT_RUNBOOK] = "runbook",
                                        [ARTIFACT_SIGNOFF] = "signoff",
                                        [ARTIFACT_CONTACTS] = "contacts",
                                        [ARTIFACT_CLOSEOUT] = "closeout",
                                        NULL};
_Static_assert(COUNT(schema_artifacts) == ARTIFACT_COUNT + 1, "a word for each document");
const char *const schema_downtime_marks[] = {
    [DOWNTIME_START] = "start", [DOWNTIME_END] = "end", NULL};
_Static_assert(COUNT(schema_downtime_marks) == DOWNTIME_NONE + 1, "a word for each downtime mark");
const char *const schema_audit_verdicts[] = {[VERDICT_READY_FOR_REHEARSAL] = "ready-for-rehearsal",
                                             [VERDICT_NEEDS_PREPARATION] = "needs-preparation",
                                             [VERDICT_BLOCKED] = "blocked",
                                             NULL};
_Static_assert(COUNT(schema_audit_verdicts) == VERDICT_NONE + 1, "a word for each audit verdict");
const char *const schema_closeout_statuses[] = {[CLOSEOUT_SUCCESS] = "success",
                                                [CLOSEOUT_PARTIAL] = "partial",
                                                [CLOSEOUT_FAILED] = "failed",
                                                NULL};
_Static_assert(COUNT(schema_closeout_statuses) == CLOSEOUT_STATUS_COUNT + 1,
               "a word for each close-out status");

const char *const schema_condition_states[] = {
    [CONDITION_OPEN] = "open", [CONDITION_MET] = "met", [CONDITION_WAIVED] = "waived", NULL};
_Static_assert(COUNT(schema_condition_states) == CONDITION_STATE_COUNT + 1,
               "a word for each condition state");

const char *const schema_criterion_states[] = {[CRITERION_NOT_ASSESSED] = "not-assessed",
                                               [CRITERION_MET] = "met",
                                               [CRITERION_NOT_MET] = "not-met",
                                               NULL};
_Static_assert(COUNT(schema_criterion_states) == CRITERION_STATE_COUNT + 1,
               "a word for each success criterion's state");

const char *const schema_finding_states[] = {[FINDING_OPEN] = "open",
                                             [FINDING_RESOLVED] = "resolved",
                                             [FINDING_ACCEPTED] = "accepted-risk",
                                             NULL};
_Static_assert(COUNT(schema_finding_states) == FINDING_STATE_COUNT + 1,
               "a word for each finding state");

/* Choices the model keeps as plain indexes. */
const char *const schema_component_types[] = {"module", "automation", "integration",
                                              "report", "workflow",   NULL};
const char *const schema_component_origins[] = {"standard", "third-party", "custom", NULL};
const char *const schema_component_actions[] = {"migrate", "replace", "disable", "remove", NULL};
const char *const schema_cleanup_kinds[] = {"bug", "cleanup", "obsolete", NULL};
const char *const schema_cleanup_actions[] = {"fix", "clean", "exclude", NULL};
const char *const schema_severities[] = {"low", "medium", "high", "critical", NULL};
const char *const schema_likelihoods[] = {"low", "medium", "high", NULL};
const char *const schema_contact_groups[] = {"client", "consultancy", "vendor", "hosting", NULL};
const char *const schema_inventory_origins[] = {"standard",    "enterprise", "oca",
                                                "third-party", "custom",     NULL};
const char *const schema_inventory_actions[] = {"migrate", "replace", "disable",
                                                "remove",  "review",  NULL};
const char *const schema_inventory_targets[] = {"unknown", "found", "missing", NULL};

static const char *const kind_checklist[] = {"checklist", NULL};
static const char *const kind_project[] = {"project", NULL};
static const char *const kind_run[] = {"run", NULL};
static const char *const kind_audit[] = {"audit", NULL};
static const char *const kind_inventory[] = {"inventory", NULL};

/* ---- checklist ------------------------------------------------------- */

static const struct field_spec rollback_fields[] = {
    {.key = "trigger",
     .type = FIELD_MARKDOWN,
     .required = true,
     .meaning = "what observation makes this step a reason to roll back"},
    {.key = "action",
     .type = FIELD_MARKDOWN,
     .required = true,
     .meaning = "what to do when the trigger is met"},
};
static const struct schema rollback_schema = {"rollback guidance", rollback_fields,
                                              COUNT(rollback_fields), NULL, 0};

static const struct field_spec subcheck_fields[] = {
    {.key = "id",
     .type = FIELD_ID,
     .required = true,
     .meaning = "the sub-check's identifier, unique in its step; recorded as STEP.ID (20.2)"},
    {.key = "title", .type = FIELD_TEXT, .required = true, .meaning = "what is checked"},
    {.key = "required",
     .type = FIELD_BOOL,
     .default_text = "true",
     .meaning = "the step may not be done while this sub-check is open"},
};
static const struct schema subcheck_schema = {"sub-check", subcheck_fields, COUNT(subcheck_fields),
                                              NULL, 0};

static const struct field_spec item_fields[] = {
    {.key = "id",
     .type = FIELD_ID,
     .required = true,
     .meaning = "the step's identifier, unique in the checklist (10, backup-verified)"},
    {.key = "title", .type = FIELD_TEXT, .required = true, .meaning = "what the step is"},
    {.key = "kind",
     .type = FIELD_ENUM,
     .choices = schema_item_kinds,
     .default_text = "check",
     .meaning = "check, action, communication, validation or decision"},
    {.key = "owner",
     .type = FIELD_REFERENCE,
     .meaning = "the role that carries the step out (a key of the checklist's roles)"},
    {.key = "blocking",
     .type = FIELD_BOOL,
     .default_text = "false",
     .meaning = "the go-live cannot proceed while this step is open or failed"},
    {.key = "required",
     .type = FIELD_BOOL,
     .default_text = "true",
     .meaning = "the step must be closed (done or skipped) for the checklist to be complete"},
    {.key = "expected", .type = FIELD_MARKDOWN, .meaning = "the expected result"},
    {.key = "details",
     .type = FIELD_MARKDOWN,
     .meaning = "how to carry the step out; may hold code blocks"},
    {.key = "checks",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "sub-checks, each printed with its own box"},
    {.key = "subchecks",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &subcheck_schema,
     .meaning = "sub-checks recorded one by one (golive mark RUN STEP.ID), each printed with "
                "its own box, ticked once recorded"},
    {.key = "rollback",
     .type = FIELD_MAPPING,
     .nested = &rollback_schema,
     .meaning = "rollback trigger and action"},
    {.key = "budget", .type = FIELD_DURATION, .meaning = "time planned for the step"},
    {.key = "evidence",
     .type = FIELD_TEXT_MAP,
     .meaning = "what the step must record, key: description (backup_ref: dump file name)"},
    {.key = "evidence_max_age",
     .type = FIELD_DURATION,
     .meaning = "how old the evidence may be at the window start (7d)"},
    {.key = "depends_on",
     .type = FIELD_LIST,
     .element = FIELD_REFERENCE,
     .meaning = "ids of steps that must be closed before this one"},
    {.key = "outcomes",
     .type = FIELD_LIST,
     .element = FIELD_ENUM,
     .choices = schema_outcomes,
     .default_text = "all four, for a decision",
     .meaning = "decision points only: the outcomes that may be recorded"},
    {.key = "succeeds_by",
     .type = FIELD_TEXT_MAP,
     .meaning = "decision points only: outcome: phase, for each outcome that ends the "
                "checklist successfully once that phase is closed (rollback: roll-back)"},
    {.key = "downtime",
     .type = FIELD_ENUM,
     .choices = schema_downtime_marks,
     .meaning = "start or end: this step starts or ends the users' downtime"},
    {.key = "at",
     .type = FIELD_WINDOW_OFFSET,
     .meaning = "a planned start pinned relative to the window start (T-48h, T+0:30)"},
};
static const struct schema item_schema = {"step", item_fields, COUNT(item_fields), NULL, 0};

static const struct field_spec phase_fields[] = {
    {.key = "id",
     .type = FIELD_ID,
     .required = true,
     .meaning = "the phase's identifier, unique in the checklist"},
    {.key = "title", .type = FIELD_TEXT, .required = true, .meaning = "the phase's heading"},
    {.key = "summary", .type = FIELD_MARKDOWN, .meaning = "a paragraph under the heading"},
    {.key = "budget", .type = FIELD_DURATION, .meaning = "time planned for the phase"},
    {.key = "items",
     .type = FIELD_LIST,
     .required = true,
     .element = FIELD_MAPPING,
     .nested = &item_schema,
     .meaning = "the phase's steps, in order"},
};
static const struct schema phase_schema = {"phase", phase_fields, COUNT(phase_fields), NULL, 0};

/* An evidence file: a run record's (golive mark --attach) or a success
 * criterion's. */
static const struct field_spec attachment_fields[] = {
    {.key = "path",
     .type = FIELD_PATH,
     .required = true,
     .meaning = "the file, inside the project, relative to the file that names it"},
    {.key = "sha256",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "its SHA-256 when it was attached"},
};
static const struct schema attachment_schema = {"attachment", attachment_fields,
                                                COUNT(attachment_fields), NULL, 0};

static const struct field_spec criterion_fields[] = {
    {.key = "criterion",
     .type = FIELD_MARKDOWN,
     .required = true,
     .meaning = "what must be true for the migration to count as a success"},
    {.key = "id",
     .type = FIELD_ID,
     .meaning = "a short name, by which the project's close-out assesses it"},
};
static const struct schema criterion_schema = {"criterion", criterion_fields,
                                               COUNT(criterion_fields), NULL, 0};

static const struct field_spec checklist_fields[] = {
    {.key = "kind",
     .type = FIELD_ENUM,
     .required = true,
     .choices = kind_checklist,
     .meaning = "always checklist"},
    {.key = "id",
     .type = FIELD_ID,
     .required = true,
     .meaning = "the checklist's identifier, unique in a project"},
    {.key = "title", .type = FIELD_TEXT, .required = true, .meaning = "the checklist's title"},
    {.key = "version",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "the checklist's own version"},
    {.key = "revised",
     .type = FIELD_DATE,
     .meaning = "when that version was last revised, printed with it"},
    {.key = "summary", .type = FIELD_MARKDOWN, .meaning = "what the checklist is for"},
    {.key = "roles",
     .type = FIELD_TEXT_MAP,
     .meaning = "the roles steps are owned by, id: title (technical-lead: Technical lead)"},
    {.key = "phases",
     .type = FIELD_LIST,
     .required = true,
     .element = FIELD_MAPPING,
     .nested = &phase_schema,
     .meaning = "the phases, in order"},
    {.key = "success_criteria",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &criterion_schema,
     .shorthand = "criterion",
     .meaning = "what must be true for the migration to count as a success, each as its text "
                "alone or with an id"},
};
static const struct schema checklist_schema = {"checklist", checklist_fields,
                                               COUNT(checklist_fields), NULL, 0};

/* ---- project --------------------------------------------------------- */

static const struct field_spec client_fields[] = {
    {.key = "name", .type = FIELD_TEXT, .required = true, .meaning = "the client's legal name"},
    {.key = "short_name", .type = FIELD_TEXT, .meaning = "a short name for headers"},
};
static const struct schema client_schema = {"client", client_fields, COUNT(client_fields), NULL, 0};

static const struct field_spec consultant_fields[] = {
    {.key = "name", .type = FIELD_TEXT, .required = true, .meaning = "the consultancy's name"},
    {.key = "lead", .type = FIELD_REFERENCE, .meaning = "the lead consultant (a person id)"},
    {.key = "logo", .type = FIELD_PATH, .meaning = "a PNG or JPEG logo for cover pages"},
    {.key = "accent",
     .type = FIELD_COLOUR,
     .default_text = "#1F3A5F",
     .meaning = "the accent colour of headings and rules"},
};
static const struct schema consultant_schema = {"consultant", consultant_fields,
                                                COUNT(consultant_fields), NULL, 0};

static const struct field_spec system_fields[] = {
    {.key = "from",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "the system before (Odoo 16.0 Enterprise)"},
    {.key = "to",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "the system after (Odoo 19.0 Enterprise)"},
    {.key = "hosting", .type = FIELD_TEXT, .meaning = "where it runs (Odoo.sh, own VPS)"},
};
static const struct schema system_schema = {"system", system_fields, COUNT(system_fields), NULL, 0};

static const struct field_spec window_fields[] = {
    {.key = "start",
     .type = FIELD_TIMESTAMP,
     .required = true,
     .meaning = "when the go-live window opens"},
    {.key = "end", .type = FIELD_TIMESTAMP, .required = true, .meaning = "when it must be closed"},
    {.key = "timezone", .type = FIELD_TEXT, .meaning = "the time zone's name, for print"},
    {.key = "rollback_deadline",
     .type = FIELD_TIMESTAMP,
     .meaning = "the last moment a rollback can still start"},
};
static const struct schema window_schema = {"window", window_fields, COUNT(window_fields), NULL, 0};

static const struct field_spec person_fields[] = {
    {.key = "id",
     .type = FIELD_ID,
     .required = true,
     .meaning = "the person's identifier, unique in the project"},
    {.key = "name", .type = FIELD_TEXT, .required = true, .meaning = "full name"},
    {.key = "organisation", .type = FIELD_TEXT, .meaning = "client, consultancy or vendor"},
    {.key = "title", .type = FIELD_TEXT, .meaning = "job title"},
    {.key = "roles",
     .type = FIELD_LIST,
     .element = FIELD_REFERENCE,
     .meaning = "checklist roles this person holds"},
    {.key = "email", .type = FIELD_TEXT, .meaning = "e-mail address"},
    {.key = "phone", .type = FIELD_TEXT, .meaning = "phone number, as dialled"},
};
static const struct schema person_schema = {"person", person_fields, COUNT(person_fields), NULL, 0};

static const struct field_spec contact_fields[] = {
    {.key = "person",
     .type = FIELD_REFERENCE,
     .meaning = "a person of the project (name, phone and e-mail come from there)"},
    {.key = "name", .type = FIELD_TEXT, .meaning = "who, when not a person of the project"},
    {.key = "role",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "what to call them for (Database administrator)"},
    {.key = "escalation",
     .type = FIELD_INTEGER,
     .required = true,
     .meaning = "escalation order: 1 is called first"},
    {.key = "organisation", .type = FIELD_TEXT, .meaning = "overrides the person's"},
    {.key = "phone", .type = FIELD_TEXT, .meaning = "overrides the person's"},
    {.key = "email", .type = FIELD_TEXT, .meaning = "overrides the person's"},
    {.key = "availability", .type = FIELD_TEXT, .meaning = "when they can be reached"},
    {.key = "group",
     .type = FIELD_ENUM,
     .choices = schema_contact_groups,
     .meaning = "client, consultancy, vendor or hosting: the contacts sheet groups by it"},
    {.key = "deputy", .type = FIELD_TEXT, .meaning = "who stands in when they cannot be reached"},
    {.key = "private",
     .type = FIELD_BOOL,
     .default_text = "false",
     .meaning = "left out of the client's copy of the contacts sheet"},
};
static const struct schema contact_schema = {"contact", contact_fields, COUNT(contact_fields), NULL,
                                             0};

static const struct field_spec signatory_fields[] = {
    {.key = "id",
     .type = FIELD_ID,
     .required = true,
     .meaning = "the sign-off's identifier, used by golive sign"},
    {.key = "role",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "in which capacity they sign (Client sponsor)"},
    {.key = "person", .type = FIELD_REFERENCE, .meaning = "who is expected to sign"},
    {.key = "name", .type = FIELD_TEXT, .meaning = "who, when not a person of the project"},
    {.key = "deputies",
     .type = FIELD_LIST,
     .element = FIELD_REFERENCE,
     .meaning = "person ids who may sign in the signatory's place"},
    {.key = "artifacts",
     .type = FIELD_LIST,
     .element = FIELD_ENUM,
     .choices = schema_artifacts,
     .default_text = "[signoff]",
     .meaning = "the documents this sign-off approves"},
    {.key = "key",
     .type = FIELD_PATH,
     .meaning = "the signatory's public key (minisign format): their sign-offs must be signed"},
};
static const struct schema signatory_schema = {"signatory", signatory_fields,
                                               COUNT(signatory_fields), NULL, 0};

static const struct field_spec document_fields[] = {
    {.key = "version",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "the documents' version (1.0)"},
    {.key = "date",
     .type = FIELD_DATE,
     .meaning = "the documents' date; else SOURCE_DATE_EPOCH, else the window start"},
    {.key = "classification",
     .type = FIELD_TEXT,
     .default_text = "Confidential",
     .meaning = "printed in every footer"},
    {.key = "distribution",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "who receives the documents"},
    {.key = "next_review", .type = FIELD_DATE, .meaning = "when the documents are reviewed"},
};
static const struct schema document_schema = {"document control", document_fields,
                                              COUNT(document_fields), NULL, 0};

static const struct field_spec rehearsal_fields[] = {
    {.key = "name", .type = FIELD_TEXT, .required = true, .meaning = "what the documents call it"},
    {.key = "run",
     .type = FIELD_PATH,
     .required = true,
     .meaning = "the run file recording the rehearsal"},
    {.key = "start",
     .type = FIELD_TIMESTAMP,
     .meaning = "when the rehearsal's window opened; what was done before it is preparation"},
};
static const struct schema rehearsal_schema = {"rehearsal", rehearsal_fields,
                                               COUNT(rehearsal_fields), NULL, 0};

static const struct field_spec checklist_use_fields[] = {
    {.key = "file", .type = FIELD_PATH, .required = true, .meaning = "the checklist file"},
    {.key = "run", .type = FIELD_PATH, .meaning = "the run file recording its execution"},
    {.key = "rehearsals",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &rehearsal_schema,
     .meaning = "runs of the same checklist before the go-live, oldest first"},
    {.key = "artifacts",
     .type = FIELD_LIST,
     .element = FIELD_ENUM,
     .choices = schema_artifacts,
     .default_text = "[runbook]",
     .meaning = "the documents that print this checklist"},
    {.key = "gate",
     .type = FIELD_BOOL,
     .default_text = "true",
     .meaning = "whether its readiness decides the go-live verdict"},
};
static const struct schema checklist_use_schema = {"checklist entry", checklist_use_fields,
                                                   COUNT(checklist_use_fields), NULL, 0};

static const struct field_spec known_issue_fields[] = {
    {.key = "title", .type = FIELD_TEXT, .required = true, .meaning = "the issue"},
    {.key = "owner",
     .type = FIELD_TEXT,
     .meaning = "who sees to it: a person id of the project, or a name"},
    {.key = "due", .type = FIELD_DATE, .meaning = "by when it is to be resolved"},
    {.key = "notes", .type = FIELD_MARKDOWN, .meaning = "what is known, the workaround"},
};
static const struct schema known_issue_schema = {"known issue", known_issue_fields,
                                                 COUNT(known_issue_fields), NULL, 0};

static const struct field_spec assessment_fields[] = {
    {.key = "criterion",
     .type = FIELD_REFERENCE,
     .required = true,
     .meaning = "the criterion: CHECKLIST.ID, or CHECKLIST.N for the Nth"},
    {.key = "state",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_criterion_states,
     .meaning = "met, not-met or not-assessed"},
    {.key = "date", .type = FIELD_DATE, .meaning = "when it was assessed"},
    {.key = "by", .type = FIELD_TEXT, .meaning = "who assessed it: a person id or a name"},
    {.key = "evidence",
     .type = FIELD_MARKDOWN,
     .meaning = "how it was shown, and where that is kept"},
    {.key = "attachments",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &attachment_schema,
     .meaning = "evidence files kept in the project: path and SHA-256"},
    {.key = "note",
     .type = FIELD_MARKDOWN,
     .meaning = "a remark; for a criterion not met, what is being done"},
};
static const struct schema assessment_schema = {"criterion assessment", assessment_fields,
                                                COUNT(assessment_fields), NULL, 0};

static const struct field_spec closeout_fields[] = {
    {.key = "status",
     .type = FIELD_ENUM,
     .choices = schema_closeout_statuses,
     .meaning = "final status; computed from the run when absent"},
    {.key = "hypercare_until",
     .type = FIELD_DATE,
     .meaning = "the last day of hypercare, printed in the close-out's outcome"},
    {.key = "completed",
     .type = FIELD_TIMESTAMP,
     .meaning = "when the migration was complete; else the last runbook record"},
    {.key = "issues",
     .type = FIELD_LIST,
     .element = FIELD_MARKDOWN,
     .meaning = "issues met during the migration"},
    {.key = "notes", .type = FIELD_MARKDOWN, .meaning = "anything else for the record"},
    {.key = "known_issues",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &known_issue_schema,
     .meaning = "issues still open at close-out, each with its owner and due date"},
    {.key = "lessons",
     .type = FIELD_LIST,
     .element = FIELD_MARKDOWN,
     .meaning = "lessons learned, for the next go-live"},
    {.key = "success_criteria",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &assessment_schema,
     .meaning = "how each success criterion of the checklists was met"},
};
static const struct schema closeout_schema = {"close-out", closeout_fields, COUNT(closeout_fields),
                                              NULL, 0};

static const struct field_spec communication_fields[] = {
    {.key = "bridge",
     .type = FIELD_TEXT,
     .meaning = "the bridge call for the window: dial-in number or meeting link"},
    {.key = "status_channel",
     .type = FIELD_TEXT,
     .meaning = "where status updates are posted (a chat channel, a mailing list)"},
    {.key = "triggers",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "when to call whom: one escalation trigger each"},
};
static const struct schema communication_schema = {"communication", communication_fields,
                                                   COUNT(communication_fields), NULL, 0};

static const struct field_spec project_fields[] = {
    {.key = "kind",
     .type = FIELD_ENUM,
     .required = true,
     .choices = kind_project,
     .meaning = "always project"},
    {.key = "title",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "the engagement's title (Odoo 16 to 19 upgrade)"},
    {.key = "reference", .type = FIELD_TEXT, .meaning = "the engagement's reference number"},
    {.key = "client",
     .type = FIELD_MAPPING,
     .required = true,
     .nested = &client_schema,
     .meaning = "the client"},
    {.key = "consultant",
     .type = FIELD_MAPPING,
     .required = true,
     .nested = &consultant_schema,
     .meaning = "the consultancy and its branding"},
    {.key = "system",
     .type = FIELD_MAPPING,
     .required = true,
     .nested = &system_schema,
     .meaning = "the systems before and after"},
    {.key = "window",
     .type = FIELD_MAPPING,
     .required = true,
     .nested = &window_schema,
     .meaning = "the go-live window"},
    {.key = "people",
     .type = FIELD_LIST,
     .required = true,
     .element = FIELD_MAPPING,
     .nested = &person_schema,
     .meaning = "everyone the documents name"},
    {.key = "contacts",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &contact_schema,
     .meaning = "the emergency contacts"},
    {.key = "signatories",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &signatory_schema,
     .meaning = "the sign-offs required"},
    {.key = "document",
     .type = FIELD_MAPPING,
     .required = true,
     .nested = &document_schema,
     .meaning = "document control"},
    {.key = "checklists",
     .type = FIELD_LIST,
     .required = true,
     .element = FIELD_MAPPING,
     .nested = &checklist_use_schema,
     .meaning = "the checklists used and their runs"},
    {.key = "audit", .type = FIELD_PATH, .meaning = "the audit findings file"},
    {.key = "closeout",
     .type = FIELD_MAPPING,
     .nested = &closeout_schema,
     .meaning = "the close-out record's own facts"},
    {.key = "artifacts",
     .type = FIELD_LIST,
     .element = FIELD_ENUM,
     .choices = schema_artifacts,
     .default_text = "all six",
     .meaning = "the documents golive build writes"},
    {.key = "templates",
     .type = FIELD_PATH,
     .meaning = "a folder of templates that replace the shipped ones, name by name"},
    {.key = "language",
     .type = FIELD_TEXT,
     .default_text = "en",
     .meaning = "the documents' language: en, de, fr, or a catalog of the project's own"},
    {.key = "communication",
     .type = FIELD_MAPPING,
     .nested = &communication_schema,
     .meaning = "the bridge, the status channel and the escalation triggers of the window"},
    {.key = "words",
     .type = FIELD_TEXT_MAP,
     .meaning = "catalog keys whose words the project writes its own way"},
};
static const struct schema project_schema = {"project", project_fields, COUNT(project_fields), NULL,
                                             0};

/* ---- run ------------------------------------------------------------- */

static const struct field_spec result_fields[] = {
    {.key = "item",
     .type = FIELD_REFERENCE,
     .required = true,
     .meaning = "the step this records (its id)"},
    {.key = "status",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_statuses,
     .meaning = "todo, in-progress, done, failed, blocked or skipped"},
    {.key = "by",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "who: a person id of the project, or a name"},
    {.key = "at",
     .type = FIELD_TIMESTAMP,
     .required = true,
     .meaning = "when, with its UTC offset"},
    {.key = "note",
     .type = FIELD_MARKDOWN,
     .meaning = "what happened; required when skipped (the reason)"},
    {.key = "evidence", .type = FIELD_TEXT_MAP, .meaning = "key: value pairs captured"},
    {.key = "decision",
     .type = FIELD_ENUM,
     .choices = schema_outcomes,
     .meaning = "decision points: go, continue, rollback or no-go"},
    {.key = "corrects",
     .type = FIELD_INTEGER,
     .meaning = "the line of the record this one corrects (golive mark --corrects)"},
    {.key = "reason",
     .type = FIELD_TEXT,
     .meaning = "why, for a correction (required with corrects)"},
    {.key = "attachments",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &attachment_schema,
     .meaning = "evidence files: path and SHA-256 (golive mark --attach)"},
    {.key = "chain",
     .type = FIELD_TEXT,
     .meaning = "written by golive: the SHA-256 of the run's bytes before this record"},
};
static const struct schema result_schema = {"result", result_fields, COUNT(result_fields), NULL, 0};

static const struct field_spec signoff_fields[] = {
    {.key = "signoff",
     .type = FIELD_REFERENCE,
     .required = true,
     .meaning = "the signatory's id in the project"},
    {.key = "name", .type = FIELD_TEXT, .required = true, .meaning = "who signed"},
    {.key = "decision",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_signoff_decisions,
     .meaning = "approved, conditional or rejected"},
    {.key = "conditions",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "the conditions of a conditional approval"},
    {.key = "date", .type = FIELD_DATE, .required = true, .meaning = "the date of signing"},
    {.key = "at", .type = FIELD_TIMESTAMP, .meaning = "when it was recorded"},
    {.key = "signed_at",
     .type = FIELD_TIMESTAMP,
     .meaning = "when it was given, if before it was recorded (a paper sheet typed in later)"},
    {.key = "note", .type = FIELD_MARKDOWN, .meaning = "a remark"},
    {.key = "statement",
     .type = FIELD_PATH,
     .meaning = "the signed statement (golive sign writes it), relative to the run"},
    {.key = "signature",
     .type = FIELD_PATH,
     .meaning = "the statement's minisign signature (.minisig), relative to the run"},
    {.key = "chain",
     .type = FIELD_TEXT,
     .meaning = "written by golive: the SHA-256 of the run's bytes before this record"},
};
static const struct schema signoff_schema = {"sign-off", signoff_fields, COUNT(signoff_fields),
                                             NULL, 0};

static const struct field_spec condition_fields[] = {
    {.key = "condition",
     .type = FIELD_REFERENCE,
     .required = true,
     .meaning = "the condition: the signatory's id, a dot, its number in the sign-off (lead.1)"},
    {.key = "state",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_condition_states,
     .meaning = "open, met or waived"},
    {.key = "owner",
     .type = FIELD_TEXT,
     .meaning = "who sees to it: a person id of the project, or a name"},
    {.key = "due", .type = FIELD_DATE, .meaning = "by when it must be met"},
    {.key = "date", .type = FIELD_DATE, .meaning = "when it was met or waived"},
    {.key = "by",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "who recorded it: a person id of the project, or a name"},
    {.key = "at",
     .type = FIELD_TIMESTAMP,
     .required = true,
     .meaning = "when it was recorded, with its UTC offset"},
    {.key = "note",
     .type = FIELD_MARKDOWN,
     .meaning = "how it was met; required when waived (why)"},
    {.key = "chain",
     .type = FIELD_TEXT,
     .meaning = "written by golive: the SHA-256 of the run's bytes before this record"},
};
static const struct schema condition_schema = {"condition", condition_fields,
                                               COUNT(condition_fields), NULL, 0};

static const struct schema *const record_variants[] = {&result_schema, &signoff_schema,
                                                       &condition_schema};
static const struct schema record_schema = {"record", NULL, 0, record_variants,
                                            COUNT(record_variants)};

static const struct field_spec run_fields[] = {
    {.key = "kind",
     .type = FIELD_ENUM,
     .required = true,
     .choices = kind_run,
     .meaning = "always run"},
    {.key = "project",
     .type = FIELD_PATH,
     .required = true,
     .meaning = "the project file this run belongs to"},
    {.key = "checklist",
     .type = FIELD_REFERENCE,
     .required = true,
     .meaning = "the id of the checklist it records"},
    {.key = "records",
     .type = FIELD_LIST,
     .required = true,
     .element = FIELD_MAPPING,
     .nested = &record_schema,
     .meaning = "results, sign-offs and conditions, oldest first; keep it last"},
};
static const struct schema run_schema = {"run", run_fields, COUNT(run_fields), NULL, 0};

/* ---- audit ----------------------------------------------------------- */

static const struct field_spec current_system_fields[] = {
    {.key = "version", .type = FIELD_TEXT, .required = true, .meaning = "Odoo version and edition"},
    {.key = "hosting", .type = FIELD_TEXT, .required = true, .meaning = "where it runs"},
    {.key = "apps", .type = FIELD_LIST, .element = FIELD_TEXT, .meaning = "main applications"},
    {.key = "users", .type = FIELD_INTEGER, .meaning = "active users"},
    {.key = "database_size", .type = FIELD_TEXT, .meaning = "database and filestore size"},
    {.key = "constraints", .type = FIELD_MARKDOWN, .meaning = "known constraints"},
    {.key = "state", .type = FIELD_MARKDOWN, .meaning = "the general state of the system"},
};
static const struct schema current_system_schema = {"current system", current_system_fields,
                                                    COUNT(current_system_fields), NULL, 0};

static const struct field_spec scope_fields[] = {
    {.key = "migrate",
     .type = FIELD_LIST,
     .element = FIELD_MARKDOWN,
     .meaning = "what moves to the new version"},
    {.key = "review",
     .type = FIELD_LIST,
     .element = FIELD_MARKDOWN,
     .meaning = "what needs a decision first"},
    {.key = "drop",
     .type = FIELD_LIST,
     .element = FIELD_MARKDOWN,
     .meaning = "what is no longer needed"},
};
static const struct schema scope_schema = {"scope", scope_fields, COUNT(scope_fields), NULL, 0};

static const struct field_spec component_fields[] = {
    {.key = "name", .type = FIELD_TEXT, .required = true, .meaning = "technical or common name"},
    {.key = "type",
     .type = FIELD_ENUM,
     .choices = schema_component_types,
     .default_text = "module",
     .meaning = "module, automation, integration, report or workflow"},
    {.key = "origin",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_component_origins,
     .meaning = "standard, third-party or custom"},
    {.key = "action",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_component_actions,
     .meaning = "migrate, replace, disable or remove"},
    {.key = "notes", .type = FIELD_MARKDOWN, .meaning = "why, and what it takes"},
};
static const struct schema component_schema = {"component", component_fields,
                                               COUNT(component_fields), NULL, 0};

static const struct field_spec cleanup_fields[] = {
    {.key = "title", .type = FIELD_TEXT, .required = true, .meaning = "what was found"},
    {.key = "kind",
     .type = FIELD_ENUM,
     .choices = schema_cleanup_kinds,
     .default_text = "cleanup",
     .meaning = "bug, cleanup or obsolete"},
    {.key = "action",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_cleanup_actions,
     .meaning = "fix, clean or exclude (left behind on purpose)"},
    {.key = "notes", .type = FIELD_MARKDOWN, .meaning = "details"},
    {.key = "id",
     .type = FIELD_ID,
     .meaning = "the finding's identifier, unique in the audit; a re-audit matches findings by it"},
    {.key = "state",
     .type = FIELD_ENUM,
     .choices = schema_finding_states,
     .default_text = "open",
     .meaning = "open, resolved or accepted-risk"},
    {.key = "state_date", .type = FIELD_DATE, .meaning = "since when it is in its state"},
    {.key = "state_note",
     .type = FIELD_MARKDOWN,
     .meaning = "how it was fixed, or who decided to leave it and why"},
};
static const struct schema cleanup_schema = {"cleanup finding", cleanup_fields,
                                             COUNT(cleanup_fields), NULL, 0};

static const struct field_spec risk_fields[] = {
    {.key = "title", .type = FIELD_TEXT, .required = true, .meaning = "the risk"},
    {.key = "severity",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_severities,
     .meaning = "low, medium, high or critical"},
    {.key = "likelihood",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_likelihoods,
     .meaning = "low, medium or high"},
    {.key = "mitigation", .type = FIELD_MARKDOWN, .required = true, .meaning = "what reduces it"},
    {.key = "owner", .type = FIELD_REFERENCE, .meaning = "who owns it (a person id)"},
    {.key = "state",
     .type = FIELD_ENUM,
     .choices = schema_finding_states,
     .default_text = "open",
     .meaning = "open, resolved or accepted-risk"},
    {.key = "state_date", .type = FIELD_DATE, .meaning = "since when it is in its state"},
    {.key = "state_note",
     .type = FIELD_MARKDOWN,
     .meaning = "how it was resolved, or who accepted the risk and why"},
    {.key = "id",
     .type = FIELD_ID,
     .meaning = "the risk's identifier, unique in the audit; a re-audit matches findings by it"},
};
static const struct schema risk_schema = {"risk", risk_fields, COUNT(risk_fields), NULL, 0};

static const struct field_spec missing_fields[] = {
    {.key = "what", .type = FIELD_TEXT, .required = true, .meaning = "the information or access"},
    {.key = "from", .type = FIELD_TEXT, .meaning = "who should provide it"},
    {.key = "blocking",
     .type = FIELD_BOOL,
     .default_text = "false",
     .meaning = "planning cannot go on without it"},
    {.key = "notes", .type = FIELD_MARKDOWN, .meaning = "details"},
    {.key = "id",
     .type = FIELD_ID,
     .meaning =
         "the missing item's identifier, unique in the audit; a re-audit matches findings by it"},
    {.key = "state",
     .type = FIELD_ENUM,
     .choices = schema_finding_states,
     .default_text = "open",
     .meaning = "open, resolved or accepted-risk"},
    {.key = "state_date", .type = FIELD_DATE, .meaning = "since when it is in its state"},
    {.key = "state_note",
     .type = FIELD_MARKDOWN,
     .meaning = "what was supplied, or who decided to go on without it"},
};
static const struct schema missing_schema = {"missing item", missing_fields, COUNT(missing_fields),
                                             NULL, 0};

static const struct field_spec milestone_fields[] = {
    {.key = "milestone",
     .type = FIELD_TEXT,
     .required = true,
     .meaning = "a step on the way to the go-live (rehearsal, go-live)"},
    {.key = "date", .type = FIELD_DATE, .meaning = "when it is planned"},
    {.key = "effort", .type = FIELD_TEXT, .meaning = "the work it takes (4 person-days)"},
    {.key = "notes", .type = FIELD_MARKDOWN, .meaning = "what it needs, who does it"},
};
static const struct schema milestone_schema = {"milestone", milestone_fields,
                                               COUNT(milestone_fields), NULL, 0};

static const struct field_spec audit_fields[] = {
    {.key = "kind",
     .type = FIELD_ENUM,
     .required = true,
     .choices = kind_audit,
     .meaning = "always audit"},
    {.key = "date", .type = FIELD_DATE, .required = true, .meaning = "when the audit was made"},
    {.key = "auditor", .type = FIELD_REFERENCE, .meaning = "who made it (a person id)"},
    {.key = "verdict",
     .type = FIELD_ENUM,
     .choices = schema_audit_verdicts,
     .meaning = "ready-for-rehearsal, needs-preparation or blocked; computed when absent"},
    {.key = "summary",
     .type = FIELD_MARKDOWN,
     .required = true,
     .meaning = "the executive summary"},
    {.key = "current_system",
     .type = FIELD_MAPPING,
     .required = true,
     .nested = &current_system_schema,
     .meaning = "the system as found"},
    {.key = "critical_workflows",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "workflows that must work after the migration"},
    {.key = "scope",
     .type = FIELD_MAPPING,
     .required = true,
     .nested = &scope_schema,
     .meaning = "migrate, review, drop"},
    {.key = "components",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &component_schema,
     .meaning = "modules, automations and integrations reviewed"},
    {.key = "cleanup",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &cleanup_schema,
     .meaning = "cleanup and known bugs"},
    {.key = "risks",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &risk_schema,
     .meaning = "risk areas"},
    {.key = "missing",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &missing_schema,
     .meaning = "information or access still missing"},
    {.key = "next_step",
     .type = FIELD_MARKDOWN,
     .required = true,
     .meaning = "the recommended next step"},
    {.key = "inventory",
     .type = FIELD_PATH,
     .meaning = "the module inventory that golive import wrote"},
    {.key = "method", .type = FIELD_MARKDOWN, .meaning = "how the audit was made"},
    {.key = "sources",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "what the audit read: exports, code, interviews, access"},
    {.key = "timeline",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &milestone_schema,
     .meaning = "the effort and timeline to the go-live, milestone by milestone"},
};
static const struct schema audit_schema = {"audit", audit_fields, COUNT(audit_fields), NULL, 0};

/* ---- inventory (written by golive import) ----------------------------- */

static const struct field_spec imported_from_fields[] = {
    {.key = "addons",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "the addons trees read, relative to the inventory"},
    {.key = "modules", .type = FIELD_TEXT, .meaning = "the installed-module export read"},
    {.key = "target",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "the trees at the target version read"},
    {.key = "removed",
     .type = FIELD_TEXT,
     .meaning = "the list of modules removed in the target version"},
};
static const struct schema imported_from_schema = {"imported_from", imported_from_fields,
                                                   COUNT(imported_from_fields), NULL, 0};

static const struct field_spec lines_fields[] = {
    {.key = "python", .type = FIELD_INTEGER, .meaning = "lines of Python"},
    {.key = "xml", .type = FIELD_INTEGER, .meaning = "lines of XML"},
    {.key = "javascript", .type = FIELD_INTEGER, .meaning = "lines of JavaScript"},
};
static const struct schema lines_schema = {"lines", lines_fields, COUNT(lines_fields), NULL, 0};

static const struct field_spec module_fields[] = {
    {.key = "name", .type = FIELD_TEXT, .required = true, .meaning = "the technical name"},
    {.key = "title", .type = FIELD_TEXT, .meaning = "the name the manifest or export gives"},
    {.key = "origin",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_inventory_origins,
     .meaning = "standard, enterprise, oca, third-party or custom"},
    {.key = "version", .type = FIELD_TEXT, .meaning = "the module's version"},
    {.key = "series", .type = FIELD_TEXT, .meaning = "the Odoo series its version is for"},
    {.key = "author", .type = FIELD_TEXT, .meaning = "its author, as the manifest says"},
    {.key = "license", .type = FIELD_TEXT, .meaning = "its licence"},
    {.key = "website", .type = FIELD_TEXT, .meaning = "its website"},
    {.key = "path", .type = FIELD_TEXT, .meaning = "its folder, relative to the inventory"},
    {.key = "installed",
     .type = FIELD_BOOL,
     .default_text = "true",
     .meaning = "whether the export lists it as installed"},
    {.key = "target",
     .type = FIELD_ENUM,
     .choices = schema_inventory_targets,
     .default_text = "unknown",
     .meaning = "whether the target trees hold a release"},
    {.key = "target_version", .type = FIELD_TEXT, .meaning = "the version the target trees hold"},
    {.key = "depends",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "the modules it depends on"},
    {.key = "lines",
     .type = FIELD_MAPPING,
     .nested = &lines_schema,
     .meaning = "its size: python, xml, javascript"},
    {.key = "proposed_action",
     .type = FIELD_ENUM,
     .choices = schema_inventory_actions,
     .meaning = "what golive import proposes"},
    {.key = "action",
     .type = FIELD_ENUM,
     .required = true,
     .choices = schema_inventory_actions,
     .meaning = "what the migration does with it (kept on re-import)"},
    {.key = "notes",
     .type = FIELD_MARKDOWN,
     .meaning = "the consultant's notes (kept on re-import)"},
    {.key = "proposals",
     .type = FIELD_LIST,
     .element = FIELD_MARKDOWN,
     .meaning = "findings golive import proposes"},
};
static const struct schema module_schema = {"module", module_fields, COUNT(module_fields), NULL, 0};

static const struct field_spec inventory_fields[] = {
    {.key = "kind",
     .type = FIELD_ENUM,
     .required = true,
     .choices = kind_inventory,
     .meaning = "always inventory"},
    {.key = "source_version", .type = FIELD_TEXT, .meaning = "the Odoo series migrated from"},
    {.key = "target_version", .type = FIELD_TEXT, .meaning = "the Odoo series migrated to"},
    {.key = "own_authors",
     .type = FIELD_LIST,
     .element = FIELD_TEXT,
     .meaning = "authors whose modules are the client's own (kept on re-import)"},
    {.key = "imported_from",
     .type = FIELD_MAPPING,
     .nested = &imported_from_schema,
     .meaning = "what the last import read"},
    {.key = "not_installed",
     .type = FIELD_INTEGER,
     .default_text = "0",
     .meaning = "modules in the trees that the export does not list as installed"},
    {.key = "modules",
     .type = FIELD_LIST,
     .element = FIELD_MAPPING,
     .nested = &module_schema,
     .meaning = "one entry per installed module"},
};
static const struct schema inventory_schema = {"inventory", inventory_fields,
                                               COUNT(inventory_fields), NULL, 0};

/* ---- lookups --------------------------------------------------------- */

static const struct schema *const top_level[INPUT_KIND_COUNT] = {
    [INPUT_CHECKLIST] = &checklist_schema,
    [INPUT_PROJECT] = &project_schema,
    [INPUT_RUN] = &run_schema,
    [INPUT_AUDIT] = &audit_schema,
    [INPUT_INVENTORY] = &inventory_schema,
};

static const char *const kind_names[INPUT_KIND_COUNT] = {
    [INPUT_CHECKLIST] = "checklist", [INPUT_PROJECT] = "project",     [INPUT_RUN] = "run",
    [INPUT_AUDIT] = "audit",         [INPUT_INVENTORY] = "inventory",
};

const struct schema *schema_for_kind(enum input_kind kind)
{
    return top_level[kind];
}

static const char *const type_names[] = {
    [FIELD_TEXT] = "text",        [FIELD_MARKDOWN] = "Markdown",
    [FIELD_BOOL] = "boolean",     [FIELD_INTEGER] = "whole number",
    [FIELD_ENUM] = "choice",      [FIELD_DURATION] = "duration",
    [FIELD_DATE] = "date",        [FIELD_TIMESTAMP] = "timestamp",
    [FIELD_PATH] = "path",        [FIELD_COLOUR] = "colour",
    [FIELD_ID] = "identifier",    [FIELD_REFERENCE] = "identifier",
    [FIELD_MAPPING] = "mapping",  [FIELD_LIST] = "list",
    [FIELD_TEXT_MAP] = "mapping", [FIELD_WINDOW_OFFSET] = "time relative to the window start",
};
_Static_assert(COUNT(type_names) == FIELD_TYPE_COUNT, "a name for each field type");

const char *schema_type_name(enum field_type type)
{
    return type_names[type];
}

const char *schema_kind_name(enum input_kind kind)
{
    return kind_names[kind];
}

const struct field_spec *schema_find_field(const struct schema *schema, const char *key)
{
    for (size_t index = 0; index < schema->field_count; index++)
        if (strcmp(schema->fields[index].key, key) == 0)
            return &schema->fields[index];
    return NULL;
}

/* The key spelled by path[0, length) in schema or one of its variants. */
static const struct field_spec *field_in(const struct schema *schema, const char *path,
                                         size_t length)
{
    for (size_t index = 0; index < schema->field_count; index++) {
        const char *key = schema->fields[index].key;
        if (strlen(key) == length && memcmp(key, path, length) == 0)
            return &schema->fields[index];
    }
    for (size_t index = 0; index < schema->variant_count; index++) {
        const struct field_spec *found = field_in(schema->variants[index], path, length);
        if (found)
            return found;
    }
    return NULL;
}

const struct field_spec *schema_field_at(enum input_kind kind, const char *path)
{
    const struct schema *schema = schema_for_kind(kind);
    const struct field_spec *field = NULL;
    while (schema) {
        size_t length = strcspn(path, ".");
        field = field_in(schema, path, length);
        if (!field || !path[length])
            return field;
        path += length + 1;
        schema = field->nested;
    }
    return NULL;
}

int schema_choice_index(const char *const *choices, const char *text)
{
    for (int index = 0; choices[index]; index++)
        if (strcmp(choices[index], text) == 0)
            return index;
    return -1;
}

size_t schema_choice_count(const char *const *choices)
{
    size_t count = 0;
    while (choices[count])
        count++;
    return count;
}
