/* The view in the document's language: the catalog's words as `t`, and
 * every date, time and duration written the way the catalog says. */
#include "view.h"

#include "alloc.h"
#include "buffer.h"
#include "value.h"
#include "view_put.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct local_formats {
    const char *date, *timestamp;    /* "{day}.{month}.{year}", "{date} {time} {offset}" */
    const char *day, *hour, *minute; /* units of durations */
};

static const char *word(const struct node *words, const char *key, const char *fallback)
{
    const struct node *value = node_mapping_find(words, key);
    return value ? node_scalar_text(value) : fallback;
}

/* Writes format with each {name} replaced by the value of that name. */
static void fill(struct buffer *out, const char *format, const char *const *names,
                 const char *const *values, size_t count)
{
    for (const char *at = format; *at;) {
        size_t index = 0;
        while (index < count &&
               !(at[0] == '{' && strncmp(at + 1, names[index], strlen(names[index])) == 0 &&
                 at[1 + strlen(names[index])] == '}'))
            index++;
        if (index < count) {
            buffer_append_text(out, values[index]);
            at += strlen(names[index]) + 2;
        } else {
            buffer_append_char(out, *at++);
        }
    }
}

/* iso holds "YYYY-MM-DD" at its start. */
static void format_date(struct buffer *out, const struct local_formats *formats, const char *iso)
{
    /* memcpy, not snprintf: a build formats some 20,000 dates */
    char year[5] = {0}, month[3] = {0}, day[3] = {0};
    memcpy(year, iso, 4);
    memcpy(month, iso + 5, 2);
    memcpy(day, iso + 8, 2);
    fill(out, formats->date, (const char *const[]){"year", "month", "day"},
         (const char *const[]){year, month, day}, 3);
}

#define NO_BREAK_SPACE "\xC2\xA0"

static void format_duration(struct buffer *out, const struct local_formats *formats,
                            long long minutes)
{
    long long magnitude = minutes < 0 ? -minutes : minutes;
    long long days = magnitude / 1440, hours = magnitude / 60 % 24, rest = magnitude % 60;
    if (minutes < 0)
        buffer_append_char(out, '-');
    /* As value_format_duration: at most two units, the largest ones; a
     * no-break space binds each number to its unit and the parts to each
     * other, so that a line or a table cell never parts "18" from "min",
     * nor "3 h" from "30 min". */
    if (days)
        buffer_printf(out, "%lld" NO_BREAK_SPACE "%s", days, formats->day);
    if (hours)
        buffer_printf(out, "%s%lld" NO_BREAK_SPACE "%s", days ? NO_BREAK_SPACE : "", hours,
                      formats->hour);
    if (rest && !(days && hours))
        buffer_printf(out, "%s%lld" NO_BREAK_SPACE "%s", days || hours ? NO_BREAK_SPACE : "", rest,
                      formats->minute);
    if (!days && !hours && !rest)
        buffer_printf(out, "0" NO_BREAK_SPACE "%s", formats->minute);
}

/* A timestamp {text, iso, date, time}: rebuilt from iso, in its offset. */
static void localise_timestamp(struct node *mapping, const struct local_formats *formats)
{
    const char *iso = node_scalar_text(node_mapping_find(mapping, "iso"));
    if (strlen(iso) < 20)
        return;
    struct buffer date = {0}, text = {0};
    format_date(&date, formats, iso);
    char time[6], offset[8];
    snprintf(time, sizeof time, "%.5s", iso + 11);
    snprintf(offset, sizeof offset, "%s", iso[19] == 'Z' ? "+00:00" : iso + 19);
    fill(&text, formats->timestamp, (const char *const[]){"date", "time", "offset"},
         (const char *const[]){buffer_text(&date), time, offset}, 3);
    node_mapping_set(mapping, "date", node_new_string(buffer_text(&date)));
    node_mapping_set(mapping, "text", node_new_string(buffer_text(&text)));
    buffer_free(&date);
    buffer_free(&text);
}

static void localise_duration(struct node *mapping, const struct local_formats *formats)
{
    struct buffer text = {0};
    format_duration(&text, formats,
                    strtoll(node_scalar_text(node_mapping_find(mapping, "minutes")), NULL, 10));
    node_mapping_set(mapping, "text", node_new_string(buffer_text(&text)));
    buffer_free(&text);
}

static bool is_date_text(const struct node *value)
{
    struct date date;
    return node_kind(value) == NODE_SCALAR && node_scalar_type(value) == SCALAR_STRING &&
           node_scalar_length(value) == 10 && value_parse_date(node_scalar_text(value), &date);
}

/* One mapping: its own shape first, then each value that is a date. */
static void localise_mapping(struct node *mapping, const struct local_formats *formats)
{
    if (node_mapping_find(mapping, "iso") && node_mapping_find(mapping, "time"))
        localise_timestamp(mapping, formats);
    else if (node_count(mapping) == 2 && node_mapping_find(mapping, "minutes"))
        localise_duration(mapping, formats);
    for (size_t index = 0; index < node_count(mapping); index++) {
        const struct node *value = node_mapping_value(mapping, index);
        const char *key = node_scalar_text(node_mapping_key(mapping, index));
        if (strcmp(key, "iso") == 0 || !is_date_text(value))
            continue;
        struct buffer text = {0};
        format_date(&text, formats, node_scalar_text(value));
        node_mapping_set(mapping, key, node_new_string(buffer_text(&text)));
        buffer_free(&text);
    }
}

/* Walks the view with a stack of its own: no recursion over data. A
 * checklist shown in several places is visited more than once, which is
 * harmless: every rewrite starts again from the machine-readable value. */
static void localise(struct node *view, const struct local_formats *formats)
{
    size_t capacity = 64, count = 0;
    struct node **stack = xcalloc(capacity, sizeof *stack);
    stack[count++] = view;
    while (count) {
        struct node *node = stack[--count];
        if (node_kind(node) == NODE_MAPPING)
            localise_mapping(node, formats);
        size_t children = node_count(node);
        for (size_t index = 0; index < children; index++) {
            struct node *child = node_kind(node) == NODE_MAPPING ? node_mapping_value(node, index)
                                                                 : node_sequence_item(node, index);
            if (node_kind(child) == NODE_SCALAR)
                continue;
            stack = xgrow(stack, &capacity, count + 1, sizeof *stack);
            stack[count++] = child;
        }
    }
    free(stack);
}

void view_put_language(struct node *view, const struct node *words)
{
    if (!words)
        return;
    const struct local_formats formats = {
        .date = word(words, "format_date", "{year}-{month}-{day}"),
        .timestamp = word(words, "format_timestamp", "{date} {time} {offset}"),
        .day = word(words, "unit_days", "d"),
        .hour = word(words, "unit_hours", "h"),
        .minute = word(words, "unit_minutes", "min"),
    };
    localise(view, &formats);
    node_mapping_set(view, "t", node_copy(words));
}
