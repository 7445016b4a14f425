/* golive check: validate input files and report every problem found. */
#include "cli.h"

#include "diag.h"
#include "evaluate.h"
#include "exit_status.h"
#include "model_load.h"

#include <stdio.h>

static int command_check(const struct cli_invocation *invocation)
{
    struct diag_sink *sink = diag_sink_new();
    /* A project is evaluated too: evaluation's warnings (an audit verdict
     * better than its findings, a downtime that ends before it starts)
     * belong to checking as much as to building. */
    for (size_t index = 0; index < cli_argument_count(invocation); index++) {
        struct model *model = model_check_project(cli_argument(invocation, index), sink);
        if (model)
            evaluate_model(model, sink);
        model_free(model);
    }
    return cli_finish(sink);
}

static const struct cli_option check_options[] = {
    {0},
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
    .execute = command_check,
};
