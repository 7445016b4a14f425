/* Growable byte buffer. */
#include "buffer.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void buffer_reserve(struct buffer *buffer, size_t extra)
{
    /* Most appends fit: no call then (a build appends millions of times). */
    if (buffer->data && extra < buffer->capacity - buffer->length)
        return;
    buffer->data = xgrow(buffer->data, &buffer->capacity, buffer->length + extra + 1, 1);
}

void buffer_append_char(struct buffer *buffer, char character)
{
    buffer_reserve(buffer, 1);
    buffer->data[buffer->length++] = character;
    buffer->data[buffer->length] = '\0';
}

void buffer_append(struct buffer *buffer, const void *data, size_t length)
{
    buffer_reserve(buffer, length);
    if (length)
        memcpy(buffer->data + buffer->length, data, length);
    buffer->length += length;
    buffer->data[buffer->length] = '\0';
}

void buffer_append_text(struct buffer *buffer, const char *text)
{
    buffer_append(buffer, text, strlen(text));
}

void buffer_vprintf(struct buffer *buffer, const char *format, va_list arguments)
{
    va_list copy;
    va_copy(copy, arguments);
    int needed = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    if (needed <= 0)
        return;
    buffer_reserve(buffer, (size_t)needed);
    vsnprintf(buffer->data + buffer->length, (size_t)needed + 1, format, arguments);
    buffer->length += (size_t)needed;
}

void buffer_printf(struct buffer *buffer, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    buffer_vprintf(buffer, format, arguments);
    va_end(arguments);
}

const char *buffer_text(const struct buffer *buffer)
{
    return buffer->data ? buffer->data : "";
}

void buffer_truncate(struct buffer *buffer, size_t length)
{
    if (length < buffer->length) {
        buffer->length = length;
        buffer->data[length] = '\0';
    }
}

char *buffer_release(struct buffer *buffer)
{
    char *text = buffer->data ? buffer->data : xstrdup("");
    buffer->data = NULL;
    buffer->length = buffer->capacity = 0;
    return text;
}

void buffer_free(struct buffer *buffer)
{
    free(buffer->data);
    buffer->data = NULL;
    buffer->length = buffer->capacity = 0;
}
