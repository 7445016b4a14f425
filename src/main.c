/* golive's entry point: finds the command and hands it the rest of argv. */
#include "cli.h"
#include "exit_status.h"
#include "suggest.h"

#include <stdio.h>
#include <string.h>

#ifndef GOLIVE_VERSION
#define GOLIVE_VERSION "unknown"
#endif

static const struct cli_command *const commands[] = {
    &cli_build_command,  &cli_check_command, &cli_new_command,    &cli_list_command,
    &cli_status_command, &cli_mark_command,  &cli_sign_command,   &cli_verify_command,
    &cli_key_command,    &cli_issue_command, &cli_render_command, &cli_md2pdf_command,
    &cli_import_command, &cli_plan_command,
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void print_overview(FILE *stream)
{
    fprintf(stream, "Usage: golive COMMAND [ARGUMENTS...]\n"
                    "       golive COMMAND --help\n"
                    "       golive --version\n\n"
                    "golive turns checklists and runbooks written in YAML, and the results of\n"
                    "carrying them out, into signed-off Markdown and PDF documents.\n\n"
                    "Commands:\n");
    for (size_t index = 0; index < COMMAND_COUNT; index++)
        fprintf(stream, "  %-9s %s\n", commands[index]->name, commands[index]->summary);
    fprintf(stream, "\nExit status:\n"
                    "  0   success\n"
                    "  1   invalid input: an input file is wrong (nothing was written)\n"
                    "  2   usage error: the command line is wrong\n"
                    "  3   I/O failure: a file could not be read or written\n"
                    "  4   status --gate MOMENT: that gate is NOT READY\n"
                    "  5   status --gate MOMENT: a decision or a required sign-off says no\n"
                    "  6   verify: the folder differs from its manifest\n"
                    "  70  internal failure (out of memory, or a bug in golive)\n\n"
                    "The manual is golive(1); the file formats are in docs/format.md.\n");
}

static const char *command_names[COMMAND_COUNT];

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_overview(stderr);
        return EXIT_STATUS_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        print_overview(stdout);
        return EXIT_STATUS_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("golive %s\n", GOLIVE_VERSION);
        return EXIT_STATUS_OK;
    }
    for (size_t index = 0; index < COMMAND_COUNT; index++) {
        if (strcmp(commands[index]->name, name) == 0)
            return cli_run(commands[index], argc - 2, argv + 2);
        command_names[index] = commands[index]->name;
    }
    const char *closest = suggest_closest(name, command_names, COMMAND_COUNT);
    if (closest)
        fprintf(stderr, "golive: unknown command '%s'; did you mean '%s'?\n", name, closest);
    else
        fprintf(stderr, "golive: unknown command '%s'\n", name);
    fprintf(stderr, "Try 'golive --help'.\n");
    return EXIT_STATUS_USAGE;
}
