/* A hash table from names to values, so that looking names up (YAML
 * anchors, step ids, person ids) costs linear time overall, never quadratic,
 * whatever the size of a hostile input. Keys are copied; values are not
 * owned. */
#ifndef GOLIVE_NAME_TABLE_H
#define GOLIVE_NAME_TABLE_H

#include <stddef.h>

struct name_entry {
    char *name; /* owned; NULL for an empty slot */
    const void *value;
    size_t number; /* a second value, for the caller's use */
};

struct name_table {
    struct name_entry *slots;
    size_t capacity; /* a power of two, or 0 */
    size_t count;
};

/* name_table_put: name now maps to (value, number), replacing any earlier
 * entry of that name. */
void name_table_put(struct name_table *table, const char *name, const void *value, size_t number);
/* name_table_get: the entry for name, or NULL. */
const struct name_entry *name_table_get(const struct name_table *table, const char *name);
void name_table_free(struct name_table *table);

#endif
