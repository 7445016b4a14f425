/* Writing a node tree as YAML: how golive build --dump view shows the data
 * templates see, in a form golive render --data reads back. */
#ifndef GOLIVE_NODE_DUMP_H
#define GOLIVE_NODE_DUMP_H

#include "buffer.h"
#include "node.h"

/* node_dump_yaml: the tree as block YAML; text is double-quoted, other
 * scalars written as they are. */
void node_dump_yaml(const struct node *node, struct buffer *out);

#endif
