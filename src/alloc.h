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
/* xreallocarray: resize to count * size bytes; the product is checked. For
 * an array of a size known at once; an array that grows uses xgrow. */
void *xreallocarray(void *pointer, size_t count, size_t size);
char *xstrdup(const char *text);
char *xstrndup(const char *text, size_t length);
/* xmemdup: a copy of length bytes followed by a NUL. */
char *xmemdup(const void *data, size_t length);

/* xgrow: the one way an array grows. Makes room for at least needed
 * elements of size bytes in array, whose room is *capacity elements; grows
 * geometrically (at least doubling), so n appends cost O(n). Returns the
 * (possibly moved) array and updates *capacity. */
void *xgrow(void *array, size_t *capacity, size_t needed, size_t size);
/* grown_capacity: the room xgrow (and arena_grow, arena.h) gives an array
 * of capacity elements that needs room for needed. */
size_t grown_capacity(size_t capacity, size_t needed);

/* The one fatal path: one line on stderr, then exit status 70
 * (EXIT_STATUS_INTERNAL, golive(1)). For running out of memory, and for
 * the few failures that can only be a bug or a broken system. */
_Noreturn void fatal_out_of_memory(size_t size);
_Noreturn void fatal_internal(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
