/* Formatting helpers for the view. */
#include "view_put.h"

#include "buffer.h"

#include <stdio.h>
#include <string.h>

void put_text(struct node *mapping, const char *key, const char *text)
{
    if (text)
        node_mapping_set(mapping, key, node_new_string(text));
}

void put_bool(struct node *mapping, const char *key, bool value)
{
    node_mapping_set(mapping, key, node_new_bool(value));
}

void put_int(struct node *mapping, const char *key, long long value)
{
    char text[32];
    snprintf(text, sizeof text, "%lld", value);
    node_mapping_set(mapping, key, node_new_scalar(text, strlen(text), SCALAR_INT));
}

void put_date(struct node *mapping, const char *key, struct date date)
{
    char text[16];
    if (date.set)
        put_text(mapping, key, value_format_date(date, text, sizeof text));
}

static const char *clock_with_offset(struct timestamp timestamp, char *out, size_t size)
{
    char text[40];
    value_format_timestamp(timestamp, text, sizeof text);
    snprintf(out, size, "%s", text + 11);
    return out;
}

void put_timestamp(struct node *mapping, const char *key, struct timestamp timestamp)
{
    if (!timestamp.set)
        return;
    char text[40], iso[40];
    struct node *parts = put_mapping(mapping, key);
    value_format_timestamp(timestamp, text, sizeof text);
    value_format_timestamp_iso(timestamp, iso, sizeof iso);
    put_text(parts, "text", text);
    put_text(parts, "iso", iso);
    text[10] = '\0';
    put_text(parts, "date", text);
    text[16] = '\0';
    /* "18:00", or "18:00 +01:00" where the times hold several offsets */
    put_text(parts, "time",
             timestamp.offset_shown ? clock_with_offset(timestamp, iso, sizeof iso) : text + 11);
}

void put_duration(struct node *mapping, const char *key, struct duration duration)
{
    if (!duration.set)
        return;
    char text[32];
    struct node *parts = put_mapping(mapping, key);
    put_text(parts, "text", value_format_duration(duration.minutes, text, sizeof text));
    put_int(parts, "minutes", duration.minutes);
}

void put_text_list(struct node *mapping, const char *key, const struct text_list *list)
{
    struct node *sequence = put_list(mapping, key);
    for (size_t index = 0; index < list->count; index++)
        node_sequence_append(sequence, node_new_string(list->items[index]));
}

void put_text_joined(struct node *mapping, const char *key, const struct text_list *list,
                     const char *separator)
{
    if (!list->count)
        return;
    struct buffer text = {0};
    for (size_t index = 0; index < list->count; index++)
        buffer_printf(&text, "%s%s", index ? separator : "", list->items[index]);
    put_text(mapping, key, buffer_text(&text));
    buffer_free(&text);
}

struct node *put_mapping(struct node *mapping, const char *key)
{
    struct node *child = node_new_mapping();
    node_mapping_set(mapping, key, child);
    return child;
}

struct node *put_list(struct node *mapping, const char *key)
{
    struct node *child = node_new_sequence();
    node_mapping_set(mapping, key, child);
    return child;
}

struct node *append_mapping(struct node *list)
{
    struct node *child = node_new_mapping();
    node_sequence_append(list, child);
    return child;
}

void put_flag(struct node *mapping, const char *choice, bool value)
{
    /* a copy with '_' for '-', cut as snprintf would: this runs some
     * 60,000 times in a large build */
    char key[64];
    size_t length = 0;
    for (; choice[length] && length < sizeof key - 1; length++)
        key[length] = choice[length] == '-' ? '_' : choice[length];
    key[length] = '\0';
    put_bool(mapping, key, value);
}

void put_flag_for(struct node *mapping, const char *choice)
{
    put_flag(mapping, choice, true);
}

static bool is_blank(char character)
{
    return character == ' ' || character == '\t';
}

/* Drops the blanks at the end of the line built so far, and a backslash
 * there that would have made a hard line break. */
static void end_line(struct buffer *line)
{
    size_t length = line->length;
    while (length > 0 && is_blank(line->data[length - 1]))
        length--;
    size_t backslashes = 0;
    while (backslashes < length && line->data[length - 1 - backslashes] == '\\')
        backslashes++;
    if (backslashes % 2 == 1)
        length--;
    buffer_truncate(line, length);
}

void put_markdown_inline(struct node *mapping, const char *key, const char *text)
{
    if (!text)
        return;
    struct buffer line = {0};
    size_t backslashes = 0;
    bool space = false;
    for (const char *at = text; *at; at++) {
        if (*at == '\n' || *at == '\r') {
            end_line(&line);
            space = line.length > 0;
            backslashes = 0;
            continue;
        }
        if (line.length == 0 && is_blank(*at))
            continue;
        if (space) {
            if (is_blank(*at))
                continue;
            buffer_append_char(&line, ' ');
            space = false;
        }
        if (*at == '|' && backslashes % 2 == 0)
            buffer_append_char(&line, '\\');
        buffer_append_char(&line, *at);
        backslashes = *at == '\\' ? backslashes + 1 : 0;
    }
    end_line(&line);
    put_text(mapping, key, buffer_text(&line));
    buffer_free(&line);
}
