/* A hash set of names with a number each (see name_table.h). */
#include "name_table.h"

#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a: simple, and good enough for names typed by people. */
static uint64_t hash(const char *name, size_t length)
{
    uint64_t value = 14695981039346656037u;
    for (size_t index = 0; index < length; index++)
        value = (value ^ (unsigned char)name[index]) * 1099511628211u;
    return value;
}

static struct name_entry *slot_for(const struct name_table *table, const char *name,
                                   size_t length)
{
    size_t mask = table->capacity - 1;
    for (size_t at = hash(name, length) & mask;; at = (at + 1) & mask) {
        struct name_entry *slot = &table->slots[at];
        if (!slot->name || (slot->length == length && memcmp(slot->name, name, length) == 0))
            return slot;
    }
}

struct name_entry *name_table_find(const struct name_table *table, const char *name,
                                   size_t length)
{
    if (table->capacity == 0)
        return NULL;
    struct name_entry *slot = slot_for(table, name, length);
    return slot->name ? slot : NULL;
}

/* Keeps the table at most half full, so that probes stay short. */
static void grow(struct name_table *table)
{
    struct name_table bigger = { .capacity = table->capacity ? table->capacity * 2 : 64 };
    bigger.slots = xcalloc(bigger.capacity, sizeof *bigger.slots);
    for (size_t index = 0; index < table->capacity; index++) {
        struct name_entry *old = &table->slots[index];
        if (old->name)
            *slot_for(&bigger, old->name, old->length) = *old;
    }
    free(table->slots);
    bigger.count = table->count;
    *table = bigger;
}

struct name_entry *name_table_add(struct name_table *table, const char *name, size_t length,
                                  size_t value)
{
    if ((table->count + 1) * 2 > table->capacity)
        grow(table);
    struct name_entry *slot = slot_for(table, name, length);
    if (!slot->name) {
        *slot = (struct name_entry){ xmemdup(name, length), length, value };
        table->count++;
    }
    return slot;
}

void name_table_free(struct name_table *table)
{
    for (size_t index = 0; index < table->capacity; index++)
        free(table->slots[index].name);
    free(table->slots);
    *table = (struct name_table){ 0 };
}
