/* docs/format.md's key tables against the schema tables, row by row: every
 * key of every mapping has its row under the mapping's heading, with the
 * same type, required mark and default, and no row names a key the schema
 * lacks. A change to either side without the other fails here. */
#include "alloc.h"
#include "diag.h"
#include "file_io.h"
#include "schema.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define MAX_ROWS 512
#define MAX_CELL 400

/* One row of a key table, cells with backticks and quotes as written. */
struct row {
    char section[80];
    char key[64];
    char type[MAX_CELL];
    char required[MAX_CELL];
    char fallback[MAX_CELL]; /* the default cell; "" when the table has none */
    bool matched;
};

struct rows {
    struct row items[MAX_ROWS];
    size_t count;
};

/* The cells of a table line, split at unescaped '|', trimmed. */
static size_t split_cells(const char *line, char cells[][MAX_CELL], size_t most)
{
    size_t count = 0;
    const char *cursor = line + 1;
    while (*cursor && *cursor != '\n' && count < most) {
        size_t length = 0;
        while (cursor[length] && cursor[length] != '\n' &&
               !(cursor[length] == '|' && (length == 0 || cursor[length - 1] != '\\')))
            length++;
        if (cursor[length] != '|')
            break;
        const char *start = cursor;
        size_t size = length;
        while (size && *start == ' ')
            start++, size--;
        while (size && start[size - 1] == ' ')
            size--;
        snprintf(cells[count++], MAX_CELL, "%.*s", (int)size, start);
        cursor += length + 1;
    }
    return count;
}

static int column_of(char header[][MAX_CELL], size_t count, const char *name)
{
    for (size_t index = 0; index < count; index++)
        if (strcmp(header[index], name) == 0)
            return (int)index;
    return -1;
}

/* Every row of every table whose header starts with "key", under the
 * heading above it. */
static void read_rows(const char *text, struct rows *rows)
{
    char section[80] = "";
    char header[8][MAX_CELL];
    size_t header_count = 0;
    for (const char *line = text; line && *line; line = strchr(line, '\n'), line += line ? 1 : 0) {
        if (*line == '#') {
            size_t marks = strspn(line, "#");
            snprintf(section, sizeof section, "%.*s", (int)strcspn(line + marks + 1, "\n"),
                     line + marks + 1);
            header_count = 0;
        } else if (strncmp(line, "| key |", 7) == 0) {
            header_count = split_cells(line, header, 8);
        } else if (strncmp(line, "| `", 3) == 0 && header_count) {
            char cells[8][MAX_CELL];
            size_t count = split_cells(line, cells, 8);
            assert_true(rows->count < MAX_ROWS);
            struct row *row = &rows->items[rows->count++];
            *row = (struct row){0};
            snprintf(row->section, sizeof row->section, "%s", section);
            snprintf(row->key, sizeof row->key, "%.*s", (int)strlen(cells[0]) - 2, cells[0] + 1);
            int type = column_of(header, header_count, "type");
            int required = column_of(header, header_count, "required");
            int fallback = column_of(header, header_count, "default");
            assert_true(type > 0 && (size_t)type < count);
            snprintf(row->type, sizeof row->type, "%s", cells[type]);
            if (required > 0 && (size_t)required < count)
                snprintf(row->required, sizeof row->required, "%s", cells[required]);
            if (fallback > 0 && (size_t)fallback < count)
                snprintf(row->fallback, sizeof row->fallback, "%s", cells[fallback]);
        }
    }
}

/* "`a`, `b`, `c`" for choices. */
static void choice_words(const char *const *choices, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t index = 0; choices[index]; index++) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s`%s`", index ? ", " : "", choices[index]);
    }
}

static bool starts_with(const char *text, const char *prefix)
{
    return strncmp(text, prefix, strlen(prefix)) == 0;
}

/* Whether the type cell describes field: the words of docs/format.md's
 * "Value types", choices spelled out in full. */
static bool type_matches(const struct field_spec *field, const char *cell)
{
    char expected[MAX_CELL];
    switch (field->type) {
    case FIELD_ENUM:
        choice_words(field->choices, expected, sizeof expected);
        if (!field->choices[1])
            return strcmp(cell, expected) == 0;
        return starts_with(cell, "choice: ") && strcmp(cell + 8, expected) == 0;
    case FIELD_MAPPING: return strcmp(cell, "mapping") == 0;
    case FIELD_TEXT_MAP: return starts_with(cell, "mapping of ");
    case FIELD_LIST:
        if (field->element == FIELD_ENUM) {
            choice_words(field->choices, expected, sizeof expected);
            return starts_with(cell, "list of choices: ") && strcmp(cell + 17, expected) == 0;
        }
        if (field->element == FIELD_MAPPING)
            return starts_with(cell, "list of ") && strcmp(cell, "list of text") != 0 &&
                   strcmp(cell, "list of Markdown") != 0 && !strstr(cell, "identifier") &&
                   !strstr(cell, "choice");
        if (field->element == FIELD_ID || field->element == FIELD_REFERENCE)
            return strcmp(cell, "list of identifiers") == 0;
        snprintf(expected, sizeof expected, "list of %s", schema_type_name(field->element));
        return strcmp(cell, expected) == 0;
    default:
        /* A type word, then maybe a precision: "text (64 hex digits)". */
        return starts_with(cell, schema_type_name(field->type)) &&
               (cell[strlen(schema_type_name(field->type))] == '\0' ||
                cell[strlen(schema_type_name(field->type))] == ' ');
    }
}

/* The default cell as the table writes it: backticks and quotes gone. */
static void plain_default(const char *cell, char *out, size_t size)
{
    size_t used = 0;
    for (; *cell && used + 1 < size; cell++)
        if (*cell != '`' && *cell != '"')
            out[used++] = *cell;
    out[used] = '\0';
}

/* The row of key under one of the headings, or NULL. */
static struct row *find_row(struct rows *rows, const char *heading, const char *other,
                            const char *key)
{
    for (size_t index = 0; index < rows->count; index++) {
        struct row *row = &rows->items[index];
        if (strcmp(row->key, key) == 0 &&
            (strcmp(row->section, heading) == 0 || (other && strcmp(row->section, other) == 0)))
            return row;
    }
    return NULL;
}

static void compare_row(const struct schema *schema, const struct field_spec *field,
                        const struct row *row)
{
    if (!type_matches(field, row->type))
        fail_msg("docs/format.md, %s: key `%s` has type \"%s\", which does not describe the "
                 "schema's",
                 row->section, field->key, row->type);
    if (field->required != starts_with(row->required, "yes"))
        fail_msg("docs/format.md, %s: key `%s` is required in the %s, not in the %s", row->section,
                 field->key, field->required ? "schema" : "docs",
                 field->required ? "docs" : "schema");
    char written[MAX_CELL];
    plain_default(row->fallback, written, sizeof written);
    const char *expected = field->default_text ? field->default_text : "";
    if (strcmp(written, expected) != 0)
        fail_msg("docs/format.md, %s: key `%s` defaults to \"%s\", the schema says \"%s\" (%s)",
                 row->section, field->key, written, expected, schema->name);
}

/* A schema waiting to be compared, with the key that leads to it. */
struct pending {
    const struct schema *schema;
    const char *via;
};

static size_t compare_schema(struct rows *rows, struct pending current, struct pending *stack,
                             size_t count)
{
    const struct schema *schema = current.schema;
    for (size_t index = 0; index < schema->variant_count; index++)
        stack[count++] = (struct pending){schema->variants[index], current.via};
    for (size_t index = 0; index < schema->field_count; index++) {
        const struct field_spec *field = &schema->fields[index];
        struct row *row = find_row(rows, schema->name, current.via, field->key);
        if (!row)
            fail_msg("docs/format.md has no row for key `%s` under \"### %s\"%s%s%s", field->key,
                     schema->name, current.via ? " (or \"### " : "", current.via ? current.via : "",
                     current.via ? "\")" : "");
        row->matched = true;
        compare_row(schema, field, row);
        if (field->nested)
            stack[count++] = (struct pending){field->nested, field->key};
    }
    return count;
}

static struct rows *load_rows(void)
{
    char *contents = NULL;
    size_t length;
    struct diag_sink *sink = diag_sink_new();
    assert_true(file_read(GOLIVE_DATADIR "/docs/format.md",
                          source_position_of_file("docs/format.md"), sink, &contents, &length));
    diag_sink_free(sink);
    struct rows *rows = xcalloc(1, sizeof *rows);
    read_rows(contents, rows);
    free(contents);
    return rows;
}

static void every_schema_key_has_its_row(void **state)
{
    (void)state;
    struct rows *rows = load_rows();
    struct pending stack[64];
    size_t count = 0;
    for (int kind = 0; kind < INPUT_KIND_COUNT; kind++)
        stack[count++] = (struct pending){schema_for_kind((enum input_kind)kind), NULL};
    while (count) {
        struct pending current = stack[--count];
        count = compare_schema(rows, current, stack, count);
        assert_true(count < 48);
    }
    /* The first table lists the kinds of file, not keys. */
    for (size_t index = 0; index < rows->count; index++)
        if (!rows->items[index].matched &&
            strcmp(rows->items[index].section, "golive file formats") != 0)
            fail_msg("docs/format.md, %s: row `%s` names no key of the schema",
                     rows->items[index].section, rows->items[index].key);
    free(rows);
}

/* The enum-indexed word tables have a word at every index. */
static void every_enumerator_has_its_word(void **state)
{
    (void)state;
    assert_int_equal(schema_choice_count(schema_item_kinds), ITEM_KIND_COUNT);
    assert_int_equal(schema_choice_count(schema_outcomes), OUTCOME_NONE);
    assert_int_equal(schema_choice_count(schema_statuses), STATUS_COUNT);
    assert_int_equal(schema_choice_count(schema_signoff_decisions), SIGNOFF_DECISION_COUNT);
    assert_int_equal(schema_choice_count(schema_artifacts), ARTIFACT_COUNT);
    assert_int_equal(schema_choice_count(schema_downtime_marks), DOWNTIME_NONE);
    assert_int_equal(schema_choice_count(schema_audit_verdicts), VERDICT_NONE);
    assert_int_equal(schema_choice_count(schema_closeout_statuses), CLOSEOUT_STATUS_COUNT);
    assert_int_equal(schema_choice_count(schema_finding_states), FINDING_STATE_COUNT);
    assert_int_equal(schema_choice_count(schema_criterion_states), CRITERION_STATE_COUNT);
}

static void finds_a_key_by_its_path(void **state)
{
    (void)state;
    const struct field_spec *field = schema_field_at(INPUT_CHECKLIST, "phases.items.blocking");
    assert_non_null(field);
    assert_string_equal(field->default_text, "false");
    assert_non_null(schema_field_at(INPUT_RUN, "records.signoff"));
    assert_null(schema_field_at(INPUT_CHECKLIST, "phases.items.nothing"));
    assert_null(schema_field_at(INPUT_CHECKLIST, "phases.title.more"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_schema_key_has_its_row),
        cmocka_unit_test(every_enumerator_has_its_word),
        cmocka_unit_test(finds_a_key_by_its_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
