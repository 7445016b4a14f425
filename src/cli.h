/* The command line: each golive command declares its options as data, one
 * parser reads them all, and --help is generated from the same table, so the
 * help cannot drift from what the parser accepts. */
#ifndef GOLIVE_CLI_H
#define GOLIVE_CLI_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

enum cli_option_kind {
    CLI_FLAG,     /* a switch without a value */
    CLI_VALUE,    /* --output FILE, given at most once */
    CLI_REPEATED, /* --data FILE, as often as wanted */
};

struct cli_option {
    const char *name; /* long name without the dashes */
    char short_name;  /* 0 for none */
    enum cli_option_kind kind;
    const char *value_name; /* FILE, DIR, LIST ... for --help */
    const char *help;
};

struct cli_invocation;

struct cli_command {
    const char *name;
    const char *synopsis;             /* arguments after the name, for the usage line */
    const char *summary;              /* one line for `golive --help` */
    const char *description;          /* paragraphs for `golive NAME --help` */
    const struct cli_option *options; /* ends with a zeroed entry */
    size_t minimum_arguments, maximum_arguments;
    /* execute: carries the command out; returns an exit status (exit_status.h).
     * ("run" in golive's code means a run file, never a command.) */
    int (*execute)(const struct cli_invocation *invocation);
};

/* Reading a parsed command line. Option names are long names. */
size_t cli_argument_count(const struct cli_invocation *invocation);
const char *cli_argument(const struct cli_invocation *invocation, size_t index);
bool cli_flag(const struct cli_invocation *invocation, const char *name);
/* cli_value: the value of a CLI_VALUE option, or NULL if not given. */
const char *cli_value(const struct cli_invocation *invocation, const char *name);
/* cli_recorded_by: who records (mark's and its conditions' --by), or the
 * non-empty GOLIVE_BY, or NULL. */
const char *cli_recorded_by(const struct cli_invocation *invocation);
/* cli_values: every value of a CLI_REPEATED option, in order. */
const char *const *cli_values(const struct cli_invocation *invocation, const char *name,
                              size_t *count);
/* cli_value_places: where each value of an option stands among the command
 * line's words, in the order of cli_values: for options that apply to the
 * option before them (sign's --owner and --due to its --condition). */
const size_t *cli_value_places(const struct cli_invocation *invocation, const char *name,
                               size_t *count);
const struct cli_command *cli_invocation_command(const struct cli_invocation *invocation);

/* cli_usage_error: prints "golive NAME: message" and a pointer to --help;
 * returns EXIT_STATUS_USAGE for the caller to return. */
int cli_usage_error(const struct cli_command *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* cli_run: parses argv (after the command name) against command's options
 * and runs it. Handles --help. Returns the exit status. */
int cli_run(const struct cli_command *command, int argc, char **argv);

/* cli_finish: prints the sink's diagnostics on stderr, frees the sink and
 * returns the exit status they make: how every command ends. */
int cli_finish(struct diag_sink *sink);

/* cli_data_folder: where the shipped templates/, checklists/ and fonts/
 * are: $GOLIVE_DATADIR when set; else ../share/golive beside the running
 * binary when it holds them (an installed golive, wherever it was moved);
 * else the folder compiled in (the source tree). The result is in a static
 * buffer, valid until the next call. */
const char *cli_data_folder(void);

/* cli_require_data: whether cli_data_folder holds the data; when not,
 * records DIAG_DATA_MISSING naming every place it looked. For every
 * command that needs templates, checklists or fonts. */
bool cli_require_data(struct diag_sink *sink);

/* The commands, one per cli_NAME.c file. */
extern const struct cli_command cli_check_command;
extern const struct cli_command cli_mark_command;
extern const struct cli_command cli_sign_command;
extern const struct cli_command cli_status_command;
extern const struct cli_command cli_verify_command;
extern const struct cli_command cli_key_command;
extern const struct cli_command cli_issue_command;
extern const struct cli_command cli_build_command;
extern const struct cli_command cli_new_command;
extern const struct cli_command cli_list_command;
extern const struct cli_command cli_render_command;
extern const struct cli_command cli_md2pdf_command;
extern const struct cli_command cli_import_command;
extern const struct cli_command cli_plan_command;

#endif
