/* The view: the data templates see, built once from the evaluated model.
 *
 * Everything is ready to print: dates and durations formatted, counts
 * computed, flags as booleans for sections, lists filtered per document.
 * docs/templates.md documents every field. The view reads the model and
 * the evaluation's results; it derives nothing the evaluator computed. */
#ifndef GOLIVE_VIEW_H
#define GOLIVE_VIEW_H

#include "model.h"
#include "node.h"

struct view_options {
    struct date document_date; /* the documents' date */
    const char *fingerprint;   /* short hash of the inputs, or NULL */
    const char *version;       /* golive's version */
    const struct node *words;  /* the language's catalog (language.h), or NULL */
};

/* An archived file listed by the close-out record. */
struct archived_file {
    const char *name;
    char sha256[65];
};

/* view_build: the view of an evaluated model. The caller frees it. */
struct node *view_build(const struct model *model, const struct view_options *options);

/* view_set_artifact: sets view.artifact to describe the document about to
 * be rendered (its name, approval, whether it is a draft) and, for the
 * close-out record, view.closeout.archive to the files listed. */
void view_set_artifact(struct node *view, const struct model *model, enum artifact artifact,
                       const struct archived_file *archive, size_t archive_count);

/* view_put_contacts_copy: view.contact_groups for the team's copy of the
 * contacts sheet, or for the client's (private entries left out), and
 * view.artifact.client_copy to say which. */
void view_put_contacts_copy(struct node *view, const struct model *model, bool client_copy);

/* Parts, one file each. */
void view_put_project(struct node *view, const struct model *model,
                      const struct view_options *options);
void view_put_checklists(struct node *view, const struct model *model);
void view_put_audit(struct node *view, const struct audit *audit, const struct project *project);
void view_put_closeout(struct node *view, const struct model *model);
/* view_put_conditions: the conditions of the approvals in force as
 * "approval_conditions" (id, text, state and its flag, owner, due, date,
 * note) with "has_approval_conditions", "approval_conditions_open" and
 * "has_open_approval_conditions". */
void view_put_conditions(struct node *view, const struct project *project);
/* view_put_language: view.t holds the words; dates, timestamps and
 * durations are rewritten as the words' format_* and unit_* keys say. */
void view_put_language(struct node *view, const struct node *words);
/* view_put_issued: the versions of artifact issued so far, as "issued"
 * (version, date, sha256, file) and "has_issued". */
void view_put_issued(struct node *current, const struct model *model, enum artifact artifact);
/* view_put_success_criteria: every checklist's success criteria for the
 * close-out, as "success_criteria" (number, id, text, state and its flag,
 * date, by, evidence, note, attachments) with "has_success_criteria" and
 * "criteria_counts" (met, not_met, not_assessed, total and their flags). */
void view_put_success_criteria(struct node *closeout, const struct model *model);
/* view_put_criterion_texts: a checklist's criteria as texts alone. */
void view_put_criterion_texts(struct node *mapping, const struct checklist *checklist);
/* view_put_all_attachments: every record's attachments, for the close-out. */
void view_put_all_attachments(struct node *closeout, const struct model *model);
void view_put_readiness(struct node *mapping, const struct verdict *verdict);
/* view_put_outcome: the go-live's outcome under "outcome": its code and flag,
 * when, hypercare_until, and for a planned outcome the decision and phase. */
void view_put_outcome(struct node *view, const struct project *project);
void view_put_approval(struct node *mapping, const struct approval_state *state);
/* view_person_name: the name of person id, or NULL. */
const char *view_person_name(const struct project *project, const char *id);

#endif
