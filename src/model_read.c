/* Silent typed readers over validated mappings. */
#include "model_read.h"

#include "alloc.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

/* The scalar at key when it holds a value, else NULL. */
static const struct node *scalar_at(const struct node *mapping, const char *key)
{
    if (!mapping || node_kind(mapping) != NODE_MAPPING)
        return NULL;
    const struct node *value = node_mapping_find(mapping, key);
    if (!value || node_kind(value) != NODE_SCALAR || node_scalar_type(value) == SCALAR_NULL)
        return NULL;
    return value;
}

const char *read_view(const struct node *mapping, const char *key)
{
    const struct node *value = scalar_at(mapping, key);
    return value ? node_scalar_text(value) : NULL;
}

char *read_text(struct arena *arena, const struct node *mapping, const char *key)
{
    const struct node *value = scalar_at(mapping, key);
    return value && node_scalar_length(value) ? arena_strdup(arena, node_scalar_text(value)) : NULL;
}

bool read_bool(const struct node *mapping, const char *key, bool fallback)
{
    const struct node *value = scalar_at(mapping, key);
    if (!value || node_scalar_type(value) != SCALAR_BOOL)
        return fallback;
    return node_scalar_is_true(value);
}

long long read_integer(const struct node *mapping, const char *key, long long fallback)
{
    const struct node *value = scalar_at(mapping, key);
    if (!value || node_scalar_type(value) != SCALAR_INT)
        return fallback;
    return strtoll(node_scalar_text(value), NULL, 0);
}

int read_choice(const struct node *mapping, const char *key, const char *const *choices,
                int fallback)
{
    const struct node *value = scalar_at(mapping, key);
    int index = value ? schema_choice_index(choices, node_scalar_text(value)) : -1;
    return index >= 0 ? index : fallback;
}

/* A duration-like value read with parse; unset when absent or unreadable. */
static struct duration read_minutes(const struct node *mapping, const char *key,
                                    bool (*parse)(const char *, struct duration *))
{
    struct duration duration = {0};
    const struct node *value = scalar_at(mapping, key);
    if (value && !parse(node_scalar_text(value), &duration))
        duration.set = false;
    return duration;
}

struct duration read_duration(const struct node *mapping, const char *key)
{
    return read_minutes(mapping, key, value_parse_duration);
}

struct duration read_window_offset(const struct node *mapping, const char *key)
{
    return read_minutes(mapping, key, value_parse_window_offset);
}

struct date read_date(const struct node *mapping, const char *key)
{
    struct date date = {0};
    const struct node *value = scalar_at(mapping, key);
    if (value && !value_parse_date(node_scalar_text(value), &date))
        date.set = false;
    return date;
}

struct timestamp read_timestamp(const struct node *mapping, const char *key)
{
    struct timestamp timestamp = {0};
    const struct node *value = scalar_at(mapping, key);
    if (value && !value_parse_timestamp(node_scalar_text(value), &timestamp))
        timestamp.set = false;
    return timestamp;
}

struct colour read_colour(const struct node *mapping, const char *key)
{
    struct colour colour = {0};
    const struct node *value = scalar_at(mapping, key);
    if (value && !value_parse_colour(node_scalar_text(value), &colour))
        colour.set = false;
    return colour;
}

const struct node *read_list(const struct node *mapping, const char *key)
{
    if (!mapping || node_kind(mapping) != NODE_MAPPING)
        return NULL;
    const struct node *value = node_mapping_find(mapping, key);
    return value && node_kind(value) == NODE_SEQUENCE ? value : NULL;
}

const struct node *read_mapping(const struct node *mapping, const char *key)
{
    if (!mapping || node_kind(mapping) != NODE_MAPPING)
        return NULL;
    const struct node *value = node_mapping_find(mapping, key);
    return value && node_kind(value) == NODE_MAPPING ? value : NULL;
}

struct text_list read_text_list(struct arena *arena, const struct node *mapping, const char *key)
{
    struct text_list list = {0};
    const struct node *sequence = read_list(mapping, key);
    if (!sequence)
        return list;
    list.items = arena_calloc(arena, node_count(sequence), sizeof(char *));
    for (size_t index = 0; index < node_count(sequence); index++) {
        const struct node *item = node_sequence_item(sequence, index);
        if (node_kind(item) == NODE_SCALAR && node_scalar_length(item))
            list.items[list.count++] = arena_strdup(arena, node_scalar_text(item));
    }
    return list;
}

struct text_map read_text_map(struct arena *arena, const struct node *mapping, const char *key)
{
    struct text_map map = {0};
    const struct node *pairs = read_mapping(mapping, key);
    if (!pairs)
        return map;
    map.pairs = arena_calloc(arena, node_count(pairs), sizeof(struct text_pair));
    for (size_t index = 0; index < node_count(pairs); index++) {
        const struct node *value = node_mapping_value(pairs, index);
        if (node_kind(value) != NODE_SCALAR)
            continue;
        map.pairs[map.count].key =
            arena_strdup(arena, node_scalar_text(node_mapping_key(pairs, index)));
        map.pairs[map.count].text = arena_strdup(arena, node_scalar_text(value));
        map.count++;
    }
    return map;
}

unsigned read_set(const struct node *mapping, const char *key, const char *const *choices,
                  unsigned fallback)
{
    if (!mapping || !node_mapping_find(mapping, key))
        return fallback;
    unsigned set = 0;
    const struct node *sequence = read_list(mapping, key);
    for (size_t index = 0; sequence && index < node_count(sequence); index++) {
        const struct node *item = node_sequence_item(sequence, index);
        int choice = node_kind(item) == NODE_SCALAR
                         ? schema_choice_index(choices, node_scalar_text(item))
                         : -1;
        if (choice >= 0)
            set |= 1u << choice;
    }
    return set;
}

struct source_position read_position(const struct node *mapping, const char *key)
{
    const struct node *value =
        node_kind(mapping) == NODE_MAPPING ? node_mapping_find(mapping, key) : NULL;
    return node_position(value ? value : mapping);
}

/* The key that path ends in, and its spec; every path a builder names is in
 * the tables (the model's tests apply each default). */
static const char *last_key(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot ? dot + 1 : path;
}

static const char *default_of(enum input_kind kind, const char *path,
                              const struct field_spec **spec)
{
    *spec = schema_field_at(kind, path);
    return *spec ? (*spec)->default_text : NULL;
}

bool read_bool_or_default(const struct node *mapping, enum input_kind kind, const char *path)
{
    const struct field_spec *spec;
    const char *fallback = default_of(kind, path, &spec);
    return read_bool(mapping, last_key(path), fallback && strcmp(fallback, "true") == 0);
}

long long read_integer_or_default(const struct node *mapping, enum input_kind kind,
                                  const char *path)
{
    const struct field_spec *spec;
    const char *fallback = default_of(kind, path, &spec);
    return read_integer(mapping, last_key(path), fallback ? strtoll(fallback, NULL, 10) : 0);
}

int read_choice_or_default(const struct node *mapping, enum input_kind kind, const char *path)
{
    const struct field_spec *spec;
    const char *fallback = default_of(kind, path, &spec);
    if (!spec || !spec->choices)
        return -1;
    return read_choice(mapping, last_key(path), spec->choices,
                       fallback ? schema_choice_index(spec->choices, fallback) : -1);
}

/* The set a list default names: "all ..." is every choice, "[a, b] ..."
 * the ones listed. */
static unsigned default_set(const char *text, const char *const *choices)
{
    if (!text)
        return 0;
    if (strncmp(text, "all ", 4) == 0)
        return (1u << schema_choice_count(choices)) - 1;
    unsigned set = 0;
    const char *cursor = text + (*text == '[');
    while (*cursor && *cursor != ']') {
        size_t length = strcspn(cursor, ",]");
        for (int index = 0; choices[index]; index++)
            if (strlen(choices[index]) == length && memcmp(choices[index], cursor, length) == 0)
                set |= 1u << index;
        cursor += length;
        cursor += strspn(cursor, ", ");
    }
    return set;
}

unsigned read_set_or_default(const struct node *mapping, enum input_kind kind, const char *path)
{
    const struct field_spec *spec;
    const char *fallback = default_of(kind, path, &spec);
    if (!spec || !spec->choices)
        return 0;
    return read_set(mapping, last_key(path), spec->choices, default_set(fallback, spec->choices));
}

char *read_text_or_default(struct arena *arena, const struct node *mapping, enum input_kind kind,
                           const char *path)
{
    char *text = read_text(arena, mapping, last_key(path));
    const struct field_spec *spec;
    const char *fallback = default_of(kind, path, &spec);
    return text || !fallback ? text : arena_strdup(arena, fallback);
}
