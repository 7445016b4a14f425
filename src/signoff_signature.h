/* Checking electronic sign-offs: a sign-off of a signatory who declares a
 * key must carry a statement and its minisign signature by that key, and
 * the statement must say what the record says and cover this run as it is
 * above the record. docs/signing.md tells the whole story. */
#ifndef GOLIVE_SIGNOFF_SIGNATURE_H
#define GOLIVE_SIGNOFF_SIGNATURE_H

#include "diag.h"
#include "model.h"
#include "signature_minisign.h"
#include "signoff_statement.h"

#include <stdbool.h>

/* What a signature is checked against. */
struct signoff_context {
    const struct project *project;
    const char *root; /* the project's folder */
    const char *run_path;
    const char *run_text; /* the run as read */
    size_t run_length;
    unsigned record_line; /* the sign-off's line; 0 before it is appended */
};

/* signoff_signature_check: checks the statement at statement_path, signed
 * by signature_path, for signatory. On success fills *statement (caller
 * frees) and key_id and returns true; otherwise reports at `at`. */
bool signoff_signature_check(const struct signoff_context *context,
                             const struct signatory *signatory, const char *statement_path,
                             const char *signature_path, struct source_position at,
                             struct signoff_statement *statement, char key_id[MINISIGN_KEY_ID_HEX],
                             struct diag_sink *sink);

/* signoff_signature_check_run: checks every sign-off of run (text is the
 * run file as read) and marks those whose signature holds. */
void signoff_signature_check_run(const struct signoff_context *context, struct run *run,
                                 struct diag_sink *sink);

/* signoff_signature_load_key: reads a signatory's public key; false after
 * reporting. */
bool signoff_signature_load_key(const struct signatory *signatory, struct minisign_public_key *key,
                                struct diag_sink *sink);

/* signoff_signature_run_prefix: the SHA-256 of the first lines of text;
 * false when the text has fewer complete lines. */
bool signoff_signature_run_prefix(const char *text, size_t length, unsigned lines, char hex[65]);

#endif
