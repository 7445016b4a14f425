/* The five input kinds as data: which keys each mapping may hold, of which
 * type, whether required, with which default. One generic validator
 * (schema_validate.h) checks a loaded tree against them, and the format
 * reference (docs/format.md) documents them key by key. */
#ifndef GOLIVE_SCHEMA_H
#define GOLIVE_SCHEMA_H

#include "schema_choices.h"

#include <stdbool.h>
#include <stddef.h>

enum field_type {
    FIELD_TEXT,          /* one line of text */
    FIELD_MARKDOWN,      /* Markdown, may span lines */
    FIELD_BOOL,          /* true or false */
    FIELD_INTEGER,       /* a whole number >= 0 */
    FIELD_ENUM,          /* one of field.choices */
    FIELD_DURATION,      /* 30m, 2h, 7d, 1h30m */
    FIELD_DATE,          /* 2026-03-21 */
    FIELD_TIMESTAMP,     /* 2026-03-21T18:00:00+01:00 (offset required) */
    FIELD_PATH,          /* a file or folder, relative to the file naming it */
    FIELD_COLOUR,        /* #RRGGBB */
    FIELD_ID,            /* an identifier this file defines */
    FIELD_REFERENCE,     /* an identifier defined elsewhere */
    FIELD_MAPPING,       /* keys of field.nested */
    FIELD_LIST,          /* a list of field.element */
    FIELD_TEXT_MAP,      /* free identifier keys, each with one line of text */
    FIELD_WINDOW_OFFSET, /* T-48h, T+0:30: a moment relative to the window start */
    FIELD_TYPE_COUNT
};

struct schema;

struct field_spec {
    const char *key;
    enum field_type type;
    bool required;
    const char *default_text;    /* the default, as documented; NULL when none */
    const char *const *choices;  /* FIELD_ENUM, or a list of them; NULL-terminated */
    const struct schema *nested; /* FIELD_MAPPING, or a list of mappings */
    enum field_type element;     /* FIELD_LIST: the type of each element */
    /* FIELD_LIST of mappings: an element may also be a single value alone,
     * standing for this key of its mapping (a success criterion's text). */
    const char *shorthand;
    const char *meaning; /* one line for the format reference */
};

/* A mapping's keys. A schema with variants is a list element that takes the
 * first variant whose first key it holds (a run record is a result or a
 * sign-off). */
struct schema {
    const char *name; /* "item", "phase": names the mapping in messages */
    const struct field_spec *fields;
    size_t field_count;
    const struct schema *const *variants;
    size_t variant_count;
};

enum input_kind {
    INPUT_CHECKLIST,
    INPUT_PROJECT,
    INPUT_RUN,
    INPUT_AUDIT,
    INPUT_INVENTORY, /* written by golive import */
    INPUT_KIND_COUNT
};

/* schema_for_kind: the top-level schema of a file of this kind. */
const struct schema *schema_for_kind(enum input_kind kind);
/* schema_kind_name: "checklist", "project", "run", "audit", "inventory". */
const char *schema_kind_name(enum input_kind kind);
/* schema_type_name: the type's name in docs/format.md ("whole number"). */
const char *schema_type_name(enum field_type type);
/* schema_find_field: the spec of key in schema, or NULL. */
const struct field_spec *schema_find_field(const struct schema *schema, const char *key);

/* schema_field_at: the spec of the key at a dotted path from a kind's top
 * level ("phases.items.kind"); a list or mapping leads into its nested
 * schema, a schema with variants into the first variant holding the key.
 * NULL when there is no such key. */
const struct field_spec *schema_field_at(enum input_kind kind, const char *path);

/* The enumerations, NULL-terminated, shared by the model and the schema;
 * the first eight are indexed by the enums of schema_choices.h. */
extern const char *const schema_item_kinds[];
extern const char *const schema_outcomes[];
extern const char *const schema_statuses[];
extern const char *const schema_signoff_decisions[];
extern const char *const schema_condition_states[];
extern const char *const schema_finding_states[];
extern const char *const schema_criterion_states[];
extern const char *const schema_artifacts[];
extern const char *const schema_downtime_marks[];
extern const char *const schema_audit_verdicts[];
extern const char *const schema_component_types[];
extern const char *const schema_component_origins[];
extern const char *const schema_component_actions[];
extern const char *const schema_cleanup_kinds[];
extern const char *const schema_cleanup_actions[];
extern const char *const schema_severities[];
extern const char *const schema_likelihoods[];
extern const char *const schema_closeout_statuses[];
extern const char *const schema_contact_groups[];
extern const char *const schema_inventory_origins[];
extern const char *const schema_inventory_actions[];
extern const char *const schema_inventory_targets[];

/* schema_choice_index: the position of text among choices, or -1. */
int schema_choice_index(const char *const *choices, const char *text);
/* schema_choice_count: how many choices a NULL-ended list holds. */
size_t schema_choice_count(const char *const *choices);

#endif
