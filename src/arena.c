/* The arena: a list of chunks, each filled from the front. */
#include "arena.h"

#include "alloc.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE 65536 /* bytes of a chunk: a small project's model fits in a few */

struct chunk {
    struct chunk *next;
    size_t size, used;
    alignas(max_align_t) unsigned char bytes[];
};

struct finaliser {
    struct finaliser *next;
    void (*release)(void *);
    void *data;
};

struct arena {
    struct chunk *chunks;         /* the newest first; blocks are taken from it */
    struct finaliser *finalisers; /* the latest first */
};

struct arena *arena_new(void)
{
    return xcalloc(1, sizeof(struct arena));
}

void arena_free(struct arena *arena)
{
    if (!arena)
        return;
    for (struct finaliser *finaliser = arena->finalisers; finaliser; finaliser = finaliser->next)
        finaliser->release(finaliser->data);
    for (struct chunk *chunk = arena->chunks, *next; chunk; chunk = next) {
        next = chunk->next;
        free(chunk);
    }
    free(arena);
}

static size_t round_up(size_t size)
{
    size_t align = alignof(max_align_t);
    if (size > SIZE_MAX - align)
        fatal_out_of_memory(SIZE_MAX);
    return (size + align - 1) / align * align;
}

/* A new chunk of at least size bytes. A large block gets a chunk of its
 * own behind the newest, so that the newest keeps its free room. */
static struct chunk *add_chunk(struct arena *arena, size_t size)
{
    size_t room = size > CHUNK_SIZE ? size : CHUNK_SIZE;
    if (room > SIZE_MAX - sizeof(struct chunk))
        fatal_out_of_memory(SIZE_MAX);
    struct chunk *chunk = xmalloc(sizeof(struct chunk) + room);
    chunk->size = room;
    chunk->used = 0;
    if (size > CHUNK_SIZE / 4 && arena->chunks) {
        chunk->next = arena->chunks->next;
        arena->chunks->next = chunk;
    } else {
        chunk->next = arena->chunks;
        arena->chunks = chunk;
    }
    return chunk;
}

void *arena_alloc(struct arena *arena, size_t size)
{
    size = round_up(size ? size : 1);
    struct chunk *chunk = arena->chunks;
    if (!chunk || chunk->size - chunk->used < size)
        chunk = add_chunk(arena, size);
    void *block = chunk->bytes + chunk->used;
    chunk->used += size;
    return block;
}

void *arena_calloc(struct arena *arena, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        fatal_out_of_memory(SIZE_MAX);
    size_t bytes = count * size;
    void *block = arena_alloc(arena, bytes);
    memset(block, 0, bytes ? bytes : 1);
    return block;
}

char *arena_memdup(struct arena *arena, const void *data, size_t length)
{
    if (length == SIZE_MAX)
        fatal_out_of_memory(SIZE_MAX);
    char *copy = arena_alloc(arena, length + 1);
    if (length)
        memcpy(copy, data, length);
    copy[length] = '\0';
    return copy;
}

char *arena_strdup(struct arena *arena, const char *text)
{
    return arena_memdup(arena, text, strlen(text));
}

char *arena_strndup(struct arena *arena, const char *text, size_t length)
{
    size_t actual = 0;
    while (actual < length && text[actual])
        actual++;
    return arena_memdup(arena, text, actual);
}

char *arena_strdup_or_null(struct arena *arena, const char *text)
{
    return text ? arena_strdup(arena, text) : NULL;
}

void *arena_grow(struct arena *arena, void *array, size_t *capacity, size_t needed, size_t size)
{
    if (needed <= *capacity)
        return array;
    size_t old = *capacity;
    *capacity = grown_capacity(old, needed);
    void *block = arena_calloc(arena, *capacity, size);
    if (old && array)
        memcpy(block, array, old * size);
    return block;
}

void arena_on_free(struct arena *arena, void (*release)(void *), void *data)
{
    struct finaliser *finaliser = arena_alloc(arena, sizeof *finaliser);
    *finaliser = (struct finaliser){arena->finalisers, release, data};
    arena->finalisers = finaliser;
}
