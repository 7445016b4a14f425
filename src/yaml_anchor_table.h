/* Anchors of one YAML document, by name: a small hash table, so that a file
 * with many anchors and aliases costs linear time, not quadratic. */
#ifndef GOLIVE_YAML_ANCHOR_TABLE_H
#define GOLIVE_YAML_ANCHOR_TABLE_H

#include "node.h"

#include <stddef.h>

struct anchor_entry {
    char *name;                /* owned */
    const struct node *node;   /* not owned: lives in the document's tree */
    size_t size;               /* nodes in node's tree, for expansion limits */
};

struct anchor_table {
    struct anchor_entry *slots;
    size_t capacity;           /* a power of two, or 0 */
    size_t count;
};

/* anchor_table_define: name now refers to node (a later definition of the
 * same name replaces the earlier, as YAML says). */
void anchor_table_define(struct anchor_table *table, const char *name, const struct node *node,
                         size_t size);
/* anchor_table_find: the entry for name, or NULL. */
const struct anchor_entry *anchor_table_find(const struct anchor_table *table, const char *name);
void anchor_table_free(struct anchor_table *table);

#endif
