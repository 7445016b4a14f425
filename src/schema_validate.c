/* The generic validator behind every input kind. */
#include "schema_validate.h"

#include "golive_limits.h"
#include "suggest.h"
#include "utf8.h"
#include "value.h"

#include <stdio.h>
#include <string.h>

struct validation {
    struct diag_sink *sink;
    bool failed;
};

/* Reports a problem at a node; returns false, for "return ok || report(...)". */
static bool report(struct validation *validation, enum diag_code code, const struct node *at,
                   const char *format, ...) __attribute__((format(printf, 4, 5)));

static bool report(struct validation *validation, enum diag_code code, const struct node *at,
                   const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    diag_v(validation->sink, code, node_position(at), format, arguments);
    va_end(arguments);
    validation->failed = true;
    return false;
}

void schema_join_choices(const char *const *choices, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t index = 0; choices[index] && used < size; index++) {
        const char *separator = index == 0 ? "" : choices[index + 1] ? ", " : " or ";
        used += (size_t)snprintf(out + used, size - used, "%s%s", separator, choices[index]);
    }
}

static bool check_text(struct validation *validation, const struct node *value, const char *key,
                       bool single_line)
{
    if (node_scalar_type(value) == SCALAR_NULL || node_scalar_length(value) == 0) {
        report(validation, DIAG_EMPTY_VALUE, value, "'%s' is empty", key);
        return false;
    }
    if (single_line && strchr(node_scalar_text(value), '\n')) {
        report(validation, DIAG_MULTILINE_TEXT, value, "'%s' must be one line of text", key);
        return false;
    }
    size_t characters = utf8_count(node_scalar_text(value), node_scalar_length(value));
    unsigned limit = single_line ? LIMIT_TEXT_LENGTH : LIMIT_MARKDOWN_LENGTH;
    if (characters > limit) {
        report(validation, DIAG_TEXT_TOO_LONG, value,
               "'%s' is %zu characters long; the limit for %s is %u", key, characters,
               single_line ? "one line of text" : "Markdown text", limit);
        return false;
    }
    return true;
}

static bool check_choice(struct validation *validation, const struct node *value, const char *key,
                         const char *const *choices)
{
    const char *text = node_scalar_text(value);
    if (schema_choice_index(choices, text) >= 0)
        return true;
    char listed[256];
    schema_join_choices(choices, listed, sizeof listed);
    char hint[96];
    report(validation, DIAG_UNKNOWN_CHOICE, value, "'%s' must be %s, not '%s'%s", key, listed, text,
           suggest_hint(text, choices, schema_choice_count(choices), hint, sizeof hint));
    return false;
}

static bool check_path(struct validation *validation, const struct node *value, const char *key)
{
    const char *text = node_scalar_text(value);
    if (text[0] == '/') {
        report(validation, DIAG_BAD_PATH, value,
               "'%s' must be a path relative to this file, not the absolute '%s'", key, text);
        return false;
    }
    return true;
}

/* The scalar types: each parsed the way the model will read it. */
static bool check_form(struct validation *validation, const struct node *value, const char *key,
                       enum field_type type, const char *const *choices)
{
    const char *text = node_scalar_text(value);
    struct duration duration;
    struct date date;
    struct timestamp timestamp;
    struct colour colour;
    switch (type) {
    case FIELD_BOOL:
        return node_scalar_type(value) == SCALAR_BOOL ||
               report(validation, DIAG_EXPECTED_BOOL, value, "'%s' must be true or false, not '%s'",
                      key, text);
    case FIELD_INTEGER:
        return (node_scalar_type(value) == SCALAR_INT && text[0] != '-') ||
               report(validation, DIAG_EXPECTED_INTEGER, value,
                      "'%s' must be a whole number, not '%s'", key, text);
    case FIELD_ENUM: return check_choice(validation, value, key, choices);
    case FIELD_DURATION:
        return value_parse_duration(text, &duration) ||
               report(validation, DIAG_BAD_DURATION, value,
                      "'%s' must be a duration such as 30m, 2h, 1h30m or 7d, not '%s'", key, text);
    case FIELD_WINDOW_OFFSET:
        return value_parse_window_offset(text, &duration) ||
               report(validation, DIAG_BAD_WINDOW_OFFSET, value,
                      "'%s' must be a time relative to the window start, such as T-48h, "
                      "T+0:30 or T+1h30m, not '%s'",
                      key, text);
    case FIELD_DATE:
        return value_parse_date(text, &date) ||
               report(validation, DIAG_BAD_DATE, value,
                      "'%s' must be a date as YYYY-MM-DD, not '%s'", key, text);
    case FIELD_TIMESTAMP:
        return value_parse_timestamp(text, &timestamp) ||
               report(validation, DIAG_BAD_TIMESTAMP, value,
                      "'%s' must be a date and time with its UTC offset, such as "
                      "2026-03-21T18:00:00+01:00, not '%s'",
                      key, text);
    case FIELD_COLOUR:
        return value_parse_colour(text, &colour) ||
               report(validation, DIAG_BAD_COLOUR, value,
                      "'%s' must be a colour as #RRGGBB, not '%s'", key, text);
    case FIELD_ID:
    case FIELD_REFERENCE:
        if (strlen(text) > LIMIT_ID_LENGTH)
            return report(validation, DIAG_BAD_IDENTIFIER, value,
                          "'%s' is %zu characters long; an identifier holds at most %u", key,
                          strlen(text), LIMIT_ID_LENGTH);
        return value_is_identifier(text) ||
               report(validation, DIAG_BAD_IDENTIFIER, value,
                      "'%s' must be an identifier (letters, digits, '.', '_', '-'), not '%s'", key,
                      text);
    case FIELD_PATH: return check_path(validation, value, key);
    default: return true; /* text and Markdown: any non-empty value */
    }
}

static bool check_scalar(struct validation *validation, const struct node *value, const char *key,
                         enum field_type type, const char *const *choices)
{
    if (node_kind(value) != NODE_SCALAR) {
        report(validation, DIAG_EXPECTED_SCALAR, value, "'%s' must be a single value, not %s", key,
               node_kind_name(node_kind(value)));
        return false;
    }
    return check_text(validation, value, key, type != FIELD_MARKDOWN) &&
           check_form(validation, value, key, type, choices);
}

bool schema_check_value(const struct node *value, const char *key, enum field_type type,
                        const char *const *choices, struct diag_sink *sink)
{
    struct validation validation = {sink, false};
    return check_scalar(&validation, value, key, type, choices);
}

static void check_mapping(struct validation *validation, const struct node *mapping,
                          const struct schema *schema);
static void check_field(struct validation *validation, const struct node *value,
                        const struct field_spec *field);

/* Free identifier keys, one line of text each (evidence, roles). */
static void check_text_map(struct validation *validation, const struct node *mapping,
                           const char *key)
{
    if (node_kind(mapping) != NODE_MAPPING) {
        if (node_kind(mapping) == NODE_SCALAR && node_scalar_type(mapping) == SCALAR_NULL)
            return;
        report(validation, DIAG_EXPECTED_MAPPING, mapping,
               "'%s' must be a mapping of 'name: text' lines, not %s", key,
               node_kind_name(node_kind(mapping)));
        return;
    }
    for (size_t index = 0; index < node_count(mapping); index++) {
        const struct node *name = node_mapping_key(mapping, index);
        check_scalar(validation, name, key, FIELD_ID, NULL);
        check_scalar(validation, node_mapping_value(mapping, index), node_scalar_text(name),
                     FIELD_TEXT, NULL);
    }
}

static void check_list(struct validation *validation, const struct node *list,
                       const struct field_spec *field)
{
    if (node_kind(list) != NODE_SEQUENCE) {
        /* An empty value is an empty list: a new run file holds "records:". */
        if (node_kind(list) == NODE_SCALAR && node_scalar_type(list) == SCALAR_NULL)
            return;
        report(validation, DIAG_EXPECTED_LIST, list, "'%s' must be a list, not %s", field->key,
               node_kind_name(node_kind(list)));
        return;
    }
    struct field_spec element = *field;
    element.type = field->element;
    const struct field_spec *alone =
        field->shorthand ? schema_find_field(field->nested, field->shorthand) : NULL;
    for (size_t index = 0; index < node_count(list); index++) {
        const struct node *item = node_sequence_item(list, index);
        bool single =
            alone && node_kind(item) == NODE_SCALAR && node_scalar_type(item) != SCALAR_NULL;
        check_field(validation, item, single ? alone : &element);
    }
}

static void check_field(struct validation *validation, const struct node *value,
                        const struct field_spec *field)
{
    switch (field->type) {
    case FIELD_MAPPING: check_mapping(validation, value, field->nested); return;
    case FIELD_LIST: check_list(validation, value, field); return;
    case FIELD_TEXT_MAP: check_text_map(validation, value, field->key); return;
    default: check_scalar(validation, value, field->key, field->type, field->choices); return;
    }
}

/* A list element with variants takes the first whose leading key it has. */
static const struct schema *choose_variant(struct validation *validation,
                                           const struct node *mapping, const struct schema *schema)
{
    for (size_t index = 0; index < schema->variant_count; index++)
        if (node_mapping_find(mapping, schema->variants[index]->fields[0].key))
            return schema->variants[index];
    char keys[128] = "";
    size_t used = 0;
    for (size_t index = 0; index < schema->variant_count; index++)
        used += (size_t)snprintf(keys + used, sizeof keys - used, "%s'%s'",
                                 index == 0                           ? ""
                                 : index + 1 == schema->variant_count ? " or "
                                                                      : ", ",
                                 schema->variants[index]->fields[0].key);
    report(validation, DIAG_UNKNOWN_RECORD, mapping, "this %s has none of the keys %s",
           schema->name, keys);
    return NULL;
}

static void report_unknown_key(struct validation *validation, const struct node *key,
                               const struct schema *schema)
{
    const char *names[64];
    size_t count = schema->field_count < 64 ? schema->field_count : 64;
    for (size_t index = 0; index < count; index++)
        names[index] = schema->fields[index].key;
    char hint[96];
    report(validation, DIAG_UNKNOWN_KEY, key, "unknown key '%s' in this %s%s",
           node_scalar_text(key), schema->name,
           suggest_hint(node_scalar_text(key), names, count, hint, sizeof hint));
}

static void check_mapping(struct validation *validation, const struct node *mapping,
                          const struct schema *schema)
{
    if (node_kind(mapping) != NODE_MAPPING) {
        report(validation, DIAG_EXPECTED_MAPPING, mapping, "this %s must be a mapping, not %s",
               schema->name,
               node_kind(mapping) == NODE_SCALAR && node_scalar_type(mapping) == SCALAR_NULL
                   ? "empty"
                   : node_kind_name(node_kind(mapping)));
        return;
    }
    if (schema->variant_count) {
        schema = choose_variant(validation, mapping, schema);
        if (!schema)
            return;
    }
    for (size_t index = 0; index < node_count(mapping); index++) {
        const struct node *key = node_mapping_key(mapping, index);
        const struct field_spec *field = schema_find_field(schema, node_scalar_text(key));
        if (!field)
            report_unknown_key(validation, key, schema);
        else
            check_field(validation, node_mapping_value(mapping, index), field);
    }
    for (size_t index = 0; index < schema->field_count; index++)
        if (schema->fields[index].required &&
            !node_mapping_find(mapping, schema->fields[index].key))
            report(validation, DIAG_MISSING_KEY, mapping, "this %s lacks the required key '%s'",
                   schema->name, schema->fields[index].key);
}

bool schema_validate(const struct node *root, const struct schema *schema, struct diag_sink *sink)
{
    struct validation validation = {sink, false};
    check_mapping(&validation, root, schema);
    return !validation.failed;
}

bool schema_detect_kind(const struct node *root, const char *path, enum input_kind *kind,
                        struct diag_sink *sink)
{
    static const char *const names[] = {"checklist", "project", "run", "audit", "inventory", NULL};
    struct validation validation = {sink, false};
    if (node_kind(root) != NODE_MAPPING) {
        report(&validation, DIAG_EXPECTED_MAPPING, root,
               "a golive file must be a mapping that starts with 'kind:', not %s",
               node_kind_name(node_kind(root)));
        return false;
    }
    const struct node *value = node_mapping_find(root, "kind");
    if (!value) {
        (void)path;
        diag(sink, DIAG_KIND_MISSING, node_position(root),
             "this file does not say what it is: add 'kind: checklist', 'kind: project', "
             "'kind: run', 'kind: audit' or 'kind: inventory'");
        return false;
    }
    if (!check_scalar(&validation, value, "kind", FIELD_TEXT, NULL))
        return false;
    int index = schema_choice_index(names, node_scalar_text(value));
    if (index < 0) {
        char hint[96];
        diag(sink, DIAG_KIND_UNKNOWN, node_position(value),
             "unknown kind '%s'; golive reads checklist, project, run, audit and inventory files%s",
             node_scalar_text(value),
             suggest_hint(node_scalar_text(value), names, 5, hint, sizeof hint));
        return false;
    }
    *kind = (enum input_kind)index;
    return true;
}
