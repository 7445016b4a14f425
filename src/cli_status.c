/* golive status: the readiness dashboard in the terminal; with --gate, an
 * exit status a deploy script can trust. */
#include "cli.h"

#include "evaluate.h"
#include "exit_status.h"
#include "model_load.h"
#include "status_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
static bool want_colour(void)
{
    const char *no_colour = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_colour && no_colour[0]);
}

static int gate_status(enum readiness readiness)
{
    switch (readiness) {
    case READINESS_READY: return EXIT_STATUS_OK;
    case READINESS_NOT_READY: return EXIT_STATUS_NOT_READY;
    case READINESS_NO_GO: return EXIT_STATUS_NO_GO;
    }
    return EXIT_STATUS_NOT_READY;
}

static int run_status(const struct cli_invocation *invocation)
{
    struct diag_sink *sink = diag_sink_new();
    struct model *model = model_load(cli_argument(invocation, 0), sink);
    int status = diag_exit_status(sink);
    if (model && status == EXIT_STATUS_OK) {
        evaluate_model(model, sink);
        struct buffer report = { 0 };
        status_report(model, want_colour(), &report);
        fwrite(report.data, 1, report.length, stdout);
        buffer_free(&report);
        if (cli_flag(invocation, "gate"))
            status = gate_status(model->project->verdict.readiness);
    }
    diag_print(sink, stderr);
    model_free(model);
    diag_sink_free(sink);
    return status;
}

static const struct cli_option status_options[] = {
    { "gate", 0, CLI_FLAG, NULL, "exit 0 only when READY: 4 when NOT READY, 5 on ROLLBACK/NO-GO" },
    { 0 },
};

const struct cli_command cli_status_command = {
    .name = "status",
    .synopsis = "PROJECT.yaml [--gate]",
    .summary = "the readiness dashboard; --gate fails unless READY",
    .description =
        "Loads and evaluates the engagement and prints its readiness dashboard: the\n"
        "go-live verdict and why, approvals, counts per checklist, the next open\n"
        "blocking steps with their owners, stale evidence, and planned against actual\n"
        "time. Colours only on a terminal, and never with NO_COLOR set.\n\n"
        "With --gate the exit status says whether the go-live may proceed: 0 READY,\n"
        "4 NOT READY, 5 ROLLBACK/NO-GO (and 1 when an input is invalid). A deploy\n"
        "script can run 'golive status project.yaml --gate && deploy'.",
    .options = status_options,
    .minimum_arguments = 1,
    .maximum_arguments = 1,
    .run = run_status,
};
