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

/* A mapping keeps its pairs in order, and once it is large and looked up
 * often, an index of its keys beside them: the template engine asks for
 * names in mappings of hundreds of keys (a catalog's words) and the view
 * sets keys one by one into mappings of dozens, each after a search. The
 * index is a hash table of pair numbers (open addressing, linear probing)
 * holding each scalar key's first pair, so a lookup finds what the scan
 * in order finds. */
struct mapping_index {
    uint32_t *slots; /* pair number + 1, 0 for an empty slot; NULL: no index */
    uint32_t slot_count;
    uint32_t searches; /* lookups made by scanning, until the index is built */
};
/* A mapping's index sits right behind its node, in the same allocation. */
_Static_assert(sizeof(struct node) % _Alignof(struct mapping_index) == 0,
               "a mapping's index follows its node aligned");

enum {
    INDEX_MIN_PAIRS = 12,     /* smaller mappings are scanned: as fast, no memory */
    INDEX_AFTER_SEARCHES = 8, /* a mapping looked up a few times only is scanned */
};

static struct node *node_new(enum node_kind kind)
{
    struct node *node =
        xcalloc(1, sizeof(struct node) + (kind == NODE_MAPPING ? sizeof(struct mapping_index) : 0));
    node->kind = (uint8_t)kind;
    return node;
}

static struct mapping_index *index_of(const struct node *mapping)
{
    return (struct mapping_index *)((char *)mapping + sizeof(struct node));
}

static uint32_t hash_key(const char *key, size_t length)
{
    uint32_t hash = 2166136261u; /* FNV-1a */
    for (size_t index = 0; index < length; index++)
        hash = (hash ^ (unsigned char)key[index]) * 16777619u;
    return hash;
}

static bool key_is(const struct node *name, const char *key, size_t length)
{
    return name->kind == NODE_SCALAR && name->length == length &&
           memcmp(name->text, key, length) == 0;
}

/* The slot of key in mapping's index: the one holding its pair, or the
 * empty one where it would go. */
static uint32_t *index_slot(const struct node *mapping, const char *key, size_t length)
{
    const struct mapping_index *index = index_of(mapping);
    uint32_t mask = index->slot_count - 1;
    for (uint32_t at = hash_key(key, length) & mask;; at = (at + 1) & mask) {
        uint32_t *slot = &index->slots[at];
        if (*slot == 0 || key_is(mapping->children[2 * (*slot - 1)], key, length))
            return slot;
    }
}

/* Enters pair into the index unless its key is there already (an earlier
 * pair of the same key stays the one found). */
static void index_add(const struct node *mapping, uint32_t pair)
{
    const struct node *name = mapping->children[2 * pair];
    if (name->kind != NODE_SCALAR)
        return;
    uint32_t *slot = index_slot(mapping, name->text, name->length);
    if (*slot == 0)
        *slot = pair + 1;
}

/* (Re)builds the index, with at least twice as many slots as pairs (it
 * is rebuilt once over half full). */
static void index_build(const struct node *mapping)
{
    struct mapping_index *index = index_of(mapping);
    uint32_t pairs = mapping->child_count / 2, slot_count = 16;
    while (slot_count < 2 * pairs)
        slot_count *= 2;
    free(index->slots);
    index->slots = xcalloc(slot_count, sizeof(uint32_t));
    index->slot_count = slot_count;
    for (uint32_t pair = 0; pair < pairs; pair++)
        index_add(mapping, pair);
}

/* The number of key's first pair in mapping, or -1. */
static long find_pair(const struct node *mapping, const char *key, size_t length)
{
    struct mapping_index *index = index_of(mapping);
    uint32_t pairs = mapping->child_count / 2;
    if (!index->slots && pairs >= INDEX_MIN_PAIRS && ++index->searches > INDEX_AFTER_SEARCHES)
        index_build(mapping);
    if (index->slots) {
        uint32_t slot = *index_slot(mapping, key, length);
        return slot ? (long)slot - 1 : -1;
    }
    for (uint32_t pair = 0; pair < pairs; pair++)
        if (key_is(mapping->children[2 * pair], key, length))
            return pair;
    return -1;
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
    const struct mapping_index *index = index_of(mapping);
    if (!index->slots)
        return;
    if (mapping->child_count > index->slot_count) /* over half full */
        index_build(mapping);
    else
        index_add(mapping, mapping->child_count / 2 - 1);
}

void node_mapping_set(struct node *mapping, const char *key, struct node *value)
{
    size_t length = strlen(key);
    long pair = find_pair(mapping, key, length);
    if (pair >= 0) {
        node_free(mapping->children[2 * pair + 1]);
        mapping->children[2 * pair + 1] = value;
        return;
    }
    node_mapping_append(mapping, node_new_scalar(key, length, SCALAR_STRING), value);
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
        for (size_t index = 0; index < current->child_count && !current->borrows; index++) {
            struct node *child = current->children[index];
            if (child->kind == NODE_SCALAR) /* most nodes: freed without the stack */
                free(child);
            else
                stack_push(&stack, child);
        }
        free(current->children);
        if (current->kind == NODE_MAPPING)
            free(index_of(current)->slots);
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
    long pair = find_pair(mapping, key, strlen(key));
    return pair >= 0 ? mapping->children[2 * pair + 1] : NULL;
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
