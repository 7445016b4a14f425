/* The document tree shared by loaded YAML and template data. */
#include "node.h"

#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Laid out small: a large engagement's view holds hundreds of thousands
 * of nodes. A scalar's text lives in the same allocation as the node. */
struct node {
    struct node **children; /* sequence items; mapping key, value, key, ... */
    struct source_position position;
    uint32_t length; /* scalars: bytes of text (inputs are at most 16 MiB) */
    uint32_t child_count, child_capacity;
    uint8_t kind; /* enum node_kind */
    uint8_t type; /* enum scalar_type, scalars only */
    bool borrows; /* the children belong to another tree */
    char text[];  /* scalars: NUL-terminated, may hold no NUL */
};

static struct node *node_new(enum node_kind kind)
{
    struct node *node = xcalloc(1, sizeof(struct node));
    node->kind = (uint8_t)kind;
    return node;
}

struct node *node_new_scalar(const char *text, size_t length, enum scalar_type type)
{
    struct node *node = xmalloc(sizeof(struct node) + length + 1);
    memset(node, 0, sizeof(struct node));
    node->kind = NODE_SCALAR;
    node->type = (uint8_t)type;
    node->length = (uint32_t)length;
    memcpy(node->text, text, length);
    node->text[length] = '\0';
    return node;
}

struct node *node_new_string(const char *text)
{
    return node_new_scalar(text, strlen(text), SCALAR_STRING);
}

struct node *node_new_bool(bool value)
{
    return node_new_scalar(value ? "true" : "false", value ? 4 : 5, SCALAR_BOOL);
}

struct node *node_new_sequence(void)
{
    return node_new(NODE_SEQUENCE);
}

struct node *node_new_borrowing_sequence(void)
{
    struct node *node = node_new(NODE_SEQUENCE);
    node->borrows = true;
    return node;
}

struct node *node_new_mapping(void)
{
    return node_new(NODE_MAPPING);
}

static void add_child(struct node *parent, struct node *child)
{
    size_t capacity = parent->child_capacity; /* 32 bits in the node, to keep it small */
    parent->children =
        xgrow(parent->children, &capacity, (size_t)parent->child_count + 1, sizeof(struct node *));
    parent->child_capacity = (uint32_t)capacity;
    parent->children[parent->child_count++] = child;
}

void node_sequence_append(struct node *sequence, struct node *item)
{
    add_child(sequence, item);
}

void node_mapping_append(struct node *mapping, struct node *key, struct node *value)
{
    add_child(mapping, key);
    add_child(mapping, value);
}

void node_mapping_set(struct node *mapping, const char *key, struct node *value)
{
    for (size_t index = 0; index + 1 < mapping->child_count; index += 2) {
        if (mapping->children[index]->kind == NODE_SCALAR &&
            strcmp(mapping->children[index]->text, key) == 0) {
            node_free(mapping->children[index + 1]);
            mapping->children[index + 1] = value;
            return;
        }
    }
    node_mapping_append(mapping, node_new_string(key), value);
}

/* Trees are walked with an explicit stack rather than recursion, so that no
 * tree, however deep, can exhaust the C stack. */
struct node_stack {
    const struct node **items;
    size_t count, capacity;
};

static void stack_push(struct node_stack *stack, const struct node *node)
{
    stack->items = xgrow(stack->items, &stack->capacity, stack->count + 1, sizeof(struct node *));
    stack->items[stack->count++] = node;
}

void node_free(struct node *node)
{
    if (!node)
        return;
    struct node_stack stack = {0};
    stack_push(&stack, node);
    while (stack.count) {
        struct node *current = (struct node *)stack.items[--stack.count];
        for (size_t index = 0; index < current->child_count && !current->borrows; index++)
            stack_push(&stack, current->children[index]);
        free(current->children);
        free(current);
    }
    free(stack.items);
}

/* Copies with a work list of (source, destination) pairs: each destination
 * is created childless, then its children are copied as they come off the
 * list. */
struct node *node_copy(const struct node *node)
{
    struct node_stack sources = {0}, targets = {0};
    struct node *root = NULL;
    stack_push(&sources, node);
    stack_push(&targets, NULL);
    while (sources.count) {
        const struct node *source = sources.items[--sources.count];
        struct node *parent = (struct node *)targets.items[--targets.count];
        struct node *copy =
            source->kind == NODE_SCALAR
                ? node_new_scalar(source->text, source->length, (enum scalar_type)source->type)
                : node_new((enum node_kind)source->kind);
        copy->position = source->position;
        if (parent)
            add_child(parent, copy);
        else
            root = copy;
        /* Reserve the children now so that pushing in reverse keeps order. */
        for (size_t index = source->child_count; index-- > 0;) {
            stack_push(&sources, source->children[index]);
            stack_push(&targets, copy);
        }
    }
    free(sources.items);
    free(targets.items);
    return root;
}

void node_set_position(struct node *node, struct source_position position)
{
    node->position = position;
}

enum node_kind node_kind(const struct node *node)
{
    return (enum node_kind)node->kind;
}

struct source_position node_position(const struct node *node)
{
    return node->position;
}

const char *node_scalar_text(const struct node *node)
{
    return node->kind == NODE_SCALAR ? node->text : "";
}

size_t node_scalar_length(const struct node *node)
{
    return node->kind == NODE_SCALAR ? node->length : 0;
}

enum scalar_type node_scalar_type(const struct node *node)
{
    return (enum scalar_type)node->type;
}

bool node_scalar_is_true(const struct node *node)
{
    return node->kind == NODE_SCALAR && node->type == SCALAR_BOOL &&
           (node->text[0] == 't' || node->text[0] == 'T');
}

size_t node_count(const struct node *node)
{
    if (node->kind == NODE_MAPPING)
        return node->child_count / 2;
    return node->kind == NODE_SEQUENCE ? node->child_count : 0;
}

struct node *node_sequence_item(const struct node *sequence, size_t index)
{
    return sequence->children[index];
}

struct node *node_mapping_key(const struct node *mapping, size_t index)
{
    return mapping->children[2 * index];
}

struct node *node_mapping_value(const struct node *mapping, size_t index)
{
    return mapping->children[2 * index + 1];
}

struct node *node_mapping_find(const struct node *mapping, const char *key)
{
    if (mapping->kind != NODE_MAPPING)
        return NULL;
    /* The template engine asks here for every name it prints, mostly of
     * keys that differ: the stored lengths settle most without a call. */
    size_t length = strlen(key);
    for (size_t index = 0; index + 1 < mapping->child_count; index += 2) {
        const struct node *name = mapping->children[index];
        if (name->kind == NODE_SCALAR && name->length == length &&
            memcmp(name->text, key, length) == 0)
            return mapping->children[index + 1];
    }
    return NULL;
}

const char *node_kind_name(enum node_kind kind)
{
    switch (kind) {
    case NODE_SCALAR: return "a single value";
    case NODE_SEQUENCE: return "a list";
    case NODE_MAPPING: return "a mapping";
    }
    return "a value";
}
