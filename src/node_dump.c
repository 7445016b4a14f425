/* Block YAML from a node tree. Recursion is bounded: views are a few levels
 * deep, and loaded trees by LIMIT_YAML_DEPTH. */
#include "node_dump.h"

#include "yaml_scalar.h"

#include <stdbool.h>
#include <string.h>

static void dump(const struct node *node, struct buffer *out, unsigned indent, bool inline_start);

static void write_indent(struct buffer *out, unsigned indent)
{
    for (unsigned index = 0; index < indent; index++)
        buffer_append_char(out, ' ');
}

static void dump_scalar(const struct node *node, struct buffer *out)
{
    if (node_scalar_type(node) == SCALAR_STRING)
        yaml_quote(out, node_scalar_text(node));
    else
        buffer_append_text(out, node_scalar_length(node) ? node_scalar_text(node) : "null");
    buffer_append_char(out, '\n');
}

/* A key that YAML reads back as the same text needs no quotes. */
static void write_key(struct buffer *out, const char *key)
{
    bool plain = (*key >= 'a' && *key <= 'z') || *key == '_';
    for (const char *at = key; *at && plain; at++)
        plain = (*at >= 'a' && *at <= 'z') || (*at >= '0' && *at <= '9') || *at == '_';
    plain = plain && yaml_resolve_plain(key, strlen(key)) == SCALAR_STRING;
    if (plain)
        buffer_append_text(out, key);
    else
        yaml_quote(out, key);
}

static void dump_mapping(const struct node *node, struct buffer *out, unsigned indent,
                         bool inline_start)
{
    for (size_t index = 0; index < node_count(node); index++) {
        if (index > 0 || !inline_start)
            write_indent(out, indent);
        write_key(out, node_scalar_text(node_mapping_key(node, index)));
        const struct node *value = node_mapping_value(node, index);
        if (node_kind(value) == NODE_SCALAR || node_count(value) == 0) {
            buffer_append_text(out, ": ");
            dump(value, out, indent + 2, true);
        } else {
            buffer_append_text(out, ":\n");
            dump(value, out, indent + 2, false);
        }
    }
}

static void dump_sequence(const struct node *node, struct buffer *out, unsigned indent,
                          bool inline_start)
{
    for (size_t index = 0; index < node_count(node); index++) {
        if (index > 0 || !inline_start)
            write_indent(out, indent);
        buffer_append_text(out, "- ");
        dump(node_sequence_item(node, index), out, indent + 2, true);
    }
}

static void dump(const struct node *node, struct buffer *out, unsigned indent, bool inline_start)
{
    switch (node_kind(node)) {
    case NODE_SCALAR: dump_scalar(node, out); break;
    case NODE_MAPPING:
        if (node_count(node) == 0)
            buffer_append_text(out, "{}\n");
        else
            dump_mapping(node, out, indent, inline_start);
        break;
    case NODE_SEQUENCE:
        if (node_count(node) == 0)
            buffer_append_text(out, "[]\n");
        else
            dump_sequence(node, out, indent, inline_start);
        break;
    }
}

void node_dump_yaml(const struct node *node, struct buffer *out)
{
    dump(node, out, 0, false);
}
