/* Unit tests for the YAML loader: what it accepts, and each refusal with
 * its message and position. */
#include "test_support.h"

#include "node.h"
#include "yaml_load.h"

static void accepts_a_mapping_with_positions(void **state)
{
    (void)state;
    struct loaded loaded = load("client: Müller & Söhne\nitems:\n  - id: 10\n    blocking: true\n");
    assert_non_null(loaded.document);
    const struct node *root = yaml_document_root(loaded.document);
    assert_int_equal(node_kind(root), NODE_MAPPING);
    const struct node *client = node_mapping_find(root, "client");
    assert_string_equal(node_scalar_text(client), "Müller & Söhne");
    /* Columns count characters, not bytes. */
    assert_int_equal(node_position(client).line, 1);
    assert_int_equal(node_position(client).column, 9);
    const struct node *item = node_sequence_item(node_mapping_find(root, "items"), 0);
    assert_int_equal(node_position(item).line, 3);
    assert_int_equal(node_position(item).column, 5);
    const struct node *blocking = node_mapping_find(item, "blocking");
    assert_int_equal(node_scalar_type(blocking), SCALAR_BOOL);
    assert_true(node_scalar_is_true(blocking));
    assert_int_equal(node_scalar_type(node_mapping_find(item, "id")), SCALAR_INT);
    loaded_free(&loaded);
}

static void resolves_scalars_by_the_core_schema(void **state)
{
    (void)state;
    struct loaded loaded =
        load("a: 'true'\nb: yes\nc: ~\nd: 1.5e3\ne: 0x1F\nf: \"12\"\ng:\nh: .inf\n");
    const struct node *root = yaml_document_root(loaded.document);
    assert_int_equal(node_scalar_type(node_mapping_find(root, "a")), SCALAR_STRING);
    assert_int_equal(node_scalar_type(node_mapping_find(root, "b")), SCALAR_STRING);
    assert_int_equal(node_scalar_type(node_mapping_find(root, "c")), SCALAR_NULL);
    assert_int_equal(node_scalar_type(node_mapping_find(root, "d")), SCALAR_FLOAT);
    assert_int_equal(node_scalar_type(node_mapping_find(root, "e")), SCALAR_INT);
    assert_int_equal(node_scalar_type(node_mapping_find(root, "f")), SCALAR_STRING);
    assert_int_equal(node_scalar_type(node_mapping_find(root, "g")), SCALAR_NULL);
    assert_int_equal(node_scalar_type(node_mapping_find(root, "h")), SCALAR_FLOAT);
    loaded_free(&loaded);
}

static void expands_aliases_into_copies(void **state)
{
    (void)state;
    struct loaded loaded = load("base: &b {owner: ops, budget: 30m}\nother: *b\n");
    assert_non_null(loaded.document);
    const struct node *root = yaml_document_root(loaded.document);
    const struct node *other = node_mapping_find(root, "other");
    assert_int_equal(node_kind(other), NODE_MAPPING);
    assert_string_equal(node_scalar_text(node_mapping_find(other, "owner")), "ops");
    assert_ptr_not_equal(other, node_mapping_find(root, "base"));
    loaded_free(&loaded);
}

static void refuses_duplicate_keys_each_one(void **state)
{
    (void)state;
    expect_refusal("a: 1\nb: 2\na: 3\nb: 4\n",
                   "t.yaml:3:1: error: duplicate key 'a' (first defined at line 1, column 1)\n"
                   "t.yaml:4:1: error: duplicate key 'b' (first defined at line 2, column 1)\n");
}

static void refuses_a_second_document(void **state)
{
    (void)state;
    expect_refusal(
        "a: 1\n---\nb: 2\n",
        "t.yaml:2:1: error: a second YAML document; golive reads one document per file\n");
}

static void refuses_empty_input(void **state)
{
    (void)state;
    expect_refusal(
        "# only a comment\n",
        "t.yaml:1:1: error: the file holds no YAML document (it is empty or only comments)\n");
    expect_refusal("---\n", "t.yaml:1:1: error: the document is empty\n");
}

static void refuses_billion_laughs_quickly(void **state)
{
    (void)state;
    struct buffer text = {0};
    buffer_append_text(&text, "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level < 12; level++) {
        buffer_printf(&text, "a%d: &a%d [", level, level);
        for (int copy = 0; copy < 10; copy++)
            buffer_printf(&text, "%s*a%d", copy ? ", " : "", level - 1);
        buffer_append_text(&text, "]\n");
    }
    expect_refusal(buffer_text(&text),
                   "t.yaml:4:45: error: aliases expand to more than 10000 values\n");
    buffer_free(&text);
}

static void refuses_deep_nesting(void **state)
{
    (void)state;
    struct buffer text = {0};
    for (int level = 0; level < 100; level++)
        buffer_append_char(&text, '[');
    for (int level = 0; level < 100; level++)
        buffer_append_char(&text, ']');
    buffer_append_char(&text, '\n');
    expect_refusal(buffer_text(&text), "t.yaml:1:65: error: nesting deeper than 64 levels\n");
    buffer_free(&text);
}

static void refuses_unknown_and_mismatched_tags(void **state)
{
    (void)state;
    expect_refusal("a: !secret x\nb: !!int twelve\nc: !!str 12\n",
                   "t.yaml:1:4: error: unknown tag '!secret'\n"
                   "t.yaml:2:4: error: 'twelve' is not a valid !!int\n");
}

static void refuses_unknown_and_recursive_aliases(void **state)
{
    (void)state;
    expect_refusal("a: *nowhere\n",
                   "t.yaml:1:4: error: alias '*nowhere' refers to no anchor defined before it\n");
    expect_refusal("a: &loop [*loop]\n",
                   "t.yaml:1:11: error: alias '*loop' refers to a collection that contains it\n");
}

static void refuses_bad_characters_without_echoing_them(void **state)
{
    (void)state;
    expect_refusal("a: caf\xE9\n",
                   "t.yaml:1:7: error: invalid UTF-8 byte 0xE9; the file must be saved as UTF-8\n");
    expect_refusal("a: x\x1B[31m\n",
                   "t.yaml:1:5: error: escape (U+001B) is not allowed in the text\n");
    expect_refusal_length("a: x\0y\n", 7,
                          "t.yaml:1:5: error: NUL (U+0000) is not allowed in the text\n");
    expect_refusal("a: \"bell\\a\"\n", "t.yaml:1:4: error: this value holds bell (U+0007)\n");
    expect_refusal("a: \"\\x9B\"\n",
                   "t.yaml:1:4: error: this value holds control character U+009B\n");
}

static void accepts_crlf_line_ends_but_not_lone_cr(void **state)
{
    (void)state;
    struct loaded loaded = load("a: 1\r\nb: 2\r\n");
    assert_non_null(loaded.document);
    loaded_free(&loaded);
    expect_refusal("a: 1\rb: 2\n",
                   "t.yaml:1:5: error: carriage return (U+000D) is not allowed in the text\n");
}

static void refuses_complex_keys(void **state)
{
    (void)state;
    expect_refusal("? [a, b]\n: c\n",
                   "t.yaml:1:3: error: a mapping key must be text, not a list\n");
}

static void reports_libyaml_syntax_errors_with_position(void **state)
{
    (void)state;
    expect_refusal("a: [1, 2\n",
                   "t.yaml:1:9: error: did not find expected ',' or ']' (while parsing a flow "
                   "sequence at line 1, column 4)\n");
}

static void refuses_what_libyaml_lets_through(void **state)
{
    (void)state;
    expect_refusal(
        "key: \"value\"# note\n",
        "t.yaml:1:13: error: a comment must be separated from what precedes it by a space\n");
    expect_refusal("flow: [a,\nb]\n",
                   "t.yaml:2:1: error: this continuation line must be indented further than the "
                   "block it belongs to\n");
    expect_refusal("- [-]\n",
                   "t.yaml:1:4: error: a lone '-', '?' or ':' cannot be an entry of a flow "
                   "collection; quote it\n");
}

/* The lexical checks watch the parse's own tokens (the file is scanned
 * once); they must still win over the loader's errors, wherever the
 * violation lies, and see every token of long lines and deep dedents. */
static void reports_a_lexical_violation_alone_as_before(void **state)
{
    (void)state;
    expect_refusal(
        "a: 1\na: 2\nb: \"x\"# c\n",
        "t.yaml:3:7: error: a comment must be separated from what precedes it by a space\n");
    expect_refusal(
        "a: !!int x\nb: \"x\"# c\n",
        "t.yaml:2:7: error: a comment must be separated from what precedes it by a space\n");
    expect_refusal(
        "b: \"x\"# c\na: [1, 2\n",
        "t.yaml:1:7: error: a comment must be separated from what precedes it by a space\n");
}

static void watches_every_token_of_long_lines_and_deep_dedents(void **state)
{
    (void)state;
    struct buffer text = {0};
    buffer_append_text(&text, "a: [0");
    for (int entry = 1; entry < 2000; entry++)
        buffer_printf(&text, ", %d", entry);
    buffer_append_text(&text, "]\n");
    for (int depth = 0; depth < 60; depth++)
        buffer_printf(&text, "%*sk%d:\n", 2 * depth, "", depth);
    buffer_printf(&text, "%*sleaf: 1\nz: [-]\n", 120, "");
    struct buffer expected = {0};
    buffer_printf(&expected,
                  "t.yaml:%d:5: error: a lone '-', '?' or ':' cannot be an entry of a "
                  "flow collection; quote it\n",
                  63);
    expect_refusal(buffer_text(&text), buffer_text(&expected));
    buffer_free(&text);
    buffer_free(&expected);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_a_mapping_with_positions),
        cmocka_unit_test(resolves_scalars_by_the_core_schema),
        cmocka_unit_test(expands_aliases_into_copies),
        cmocka_unit_test(refuses_duplicate_keys_each_one),
        cmocka_unit_test(refuses_a_second_document),
        cmocka_unit_test(refuses_empty_input),
        cmocka_unit_test(refuses_billion_laughs_quickly),
        cmocka_unit_test(refuses_deep_nesting),
        cmocka_unit_test(refuses_unknown_and_mismatched_tags),
        cmocka_unit_test(refuses_unknown_and_recursive_aliases),
        cmocka_unit_test(refuses_bad_characters_without_echoing_them),
        cmocka_unit_test(accepts_crlf_line_ends_but_not_lone_cr),
        cmocka_unit_test(refuses_complex_keys),
        cmocka_unit_test(reports_libyaml_syntax_errors_with_position),
        cmocka_unit_test(refuses_what_libyaml_lets_through),
        cmocka_unit_test(reports_a_lexical_violation_alone_as_before),
        cmocka_unit_test(watches_every_token_of_long_lines_and_deep_dedents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
