/* Open-addressing hash table keyed by names (FNV-1a, linear probing). */
#include "name_table.h"

#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash_name(const char *name)
{
    uint64_t hash = 1469598103934665603u;
    for (; *name; name++) {
        hash ^= (unsigned char)*name;
        hash *= 1099511628211u;
    }
    return hash;
}

static struct name_entry *slot_for(struct name_entry *slots, size_t capacity, const char *name)
{
    size_t index = (size_t)hash_name(name) & (capacity - 1);
    while (slots[index].name && strcmp(slots[index].name, name) != 0)
        index = (index + 1) & (capacity - 1);
    return &slots[index];
}

static void grow(struct name_table *table)
{
    size_t capacity = table->capacity ? table->capacity * 2 : 16;
    struct name_entry *slots = xcalloc(capacity, sizeof(struct name_entry));
    for (size_t index = 0; index < table->capacity; index++)
        if (table->slots[index].name)
            *slot_for(slots, capacity, table->slots[index].name) = table->slots[index];
    free(table->slots);
    table->slots = slots;
    table->capacity = capacity;
}

void name_table_put(struct name_table *table, const char *name, const void *value, size_t number)
{
    if ((table->count + 1) * 4 > table->capacity * 3)
        grow(table);
    struct name_entry *slot = slot_for(table->slots, table->capacity, name);
    if (!slot->name) {
        slot->name = xstrdup(name);
        table->count++;
    }
    slot->value = value;
    slot->number = number;
}

const struct name_entry *name_table_get(const struct name_table *table, const char *name)
{
    if (table->capacity == 0)
        return NULL;
    const struct name_entry *slot = slot_for(table->slots, table->capacity, name);
    return slot->name ? slot : NULL;
}

void name_table_free(struct name_table *table)
{
    for (size_t index = 0; index < table->capacity; index++)
        free(table->slots[index].name);
    free(table->slots);
    table->slots = NULL;
    table->capacity = table->count = 0;
}
