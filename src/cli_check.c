/* golive check: validate input files and report every problem found. */
#include "cli.h"

#include "diag.h"
#include "exit_status.h"
#include "model_load.h"

#include <stdio.h>

static int run_check(const struct cli_invocation *invocation)
{
    struct diag_sink *sink = diag_sink_new();
    for (size_t index = 0; index < cli_argument_count(invocation); index++) {
        model_check_file(cli_argument(invocation, index), sink);
    }
    return cli_finish(sink);
}

static const struct cli_option check_options[] = {
    { 0 },
};

const struct cli_command cli_check_command = {
    .name = "check",
    .synopsis = "FILE...",
    .summary = "validate input files; report every error with file:line:column",
    .description =
        "Reads each FILE (a project, checklist, run, audit or inventory file) and reports every\n"
        "problem found as 'file:line:column: error: message' on stderr. A project file\n"
        "is checked together with every file it names. Prints nothing when all is well.",
    .options = check_options,
    .minimum_arguments = 1,
    .maximum_arguments = (size_t)-1,
    .run = run_check,
};
