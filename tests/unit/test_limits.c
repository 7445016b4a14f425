/* Every length limit of golive_limits.h that guards a field is enforced
 * where the input is read: each text, Markdown and identifier field of each
 * schema takes its maximum and refuses maximum+1 with its own message. */
#include "test_support.h"

#include "alloc.h"
#include "diag.h"
#include "golive_limits.h"
#include "node.h"
#include "schema.h"
#include "schema_validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A value of count characters, each the two-byte 'é' so that characters
 * and bytes differ. Identifiers are ASCII. */
static char *text_of(size_t count, bool ascii)
{
    char *text = xcalloc(count * 2 + 1, 1);
    size_t used = 0;
    for (size_t index = 0; index < count; index++) {
        memcpy(text + used, ascii ? "a" : "\xC3\xA9", ascii ? 1 : 2);
        used += ascii ? 1 : 2;
    }
    return text;
}

static size_t limit_for(enum field_type type)
{
    switch (type) {
    case FIELD_TEXT:
    case FIELD_TEXT_MAP: return LIMIT_TEXT_LENGTH;
    case FIELD_MARKDOWN: return LIMIT_MARKDOWN_LENGTH;
    case FIELD_ID:
    case FIELD_REFERENCE: return LIMIT_ID_LENGTH;
    default: return 0;
    }
}

static void expect_field(const char *schema, const char *key, enum field_type type, size_t *checked)
{
    size_t limit = limit_for(type);
    if (!limit)
        return;
    enum field_type checked_type = type == FIELD_TEXT_MAP ? FIELD_TEXT : type;
    bool ascii = type == FIELD_ID || type == FIELD_REFERENCE;
    for (size_t length = limit; length <= limit + 1; length++) {
        char *text = text_of(length, ascii);
        struct node *value = node_new_string(text);
        struct diag_sink *sink = diag_sink_new();
        bool ok = schema_check_value(value, key, checked_type, NULL, sink);
        if (ok != (length == limit))
            fail_msg("%s.%s with %zu characters: %s", schema, key, length,
                     ok ? "accepted" : diagnostics_text(sink));
        if (!ok) {
            char *message = diagnostics_text(sink);
            char expected[64];
            snprintf(expected, sizeof expected, "%zu", limit);
            if (!strstr(message, expected))
                fail_msg("%s.%s: the message does not name the limit: %s", schema, key, message);
            free(message);
        }
        diag_sink_free(sink);
        node_free(value);
        free(text);
    }
    (*checked)++;
}

static void every_field_takes_its_maximum_and_refuses_one_more(void **state)
{
    (void)state;
    const struct schema *stack[256];
    size_t depth = 0, checked = 0;
    for (int kind = 0; kind < INPUT_KIND_COUNT; kind++)
        stack[depth++] = schema_for_kind((enum input_kind)kind);
    while (depth) {
        const struct schema *schema = stack[--depth];
        for (size_t index = 0; index < schema->variant_count; index++)
            stack[depth++] = schema->variants[index];
        for (size_t index = 0; index < schema->field_count; index++) {
            const struct field_spec *field = &schema->fields[index];
            if (field->nested && depth < 255)
                stack[depth++] = field->nested;
            enum field_type type = field->type == FIELD_LIST ? field->element : field->type;
            expect_field(schema->name, field->key, type, &checked);
        }
    }
    /* The four schemas hold dozens of such fields; a walk that found few
     * would test nothing. */
    assert_true(checked > 40);
}

/* The fixes of diag.c tell users a limit in words; each number there must
 * be the limit's value in golive_limits.h (written with or without a
 * thousands comma, in MiB or megapixels where the fix says so). */
static void every_limit_a_fix_names_is_the_limit(void **state)
{
    (void)state;
    const unsigned mebibyte = 1024u * 1024u;
    static const struct {
        enum diag_code code;
        unsigned limit;
        unsigned scale;
    } named[] = {
        {DIAG_FILE_TOO_LARGE, LIMIT_FILE_SIZE, 1024u * 1024u},
        {DIAG_YAML_TOO_DEEP, LIMIT_YAML_DEPTH, 1},
        {DIAG_TEXT_TOO_LONG, LIMIT_TEXT_LENGTH, 1},
        {DIAG_TEXT_TOO_LONG, LIMIT_MARKDOWN_LENGTH, 1},
        {DIAG_BAD_IDENTIFIER, LIMIT_ID_LENGTH, 1},
        {DIAG_PYTHON_TOO_DEEP, LIMIT_PYTHON_DEPTH, 1},
        {DIAG_ADDONS_TOO_DEEP, LIMIT_ADDONS_DEPTH, 1},
        {DIAG_ADDONS_TOO_MANY, LIMIT_IMPORT_MODULES, 1},
        {DIAG_TEMPLATE_DELIMITER_LENGTH, LIMIT_TEMPLATE_DELIMITER_LENGTH, 1},
        {DIAG_TEMPLATE_TOO_MANY_PARTIALS, LIMIT_TEMPLATE_PARTIALS, 1},
        {DIAG_TEMPLATE_PARTIAL_DEPTH, LIMIT_TEMPLATE_PARTIAL_DEPTH, 1},
        {DIAG_TEMPLATE_OUTPUT_SIZE, LIMIT_TEMPLATE_OUTPUT, 1024u * 1024u},
        {DIAG_TYPESET_LINK_TOO_LONG, LIMIT_LINK_LENGTH, 1},
        {DIAG_TYPESET_TOO_MANY_PAGES, LIMIT_PDF_PAGES, 1},
        {DIAG_TYPESET_IMAGE_TOO_LARGE, LIMIT_IMAGE_PIXELS, 1000u * 1000u},
    };
    for (size_t index = 0; index < sizeof named / sizeof named[0]; index++) {
        unsigned value = named[index].limit / named[index].scale;
        char plain[32], comma[32];
        snprintf(plain, sizeof plain, "%u%s", value, named[index].scale == mebibyte ? " MiB" : "");
        snprintf(comma, sizeof comma, "%u,%03u", value / 1000, value % 1000);
        const char *fix = diag_code_fix(named[index].code);
        if (!strstr(fix, plain) && !(value >= 1000 && strstr(fix, comma)))
            fail_msg("the fix of %s does not say %s: %s", diag_code_name(named[index].code), plain,
                     fix);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_field_takes_its_maximum_and_refuses_one_more),
        cmocka_unit_test(every_limit_a_fix_names_is_the_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
