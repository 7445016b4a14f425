/* Parsing Markdown with cmark-gfm and the GFM extensions golive renders:
 * tables, task lists, strikethrough and autolinks. */
#ifndef GOLIVE_MARKDOWN_H
#define GOLIVE_MARKDOWN_H

#include <cmark-gfm.h>
#include <stddef.h>

/* The node types the extensions register. libcmark-gfm-extensions exports
 * them but its installed headers do not declare them. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL,
    CMARK_NODE_STRIKETHROUGH;

/* markdown_parse: the tree of text[0..length), which must be valid UTF-8
 * (text_check.h); free it with cmark_node_free. */
cmark_node *markdown_parse(const char *text, size_t length);

/* markdown_is_task_item: node is a GFM task list item. */
int markdown_is_task_item(cmark_node *node);

#endif
