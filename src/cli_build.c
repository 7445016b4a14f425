/* golive build: the engagement's documents, in Markdown and PDF. */
#include "cli.h"

#include "build.h"
#include "exit_status.h"
#include "schema.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a comma-separated list of choices into a set; reports an unknown
 * one as a usage error. Returns -1 on success, else the exit status. */
static int read_choices(const struct cli_command *command, const char *option, const char *list,
                        const char *const *choices, unsigned *set)
{
    *set = 0;
    size_t count = 0;
    while (choices[count])
        count++;
    for (const char *at = list; *at;) {
        size_t length = strcspn(at, ",");
        char word[64];
        snprintf(word, sizeof word, "%.*s", (int)length, at);
        int index = schema_choice_index(choices, word);
        if (index < 0) {
            char hint[96];
            return cli_usage_error(command, "%s: unknown '%s'%s", option, word,
                                   suggest_hint(word, choices, count, hint, sizeof hint));
        }
        *set |= 1u << index;
        at += length + (at[length] == ',');
    }
    return *set ? -1 : cli_usage_error(command, "%s needs at least one name", option);
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org): seconds since 1970, digits only. */
static int read_source_date(const struct cli_command *command, struct build_options *options)
{
    const char *text = getenv("SOURCE_DATE_EPOCH");
    if (!text || !*text)
        return -1;
    char *end;
    long long seconds = strtoll(text, &end, 10);
    if (*end || seconds < 0 || strspn(text, "0123456789") != strlen(text))
        return cli_usage_error(command, "SOURCE_DATE_EPOCH must be a number of seconds, not '%s'",
                               text);
    options->has_source_date = true;
    options->source_date = seconds;
    return -1;
}

static const char *const formats[] = {"md", "pdf", NULL};
static const char *const papers[] = {"a4", "letter", NULL};

static int read_options(const struct cli_invocation *invocation, struct build_options *options)
{
    const struct cli_command *command = cli_invocation_command(invocation);
    const char *only = cli_value(invocation, "only");
    const char *format = cli_value(invocation, "format");
    const char *paper = cli_value(invocation, "paper");
    unsigned set = 3;
    int status = -1;
    if (only)
        status = read_choices(command, "--only", only, schema_artifacts, &options->only);
    if (status < 0 && format)
        status = read_choices(command, "--format", format, formats, &set);
    if (status < 0 && paper && schema_choice_index(papers, paper) < 0)
        status = cli_usage_error(command, "--paper must be a4 or letter, not '%s'", paper);
    options->markdown = set & 1u;
    options->pdf = set & 2u;
    options->paper =
        paper && strcmp(paper, "letter") == 0 ? TYPESET_PAPER_LETTER : TYPESET_PAPER_A4;
    return status < 0 ? read_source_date(command, options) : status;
}

static int command_build(const struct cli_invocation *invocation)
{
    struct build_options options = {
        .project_path = cli_argument(invocation, 0),
        .output_folder = cli_value(invocation, "output") ? cli_value(invocation, "output") : "out",
        .data_folder = cli_data_folder(),
        .version = GOLIVE_VERSION,
        .language = cli_value(invocation, "language"),
    };
    int status = read_options(invocation, &options);
    const char *dump = cli_value(invocation, "dump");
    if (status < 0 && dump && strcmp(dump, "view") != 0)
        status = cli_usage_error(cli_invocation_command(invocation),
                                 "--dump can show only 'view', not '%s'", dump);
    if (status >= 0)
        return status;
    struct buffer view = {0};
    options.dump_view = dump ? &view : NULL;
    struct build_summary summary = {0};
    options.summary = &summary;
    struct diag_sink *sink = diag_sink_new();
    bool built = cli_require_data(sink) && build_engagement(&options, sink);
    if (built && dump)
        fwrite(view.data, 1, view.length, stdout);
    buffer_free(&view);
    status = cli_finish(sink);
    if (built && !dump && status == EXIT_STATUS_OK && !cli_flag(invocation, "quiet"))
        printf("golive build: wrote %zu file%s and MANIFEST into '%s' (inputs %s)\n", summary.files,
               summary.files == 1 ? "" : "s", options.output_folder, summary.fingerprint);
    return status;
}

static const struct cli_option build_options[] = {
    {"output", 'o', CLI_VALUE, "DIR", "the folder to write into (default: out)"},
    {"only", 0, CLI_VALUE, "LIST", "some of: audit,preflight,runbook,signoff,contacts,closeout"},
    {"format", 0, CLI_VALUE, "LIST", "md, pdf or md,pdf (default: both)"},
    {"paper", 0, CLI_VALUE, "SIZE", "a4 (default) or letter"},
    {"language", 0, CLI_VALUE, "CODE", "the documents' language, over the project's: en, de, fr"},
    {"dump", 0, CLI_VALUE, "view", "print the data templates see, as YAML; write nothing"},
    {"quiet", 'q', CLI_FLAG, NULL, "print nothing on success"},
    {0},
};

const struct cli_command cli_build_command = {
    .name = "build",
    .synopsis = "PROJECT.yaml [-o DIR] [--only LIST] [--format md,pdf] [--paper a4|letter]\n"
                "                    [--language CODE] [--dump view]",
    .summary = "write the engagement's documents in Markdown and PDF",
    .description = "Validates and evaluates the engagement, renders each document the project\n"
                   "lists from its template, typesets it, and only then writes them all into DIR\n"
                   "with a MANIFEST of the SHA-256 of every input and document. On any error no\n"
                   "file in DIR changes. The same inputs give the same bytes: dates come from the\n"
                   "project's document date, or SOURCE_DATE_EPOCH, never from the clock.\n"
                   "Templates: the project's 'templates' folder first, then the shipped ones\n"
                   "(GOLIVE_DATADIR/templates, overridable with the GOLIVE_DATADIR variable).",
    .options = build_options,
    .minimum_arguments = 1,
    .maximum_arguments = 1,
    .execute = command_build,
};
