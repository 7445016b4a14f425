/* The option parser shared by every command, and generated help. */
#include "cli.h"

#include "alloc.h"
#include "exit_status.h"
#include "suggest.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct option_values {
    const char **values;
    size_t *places; /* each value's place among the command line's words */
    size_t count, capacity, places_capacity;
};

struct cli_invocation {
    const struct cli_command *command;
    const char **arguments;
    size_t argument_count, argument_capacity;
    struct option_values *options; /* parallel to command->options */
    size_t option_count;
};

static size_t count_options(const struct cli_option *options)
{
    size_t count = 0;
    while (options && options[count].name)
        count++;
    return count;
}

static const struct cli_option *option_named(const struct cli_invocation *invocation,
                                             const char *name, size_t *index)
{
    for (size_t at = 0; at < invocation->option_count; at++) {
        if (strcmp(invocation->command->options[at].name, name) == 0) {
            *index = at;
            return &invocation->command->options[at];
        }
    }
    fatal_internal("option --%s is not declared by its command", name);
}

size_t cli_argument_count(const struct cli_invocation *invocation)
{
    return invocation->argument_count;
}

const char *cli_argument(const struct cli_invocation *invocation, size_t index)
{
    return invocation->arguments[index];
}

bool cli_flag(const struct cli_invocation *invocation, const char *name)
{
    size_t index;
    option_named(invocation, name, &index);
    return invocation->options[index].count > 0;
}

const char *cli_value(const struct cli_invocation *invocation, const char *name)
{
    size_t index;
    option_named(invocation, name, &index);
    const struct option_values *values = &invocation->options[index];
    return values->count ? values->values[values->count - 1] : NULL;
}

const char *cli_recorded_by(const struct cli_invocation *invocation)
{
    const char *by = cli_value(invocation, "by");
    const char *variable = getenv("GOLIVE_BY");
    return by ? by : variable && *variable ? variable : NULL;
}

const char *const *cli_values(const struct cli_invocation *invocation, const char *name,
                              size_t *count)
{
    size_t index;
    option_named(invocation, name, &index);
    *count = invocation->options[index].count;
    return invocation->options[index].values;
}

const size_t *cli_value_places(const struct cli_invocation *invocation, const char *name,
                               size_t *count)
{
    size_t index;
    option_named(invocation, name, &index);
    *count = invocation->options[index].count;
    return invocation->options[index].places;
}

const struct cli_command *cli_invocation_command(const struct cli_invocation *invocation)
{
    return invocation->command;
}

int cli_usage_error(const struct cli_command *command, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    fprintf(stderr, "golive %s: ", command->name);
    vfprintf(stderr, format, arguments);
    fprintf(stderr, "\nTry 'golive %s --help'.\n", command->name);
    va_end(arguments);
    return EXIT_STATUS_USAGE;
}

static void add_value(struct option_values *values, const char *value, int place)
{
    values->values = xgrow(values->values, &values->capacity, values->count + 1, sizeof(char *));
    values->places =
        xgrow(values->places, &values->places_capacity, values->count + 1, sizeof(size_t));
    values->places[values->count] = (size_t)place;
    values->values[values->count++] = value;
}

static int unknown_option(const struct cli_command *command, const char *given)
{
    const char *names[64];
    size_t count = count_options(command->options);
    for (size_t index = 0; index < count && index < 64; index++)
        names[index] = command->options[index].name;
    const char *bare = given + strspn(given, "-");
    char stem[64];
    snprintf(stem, sizeof stem, "%.*s", (int)strcspn(bare, "="), bare);
    const char *closest = suggest_closest(stem, names, count < 64 ? count : 64);
    if (closest)
        return cli_usage_error(command, "unknown option '%s'; did you mean '--%s'?", given,
                               closest);
    return cli_usage_error(command, "unknown option '%s'", given);
}

/* Finds the option an argument names: "--name", "--name=value" or "-x". */
static const struct cli_option *match_option(const struct cli_command *command,
                                             const char *argument, size_t *index,
                                             const char **inline_value)
{
    *inline_value = NULL;
    size_t count = count_options(command->options);
    for (size_t at = 0; at < count; at++) {
        const struct cli_option *option = &command->options[at];
        if (argument[1] != '-') {
            if (option->short_name && argument[1] == option->short_name && argument[2] == '\0') {
                *index = at;
                return option;
            }
            continue;
        }
        size_t length = strlen(option->name);
        if (strncmp(argument + 2, option->name, length) != 0)
            continue;
        if (argument[2 + length] == '=')
            *inline_value = argument + 3 + length;
        else if (argument[2 + length] != '\0')
            continue;
        *index = at;
        return option;
    }
    return NULL;
}

/* Reads argv into invocation. Returns -1 on success, else an exit status. */
static int parse(struct cli_invocation *invocation, int argc, char **argv, bool *help)
{
    const struct cli_command *command = invocation->command;
    bool options_done = false;
    for (int at = 0; at < argc; at++) {
        const char *argument = argv[at];
        if (options_done || argument[0] != '-' || argument[1] == '\0') {
            invocation->arguments = xgrow(invocation->arguments, &invocation->argument_capacity,
                                          invocation->argument_count + 1, sizeof(char *));
            invocation->arguments[invocation->argument_count++] = argument;
            continue;
        }
        if (strcmp(argument, "--") == 0) {
            options_done = true;
            continue;
        }
        if (strcmp(argument, "--help") == 0 || strcmp(argument, "-h") == 0) {
            *help = true;
            return -1;
        }
        size_t index;
        const char *value;
        const struct cli_option *option = match_option(command, argument, &index, &value);
        if (!option)
            return unknown_option(command, argument);
        if (option->kind == CLI_FLAG) {
            if (value)
                return cli_usage_error(command, "option '--%s' takes no value", option->name);
            add_value(&invocation->options[index], "", at);
            continue;
        }
        if (!value) {
            if (at + 1 >= argc)
                return cli_usage_error(command, "option '%s' needs a value (%s)", argument,
                                       option->value_name);
            value = argv[++at];
        }
        if (option->kind == CLI_VALUE && invocation->options[index].count)
            return cli_usage_error(command, "option '--%s' is given twice", option->name);
        add_value(&invocation->options[index], value, at);
    }
    return -1;
}

static int check_argument_count(const struct cli_invocation *invocation)
{
    const struct cli_command *command = invocation->command;
    if (invocation->argument_count < command->minimum_arguments)
        return cli_usage_error(command, "missing argument; usage: golive %s %s", command->name,
                               command->synopsis);
    if (invocation->argument_count > command->maximum_arguments)
        return cli_usage_error(command, "unexpected argument '%s'; usage: golive %s %s",
                               invocation->arguments[command->maximum_arguments], command->name,
                               command->synopsis);
    return -1;
}

static void cli_print_help(const struct cli_command *command);

int cli_run(const struct cli_command *command, int argc, char **argv)
{
    struct cli_invocation invocation = {.command = command};
    invocation.option_count = count_options(command->options);
    invocation.options = xcalloc(invocation.option_count + 1, sizeof(struct option_values));
    bool help = false;
    int status = parse(&invocation, argc, argv, &help);
    if (status < 0 && help) {
        cli_print_help(command);
        status = EXIT_STATUS_OK;
    }
    if (status < 0)
        status = check_argument_count(&invocation);
    if (status < 0)
        status = command->execute(&invocation);
    for (size_t index = 0; index < invocation.option_count; index++) {
        free(invocation.options[index].values);
        free(invocation.options[index].places);
    }
    free(invocation.options);
    free(invocation.arguments);
    return status;
}

/* The full help of one command, to stdout. */
static void cli_print_help(const struct cli_command *command)
{
    printf("Usage: golive %s %s\n\n%s\n", command->name, command->synopsis, command->description);
    printf("\nOptions:\n");
    size_t count = count_options(command->options);
    for (size_t index = 0; index < count; index++) {
        const struct cli_option *option = &command->options[index];
        char left[64];
        if (option->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", option->short_name, option->name,
                     option->value_name ? " " : "", option->value_name ? option->value_name : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", option->name, option->value_name ? " " : "",
                     option->value_name ? option->value_name : "");
        printf("  %-26s %s\n", left, option->help);
    }
    printf("  %-26s %s\n", "-h, --help", "show this help and exit");
    printf("\nExit status: 0 success, 1 invalid input, 2 usage error, 3 I/O failure"
           " (see golive --help).\n");
}

/* The folders that may hold golive's data, in the order tried: only
 * $GOLIVE_DATADIR when it is set; else ../share/golive beside the running
 * binary (an installed or relocated golive), then the folder compiled in
 * (the source tree, for a binary run from its build folder). */
struct data_candidates {
    char paths[2][PATH_MAX];
    size_t count;
    bool from_variable; /* GOLIVE_DATADIR named the one place */
};

static void find_candidates(struct data_candidates *found)
{
    found->count = 0;
    const char *variable = getenv("GOLIVE_DATADIR");
    found->from_variable = variable && *variable;
    if (found->from_variable) {
        snprintf(found->paths[found->count++], PATH_MAX, "%s", variable);
        return;
    }
    char binary[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", binary, sizeof binary - 1);
    if (length > 0) {
        binary[length] = '\0';
        char *slash = strrchr(binary, '/');
        if (slash && slash != binary) {
            *slash = '\0';
            snprintf(found->paths[found->count++], PATH_MAX, "%.*s/../share/golive", PATH_MAX - 20,
                     binary);
        }
    }
    snprintf(found->paths[found->count++], PATH_MAX, "%s", GOLIVE_DATADIR);
}

static bool holds_data(const char *folder)
{
    static const char *const parts[] = {"templates", "checklists", "fonts"};
    for (size_t index = 0; index < 3; index++) {
        char path[PATH_MAX + 16];
        struct stat status;
        snprintf(path, sizeof path, "%s/%s", folder, parts[index]);
        if (stat(path, &status) != 0 || !S_ISDIR(status.st_mode))
            return false;
    }
    return true;
}

const char *cli_data_folder(void)
{
    static char chosen[PATH_MAX];
    struct data_candidates found;
    find_candidates(&found);
    size_t index = 0;
    while (index + 1 < found.count && !holds_data(found.paths[index]))
        index++;
    if (!holds_data(found.paths[index]))
        index = 0; /* none: messages name the first place looked */
    snprintf(chosen, sizeof chosen, "%s", found.paths[index]);
    return chosen;
}

bool cli_require_data(struct diag_sink *sink)
{
    struct data_candidates found;
    find_candidates(&found);
    for (size_t index = 0; index < found.count; index++)
        if (holds_data(found.paths[index]))
            return true;
    char looked[2 * PATH_MAX + 16];
    snprintf(looked, sizeof looked, "'%s'%s%s%s", found.paths[0], found.count > 1 ? " and '" : "",
             found.count > 1 ? found.paths[1] : "", found.count > 1 ? "'" : "");
    diag(sink, DIAG_DATA_MISSING, source_position_of_file(NULL),
         "golive's templates/, checklists/ and fonts/ are not in %s%s; install golive "
         "(cmake --install) or set GOLIVE_DATADIR to the folder holding them",
         looked, found.from_variable ? " (from GOLIVE_DATADIR)" : "");
    return false;
}

int cli_finish(struct diag_sink *sink)
{
    diag_print(sink, stderr);
    int status = diag_exit_status(sink);
    diag_sink_free(sink);
    return status;
}
