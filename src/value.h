/* Typed values read from input text: durations, dates, timestamps with an
 * offset, colours and identifiers. Pure functions, no I/O, no clock. */
#ifndef GOLIVE_VALUE_H
#define GOLIVE_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A length of time, in minutes. */
struct duration {
    bool set;
    int64_t minutes;
};

/* A calendar date. */
struct date {
    bool set;
    int year, month, day;
};

/* An instant with the UTC offset it was written in, so that it can be
 * printed back in the writer's local time. */
struct timestamp {
    bool set;
    int64_t epoch;      /* seconds since 1970-01-01T00:00:00Z */
    int offset_minutes; /* east of UTC */
    bool offset_shown;  /* print the offset even beside a bare time (set by evaluation
                           when the project's times hold more than one offset) */
};

struct colour {
    bool set;
    unsigned char red, green, blue;
};

/* value_parse_duration: "30m", "2h", "7d", "1h30m" (units d, h, m, each at
 * most once, largest first). Returns false for anything else. */
bool value_parse_duration(const char *text, struct duration *out);
/* value_parse_window_offset: a moment relative to the window start,
 * "T-48h", "T+0:30", "T+1h30m": 'T', a sign, then a duration or H:MM.
 * out->minutes is negative before the window. */
bool value_parse_window_offset(const char *text, struct duration *out);
/* value_parse_date: "YYYY-MM-DD", a real calendar date. */
bool value_parse_date(const char *text, struct date *out);
/* value_parse_timestamp: ISO 8601 "YYYY-MM-DDTHH:MM[:SS]" (an upper-case T)
 * followed by "Z" or "+HH:MM"/"-HH:MM"; the offset is required. The same
 * form in files and on the command line (golive mark --at). */
bool value_parse_timestamp(const char *text, struct timestamp *out);
/* value_parse_colour: "#RRGGBB". */
bool value_parse_colour(const char *text, struct colour *out);
/* value_is_identifier: letters, digits, '.', '_' and '-', starting with a
 * letter or digit, at most LIMIT_ID_LENGTH bytes. */
bool value_is_identifier(const char *text);

/* value_days_from_civil: days since 1970-01-01 of a proleptic Gregorian
 * date (negative before). */
int64_t value_days_from_civil(int year, int month, int day);
/* value_date_of_epoch: the UTC calendar date of an epoch second. */
struct date value_date_of_epoch(int64_t epoch);

/* Formatting for documents. Each writes into out (size bytes) and returns out. */
/* "1 h 30 min", "45 min", "7 d", "2 d 4 h"; "0 min" for zero. */
char *value_format_duration(int64_t minutes, char *out, size_t size);
/* "2026-03-21" */
char *value_format_date(struct date date, char *out, size_t size);
/* "2026-03-21 18:00 +01:00", in the timestamp's own offset. */
char *value_format_timestamp(struct timestamp timestamp, char *out, size_t size);
/* "2026-03-21T18:00:00+01:00", ISO 8601 in the timestamp's own offset. */
char *value_format_timestamp_iso(struct timestamp timestamp, char *out, size_t size);

#endif
