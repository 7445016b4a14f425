/* The statement a signatory signs: a short text golive writes and reads
 * back, one "key: value" line each, so that a person can read what they
 * sign and an auditor what was signed:
 *
 *     golive sign-off statement
 *     project: Upgrade to Odoo 19 (Hollenbach Feinkost GmbH)
 *     signatory: golive-sponsor
 *     role: Client sponsor
 *     name: Hanna Gortz
 *     decision: conditional
 *     condition: Invoices re-checked on Monday      (one line per condition)
 *     date: 2026-03-19
 *     time: 2026-03-19T17:05:00+01:00
 *     run: runs/golive.yaml
 *     run lines: 1-41
 *     run sha256: 64 hex digits                     (of those lines, as bytes)
 *     build manifest sha256: 64 hex digits          (with golive sign --build)
 *     document: runbook.pdf 64 hex digits           (one line per document)
 *
 * The run's lines are the record up to that moment: `head -n 41 RUN |
 * sha256sum` prints the hash. */
#ifndef GOLIVE_SIGNOFF_STATEMENT_H
#define GOLIVE_SIGNOFF_STATEMENT_H

#include "buffer.h"
#include "diag.h"
#include "model.h"

#include <stdbool.h>

#define SIGNOFF_STATEMENT_TITLE "golive sign-off statement"

struct signoff_statement {
    char *project, *signatory, *role, *name, *decision, *date, *time, *run, *run_sha256;
    char *manifest_sha256; /* NULL when no build was named */
    struct text_list conditions;
    struct text_list documents; /* "NAME SHA256" */
    unsigned run_lines;
    char sha256[65]; /* of the statement's text, when read */
};

void signoff_statement_format(const struct signoff_statement *statement, struct buffer *out);
/* signoff_statement_parse: reads a statement; reports at path:line what is
 * not one and returns false. */
bool signoff_statement_parse(const char *path, const char *text, size_t length,
                             struct signoff_statement *out, struct diag_sink *sink);
void signoff_statement_free(struct signoff_statement *statement);

/* signoff_statement_project: how the statement names a project (caller frees). */
char *signoff_statement_project(const struct project *project);

#endif
