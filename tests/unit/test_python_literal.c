/* Unit tests for the Python literal parser: real manifests as Odoo
 * modules write them, every escape and prefix, and each refusal with its
 * message and position. */
#include "test_support.h"

#include "golive_limits.h"
#include "node.h"
#include "python_literal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A compact form of a tree for comparing: {k:v,...} [a,...] "text" 12 T F N. */
static void compact(const struct node *node, struct buffer *out)
{
    if (node_kind(node) == NODE_MAPPING) {
        buffer_append_char(out, '{');
        for (size_t index = 0; index < node_count(node); index++) {
            if (index)
                buffer_append_char(out, ',');
            buffer_append_text(out, node_scalar_text(node_mapping_key(node, index)));
            buffer_append_char(out, ':');
            compact(node_mapping_value(node, index), out);
        }
        buffer_append_char(out, '}');
    } else if (node_kind(node) == NODE_SEQUENCE) {
        buffer_append_char(out, '[');
        for (size_t index = 0; index < node_count(node); index++) {
            if (index)
                buffer_append_char(out, ',');
            compact(node_sequence_item(node, index), out);
        }
        buffer_append_char(out, ']');
    } else if (node_scalar_type(node) == SCALAR_STRING) {
        buffer_printf(out, "\"%s\"", node_scalar_text(node));
    } else {
        buffer_append_text(out, node_scalar_text(node));
    }
}

static void expect_literal(const char *text, const char *expected)
{
    struct diag_sink *sink = diag_sink_new();
    struct node *tree = python_literal_parse("m.py", text, strlen(text), sink);
    char *printed = diagnostics_text(sink);
    if (!tree)
        fail_msg("refused: %s\n%s", text, printed);
    struct buffer out = {0};
    compact(tree, &out);
    assert_string_equal(buffer_text(&out), expected);
    buffer_free(&out);
    free(printed);
    node_free(tree);
    diag_sink_free(sink);
}

static void expect_python_refusal(const char *text, const char *expected)
{
    struct diag_sink *sink = diag_sink_new();
    struct node *tree = python_literal_parse("m.py", text, strlen(text), sink);
    char *printed = diagnostics_text(sink);
    if (tree)
        fail_msg("accepted: %s", text);
    assert_string_equal(printed, expected);
    free(printed);
    diag_sink_free(sink);
}

/* A manifest as OCA's templates and older modules write them: a licence
 * header comment, comments between keys, trailing commas, a tuple, implicit
 * concatenation across lines, no 'installable'. */
static void reads_a_real_manifest(void **state)
{
    (void)state;
    expect_literal("# -*- coding: utf-8 -*-\n"
                   "# Copyright 2021 ACME IT\n"
                   "# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).\n"
                   "{\n"
                   "    \"name\": \"Sale discount \"\n"
                   "            'by customer',  # shown in Apps\n"
                   "    'version': '16.0.2.2.1',\n"
                   "    'depends': ['sale', 'account',],\n"
                   "    'data': (\n"
                   "        'views/sale.xml',\n"
                   "        # 'views/old.xml',\n"
                   "    ),\n"
                   "    'author': 'ACME IT, Odoo Community Association (OCA)',\n"
                   "    'auto_install': False,\n"
                   "    'sequence': 10,\n"
                   "    'price': 0.0,\n"
                   "    'external_dependencies': {'python': [], },\n"
                   "}\n",
                   "{name:\"Sale discount by customer\",version:\"16.0.2.2.1\","
                   "depends:[\"sale\",\"account\"],data:[\"views/sale.xml\"],"
                   "author:\"ACME IT, Odoo Community Association (OCA)\",auto_install:False,"
                   "sequence:10,price:0.0,external_dependencies:{python:[]}}");
}

static void reads_odoo_assets_and_a_description(void **state)
{
    (void)state;
    expect_literal(
        "{'assets': {'web.assets_backend': [('include', 'web._assets_helpers'),"
        " 'my/static/src/**/*'],}, 'description': \"\"\"\nLine one\n\tLine 'two'\n\"\"\"}",
        "{assets:{web.assets_backend:[[\"include\",\"web._assets_helpers\"],"
        "\"my/static/src/**/*\"]},description:\"\nLine one\n\tLine 'two'\n\"}");
}

static void reads_tuples_and_parentheses(void **state)
{
    (void)state;
    expect_literal("()", "[]");
    expect_literal("(1)", "1");
    expect_literal("(1,)", "[1]");
    expect_literal("('a')", "\"a\"");
    expect_literal("(('a' 'b'))", "\"ab\"");
    expect_literal("'a'", "\"a\"");
    expect_literal("((('a')),)", "[\"a\"]");
    expect_literal("[(1, 2), ('x' 'y'), (None, True)]", "[[1,2],\"xy\",[None,True]]");
}

static void decodes_every_escape(void **state)
{
    (void)state;
    expect_literal("'a\\\\b\\'c\\\"d'", "\"a\\b'c\"d\"");
    expect_literal("'tab\\tnl\\n'", "\"tab\tnl\n\"");
    expect_literal("'\\x41\\101\\u00e9\\U0001F600'", "\"AA\xC3\xA9\xF0\x9F\x98\x80\"");
    expect_literal("'\\N{EM DASH}'", "\"\xE2\x80\x94\"");
    expect_literal("'keep \\q and \\d'", "\"keep \\q and \\d\"");
    expect_literal("'joined \\\nline'", "\"joined line\"");
    expect_literal("'caf\xC3\xA9'", "\"caf\xC3\xA9\"");
}

static void reads_prefixes(void **state)
{
    (void)state;
    expect_literal("r'C:\\new\\table'", "\"C:\\new\\table\"");
    expect_literal("R'it\\'s'", "\"it\\'s\"");
    expect_literal("u'text'", "\"text\"");
    expect_literal("b'bytes' B'more'", "\"bytesmore\"");
    expect_literal("rb'\\d+' br'x'", "\"\\d+x\"");
    expect_literal("'''one\r\ntwo'''", "\"one\ntwo\"");
}

static void reads_numbers(void **state)
{
    (void)state;
    expect_literal("[0, 10, -3, +4, 1_000, 0x1F, 0o17, 0b101, 1.5, .5, 2e3, -1.5e-2]",
                   "[0,10,-3,4,1000,0x1F,0o17,0b101,1.5,.5,2e3,-1.5e-2]");
}

static void a_repeated_key_keeps_the_last_value(void **state)
{
    (void)state;
    expect_literal("{'data': ['a.xml'], 'data': ['b.xml']}", "{data:[\"b.xml\"]}");
}

static void refuses_code(void **state)
{
    (void)state;
    expect_python_refusal("{'name': _('Sales')}",
                          "m.py:1:10: error: a call to '_' is not a literal: manifests are read as "
                          "data, never run\n");
    expect_python_refusal("{\n  'depends': BASE,\n}",
                          "m.py:2:14: error: the name 'BASE' is not a literal: manifests are read "
                          "as data, never run\n");
    expect_python_refusal("{'version': '16.0' + '.1'}",
                          "m.py:1:20: error: '+' makes an expression, not a literal: manifests are "
                          "read as data, never run\n");
    expect_python_refusal("{'name': f'x{1}'}",
                          "m.py:1:10: error: an f-string is an expression, not a literal: "
                          "manifests are read as data, never run\n");
    expect_python_refusal("[1 if True else 2]",
                          "m.py:1:4: error: expected ',' or ']', found a name\n");
    expect_python_refusal(
        "{'a': 1}\n{'b': 2}",
        "m.py:2:1: error: expected the end of the file after the value, found '{'\n");
    expect_python_refusal("{'a': 1j}",
                          "m.py:1:7: error: a complex number is not supported in a manifest\n");
}

static void refuses_malformed_literals(void **state)
{
    (void)state;
    expect_python_refusal(
        "{'name': 'Sales}",
        "m.py:1:10: error: this string is not closed before the end of its line\n");
    expect_python_refusal(
        "{'a': '''x",
        "m.py:1:7: error: this string is not closed: its three quotes never come back\n");
    expect_python_refusal(
        "{'a': 1", "m.py:1:8: error: the file ends before the '}' that closes its bracket\n");
    expect_python_refusal(
        "{'a' 1}", "m.py:1:6: error: expected ':' after the dictionary key, found a number\n");
    expect_python_refusal(
        "{'a', 'b'}",
        "m.py:1:2: error: a set ({a, b}) is not supported in a manifest; write a list [a, b]\n");
    expect_python_refusal("{['a']: 1}",
                          "m.py:1:2: error: a dictionary key must be a string or a number here\n");
    expect_python_refusal("", "m.py:1:1: error: the file holds no value\n");
    expect_python_refusal("# only a comment\n", "m.py:2:1: error: the file holds no value\n");
    expect_python_refusal("['a' b'b']",
                          "m.py:1:6: error: bytes and text cannot be joined into one string\n");
    expect_python_refusal("[1,,2]", "m.py:1:4: error: expected a value, found ','\n");
    expect_python_refusal("{'a': }", "m.py:1:7: error: expected a value, found '}'\n");
    expect_python_refusal("12abc", "m.py:1:3: error: a number runs into letters here\n");
}

static void refuses_bad_escapes_and_bytes(void **state)
{
    (void)state;
    expect_python_refusal("'\\x4'", "m.py:1:2: error: this escape needs more hexadecimal digits "
                                    "(\\xHH, \\uHHHH, \\UHHHHHHHH)\n");
    expect_python_refusal(
        "'\\N{NO SUCH CHARACTER}'",
        "m.py:1:2: error: '\\N{...}' must name a Unicode character, as in \\N{EM DASH}\n");
    expect_python_refusal("'\\ud800'", "m.py:1:2: error: this escape names a surrogate or a value "
                                       "above U+10FFFF, which is not a character\n");
    expect_python_refusal("'\\x1b[0m'", "m.py:1:2: error: this string holds a control character; "
                                        "only tab and newline may appear\n");
    expect_python_refusal(
        "b'\\xff'",
        "m.py:1:3: error: a bytes value above \\x7f is not text; golive reads manifests as text\n");
    expect_python_refusal("b'caf\xC3\xA9'",
                          "m.py:1:6: error: a bytes literal may hold only ASCII characters\n");
    expect_python_refusal(
        "{'name':\n 'caf\xE9'}",
        "m.py:2:6: error: the byte 0xE9 here is not UTF-8: save the manifest as UTF-8\n");
}

/* Brackets nested past the limit stop with a message, at once, and the
 * C stack is never at risk whatever the depth. */
static void refuses_nesting_past_the_limit(void **state)
{
    (void)state;
    size_t depth = 100000;
    char *text = malloc(depth + 1);
    memset(text, '[', depth);
    text[depth] = '\0';
    char expected[128];
    snprintf(expected, sizeof expected,
             "m.py:1:%u: error: brackets nest deeper than %u levels here\n", LIMIT_PYTHON_DEPTH + 1,
             LIMIT_PYTHON_DEPTH);
    expect_python_refusal(text, expected);
    text[LIMIT_PYTHON_DEPTH] = '\0';
    struct diag_sink *sink = diag_sink_new();
    assert_null(python_literal_parse("m.py", text, LIMIT_PYTHON_DEPTH, sink));
    free(text);
    diag_sink_free(sink);
}

static void positions_name_line_and_column_in_characters(void **state)
{
    (void)state;
    const char *text = "{\n  'n\xC3\xA9': 'caf\xC3\xA9',\n  'x': [1, 'y']}";
    struct diag_sink *sink = diag_sink_new();
    struct node *tree = python_literal_parse("m.py", text, strlen(text), sink);
    assert_non_null(tree);
    struct source_position at = node_position(node_mapping_value(tree, 0));
    assert_int_equal(at.line, 2);
    assert_int_equal(at.column, 9);
    at = node_position(node_sequence_item(node_mapping_value(tree, 1), 1));
    assert_int_equal(at.line, 3);
    assert_int_equal(at.column, 12);
    node_free(tree);
    diag_sink_free(sink);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_a_real_manifest),
        cmocka_unit_test(reads_odoo_assets_and_a_description),
        cmocka_unit_test(reads_tuples_and_parentheses),
        cmocka_unit_test(decodes_every_escape),
        cmocka_unit_test(reads_prefixes),
        cmocka_unit_test(reads_numbers),
        cmocka_unit_test(a_repeated_key_keeps_the_last_value),
        cmocka_unit_test(refuses_code),
        cmocka_unit_test(refuses_malformed_literals),
        cmocka_unit_test(refuses_bad_escapes_and_bytes),
        cmocka_unit_test(refuses_nesting_past_the_limit),
        cmocka_unit_test(positions_name_line_and_column_in_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
