/* A set of names, each with a number: a small open-addressing hash table,
 * so that documents with many headings and links cost linear time. Only
 * membership is used from it; nothing iterates it, so its order never
 * reaches an output. */
#ifndef GOLIVE_NAME_TABLE_H
#define GOLIVE_NAME_TABLE_H

#include <stddef.h>

struct name_entry {
    char *name;                /* owned; NULL for an empty slot */
    size_t length;
    size_t value;
};

struct name_table {
    struct name_entry *slots;
    size_t capacity;           /* a power of two, or 0 */
    size_t count;
};

/* name_table_find: the entry for name[0..length), or NULL. */
struct name_entry *name_table_find(const struct name_table *table, const char *name,
                                   size_t length);
/* name_table_add: the entry for name, added with value when it is new (an
 * existing entry keeps its value). */
struct name_entry *name_table_add(struct name_table *table, const char *name, size_t length,
                                  size_t value);
void name_table_free(struct name_table *table);

#endif
