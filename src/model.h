/* The model: what the four input kinds say, as typed C structures.
 *
 * Builders (model_checklist.h, model_project.h, model_run.h, model_audit.h,
 * model_inventory.h) fill it from validated node trees; the evaluator
 * (evaluate.h) then writes its results into the fields marked "evaluated",
 * once. Everything after that reads the model and never changes it.
 * Everything a model holds, strings and arrays, evaluated fields too,
 * comes from its arena (model->arena) and goes with it; strings are NULL
 * when absent. Adding a field: docs/architecture.md, "Ownership". */
#ifndef GOLIVE_MODEL_H
#define GOLIVE_MODEL_H

#include "arena.h"
#include "golive_limits.h"
#include "issued.h"
#include "name_table.h"
#include "schema.h"
#include "schema_choices.h"
#include "source_position.h"
#include "value.h"
#include "zone.h"

#include <stdbool.h>
#include <stddef.h>

/* A set of artifacts or outcomes, one bit each. */
typedef unsigned artifact_set;
typedef unsigned outcome_set;
#define SET_HAS(set, member) (((set) >> (member)) & 1u)

struct text_list {
    char **items;
    size_t count, capacity;
};

/* key: text pairs in input order (roles, evidence). */
struct text_pair {
    char *key;
    char *text;
};

struct text_map {
    struct text_pair *pairs;
    size_t count;
};

/* ---- checklists ------------------------------------------------------ */

struct rollup {            /* evaluated */
    size_t total;          /* steps */
    size_t closed;         /* done or skipped */
    size_t required_open;  /* required and not closed */
    size_t blocking_open;  /* blocking and not closed */
    size_t blocked_failed; /* latest status blocked or failed */
    size_t rollback_no_go; /* decisions recorded as rollback or no-go */
};

struct item;
struct checklist;
enum readiness { READINESS_READY, READINESS_NOT_READY, READINESS_NO_GO };

/* Why a checklist, the go-live or a gate is not READY: one reason per
 * step or signatory concerned. Each kind is one rule of docs/rules.md,
 * with its reason code in evaluate_rules.c. */
enum reason_kind {
    REASON_NO_GO,             /* a decision said rollback or no-go */
    REASON_FAILED,            /* a blocking step failed */
    REASON_BLOCKED,           /* a blocking step is blocked */
    REASON_OPEN,              /* a blocking step is not closed */
    REASON_EVIDENCE_MISSING,  /* a blocking step is done without its evidence */
    REASON_EVIDENCE_STALE,    /* a blocking step's evidence is too old */
    REASON_NO_DECISION,       /* a decision point has no go or continue */
    REASON_SIGNOFF_REJECTED,  /* a required sign-off was rejected */
    REASON_SIGNOFF_MISSING,   /* a required sign-off is not recorded (gates) */
    REASON_OUT_OF_ORDER,      /* a step is closed while a step it depends on is open (gates) */
    REASON_SUBCHECK_OPEN,     /* a step is done while a required sub-check is open (gates) */
    REASON_PREPARATION_OPEN,  /* a required step before the moment asked about is open (gates) */
    REASON_REQUIRED_OPEN,     /* close-out: a required step of any checklist is open */
    REASON_CONDITION_OPEN,    /* close-out: a condition of an approval is still open */
    REASON_CRITERION_NOT_MET, /* close-out: a success criterion was assessed as not met */
    REASON_KIND_COUNT
};

struct signatory;

struct reason {
    enum reason_kind kind;
    const struct item *item;           /* NULL for a sign-off's reason */
    const struct checklist *checklist; /* NULL for a sign-off's reason */
    const struct signatory *signatory; /* sign-off reasons only */
    const struct item *dependency;     /* REASON_OUT_OF_ORDER: the open step */
    char *text;                        /* a sentence for people, e.g. for golive status */
};

struct verdict {         /* evaluated; gates have one too */
    struct arena *arena; /* where its reasons are kept (not owned) */
    enum readiness readiness;
    struct reason *reasons;
    size_t reason_count, reason_capacity;
};

/* The moments at which golive status --gate is asked (docs/rules.md). */
enum gate_moment {
    GATE_BEFORE_WINDOW, /* pre-flight done and fresh, approvals in, preparation closed */
    GATE_DECISION,      /* every decision point (see the item's own gate) */
    GATE_CLOSE_OUT,     /* every required step of every checklist closed, close-out signed */
    GATE_GO_LIVE,       /* the whole go-live: its verdict, approvals and order */
    GATE_MOMENT_COUNT
};

struct result_record;

/* What is known of one evidence key the step asks for. */
struct evidence_state {
    const char *value;   /* latest value recorded, or NULL */
    struct timestamp at; /* when that record was made */
    struct duration age; /* window start - at, when recorded */
    bool stale;          /* older than evidence_max_age at the window start */
};

struct item_state {                       /* evaluated */
    enum item_status status;              /* of the latest record; todo without one */
    const struct result_record *latest;   /* NULL when never recorded */
    const struct result_record **history; /* every record for this step, oldest first */
    size_t history_count, history_capacity;
    enum outcome decision;                /* of the latest record, or none */
    struct evidence_state *evidence;      /* parallel to item->evidence */
    bool closed;                          /* done or skipped */
    bool ever_failed;                     /* some record said failed */
    bool evidence_missing;                /* done without every evidence key */
    bool evidence_stale;                  /* some evidence older than evidence_max_age */
    struct duration evidence_age;         /* the oldest evidence's age at the window start */
    enum readiness gate;                  /* decision points: the gate's answer at this step
                                             (its reasons: evaluate_decision_gate) */
    bool not_taken;                       /* in the phase of a planned outcome not chosen */
    bool in_branch;                       /* in the phase of the planned outcome chosen */
    const struct item *open_dependency;   /* closed while this step it depends on is open */
    const struct item *early_of;          /* closed before this dependency was closed */
    const struct subcheck *subcheck_open; /* done while this required sub-check is open */
    struct duration measured;             /* from its start to its closing record, when both
                                             are known (evaluate_measure.c) */
};

/* The step's place in the planned timetable (evaluate_schedule.c), in
 * minutes from the window start (negative before it). */
struct item_plan {             /* evaluated */
    bool main_line;            /* on the planned path: not in a rollback or other
                                  alternative phase */
    int64_t start, end;        /* end = start + budget (0 without one) */
    const struct item *driver; /* the step whose planned end sets this start, or NULL */
    bool critical;             /* on the critical path: a delay here delays the end */
    bool window;               /* its chain of drivers starts at or before the window
                                  start (not at a later pin: hypercare) */
};

/* A sub-check of a step: recorded on its own as STEP.ID (golive mark). */
struct subcheck {
    char *id; /* unique in its step */
    char *title;
    bool required;
    struct source_position position;
    bool ticked; /* evaluated: its latest record is done or skipped */
};

struct item {
    char *id;
    char *title;
    enum item_kind kind;
    char *owner;             /* role id, or NULL */
    const char *owner_title; /* the role's title; points into the checklist's roles */
    bool blocking;
    bool required;
    char *expected; /* Markdown */
    char *details;  /* Markdown */
    struct text_list checks;
    struct subcheck *subchecks; /* recorded one by one (model_subcheck.c) */
    size_t subcheck_count;
    char *rollback_trigger; /* Markdown */
    char *rollback_action;  /* Markdown */
    struct duration budget;
    struct text_map evidence; /* key: what to capture */
    struct duration evidence_max_age;
    struct text_list depends_on; /* step ids */
    outcome_set outcomes;        /* decision points: what may be recorded */
    struct text_map succeeds_by; /* decision points: outcome -> phase id that completes it */
    enum downtime_mark downtime;
    struct duration pinned; /* at: planned start, minutes from the window start */
    struct source_position position;
    size_t number;           /* 1-based position in the checklist */
    struct item_plan plan;   /* evaluated */
    struct item_state state; /* evaluated */
};

/* A phase starts at its first record, or when the phase before it ended
 * if that is earlier (but not before the window opened); it ends at its
 * last closing record once every required step is closed. A phase done
 * wholly before the window (preparation) is not timed: its records say
 * when it was done, not how long it took. */
struct phase_timing { /* evaluated */
    bool started, finished;
    bool before_window;          /* every record precedes the window start */
    struct timestamp start, end; /* end: the latest record so far while unfinished */
    struct duration actual;      /* end - start, so far while unfinished */
    struct duration over_budget; /* actual - budget when positive, else 0 */
    bool overlaps;               /* starts before the phase timed before it ended */
    struct duration measured;    /* actual, once finished and not before the window: what a
                                    rehearsal measured (evaluate_measure.c) */
};

struct phase {
    char *id;
    char *title;
    char *summary; /* Markdown */
    struct duration budget;
    struct item *items;
    size_t item_count;
    struct source_position position;
    struct rollup rollup;       /* evaluated */
    struct phase_timing timing; /* evaluated */
};

/* How a checklist ended, when a decision point chose an outcome it
 * declares successful (succeeds_by): fix forward, or a planned rollback
 * that restored the system. */
struct checklist_outcome {       /* evaluated */
    const struct item *decision; /* NULL when no planned outcome was chosen */
    enum outcome chosen;
    const struct phase *branch;    /* the phase that carries it out */
    bool completed;                /* every step of branch closed */
    struct timestamp completed_at; /* the last closing record of branch */
};

/* The planned timetable of a checklist (evaluate_schedule.c). */
struct checklist_plan {        /* evaluated */
    bool present;              /* some step has a budget or is pinned with at */
    int64_t start;             /* of the main line, minutes from the window start */
    int64_t end;               /* the planned end: of last */
    const struct item *last;   /* the main-line step that ends last, of those whose
                                  chain starts by the window start (of all when none
                                  does): the critical path runs back from it */
    const struct item **order; /* every step, each after those it waits for (owned) */
};

/* Where the window stands against the plan at a moment: records after it
 * are not known (evaluate_schedule.c, docs/rules.md "The forecast"). */
struct forecast { /* evaluated: as of the checklist's last record */
    bool present; /* a plan, a window start and a moment */
    struct timestamp as_of;
    int64_t now;                 /* as_of, minutes from the window start */
    int64_t end;                 /* forecast end of the main line, minutes from the window start */
    int64_t delay;               /* end - planned end: > 0 behind plan, < 0 ahead */
    const struct item *last;     /* the main-line step forecast to end last */
    const struct item *decision; /* the last decision point that may roll back, or NULL */
    int64_t decision_end;        /* its forecast end, or when it was decided */
    bool decided;                /* decision recorded by as_of (not continue) */
    bool deadline_missed;        /* decision_end after the rollback deadline */
    const struct item *deadline_crosser; /* the step during which the deadline passes */
    bool window_missed;                  /* end after the window end */
    const struct item *window_crosser;   /* the step during which the window end passes */
    const struct phase *branch;          /* chosen by a decision recorded by as_of: the window
                                            ends with it (end, last, delay are its); or NULL */
    const struct item *branch_decision;  /* the decision point that chose it */
    enum outcome branch_outcome;         /* and what it recorded */
};

/* A success criterion of a checklist, and how it was met as the project's
 * close-out assesses it (docs/format.md, "criterion"); not assessed until
 * then. */
struct success_criterion {
    char *id;   /* NULL when not given */
    char *text; /* Markdown */
    enum criterion_state state;
    struct date date;
    char *by;              /* as written: a person id or a name */
    const char *by_name;   /* resolved: the person's name when by is a person id */
    char *evidence, *note; /* Markdown */
    struct attachment *attachments;
    size_t attachment_count;
    struct source_position position; /* in the checklist */
    struct source_position assessed; /* the project's assessment; line 0 when none */
};

struct checklist {
    struct arena *arena; /* the one it lives in (not owned); the evaluator's too */
    char *id;
    char *title;
    char *version;
    struct date revised;   /* when the version was last revised */
    char *summary;         /* Markdown */
    struct text_map roles; /* id: title */
    struct phase *phases;
    size_t phase_count;
    struct success_criterion *success_criteria;
    size_t success_criterion_count;
    const char *path; /* the file it came from (not owned) */
    struct source_position position;
    struct name_table item_index;     /* step id -> struct item */
    size_t item_count;                /* over all phases */
    struct rollup rollup;             /* evaluated */
    struct verdict verdict;           /* evaluated */
    struct duration budget;           /* evaluated: the budgets of the phases that ran, or, for
                                         those not started, of the ones holding a required step
                                         (a rollback phase that never ran does not count) */
    bool has_decision;                /* evaluated: some step is a decision point */
    struct checklist_outcome outcome; /* evaluated */
    struct checklist_plan plan;       /* evaluated */
    struct forecast forecast;         /* evaluated: as of its last record */
};

/* ---- runs ------------------------------------------------------------ */

/* An evidence file a record attaches (golive mark --attach). */
enum attachment_state { ATTACHMENT_INTACT, ATTACHMENT_CHANGED, ATTACHMENT_MISSING };
struct attachment {
    char *path;                  /* as written, relative to the run */
    char sha256[65];             /* as recorded */
    enum attachment_state state; /* checked when the run is loaded */
    struct source_position position;
};

struct result_record {
    char *item_id;
    const struct item *item;         /* resolved; for a sub-check, its step */
    const struct subcheck *subcheck; /* resolved: the sub-check recorded, or NULL */
    enum item_status status;
    char *by;            /* as written: a person id or a name */
    const char *by_name; /* the person's name when by is a person id, else by */
    struct timestamp at;
    char *note; /* Markdown */
    struct text_map evidence;
    enum outcome decision;
    struct attachment *attachments;
    size_t attachment_count;
    unsigned corrects;                        /* the line of the record this one corrects, or 0 */
    char *reason;                             /* why, for a correction */
    const struct result_record *corrected_by; /* resolved: the correction of this one */
    struct source_position position;
};

struct signoff_record {
    char *signatory_id;
    char *name;
    enum signoff_decision decision;
    struct text_list conditions;
    struct date date;
    struct timestamp at;        /* when recorded; unset when not given */
    struct timestamp signed_at; /* when given on paper, if earlier than at; else unset */
    char *note;
    char *statement_file, *signature_file; /* as written, relative to the run */
    struct source_position position;
    bool signature_verified; /* the signature holds against the signatory's key */
    char key_id[17];         /* of that key, as minisign prints it */
    bool deputy;             /* resolved: signed by a deputy of the signatory */
};

/* What became of one condition of a conditional approval (golive mark
 * RUN SIGNATORY.N open|met|waived): its state, and who owns it by when. */
struct condition_record {
    char *id; /* as written: the signatory's id, '.', the condition's number */
    enum condition_state state;
    char *owner;            /* as written: a person id or a name; NULL when not given */
    const char *owner_name; /* resolved: the person's name, else owner */
    struct date due;        /* unset when not given */
    struct date date;       /* when met or waived; unset when not given */
    char *by;               /* who recorded it */
    const char *by_name;
    struct timestamp at;
    char *note; /* Markdown */
    struct source_position position;
};

struct run {
    char *project; /* path as written */
    char *checklist_id;
    struct result_record *results;
    size_t result_count;
    struct signoff_record *signoffs;
    size_t signoff_count;
    struct condition_record *conditions;
    size_t condition_count;
    const char *path; /* not owned */
    struct source_position position;
};

/* ---- audit findings -------------------------------------------------- */

struct component {
    char *name;
    int type, origin, action; /* indexes into schema_component_* */
    char *notes;
};

/* Where a finding stands (docs/format.md, "### risk"), and the identifier
 * a re-audit matches it by: its id, else its title. */
struct finding_standing {
    char *id; /* NULL when not given */
    struct source_position id_position;
    enum finding_state state;
    struct date state_date; /* unset when not given */
    char *state_note;       /* Markdown, or NULL */
};

struct cleanup_finding {
    char *title;
    int kind, action; /* indexes into schema_cleanup_* */
    char *notes;
    struct finding_standing standing;
};

struct risk {
    char *title;
    int severity, likelihood; /* indexes into schema_severities, schema_likelihoods */
    char *mitigation;
    char *owner; /* person id */
    struct source_position position;
    enum finding_state state;
    struct date state_date; /* unset when not given */
    char *state_note;       /* Markdown, or NULL */
    char *id;               /* NULL when not given */
    struct source_position id_position;
};

struct missing_item {
    char *what;
    char *from;
    bool blocking;
    char *notes;
    struct finding_standing standing;
};

struct milestone {
    char *milestone, *effort, *notes;
    struct date date;
};

struct inventory;

/* The kinds of audit finding, as a findings snapshot names them. */
enum finding_kind { FINDING_KIND_RISK, FINDING_KIND_CLEANUP, FINDING_KIND_MISSING };

/* One finding as issued (model_audit_snapshot.h). */
struct snapshot_finding {
    enum finding_kind kind;
    char *id;                 /* NULL when it had none */
    char *title;              /* a missing item's `what` */
    int severity, likelihood; /* risks only, else -1 */
    enum finding_state state;
};

/* The findings of the audit's last version issued before this one. */
struct audit_snapshot {
    char *version, *date; /* as the register lists them */
    struct snapshot_finding *findings;
    size_t count;
};

/* What changed in one finding since the snapshot, in the order printed. */
enum finding_change {
    CHANGE_NEW,
    CHANGE_RESOLVED,
    CHANGE_ACCEPTED,
    CHANGE_REOPENED,
    CHANGE_SEVERITY,
    CHANGE_LIKELIHOOD,
    CHANGE_REMOVED,
    CHANGE_COUNT
};

struct change {
    enum finding_change change;
    enum finding_kind kind;
    const char *title;
    int from, to; /* severity or likelihood, for those changes */
};

struct audit {
    struct date date;
    char *auditor;                     /* person id */
    enum audit_verdict stated_verdict; /* VERDICT_NONE when not written */
    struct source_position stated_verdict_position;
    char *summary;
    char *system_version, *system_hosting, *database_size, *constraints, *state;
    struct text_list apps;
    long long users; /* -1 when not given */
    struct text_list critical_workflows;
    struct text_list scope_migrate, scope_review, scope_drop;
    struct component *components;
    size_t component_count;
    struct cleanup_finding *cleanup;
    size_t cleanup_count;
    struct risk *risks;
    size_t risk_count;
    struct missing_item *missing;
    size_t missing_count;
    char *next_step;
    char *method; /* Markdown, or NULL */
    struct text_list sources;
    struct milestone *timeline; /* the effort and timeline to the go-live */
    size_t milestone_count;
    char *inventory_file;        /* as written, or NULL */
    struct inventory *inventory; /* model_inventory.h, or NULL */
    const char *path;            /* not owned */
    struct source_position position;
    enum audit_verdict verdict;          /* evaluated: stated, else computed */
    enum audit_verdict computed_verdict; /* evaluated */
    size_t *risks_by_severity; /* evaluated: risks not resolved, per schema_severities choice */
    size_t risks_by_state[FINDING_STATE_COUNT]; /* evaluated */
    struct audit_snapshot *previous;            /* the last version issued before, or NULL */
    struct change *changes;                     /* evaluated: since previous */
    size_t change_count;
    size_t changes_by_kind[CHANGE_COUNT]; /* evaluated */
    size_t *components_by_origin; /* evaluated: one count per schema_component_origins choice */
};

/* ---- the project ----------------------------------------------------- */

struct person {
    char *id, *name, *organisation, *title, *email, *phone;
    struct text_list roles;
    struct source_position position;
};

struct contact {
    char *person; /* person id, or NULL */
    char *name, *role, *organisation, *phone, *email, *availability;
    long long escalation;
    int group; /* index into schema_contact_groups, or -1 */
    char *deputy;
    bool private_entry; /* left out of the client's copy */
    struct source_position position;
};

/* An issue still open at close-out, handed over with its owner. */
struct known_issue {
    char *title, *owner, *notes; /* owner as written: a person id or a name */
    struct date due;
};

struct signatory {
    char *id, *role, *person, *name;
    char *key_file; /* public key, as written; NULL: signs in ink */
    char *key_path; /* resolved; NULL when not given or not found */
    struct source_position key_position;
    struct text_list deputies; /* person ids who may sign instead */
    artifact_set artifacts;
    struct source_position position;
    const struct signoff_record *latest; /* evaluated: the sign-off in force, or NULL */
    size_t history_count;                /* evaluated */
};

/* One condition of a sign-off in force, followed to the end: the records
 * after that sign-off in its run decide its state (the latest counts; owner
 * and due date are the latest given). */
struct tracked_condition { /* evaluated */
    char id[LIMIT_ID_LENGTH + 24];
    const struct signatory *signatory;
    const char *text;
    enum condition_state state;
    const char *owner_name; /* NULL when none is recorded */
    struct date due, date;
    const char *note;
    const struct condition_record *latest; /* NULL when nothing is recorded */
};

enum approval { APPROVAL_NOT_REQUIRED, APPROVAL_PENDING, APPROVAL_APPROVED, APPROVAL_REJECTED };

/* Approval of one document, or of all sign-offs together. */
struct approval_state { /* evaluated */
    enum approval approval;
    size_t required, approved, conditional, rejected, missing;
    bool draft; /* a document is a draft while a sign-off it requires is missing; a
                 * rejected one is not a draft: it is rejected, and says so */
};

/* Where the go-live stands, in the words a client reads (docs/rules.md). */
enum golive_outcome {
    GOLIVE_NOT_LIVE,      /* the go-live gate is shut and nothing decided against it */
    GOLIVE_LIVE,          /* live; hypercare or the close-out still open */
    GOLIVE_CLOSED,        /* live, and the close-out gate is open */
    GOLIVE_FIXED_FORWARD, /* a planned fix-forward completed */
    GOLIVE_RESTORED,      /* a planned rollback completed: the system is restored */
    GOLIVE_RESTORING,     /* a planned outcome chosen, its phase not yet closed */
    GOLIVE_ROLLED_BACK,   /* a decision said rollback or no-go: the go-live did not happen */
};

struct project_timing {           /* evaluated */
    struct duration window;       /* planned: window end - start */
    bool started;                 /* some gate record has a time */
    struct timestamp first, last; /* first and last record of the gate runs */
    bool downtime_started, downtime_ended;
    struct timestamp downtime_start, downtime_end;
    const struct result_record *downtime_start_record, *downtime_end_record;
    bool downtime_inverted;   /* the end was recorded before the start */
    struct duration downtime; /* end - start, or up to the last record; 0 if inverted */
};

struct rehearsal;

struct checklist_use {
    char *file, *run_file;      /* as written */
    char *file_path, *run_path; /* resolved from the project's folder; NULL until loaded */
    artifact_set artifacts;
    bool gate;
    bool times_go_live;          /* evaluated: its records time the go-live (evaluate_project.c) */
    struct checklist *checklist; /* loaded; owned by the model */
    struct run *run;             /* loaded, or NULL when no run file */
    struct source_position position;
    struct rehearsal *rehearsals; /* oldest first */
    size_t rehearsal_count;
    const struct rehearsal *rehearsal; /* the rehearsal this use is, or NULL: the live run */
};

/* A rehearsal of a checklist: its run, and a checklist of its own built
 * from the same file, evaluated against that run alone (it opens no gate:
 * docs/rules.md "Rehearsals"). */
struct rehearsal {
    char *name;
    struct timestamp start;   /* its window start, when given */
    struct checklist_use use; /* file, run and checklist; gate false, no artifacts */
    struct source_position position;
};

struct project {
    struct arena *arena; /* the one it lives in (not owned); the evaluator's too */
    char *title, *reference;
    char *client_name, *client_short_name;
    char *consultant_name, *consultant_lead, *logo;
    struct colour accent;
    char *system_from, *system_to, *hosting;
    struct timestamp window_start, window_end, rollback_deadline;
    char *timezone;
    struct zone zone;  /* loaded from timezone, else the window start's offset */
    bool offsets_vary; /* evaluated: the times printed hold more than one offset */
    struct person *people;
    size_t person_count;
    struct contact *contacts;
    size_t contact_count;
    struct signatory *signatories;
    size_t signatory_count;
    char *document_version, *classification;
    struct date document_date, next_review;
    struct text_list distribution;
    struct checklist_use *uses;
    size_t use_count;
    char *audit_file;
    struct audit *audit; /* loaded, or NULL */
    int closeout_status; /* index into schema_closeout_statuses, or -1 */
    struct timestamp closeout_completed;
    struct date hypercare_until;
    struct text_list closeout_issues;
    char *closeout_notes;
    struct known_issue *known_issues; /* open at close-out */
    size_t known_issue_count;
    struct text_list closeout_lessons;
    artifact_set artifacts;
    struct verdict verdict;                  /* evaluated: over the gate checklists and approvals */
    struct verdict gates[GATE_MOMENT_COUNT]; /* evaluated: see docs/rules.md */
    struct approval_state approvals[ARTIFACT_COUNT]; /* evaluated: per document */
    struct approval_state approval_all;              /* evaluated: every signatory */
    struct project_timing timing;                    /* evaluated */
    struct tracked_condition *conditions;            /* evaluated */
    size_t condition_count, conditions_open;         /* evaluated */
    bool rollback_required;                    /* evaluated: some decision said rollback or no-go */
    enum closeout_status final_status;         /* evaluated: stated, else computed */
    enum golive_outcome outcome;               /* evaluated */
    struct timestamp outcome_at;               /* evaluated: when it was reached, if known */
    const struct checklist *outcome_checklist; /* evaluated: the one whose planned outcome it is */
    char *templates;                           /* folder of template overrides, as written */
    char *templates_path, *logo_path;          /* resolved; NULL when not given */
    const char *path;                          /* not owned */
    struct source_position position;
    /* The documents' language and the project's own words over its
     * catalog (language.h checks them against the catalog). */
    char *bridge, *status_channel; /* communication in the window, or NULL */
    struct text_list escalation_triggers;
    char *language; /* as written, or NULL: English */
    struct source_position language_position;
    struct text_map words;
    struct source_position *word_positions; /* where each of words is written */
};

struct yaml_document;

/* Every YAML file the model was built from, in the order loaded. */
struct source_file {
    char *path; /* as opened */
    enum input_kind kind;
    struct yaml_document *document; /* its text, for hashing; its tree is freed once
                                     * the model is built */
};

/* The model and every block it holds, evaluated fields included, come from
 * its arena (arena.h): model_free is arena_free. */
struct model {
    struct arena *arena; /* owned: everything below lives in it */
    struct project *project;
    char *root; /* the project file's folder */
    struct source_file *sources;
    size_t source_count, source_capacity;
    struct checklist **checklists; /* owned; the uses point to them */
    size_t checklist_count, checklist_capacity;
    struct run **runs; /* owned */
    size_t run_count, run_capacity;
    struct audit *audit;             /* owned, or NULL */
    struct issued_register issued;   /* the documents issued so far (golive issue) */
    struct yaml_document *preloaded; /* while loading: a file the caller read already */
};

/* free_each: frees each of count strings (for a structure's text fields). */
void free_each(char *const *strings, size_t count);
#define FREE_EACH(...)                                                                             \
    free_each((char *const[]){__VA_ARGS__}, sizeof((char *const[]){__VA_ARGS__}) / sizeof(char *))
void text_list_free(struct text_list *list);
void text_map_free(struct text_map *map);
/* text_map_find: the text for key, or NULL. */
const char *text_map_find(const struct text_map *map, const char *key);

#endif
