/* golive list KIND: the keys a file of one kind may hold, from the schema
 * tables, with their meanings (the same tables docs/format.md is checked
 * against). */
#include "cli_list_keys.h"

#include "schema.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* A mapping still to list, with the path of keys that leads to it. */
struct pending_schema {
    const struct schema *schema;
    char prefix[128];
    bool variant; /* one of several shapes a list element takes */
};

#define PENDING_MOST 48

/* "  phases.items.kind (choice, default check): what it means" */
static void list_field(const struct field_spec *field, const char *prefix, struct buffer *out)
{
    buffer_printf(out, "  %s%s (%s", prefix, field->key, schema_type_name(field->type));
    if (field->type == FIELD_LIST)
        buffer_printf(out, " of %s",
                      field->element == FIELD_MAPPING ? "mappings"
                                                      : schema_type_name(field->element));
    if (field->required)
        buffer_append_text(out, ", required");
    else if (field->default_text)
        buffer_printf(out, ", default %s", field->default_text);
    buffer_printf(out, "): %s\n", field->meaning);
}

/* Lists schema's keys, and queues its nested mappings after it. */
static size_t list_schema(const struct pending_schema *current, struct pending_schema *queue,
                          size_t count, struct buffer *out)
{
    const struct schema *schema = current->schema;
    if (current->variant)
        buffer_printf(out, "  %.*s, as a %s:\n", (int)strlen(current->prefix) - 1, current->prefix,
                      schema->name);
    for (size_t index = 0; index < schema->variant_count && count < PENDING_MOST; index++) {
        queue[count] = (struct pending_schema){.schema = schema->variants[index], .variant = true};
        snprintf(queue[count].prefix, sizeof queue[count].prefix, "%s", current->prefix);
        count++;
    }
    for (size_t index = 0; index < schema->field_count; index++) {
        const struct field_spec *field = &schema->fields[index];
        list_field(field, current->prefix, out);
        if (field->nested && count < PENDING_MOST) {
            queue[count].schema = field->nested;
            snprintf(queue[count].prefix, sizeof queue[count].prefix, "%s%s.", current->prefix,
                     field->key);
            count++;
        }
    }
    return count;
}

void cli_list_keys(enum input_kind kind, struct buffer *out)
{
    buffer_printf(out, "Keys of a %s file (docs/format.md describes each at length)\n",
                  schema_kind_name(kind));
    struct pending_schema queue[PENDING_MOST];
    queue[0] = (struct pending_schema){.schema = schema_for_kind(kind)};
    size_t count = 1;
    for (size_t next = 0; next < count; next++)
        count = list_schema(&queue[next], queue, count, out);
}
