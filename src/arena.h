/* An arena: many allocations freed together in one call.
 *
 * A loaded model takes every block it owns from one arena (model.h), so
 * freeing the model is arena_free and no structure needs a free function
 * listing its fields. Allocation is a bump in a chunk; a block is never
 * freed alone. Running out of memory is fatal, as with alloc.h. */
#ifndef GOLIVE_ARENA_H
#define GOLIVE_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
/* arena_free: frees the arena and every block taken from it; NULL is fine. */
void arena_free(struct arena *arena);

/* Blocks aligned for any type; arena_calloc's are zeroed. */
void *arena_alloc(struct arena *arena, size_t size);
void *arena_calloc(struct arena *arena, size_t count, size_t size);
/* Copies followed by a NUL; arena_strndup copies at most length bytes. */
char *arena_strdup(struct arena *arena, const char *text);
char *arena_strndup(struct arena *arena, const char *text, size_t length);
char *arena_memdup(struct arena *arena, const void *data, size_t length);
/* arena_strdup_or_null: a copy of text, or NULL when text is NULL. */
char *arena_strdup_or_null(struct arena *arena, const char *text);

/* arena_grow: xgrow (alloc.h) for an array in the arena: makes room for at
 * least needed elements, copying into a larger block (at least doubling)
 * when *capacity is too small; the old block stays until arena_free. */
void *arena_grow(struct arena *arena, void *array, size_t *capacity, size_t needed, size_t size);

/* arena_on_free: arena_free will call release(data) first, the latest
 * registered first. For a structure in the arena that holds memory of a
 * module with its own free function (a name_table, a zone). */
void arena_on_free(struct arena *arena, void (*release)(void *), void *data);

#endif
