/* The document tree: scalars, sequences and mappings, each knowing where it
 * came from.
 *
 * Loaded YAML (see yaml_load.h) and the data built for templates (the view)
 * share this one type, so the template engine reads both alike. The type is
 * opaque: read it through the getters, build it through the constructors.
 * A parent owns its children; node_free releases a whole tree. */
#ifndef GOLIVE_NODE_H
#define GOLIVE_NODE_H

#include "source_position.h"

#include <stdbool.h>
#include <stddef.h>

enum node_kind {
    NODE_SCALAR,
    NODE_SEQUENCE,
    NODE_MAPPING,
};

/* What a scalar means, resolved once by the YAML 1.2 core schema: a plain
 * `true` is a boolean, a quoted "true" is text. */
enum scalar_type {
    SCALAR_STRING,
    SCALAR_NULL,
    SCALAR_BOOL,
    SCALAR_INT,
    SCALAR_FLOAT,
};

struct node;

struct node *node_new_scalar(const char *text, size_t length, enum scalar_type type);
struct node *node_new_string(const char *text);
struct node *node_new_bool(bool value);
struct node *node_new_sequence(void);
/* node_new_borrowing_sequence: a sequence whose items belong to another
 * tree (which must outlive it): freeing it frees only the sequence. The
 * view uses it to show the same checklists in several places. */
struct node *node_new_borrowing_sequence(void);
struct node *node_new_mapping(void);
/* node_copy: a deep copy, positions included. */
struct node *node_copy(const struct node *node);
void node_free(struct node *node);

void node_set_position(struct node *node, struct source_position position);
/* node_sequence_append: the sequence takes ownership of item. */
void node_sequence_append(struct node *sequence, struct node *item);
/* node_mapping_append: the mapping takes ownership of key and value. It does
 * not check for duplicate keys (the loader does); node_mapping_set does. */
void node_mapping_append(struct node *mapping, struct node *key, struct node *value);
/* node_mapping_set: adds key: value, or replaces the value of an existing key
 * (freeing the old one). Takes ownership of value. */
void node_mapping_set(struct node *mapping, const char *key, struct node *value);

enum node_kind node_kind(const struct node *node);
struct source_position node_position(const struct node *node);

const char *node_scalar_text(const struct node *node);
size_t node_scalar_length(const struct node *node);
enum scalar_type node_scalar_type(const struct node *node);
/* node_scalar_is_true: the scalar is the boolean true. */
bool node_scalar_is_true(const struct node *node);

/* node_count: items of a sequence, pairs of a mapping, 0 for a scalar. */
size_t node_count(const struct node *node);
struct node *node_sequence_item(const struct node *sequence, size_t index);
struct node *node_mapping_key(const struct node *mapping, size_t index);
struct node *node_mapping_value(const struct node *mapping, size_t index);
/* node_mapping_find: the value for key, or NULL. */
struct node *node_mapping_find(const struct node *mapping, const char *key);

const char *node_kind_name(enum node_kind kind);

#endif
