/* Allocation wrappers: the one place where running out of memory is handled. */
#include "alloc.h"

#include "exit_status.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GROW_MINIMUM 4 /* elements of a new array: most lists are short */

_Noreturn void fatal_internal(const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    fputs("golive: fatal: ", stderr);
    vfprintf(stderr, format, arguments);
    fputc('\n', stderr);
    va_end(arguments);
    exit(EXIT_STATUS_INTERNAL);
}

_Noreturn void fatal_out_of_memory(size_t size)
{
    fprintf(stderr, "golive: fatal: out of memory (asked for %zu bytes)\n", size);
    exit(EXIT_STATUS_INTERNAL);
}

void *xmalloc(size_t size)
{
    void *pointer = malloc(size ? size : 1);
    if (!pointer)
        fatal_out_of_memory(size);
    return pointer;
}

void *xcalloc(size_t count, size_t size)
{
    void *pointer = calloc(count ? count : 1, size ? size : 1);
    if (!pointer)
        fatal_out_of_memory(count * size);
    return pointer;
}

static void *xrealloc(void *pointer, size_t size)
{
    void *resized = realloc(pointer, size ? size : 1);
    if (!resized)
        fatal_out_of_memory(size);
    return resized;
}

void *xreallocarray(void *pointer, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        fatal_out_of_memory(SIZE_MAX);
    return xrealloc(pointer, count * size);
}

size_t grown_capacity(size_t capacity, size_t needed)
{
    size_t grown = capacity <= SIZE_MAX / 2 ? capacity * 2 : needed;
    if (grown < needed)
        grown = needed;
    if (grown < GROW_MINIMUM)
        grown = GROW_MINIMUM;
    return grown;
}

void *xgrow(void *array, size_t *capacity, size_t needed, size_t size)
{
    if (needed <= *capacity)
        return array;
    size_t grown = grown_capacity(*capacity, needed);
    array = xreallocarray(array, grown, size);
    *capacity = grown;
    return array;
}

char *xmemdup(const void *data, size_t length)
{
    char *copy = xmalloc(length + 1);
    if (length)
        memcpy(copy, data, length);
    copy[length] = '\0';
    return copy;
}

char *xstrdup(const char *text)
{
    return xmemdup(text, strlen(text));
}

char *xstrndup(const char *text, size_t length)
{
    size_t actual = 0;
    while (actual < length && text[actual])
        actual++;
    return xmemdup(text, actual);
}
