/* Memory allocation that never returns NULL.
 *
 * Running out of memory is fatal in exactly one place: these wrappers print
 * one line and exit. Every other function can then treat an allocation as
 * infallible, and its error paths carry only input and I/O failures. */
#ifndef GOLIVE_ALLOC_H
#define GOLIVE_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *pointer, size_t size);
/* xreallocarray: resize to count * size bytes; the product is checked. */
void *xreallocarray(void *pointer, size_t count, size_t size);
char *xstrdup(const char *text);
char *xstrndup(const char *text, size_t length);
/* xmemdup: a copy of length bytes followed by a NUL. */
char *xmemdup(const void *data, size_t length);

#endif
