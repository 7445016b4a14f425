/* golive md2pdf: the typesetter alone, for any CommonMark/GFM document. */
#include "cli.h"

#include "path.h"

#include "alloc.h"
#include "buffer.h"
#include "build_words.h"
#include "diag.h"
#include "exit_status.h"
#include "file_io.h"
#include "typeset.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil), so that no time zone or locale is consulted. */
static int64_t days_from_civil(int64_t year, unsigned month, unsigned day)
{
    year -= month <= 2;
    int64_t era = (year >= 0 ? year : year - 399) / 400;
    unsigned year_of_era = (unsigned)(year - era * 400);
    unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + (int64_t)day_of_era - 719468;
}

/* Reads YYYY-MM-DD, optionally followed by THH:MM[:SS] and Z or +HH:MM /
 * -HH:MM (UTC when no offset is given), into seconds since the epoch. */
static bool parse_date(const char *text, int64_t *epoch)
{
    unsigned year, month, day, hour = 0, minute = 0, second = 0, offset_hour = 0, offset_minute = 0;
    int used = 0;
    if (sscanf(text, "%4u-%2u-%2u%n", &year, &month, &day, &used) != 3 || used != 10)
        return false;
    const char *rest = text + used;
    if (*rest == 'T') {
        int time_used = 0;
        if (sscanf(rest, "T%2u:%2u%n", &hour, &minute, &time_used) != 2)
            return false;
        rest += time_used;
        if (*rest == ':' && sscanf(rest, ":%2u%n", &second, &time_used) == 1)
            rest += time_used;
    }
    int sign = 0;
    if (*rest == 'Z')
        rest++;
    else if ((*rest == '+' || *rest == '-') &&
             sscanf(rest + 1, "%2u:%2u", &offset_hour, &offset_minute) == 2) {
        sign = *rest == '+' ? 1 : -1;
        rest += 6;
    }
    if (*rest || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
        second > 60 || offset_hour > 23 || offset_minute > 59)
        return false;
    *epoch = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
             sign * (int64_t)(offset_hour * 3600 + offset_minute * 60);
    return true;
}

static bool parse_epoch(const char *text, int64_t *epoch)
{
    char *end;
    errno = 0;
    long long value = strtoll(text, &end, 10);
    if (errno || end == text || *end || value < 0)
        return false;
    *epoch = value;
    return true;
}

/* The creation date: --date, else SOURCE_DATE_EPOCH, else the fixed default. */
static int creation_time(const struct cli_invocation *invocation, int64_t *epoch)
{
    const struct cli_command *command = cli_invocation_command(invocation);
    const char *date = cli_value(invocation, "date");
    const char *environment = getenv("SOURCE_DATE_EPOCH");
    *epoch = TYPESET_DEFAULT_EPOCH;
    if (date && !parse_date(date, epoch))
        return cli_usage_error(command,
                               "--date '%s' is not a date such as 2026-03-20 or "
                               "2026-03-20T14:00:00+01:00",
                               date);
    if (!date && environment && *environment && !parse_epoch(environment, epoch))
        return cli_usage_error(command, "SOURCE_DATE_EPOCH='%s' is not a count of seconds",
                               environment);
    return -1;
}

static int read_options(const struct cli_invocation *invocation, struct typeset_options *options)
{
    const struct cli_command *command = cli_invocation_command(invocation);
    typeset_options_init(options);
    const char *paper = cli_value(invocation, "paper");
    if (paper && strcmp(paper, "letter") == 0)
        options->paper = TYPESET_PAPER_LETTER;
    else if (paper && strcmp(paper, "a4") != 0)
        return cli_usage_error(command, "--paper must be a4 or letter, not '%s'", paper);
    uint32_t colour;
    const char *accent = cli_value(invocation, "accent");
    if (accent && !typeset_parse_colour(accent, &colour))
        return cli_usage_error(command, "--accent must be a colour such as #1F3A5F, not '%s'",
                               accent);
    const char *dump = cli_value(invocation, "dump");
    if (dump && strcmp(dump, "layout") != 0)
        return cli_usage_error(command, "--dump knows only 'layout', not '%s'", dump);
    options->accent_colour = accent;
    options->title = cli_value(invocation, "title");
    options->subtitle = cli_value(invocation, "subtitle");
    options->client = cli_value(invocation, "client");
    options->version = cli_value(invocation, "doc-version");
    options->classification = cli_value(invocation, "classification");
    options->footer_note = cli_value(invocation, "footer-note");
    options->author = cli_value(invocation, "author");
    options->subject = cli_value(invocation, "subject");
    options->logo_path = cli_value(invocation, "logo");
    options->draft = cli_flag(invocation, "draft");
    return creation_time(invocation, &options->creation_time);
}

/* The typesetter's words (DRAFT, Page N of M, the signature labels) from
 * the shipped catalog of code, as golive build takes them; a language
 * golive ships no catalog for keeps the English words. */
static bool load_words(const char *code, struct language *language, struct typeset_words *words,
                       struct diag_sink *sink)
{
    struct buffer folder = {0}, catalog = {0};
    buffer_printf(&folder, "%s/templates/lang", cli_data_folder());
    buffer_printf(&catalog, "%s/%s.yaml", buffer_text(&folder), code);
    bool shipped = !strchr(code, '/') && file_exists_regular(buffer_text(&catalog));
    struct language_request request = {.code = code,
                                       .code_position = source_position_of_file(NULL),
                                       .shipped_folder = buffer_text(&folder)};
    bool ok = !shipped || language_load(language, &request, sink);
    if (shipped && ok)
        *words = build_words(language);
    buffer_free(&folder);
    buffer_free(&catalog);
    return ok;
}

/* IN.md gives IN.pdf; any other name gets .pdf added. */
static char *default_output(const char *input)
{
    size_t length = strlen(input);
    struct buffer name = {0};
    bool markdown = length > 3 && strcmp(input + length - 3, ".md") == 0;
    buffer_append(&name, input, markdown ? length - 3 : length);
    buffer_append_text(&name, ".pdf");
    return buffer_release(&name);
}

static int command_md2pdf(const struct cli_invocation *invocation)
{
    struct typeset_options options;
    int status = read_options(invocation, &options);
    if (status >= 0)
        return status;
    const char *input = cli_argument(invocation, 0);
    const char *output = cli_value(invocation, "output");
    char *chosen_output = output ? NULL : default_output(input);
    char *folder = path_folder_of(input);
    char *text = NULL;
    size_t length = 0;
    struct buffer result = {0};
    struct diag_sink *sink = diag_sink_new();
    struct buffer fonts = {0};
    struct language language_words = {0};
    struct typeset_words words = {0};
    buffer_printf(&fonts, "%s/fonts", cli_data_folder());
    options.source_name = input;
    options.base_folder = folder;
    options.font_folder = buffer_text(&fonts);
    const char *language = cli_value(invocation, "language");
    options.hyphenator = typeset_hyphenator_new(language ? language : "en");
    options.language = language; /* also the PDF's /Lang */
    options.words = &words;
    if (!cli_require_data(sink) ||
        !load_words(language ? language : "en", &language_words, &words, sink) ||
        !file_read(input, source_position_of_file(input), sink, &text, &length))
        goto cleanup;
    if (cli_value(invocation, "dump")) {
        if (typeset_layout_dump(text, length, &options, &result, sink))
            fwrite(result.data, 1, result.length, stdout);
    } else if (typeset_pdf(text, length, &options, &result, sink)) {
        file_write_output(output ? output : chosen_output, result.data, result.length, sink);
    }
cleanup:
    diag_print(sink, stderr);
    status = diag_exit_status(sink);
    diag_sink_free(sink);
    buffer_free(&result);
    buffer_free(&fonts);
    typeset_hyphenator_free(options.hyphenator);
    language_free(&language_words);
    free(text);
    free(folder);
    free(chosen_output);
    return status;
}

static const struct cli_option md2pdf_options[] = {
    {"output", 'o', CLI_VALUE, "FILE",
     "write the PDF here; '-' is standard output (default: IN with .pdf for .md)"},
    {"paper", 0, CLI_VALUE, "SIZE", "a4 (default) or letter"},
    {"title", 0, CLI_VALUE, "TEXT",
     "running header title (default: the cover's title or first heading)"},
    {"subtitle", 0, CLI_VALUE, "TEXT", "running header subtitle"},
    {"client", 0, CLI_VALUE, "TEXT", "client name, right of the running header"},
    {"doc-version", 0, CLI_VALUE, "TEXT", "document version, in the footer"},
    {"classification", 0, CLI_VALUE, "TEXT", "classification, in the footer"},
    {"footer-note", 0, CLI_VALUE, "TEXT", "a note centred in the footer"},
    {"author", 0, CLI_VALUE, "TEXT", "the PDF's Author"},
    {"subject", 0, CLI_VALUE, "TEXT", "the PDF's Subject"},
    {"date", 0, CLI_VALUE, "DATE", "creation date, YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM]"},
    {"accent", 0, CLI_VALUE, "#RRGGBB", "accent colour of headings and rules"},
    {"logo", 0, CLI_VALUE, "FILE", "PNG or JPEG logo for the cover page"},
    {"draft", 0, CLI_FLAG, NULL, "a DRAFT watermark on every page, in the language's word"},
    {"language", 0, CLI_VALUE, "CODE",
     "the text's language: hyphenation patterns, the PDF's /Lang, and for en, de, fr the "
     "words of the draft mark, page numbers and labels; en (default), de, fr ..."},
    {"dump", 0, CLI_VALUE, "WHAT", "print a stage instead: 'layout' (every item's position)"},
    {0},
};

const struct cli_command cli_md2pdf_command = {
    .name = "md2pdf",
    .synopsis = "IN.md",
    .summary = "typeset a CommonMark/GFM Markdown file as a print-ready PDF",
    .description =
        "Typesets IN.md (CommonMark with GFM tables, task lists, strikethrough,\n"
        "autolinks and footnotes) as a PDF with running header and footer, bookmarks,\n"
        "clickable links and embedded fonts. HTML comments of the form <!-- golive:NAME ... --> "
        "are print\n"
        "directives (pagebreak, signature, cover, draft, notes, table, matrix, timeline,\n"
        "qr, keep, keep-end and toc; see docs/typesetting.md);\n"
        "any other raw HTML is shown as literal text. Images are read only from IN's\n"
        "folder and below. The creation date comes from --date, else SOURCE_DATE_EPOCH,\n"
        "else 1970-01-01: the same input and options always give the same bytes.",
    .options = md2pdf_options,
    .minimum_arguments = 1,
    .maximum_arguments = 1,
    .execute = command_md2pdf,
};
