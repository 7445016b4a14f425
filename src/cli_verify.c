/* golive verify: does an archived build still match its manifest? */
#include "cli.h"

#include "diag.h"
#include "verify.h"
#include "verify_records.h"

#include <stdio.h>

static int run_verify(const struct cli_invocation *invocation)
{
    struct diag_sink *sink = diag_sink_new();
    verify_folder(cli_argument(invocation, 0), sink);
    verify_records(cli_argument(invocation, 0), stdout, sink);
    return cli_finish(sink);
}

static const struct cli_option verify_options[] = {
    { 0 },
};

const struct cli_command cli_verify_command = {
    .name = "verify",
    .synopsis = "DIR",
    .summary = "check an archived build: manifest, records, signatures, attachments, issued",
    .description =
        "Reads DIR/MANIFEST, written by golive build, and checks every document it lists\n"
        "by its SHA-256: each one changed or missing is reported, and so is each file in\n"
        "DIR that the manifest does not list. The inputs are checked too, where they\n"
        "still are (paths are relative to DIR); an input that is gone is a warning.\n"
        "The project among the inputs is loaded again: every run's record chain and\n"
        "every signed sign-off is checked against the signatories' keys (an error names\n"
        "the file and line), and what each signature covers is printed: signatory,\n"
        "decision, time, key, the run's lines and the build's documents.\n"
        "Exit status 0 when everything holds; 6 when a document or input differs; 1 when\n"
        "a record or signature does not hold.",
    .options = verify_options,
    .minimum_arguments = 1,
    .maximum_arguments = 1,
    .run = run_verify,
};
