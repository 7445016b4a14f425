/* Parsing and formatting of typed values. Calendar arithmetic follows the
 * proleptic Gregorian calendar (Howard Hinnant's days-from-civil method). */
#include "value.h"

#include "golive_limits.h"

#include <stdio.h>
#include <string.h>

/* Reads exactly width digits at text; returns -1 if they are not digits. */
static int read_digits(const char *text, int width)
{
    int value = 0;
    for (int index = 0; index < width; index++) {
        if (text[index] < '0' || text[index] > '9')
            return -1;
        value = value * 10 + (text[index] - '0');
    }
    return value;
}

static bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

int64_t value_days_from_civil(int year, int month, int day)
{
    int64_t shifted_year = month <= 2 ? year - 1 : year;
    int64_t era = (shifted_year >= 0 ? shifted_year : shifted_year - 399) / 400;
    int64_t year_of_era = shifted_year - era * 400;
    int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

struct date value_date_of_epoch(int64_t epoch)
{
    int64_t days = epoch >= 0 ? epoch / 86400 : -((-epoch + 86399) / 86400);
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t day_of_era = days - era * 146097;
    int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t month_index = (5 * day_of_year + 2) / 153;
    struct date date;
    date.set = true;
    date.day = (int)(day_of_year - (153 * month_index + 2) / 5 + 1);
    date.month = (int)(month_index < 10 ? month_index + 3 : month_index - 9);
    date.year = (int)(year_of_era + era * 400 + (date.month <= 2));
    return date;
}

bool value_parse_date(const char *text, struct date *out)
{
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return false;
    int year = read_digits(text, 4), month = read_digits(text + 5, 2),
        day = read_digits(text + 8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return false;
    *out = (struct date){true, year, month, day};
    return true;
}

/* Parses "Z" or "+HH:MM" / "-HH:MM" into minutes east of UTC. */
static bool parse_offset(const char *text, int *minutes)
{
    if (strcmp(text, "Z") == 0) {
        *minutes = 0;
        return true;
    }
    if ((text[0] != '+' && text[0] != '-') || strlen(text) != 6 || text[3] != ':')
        return false;
    int hours = read_digits(text + 1, 2), rest = read_digits(text + 4, 2);
    if (hours < 0 || hours > 23 || rest < 0 || rest > 59)
        return false;
    *minutes = (text[0] == '-' ? -1 : 1) * (hours * 60 + rest);
    return true;
}

bool value_parse_timestamp(const char *text, struct timestamp *out)
{
    struct date date;
    char date_part[11];
    if (strlen(text) < 17 || text[10] != 'T')
        return false;
    memcpy(date_part, text, 10);
    date_part[10] = '\0';
    if (!value_parse_date(date_part, &date) || text[13] != ':')
        return false;
    int hour = read_digits(text + 11, 2), minute = read_digits(text + 14, 2), second = 0;
    const char *rest = text + 16;
    if (*rest == ':') {
        second = read_digits(rest + 1, 2);
        rest += 3;
    }
    int offset;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
        !parse_offset(rest, &offset))
        return false;
    int64_t local = value_days_from_civil(date.year, date.month, date.day) * 86400 + hour * 3600 +
                    minute * 60 + second;
    *out = (struct timestamp){
        .set = true, .epoch = local - (int64_t)offset * 60, .offset_minutes = offset};
    return true;
}

bool value_parse_duration(const char *text, struct duration *out)
{
    static const struct {
        char unit;
        int64_t minutes;
    } units[] = {
        {'d', 24 * 60},
        {'h', 60},
        {'m', 1},
    };
    size_t next_unit = 0;
    int64_t total = 0;
    const char *at = text;
    if (!*at)
        return false;
    while (*at) {
        int64_t number = 0;
        const char *start = at;
        while (*at >= '0' && *at <= '9' && at - start < 6)
            number = number * 10 + (*at++ - '0');
        if (at == start)
            return false;
        while (next_unit < 3 && units[next_unit].unit != *at)
            next_unit++;
        if (next_unit == 3)
            return false;
        total += number * units[next_unit++].minutes;
        at++;
    }
    *out = (struct duration){true, total};
    return true;
}

/* "H:MM": hours of up to three digits, then two digits of minutes below 60. */
static bool parse_clock_span(const char *text, int64_t *minutes)
{
    const char *colon = strchr(text, ':');
    size_t hours_length = colon ? (size_t)(colon - text) : 0;
    if (!colon || hours_length == 0 || hours_length > 3 || strlen(colon + 1) != 2)
        return false;
    int64_t hours = 0;
    for (const char *at = text; at < colon; at++) {
        if (*at < '0' || *at > '9')
            return false;
        hours = hours * 10 + (*at - '0');
    }
    if (colon[1] < '0' || colon[1] > '5' || colon[2] < '0' || colon[2] > '9')
        return false;
    *minutes = hours * 60 + (colon[1] - '0') * 10 + (colon[2] - '0');
    return true;
}

bool value_parse_window_offset(const char *text, struct duration *out)
{
    if (text[0] != 'T' || (text[1] != '+' && text[1] != '-'))
        return false;
    int64_t minutes = 0;
    struct duration span;
    if (value_parse_duration(text + 2, &span))
        minutes = span.minutes;
    else if (!parse_clock_span(text + 2, &minutes))
        return false;
    *out = (struct duration){true, text[1] == '-' ? -minutes : minutes};
    return true;
}

static int hex_value(char digit)
{
    if (digit >= '0' && digit <= '9')
        return digit - '0';
    if (digit >= 'a' && digit <= 'f')
        return digit - 'a' + 10;
    if (digit >= 'A' && digit <= 'F')
        return digit - 'A' + 10;
    return -1;
}

bool value_parse_colour(const char *text, struct colour *out)
{
    if (strlen(text) != 7 || text[0] != '#')
        return false;
    int channels[3];
    for (int index = 0; index < 3; index++) {
        int high = hex_value(text[1 + 2 * index]), low = hex_value(text[2 + 2 * index]);
        if (high < 0 || low < 0)
            return false;
        channels[index] = high * 16 + low;
    }
    *out = (struct colour){true, (unsigned char)channels[0], (unsigned char)channels[1],
                           (unsigned char)channels[2]};
    return true;
}

static bool is_alphanumeric(char character)
{
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
           (character >= '0' && character <= '9');
}

bool value_is_identifier(const char *text)
{
    size_t length = strlen(text);
    if (length == 0 || length > LIMIT_ID_LENGTH || !is_alphanumeric(text[0]))
        return false;
    for (size_t index = 1; index < length; index++)
        if (!is_alphanumeric(text[index]) && !strchr("._-", text[index]))
            return false;
    return true;
}

char *value_format_duration(int64_t minutes, char *out, size_t size)
{
    int64_t days = minutes / (24 * 60), hours = minutes / 60 % 24, rest = minutes % 60;
    const char *sign = minutes < 0 ? "-" : "";
    if (minutes < 0) {
        days = -days, hours = -hours, rest = -rest;
    }
    if (days && hours)
        snprintf(out, size, "%s%lld d %lld h", sign, (long long)days, (long long)hours);
    else if (days && !rest)
        snprintf(out, size, "%s%lld d", sign, (long long)days);
    else if (days)
        snprintf(out, size, "%s%lld d %lld min", sign, (long long)days, (long long)rest);
    else if (hours && rest)
        snprintf(out, size, "%s%lld h %lld min", sign, (long long)hours, (long long)rest);
    else if (hours)
        snprintf(out, size, "%s%lld h", sign, (long long)hours);
    else
        snprintf(out, size, "%s%lld min", sign, (long long)rest);
    return out;
}

char *value_format_date(struct date date, char *out, size_t size)
{
    snprintf(out, size, "%04d-%02d-%02d", date.year, date.month, date.day);
    return out;
}

static void local_parts(struct timestamp timestamp, struct date *date, int *hour, int *minute,
                        int *second)
{
    int64_t local = timestamp.epoch + (int64_t)timestamp.offset_minutes * 60;
    *date = value_date_of_epoch(local);
    int64_t seconds_of_day = ((local % 86400) + 86400) % 86400;
    *hour = (int)(seconds_of_day / 3600);
    *minute = (int)(seconds_of_day / 60 % 60);
    *second = (int)(seconds_of_day % 60);
}

/* Writes value (0 <= value < 10^width) in width digits; returns the end.
 * The timestamps of a large build are formatted some 20,000 times: by hand,
 * not by snprintf's general conversions. */
static char *put_digits(char *at, unsigned value, int width)
{
    for (int place = width - 1; place >= 0; place--) {
        at[place] = (char)('0' + value % 10);
        value /= 10;
    }
    return at + width;
}

/* "+01:00", or "Z" for UTC where allow_z; returns the end. */
static char *put_offset(char *at, int offset_minutes, bool allow_z)
{
    if (offset_minutes == 0 && allow_z) {
        *at++ = 'Z';
        return at;
    }
    /* Offsets are within a day: parse_offset allows at most 23:59. */
    unsigned magnitude = (unsigned)(offset_minutes < 0 ? -offset_minutes : offset_minutes) % 1440u;
    *at++ = offset_minutes < 0 ? '-' : '+';
    at = put_digits(at, magnitude / 60u, 2);
    *at++ = ':';
    return put_digits(at, magnitude % 60u, 2);
}

/* "YYYY-MM-DD" then separator and "HH:MM" (":SS" with seconds), then a
 * space where spaced, and the offset; into out as snprintf would. */
static char *format_timestamp(struct timestamp timestamp, char separator, bool seconds, bool spaced,
                              char *out, size_t size)
{
    struct date date;
    int hour, minute, second;
    local_parts(timestamp, &date, &hour, &minute, &second);
    char text[48];
    char *at = text;
    if (date.year >= 0 && date.year <= 9999)
        at = put_digits(at, (unsigned)date.year, 4);
    else
        at += snprintf(at, 16, "%04d", date.year);
    *at++ = '-';
    at = put_digits(at, (unsigned)date.month, 2);
    *at++ = '-';
    at = put_digits(at, (unsigned)date.day, 2);
    *at++ = separator;
    at = put_digits(at, (unsigned)hour, 2);
    *at++ = ':';
    at = put_digits(at, (unsigned)minute, 2);
    if (seconds) {
        *at++ = ':';
        at = put_digits(at, (unsigned)second, 2);
    }
    if (spaced)
        *at++ = ' ';
    at = put_offset(at, timestamp.offset_minutes, !spaced);
    size_t length = (size_t)(at - text);
    if (size) {
        size_t kept = length < size - 1 ? length : size - 1;
        memcpy(out, text, kept);
        out[kept] = '\0';
    }
    return out;
}

char *value_format_timestamp(struct timestamp timestamp, char *out, size_t size)
{
    return format_timestamp(timestamp, ' ', false, true, out, size);
}

char *value_format_timestamp_iso(struct timestamp timestamp, char *out, size_t size)
{
    return format_timestamp(timestamp, 'T', true, false, out, size);
}
