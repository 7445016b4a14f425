/* golive verify: does an archived build still match its manifest? */
#include "cli.h"

#include "diag.h"
#include "exit_status.h"
#include "verify.h"
#include "verify_records.h"

#include <stdio.h>

static int command_verify(const struct cli_invocation *invocation)
{
    struct diag_sink *sink = diag_sink_new();
    const char *folder = cli_argument(invocation, 0);
    verify_folder_with_data(folder, cli_data_folder(), sink);
    verify_records(folder, stdout, sink);
    int status = cli_finish(sink);
    if (status == EXIT_STATUS_OK && !cli_flag(invocation, "quiet"))
        printf("golive verify: '%s' matches its MANIFEST\n", folder);
    return status;
}

static const struct cli_option verify_options[] = {
    {"quiet", 'q', CLI_FLAG, NULL, "print nothing on success"},
    {0},
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
        "Exit status 0 with a one-line summary when everything holds (-q: nothing\n"
        "but what the signatures cover); 6 when a document or input differs; 1 when\n"
        "a record or signature does not hold.",
    .options = verify_options,
    .minimum_arguments = 1,
    .maximum_arguments = 1,
    .execute = command_verify,
};
