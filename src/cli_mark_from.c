/* golive mark RUN --from FILE: a filled printed sheet, typed in as one line
 * per ticked line, checked whole and appended at once. */
#include "cli_mark_from.h"

#include "cli_mark_evidence.h"
#include "cli_mark_sheet_qr.h"

#include "alloc.h"
#include "file_io.h"
#include "model_checklist.h"
#include "model_project.h"
#include "recording.h"
#include "run_append.h"
#include "schema.h"
#include "text_normalise.h"
#include "utf8.h"
#include "value.h"
#include "view_sheet_code.h"
#include "zone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One ticked line of the sheet, as read. */
struct sheet_line {
    struct source_position position;
    char *fields[4]; /* step, status, time, initials */
    unsigned columns[4];
    struct sheet_evidence evidence; /* KEY=VALUE words after the initials */
    char *note;                     /* the rest of the line, or NULL */
};

/* Where the times of the transcription stand: the day they are on, and the
 * last one read (minutes since midnight), which the next may not precede. */
struct sheet_clock {
    struct date day;
    bool day_given;   /* by a 'date' line; otherwise the window's date */
    int last_minutes; /* -1 before the first time of the day */
};

static const char *const field_names[] = {"step", "status", "time", "initials"};

/* The next word of line from *at; its column (in characters) into column. */
static char *next_word(const char *line, const char **at, unsigned *column)
{
    while (**at == ' ' || **at == '\t')
        (*at)++;
    if (!**at)
        return NULL;
    *column = (unsigned)utf8_count(line, (size_t)(*at - line)) + 1;
    const char *start = *at;
    while (**at && **at != ' ' && **at != '\t')
        (*at)++;
    return xstrndup(start, (size_t)(*at - start));
}

static void sheet_line_free(struct sheet_line *line)
{
    for (size_t index = 0; index < 4; index++)
        free(line->fields[index]);
    sheet_evidence_free(&line->evidence);
    free(line->note);
}

/* Splits one line into its four fields and the note; false (after saying
 * which field is missing) when it has fewer. */
static bool split_line(const char *text, struct sheet_line *line, struct diag_sink *sink)
{
    const char *at = text;
    for (size_t index = 0; index < 4; index++) {
        line->fields[index] = next_word(text, &at, &line->columns[index]);
        if (!line->fields[index]) {
            struct source_position where = line->position;
            where.column = (unsigned)utf8_count(text, strlen(text)) + 1;
            diag(sink, DIAG_TRANSCRIPTION_LINE, where,
                 "the line has no %s: write STEP STATUS TIME INITIALS [NOTE], "
                 "e.g. '20 done 18:42 JW backup verified'",
                 field_names[index]);
            return false;
        }
    }
    if (!sheet_evidence_read(text, &at, line->position, &line->evidence, sink))
        return false;
    while (*at == ' ' || *at == '\t')
        at++;
    line->note = *at ? xstrdup(at) : NULL;
    return true;
}

/* The initials of a name as the printed sheet shows them
 * (project_name_initials) or, folded, without accents and case. */
static void name_initials(const char *name, bool folded, struct buffer *out)
{
    struct buffer text = {0};
    project_name_initials(name, &text);
    if (folded)
        text_fold(buffer_text(&text), out);
    else
        buffer_append_text(out, buffer_text(&text));
    buffer_free(&text);
}

/* The people whose initials are typed (as written when any are, else
 * folded), listed into candidates; returns how many, the last into *person. */
static size_t match_initials(const struct project *project, const char *typed, bool folded,
                             struct buffer *candidates, const struct person **person)
{
    struct buffer wanted = {0};
    if (folded)
        text_fold(typed, &wanted);
    else
        buffer_append_text(&wanted, typed);
    size_t found = 0;
    for (size_t index = 0; index < project->person_count; index++) {
        struct buffer initials = {0};
        name_initials(project->people[index].name, folded, &initials);
        if (strcmp(buffer_text(&wanted), buffer_text(&initials)) == 0) {
            buffer_printf(candidates, "%s%s (%s)", found ? ", " : "", project->people[index].name,
                          project->people[index].id);
            *person = &project->people[index];
            found++;
        }
        buffer_free(&initials);
    }
    buffer_free(&wanted);
    return found;
}

/* The person the initials (or person id) name; NULL after saying why not. */
static const struct person *resolve_initials(const struct project *project, const char *typed,
                                             struct source_position where, struct diag_sink *sink)
{
    const struct person *person = project_find_person(project, typed);
    if (person)
        return person;
    struct buffer candidates = {0};
    size_t found = match_initials(project, typed, false, &candidates, &person);
    if (found == 0)
        found = match_initials(project, typed, true, &candidates, &person);
    if (found == 0)
        diag(sink, DIAG_INITIALS_UNKNOWN, where,
             "'%s' are the initials of nobody in the project's people list, nor a person id",
             typed);
    else if (found > 1)
        diag(sink, DIAG_INITIALS_AMBIGUOUS, where,
             "'%s' are the initials of %zu people: %s; write the person's id instead", typed, found,
             buffer_text(&candidates));
    buffer_free(&candidates);
    return found == 1 ? person : NULL;
}

/* "HH:MM" as minutes since midnight, or -1. */
static int parse_clock_time(const char *text)
{
    if (strlen(text) != 5 || text[2] != ':')
        return -1;
    for (size_t index = 0; index < 5; index++)
        if (index != 2 && (text[index] < '0' || text[index] > '9'))
            return -1;
    int hours = (text[0] - '0') * 10 + (text[1] - '0');
    int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    return hours < 24 && minutes < 60 ? hours * 60 + minutes : -1;
}

/* The local calendar date of an instant in the project's zone. */
static struct date local_date(const struct project *project, struct timestamp at)
{
    int offset = zone_offset_at(&project->zone, at.epoch);
    return value_date_of_epoch(at.epoch + (int64_t)offset * 60);
}

/* The instant of a local time on a day in the project's zone. */
static struct timestamp local_instant(const struct project *project, struct date day, int minutes)
{
    int64_t local = (value_days_from_civil(day.year, day.month, day.day) * 1440 + minutes) * 60;
    int offset = zone_offset_at(&project->zone, local - (int64_t)project->zone.base_offset * 60);
    offset = zone_offset_at(&project->zone, local - (int64_t)offset * 60);
    struct timestamp at = {
        .set = true, .epoch = local - (int64_t)offset * 60, .offset_minutes = offset};
    return at;
}

static struct date next_day(struct date day)
{
    return value_date_of_epoch((value_days_from_civil(day.year, day.month, day.day) + 1) * 86400);
}

/* The line's time as a timestamp: HH:MM on the current day; a time before
 * the previous one crosses midnight when the window runs into the next
 * day and the time falls inside it, and is an error otherwise. */
static bool line_time(const struct project *project, const struct sheet_line *line,
                      struct sheet_clock *clock, struct timestamp *out, struct diag_sink *sink)
{
    struct source_position where = line->position;
    where.column = line->columns[2];
    int minutes = parse_clock_time(line->fields[2]);
    if (minutes < 0) {
        diag(sink, DIAG_TRANSCRIPTION_TIME, where, "'%s' is not a time: write HH:MM, e.g. 18:42",
             line->fields[2]);
        return false;
    }
    if (minutes < clock->last_minutes) {
        struct date tomorrow = next_day(clock->day);
        struct timestamp crossed = local_instant(project, tomorrow, minutes);
        if (clock->day_given || !project->window_end.set ||
            crossed.epoch > project->window_end.epoch) {
            diag(sink, DIAG_TRANSCRIPTION_TIME, where,
                 "%s is before the time of the line above: the lines must follow the "
                 "order of the sheet's times",
                 line->fields[2]);
            return false;
        }
        clock->day = tomorrow;
    }
    clock->last_minutes = minutes;
    *out = local_instant(project, clock->day, minutes);
    return true;
}

/* A 'date YYYY-MM-DD' line: the day of the times that follow. */
static bool date_line(const char *text, struct sheet_clock *clock, struct source_position where,
                      struct diag_sink *sink)
{
    const char *at = text + 4;
    while (*at == ' ' || *at == '\t')
        at++;
    struct date day;
    if (!value_parse_date(at, &day)) {
        where.column = (unsigned)(at - text) + 1;
        diag(sink, DIAG_TRANSCRIPTION_TIME, where, "'%s' is not a date: write 'date YYYY-MM-DD'",
             at);
        return false;
    }
    clock->day = day;
    clock->day_given = true;
    clock->last_minutes = -1;
    return true;
}

/* A decision point's outcome may stand for the status: "60 go 23:10 AL". */
static void status_and_decision(const char *word, const char **status, const char **decision)
{
    *status = word;
    *decision = NULL;
    if (schema_choice_index(schema_outcomes, word) >= 0) {
        *status = "done";
        *decision = word;
    }
}

/* Checks one ticked line as mark would; on success formats its record. */
static bool check_line(const struct recording *recording, struct sheet_line *line,
                       struct sheet_clock *clock, struct buffer *record, struct diag_sink *sink)
{
    const struct project *project = recording->model->project;
    struct source_position where = line->position;
    where.column = line->columns[3];
    const struct person *person = resolve_initials(project, line->fields[3], where, sink);
    struct timestamp at = {0};
    bool ok = line_time(project, line, clock, &at, sink) && person;
    const char *status, *decision;
    status_and_decision(line->fields[1], &status, &decision);
    if (strcmp(status, "skipped") == 0 && !line->note) {
        where.column = line->columns[1];
        diag(sink, DIAG_SKIP_WITHOUT_REASON, where,
             "a skipped step needs a note after the initials saying why");
        return false;
    }
    char at_text[40];
    value_format_timestamp_iso(at, at_text, sizeof at_text);
    where.column = line->columns[1];
    diag_sink_set_fallback(sink, where);
    ok = recording_check_value(status, "status", FIELD_ENUM, schema_statuses, sink) && ok;
    where.column = line->columns[0];
    diag_sink_set_fallback(sink, where);
    ok = ok &&
         cli_mark_check_step(recording->use->checklist, line->fields[0], status,
                             person ? person->id : line->fields[3], at_text, line->note, decision,
                             sink) &&
         ok;
    ok = ok && sheet_evidence_check(recording->use->checklist, line->fields[0], &line->evidence,
                                    line->position, sink);
    diag_sink_set_fallback(sink, (struct source_position){0});
    if (ok) {
        struct result_fields fields = {.item = line->fields[0],
                                       .status = status,
                                       .by = person->id,
                                       .at = at_text,
                                       .note = line->note,
                                       .decision = decision,
                                       .evidence_keys = (const char *const *)line->evidence.keys,
                                       .evidence_values =
                                           (const char *const *)line->evidence.values,
                                       .evidence_count = line->evidence.count};
        run_format_result(record, &fields);
    }
    return ok;
}

/* A line of one word, before the first ticked line: the sheet code the
 * sheet prints (view_sheet_code.h). It must be the code of this run's
 * checklist in this engagement: a transcription of another engagement's
 * sheet, or of another version of the checklist, is refused. */
static void check_sheet_code(const struct recording *recording, const char *line_text,
                             struct source_position where, struct diag_sink *sink)
{
    const char *typed = line_text + strspn(line_text, " \t");
    where.column = (unsigned)utf8_count(line_text, (size_t)(typed - line_text)) + 1;
    size_t length = strcspn(typed, " \t");
    char code[VIEW_SHEET_CODE_SIZE];
    view_sheet_code(recording->model->project, recording->use->checklist, code);
    if (strlen(code) == length && strncmp(typed, code, length) == 0)
        return;
    const char *hyphen = strchr(code, '-');
    bool same_engagement = strncmp(typed, code, (size_t)(hyphen - code) + 1) == 0;
    diag(sink, DIAG_SHEET_MISMATCH, where,
         "sheet %.*s is not a sheet of this run: its checklist '%s' version %s prints %s; "
         "this is a sheet of %s",
         (int)length, typed, recording->use->checklist->id,
         recording->use->checklist->version ? recording->use->checklist->version : "(none)", code,
         same_engagement ? "another version of the checklist, or another checklist"
                         : "another engagement");
}

/* Every line of the transcription checked, each good one's record kept. */
static void check_transcription(const struct recording *recording, const char *path, char *text,
                                char ***records, size_t *count, struct diag_sink *sink)
{
    struct sheet_clock clock = {.last_minutes = -1};
    clock.day = local_date(recording->model->project, recording->model->project->window_start);
    size_t capacity = 0;
    unsigned number = 0;
    bool first_line = true;
    for (char *next = text, *line_text; next;) {
        line_text = next;
        next = strchr(next, '\n');
        if (next)
            *next++ = '\0';
        number++;
        size_t length = strlen(line_text);
        if (length > 0 && line_text[length - 1] == '\r')
            line_text[length - 1] = '\0';
        const char *first = line_text + strspn(line_text, " \t");
        struct source_position where = {path, number, 1};
        if (!*first || *first == '#')
            continue;
        bool was_first = first_line;
        first_line = false;
        if (strncmp(first, "date", 4) == 0 && (first[4] == ' ' || first[4] == '\t')) {
            date_line(line_text, &clock, where, sink);
            continue;
        }
        if (was_first && sheet_qr_line(line_text)) {
            sheet_qr_check(recording->model->project, recording->use->checklist, line_text, where,
                           sink);
            continue;
        }
        if (was_first && first[strcspn(first, " \t")] == '\0') {
            check_sheet_code(recording, line_text, where, sink);
            continue;
        }
        struct sheet_line line = {.position = where};
        struct buffer record = {0};
        if (split_line(line_text, &line, sink) &&
            check_line(recording, &line, &clock, &record, sink)) {
            *records = xgrow(*records, &capacity, *count + 1, sizeof(char *));
            (*records)[(*count)++] = buffer_release(&record);
        }
        buffer_free(&record);
        sheet_line_free(&line);
    }
}

int cli_mark_from(const struct cli_invocation *invocation)
{
    const char *run = cli_argument(invocation, 0), *path = cli_value(invocation, "from");
    struct diag_sink *sink = diag_sink_new();
    struct recording recording;
    char *text = NULL;
    size_t length = 0;
    bool ok = recording_load(run, sink, &recording) &&
              file_read(path, source_position_of_file(path), sink, &text, &length);
    char **records = NULL;
    size_t count = 0;
    if (ok) {
        check_transcription(&recording, path, text, &records, &count, sink);
        if (diag_error_count(sink) == 0 && count == 0)
            diag(sink, DIAG_TRANSCRIPTION_LINE, source_position_of_file(path),
                 "the transcription holds no ticked line; nothing was recorded");
    }
    if (ok && diag_error_count(sink) == 0)
        run_append_records(run, (const char *const *)records, count, sink);
    for (size_t index = 0; index < count; index++)
        free(records[index]);
    free(records);
    free(text);
    if (ok || recording.model)
        recording_free(&recording);
    return cli_finish(sink);
}
