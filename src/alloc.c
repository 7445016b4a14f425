/* Allocation wrappers: the one place where running out of memory is handled. */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "golive: fatal: out of memory (asked for %zu bytes)\n", size);
    exit(70); /* EX_SOFTWARE: documented in golive(1) as an internal failure */
}

void *xmalloc(size_t size)
{
    void *pointer = malloc(size ? size : 1);
    if (!pointer)
        out_of_memory(size);
    return pointer;
}

void *xcalloc(size_t count, size_t size)
{
    void *pointer = calloc(count ? count : 1, size ? size : 1);
    if (!pointer)
        out_of_memory(count * size);
    return pointer;
}

void *xrealloc(void *pointer, size_t size)
{
    void *resized = realloc(pointer, size ? size : 1);
    if (!resized)
        out_of_memory(size);
    return resized;
}

void *xreallocarray(void *pointer, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        out_of_memory(SIZE_MAX);
    return xrealloc(pointer, count * size);
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
