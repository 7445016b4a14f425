/* golive sign's electronic signatures: --key (golive signs), --request
 * (golive writes the statement for the signatory to sign with minisign)
 * and --signature (golive records a statement signed elsewhere). */
#ifndef GOLIVE_CLI_SIGN_SIGNATURE_H
#define GOLIVE_CLI_SIGN_SIGNATURE_H

#include "diag.h"
#include "recording.h"
#include "run_append.h"
#include "signoff_statement.h"

#include <stdbool.h>

struct sign_signature {
    const char *key_file, *passphrase_fd, *signature_file, *build_folder; /* options */
    bool request;
    char *statement_path, *signature_path;         /* the files, as golive opens them */
    char *statement_relative, *signature_relative; /* as the record names them */
    bool wrote;                                    /* golive wrote them (removed on failure) */
    struct signoff_statement statement;            /* --signature: as read */
    char now[40];                                  /* --signature: the statement's time */
};

/* sign_signature_read: with --signature, reads the signed statement and
 * fills the sign-off's fields from it (those given on the command line
 * must agree). A no-op otherwise. */
bool sign_signature_read(struct sign_signature *signing, const struct recording *recording,
                         const char *run, struct signoff_fields *fields, struct diag_sink *sink);

/* sign_signature_prepare: refuses a sign-off in ink for a signatory with a
 * key; with --key writes the statement and its signature; with --request
 * writes the statement only. Then fields name the files. */
bool sign_signature_prepare(struct sign_signature *signing, const struct recording *recording,
                            const char *run, struct signoff_fields *fields, struct diag_sink *sink);

/* sign_signature_abandon: removes the files golive wrote (the record failed). */
void sign_signature_abandon(struct sign_signature *signing);
void sign_signature_free(struct sign_signature *signing);

#endif
