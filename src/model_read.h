/* Reading typed values out of validated mappings, for the model builders.
 *
 * These readers are silent: the schema validator has already reported
 * whatever is wrong, so a reader given a missing or malformed value returns
 * the fallback and lets the builder carry on, and one run still reports every
 * problem. */
#ifndef GOLIVE_MODEL_READ_H
#define GOLIVE_MODEL_READ_H

#include "arena.h"
#include "model.h"
#include "node.h"
#include "schema.h"

#include <stdbool.h>

/* read_view: the scalar text at key, not copied, or NULL. */
const char *read_view(const struct node *mapping, const char *key);
/* read_text: a copy of the scalar text at key in arena, or NULL. The
 * readers that copy (read_text*) all copy into arena. */
char *read_text(struct arena *arena, const struct node *mapping, const char *key);
bool read_bool(const struct node *mapping, const char *key, bool fallback);
long long read_integer(const struct node *mapping, const char *key, long long fallback);
/* read_choice: the index of the value among choices, or fallback. */
int read_choice(const struct node *mapping, const char *key, const char *const *choices,
                int fallback);
struct duration read_duration(const struct node *mapping, const char *key);
/* read_window_offset: at: T-48h, as minutes from the window start. */
struct duration read_window_offset(const struct node *mapping, const char *key);
struct date read_date(const struct node *mapping, const char *key);
struct timestamp read_timestamp(const struct node *mapping, const char *key);
struct colour read_colour(const struct node *mapping, const char *key);
/* read_list: the sequence at key, or NULL (absent, empty or not a list). */
const struct node *read_list(const struct node *mapping, const char *key);
/* read_mapping: the mapping at key, or NULL. */
const struct node *read_mapping(const struct node *mapping, const char *key);
struct text_list read_text_list(struct arena *arena, const struct node *mapping, const char *key);
struct text_map read_text_map(struct arena *arena, const struct node *mapping, const char *key);
/* read_set: one bit per choice named in the list at key; fallback when the
 * key is absent. */
unsigned read_set(const struct node *mapping, const char *key, const char *const *choices,
                  unsigned fallback);
/* Readers whose fallback, when the key is absent, is the default the schema
 * table gives the key at path (schema_field_at: "phases.items.blocking"), so
 * that a default is written once. A list default is "[a, b]" or "all ...";
 * words after it describe a condition the builder applies itself. */
bool read_bool_or_default(const struct node *mapping, enum input_kind kind, const char *path);
long long read_integer_or_default(const struct node *mapping, enum input_kind kind,
                                  const char *path);
int read_choice_or_default(const struct node *mapping, enum input_kind kind, const char *path);
unsigned read_set_or_default(const struct node *mapping, enum input_kind kind, const char *path);
/* read_text_or_default: a copy (in arena) of the text at path, else of its
 * default. */
char *read_text_or_default(struct arena *arena, const struct node *mapping, enum input_kind kind,
                           const char *path);
/* read_position: where the value at key is, else where the mapping is. */
struct source_position read_position(const struct node *mapping, const char *key);

#endif
