/* golive verify's second half: the engagement behind an archived build.
 * The project among the manifest's inputs is loaded again, which checks
 * every run's record chain and every signed sign-off against the declared
 * keys (reported at file:line); then what each signature covers is
 * printed. */
#ifndef GOLIVE_VERIFY_RECORDS_H
#define GOLIVE_VERIFY_RECORDS_H

#include "diag.h"

#include <stdio.h>

/* verify_records: checks the records and signatures of the project the
 * build in folder was made from, and writes to out what each valid
 * signature covers. Quiet when the manifest names no project that is
 * still there (verify_folder reports that). */
void verify_records(const char *folder, FILE *out, struct diag_sink *sink);

#endif
