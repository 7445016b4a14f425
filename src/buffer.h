/* A growable byte buffer, always NUL-terminated, for building text.
 *
 * A zero-initialised struct buffer is an empty, valid buffer. */
#ifndef GOLIVE_BUFFER_H
#define GOLIVE_BUFFER_H

#include <stdarg.h>
#include <stddef.h>

struct buffer {
    char *data;      /* NULL until something is appended */
    size_t length;   /* bytes in use, excluding the terminating NUL */
    size_t capacity; /* bytes allocated */
};

void buffer_append(struct buffer *buffer, const void *data, size_t length);
void buffer_append_text(struct buffer *buffer, const char *text);
void buffer_append_char(struct buffer *buffer, char character);
void buffer_printf(struct buffer *buffer, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
void buffer_vprintf(struct buffer *buffer, const char *format, va_list arguments)
    __attribute__((format(printf, 2, 0)));
/* buffer_text: the contents as a C string; "" for an empty buffer. */
const char *buffer_text(const struct buffer *buffer);
void buffer_truncate(struct buffer *buffer, size_t length);
/* buffer_release: hands the text to the caller (free it) and empties the buffer. */
char *buffer_release(struct buffer *buffer);
void buffer_free(struct buffer *buffer);

#endif
