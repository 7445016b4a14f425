/* The Markdown escaping round trip: a hostile value rendered by {{x}} into
 * a paragraph, a list item, a heading, a block quote or a table cell, then
 * parsed back with cmark-gfm (table, strikethrough, autolink and tasklist
 * extensions on), must give back exactly its own text, and the block it
 * landed in must keep its shape (one paragraph, one table row of two
 * cells ...). A line break in a value comes back as a hard line break, or
 * as a newline character in the text where a break cannot be written (table
 * cells, headings, the end of a value): either way, as "\n". The only
 * markup a value may turn into is a GFM e-mail autolink, which keeps the
 * text as written (see docs/templates.md). */
#include "test_support.h"

#include "alloc.h"
#include "node.h"
#include "tmpl.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The values of the brief and more: each an attack on one rule. */
static const char *const hostile[] = {
    "*ACME* | [x](javascript:alert(1)) <!-- x -->",
    "# Heading",
    "## Heading ##",
    "1. item",
    "2) item",
    "12345678. x",
    "1.21",
    "1.",
    "3)",
    "a\nb",
    "a\n\nb",
    "a\n",
    "a\n\n",
    "\nb",
    "\n",
    "\n\n",
    "line\n# heading",
    "line\n- item",
    "line\n===",
    "line\n---",
    "line\n    code",
    "line\n\tcode",
    "line\n> quote",
    "line\n1. item",
    "\\",
    "a\\",
    "\\*",
    "C:\\temp\\",
    "\\\n",
    "a\\\nb",
    "\\|",
    "\\\\|",
    "x\\",
    "\\&amp;",
    "&amp;",
    "&#42;",
    "&#x2A;",
    "&copy",
    "&copy;",
    "AT&T",
    "a & b",
    "&",
    "&#",
    "&#10;",
    "&nbsp;",
    "trailing  ",
    "trailing ",
    " leading",
    "    code",
    "\tcode",
    "tab\tinside",
    "x\t",
    "  ",
    " ",
    "\t",
    "both  \n  sides",
    "~~strike~~",
    "~x~",
    "~~~",
    "```",
    "``",
    "`code`",
    "**bold**",
    "__bold__",
    "_em_",
    "*em*",
    "snake_case_name",
    "2*3*4",
    "---",
    "***",
    "___",
    "- - -",
    "===",
    "=",
    "-",
    "+",
    "*",
    "_",
    "- item",
    "+ item",
    "* item",
    "> quote",
    ">",
    "| a | b |",
    "|",
    "||",
    "a|b",
    ":---:",
    "| --- |",
    "[x]: /url",
    "[x]",
    "[^1]",
    "[^1]: note",
    "- [ ] task",
    "- [x] done",
    "[ ] box",
    "![img](x.png)",
    "!",
    "a!",
    "<div>",
    "<b>bold</b>",
    "<http://x.com>",
    "<a@b.com>",
    "<",
    "</p>",
    "<!-- x -->",
    "<?php ?>",
    "<![CDATA[x]]>",
    "www.example.com",
    "WWW.EXAMPLE.COM",
    "see www.example.com.",
    "http://x.com/?a=1&b=2",
    "https://x.com/a_b*c",
    "ftp://x.com",
    "mailto:a@b.com",
    "a@b.com",
    "first.last@example.co.uk",
    "xmpp:a@b.com",
    "a_b@c_d.com",
    "C# and F#",
    "a #",
    "Ticket #1",
    "#",
    "# ",
    "x ##",
    "#hashtag",
    "######",
    "####### seven",
    "Müller & Söhne",
    "日本語のテキスト",
    "\xC2\xA0nbsp\xC2\xA0",
    "emoji 🎉 *",
    "ﬁ ligature",
    "{{x}}",
    "{{{x}}}",
    "}}",
    "$math$",
    "^sup^",
    "a\\b\\c",
    "\"quoted\" 'single'",
    "(parens)",
    "a\rb",
    "\x01control\x1F",
    "del\x7F",
};

/* Pieces that the generated values are made of. */
static const char *const atoms[] = {
    "*",  "_",    "`",     "~",   "#",   "-",   "+",  "=",    ">",      "<",     "|",
    "\\", "&",    "&amp;", "[",   "]",   "(",   ")",  "!",    ":",      "//",    "www.",
    ".",  "1.",   "2)",    " ",   "  ",  "\t",  "\n", "\n\n", "a",      "word",  "x.com",
    "@",  "http", "<!--",  "-->", "---", "```", "é",  "#1",   "[x](y)", "&#10;",
};

#define GENERATED_COUNT 3000
#define FAILURES_SHOWN 10

/* A small deterministic generator, so that a failure can be replayed. */
static unsigned long next_random(unsigned long *state)
{
    *state = *state * 6364136223846793005ul + 1442695040888963407ul;
    return *state >> 33;
}

static char *render_value(const char *template_text, const char *value)
{
    struct diag_sink *sink = diag_sink_new();
    struct tmpl *loaded = tmpl_load_text("t.md", template_text, strlen(template_text), NULL,
                                         TMPL_MISSING_PARTIAL_ERROR, sink);
    assert_non_null(loaded);
    struct node *data = node_new_mapping();
    node_mapping_set(data, "x", node_new_string(value));
    struct buffer out = {0};
    assert_true(tmpl_render(loaded, data, TMPL_ESCAPE_MARKDOWN, &out, sink));
    node_free(data);
    tmpl_free(loaded);
    diag_sink_free(sink);
    return buffer_release(&out);
}

static cmark_node *parse_gfm(const char *markdown)
{
    static const char *const extensions[] = {"table", "strikethrough", "autolink", "tasklist"};
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (size_t index = 0; index < sizeof extensions / sizeof extensions[0]; index++)
        cmark_parser_attach_syntax_extension(parser,
                                             cmark_find_syntax_extension(extensions[index]));
    cmark_parser_feed(parser, markdown, strlen(markdown));
    cmark_node *document = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return document;
}

/* The plain text of node's inline content. Returns false, with why set,
 * when the content holds any markup but text, hard breaks and e-mail
 * autolinks. */
static bool plain_text(cmark_node *node, struct buffer *out, const char **why)
{
    bool plain = true;
    cmark_iter *iter = cmark_iter_new(node);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *current = cmark_iter_get_node(iter);
        if (event != CMARK_EVENT_ENTER || current == node)
            continue;
        cmark_node_type type = cmark_node_get_type(current);
        if (type == CMARK_NODE_TEXT) {
            buffer_append_text(out, cmark_node_get_literal(current));
        } else if (type == CMARK_NODE_LINEBREAK) {
            buffer_append_char(out, '\n');
        } else if (type == CMARK_NODE_LINK &&
                   (strncmp(cmark_node_get_url(current), "mailto:", 7) == 0 ||
                    strncmp(cmark_node_get_url(current), "xmpp:", 5) == 0)) {
            continue;
        } else if (type != CMARK_NODE_PARAGRAPH || cmark_node_parent(current) != node) {
            *why = cmark_node_get_type_string(current);
            plain = false;
        }
    }
    cmark_iter_free(iter);
    return plain;
}

/* Where a value lands, and how to find its text in the parsed document. */
struct context {
    const char *name;
    const char *template_text;
    const char *before, *after; /* template text around the value in its block */
    /* find: the node whose plain text must be before + value + after, or
     * NULL when the document's shape is wrong (why says how). */
    cmark_node *(*find)(cmark_node *document, bool empty, const char **why);
};

static cmark_node *only_child(cmark_node *parent, cmark_node_type type, const char **why)
{
    cmark_node *child = cmark_node_first_child(parent);
    if (!child || cmark_node_next(child) || cmark_node_get_type(child) != type) {
        *why = "the block structure changed";
        return NULL;
    }
    return child;
}

static cmark_node *find_paragraph(cmark_node *document, bool empty, const char **why)
{
    if (empty && !cmark_node_first_child(document))
        return document;
    return only_child(document, CMARK_NODE_PARAGRAPH, why);
}

static cmark_node *find_heading(cmark_node *document, bool empty, const char **why)
{
    (void)empty;
    return only_child(document, CMARK_NODE_HEADING, why);
}

static cmark_node *find_in_container(cmark_node *container, bool empty, const char **why)
{
    if (!container)
        return NULL;
    if (empty && !cmark_node_first_child(container))
        return container;
    return only_child(container, CMARK_NODE_PARAGRAPH, why);
}

static cmark_node *find_list_item(cmark_node *document, bool empty, const char **why)
{
    cmark_node *list = only_child(document, CMARK_NODE_LIST, why);
    return find_in_container(list ? only_child(list, CMARK_NODE_ITEM, why) : NULL, empty, why);
}

static cmark_node *find_quote(cmark_node *document, bool empty, const char **why)
{
    return find_in_container(only_child(document, CMARK_NODE_BLOCK_QUOTE, why), empty, why);
}

/* The table must keep its header and exactly one body row of two cells. */
static cmark_node *table_cell(cmark_node *document, int column, const char **why)
{
    cmark_node *table = cmark_node_first_child(document);
    cmark_node *header = table ? cmark_node_first_child(table) : NULL;
    cmark_node *row = header ? cmark_node_next(header) : NULL;
    if (!row || cmark_node_next(table) || cmark_node_next(row) ||
        strcmp(cmark_node_get_type_string(table), "table") != 0) {
        *why = "the table lost its shape";
        return NULL;
    }
    cmark_node *first = cmark_node_first_child(row);
    cmark_node *second = first ? cmark_node_next(first) : NULL;
    if (!second || cmark_node_next(second)) {
        *why = "the row no longer has two cells";
        return NULL;
    }
    return column == 0 ? first : second;
}

static cmark_node *find_first_cell(cmark_node *document, bool empty, const char **why)
{
    (void)empty;
    return table_cell(document, 0, why);
}

static cmark_node *find_last_cell(cmark_node *document, bool empty, const char **why)
{
    (void)empty;
    return table_cell(document, 1, why);
}

static const struct context contexts[] = {
    {"paragraph", "{{x}}\n", "", "", find_paragraph},
    {"inside a paragraph", "Before {{x}} after.\n", "Before ", " after.", find_paragraph},
    {"list item", "- {{x}}\n", "", "", find_list_item},
    {"block quote", "> {{x}}\n", "", "", find_quote},
    {"heading", "## {{x}}\n", "", "", find_heading},
    {"first table cell", "| Name | Note |\n| --- | --- |\n| {{x}} | end |\n", "", "",
     find_first_cell},
    {"last table cell", "| Name | Note |\n| --- | --- |\n| start | {{x}} |\n", "", "",
     find_last_cell},
};

static void print_visible(const char *label, const char *text)
{
    printf("    %s: \"", label);
    for (const unsigned char *at = (const unsigned char *)text; *at; at++) {
        if (*at == '\n')
            printf("\\n");
        else if (*at < 0x20 || *at == 0x7F)
            printf("\\x%02X", *at);
        else
            putchar(*at);
    }
    printf("\"\n");
}

/* Checks one value in one context; prints and returns false on a failure. */
static bool round_trips(const struct context *context, const char *value, size_t *shown)
{
    char *markdown = render_value(context->template_text, value);
    cmark_node *document = parse_gfm(markdown);
    const char *why = NULL;
    struct buffer expected = {0}, got = {0};
    buffer_printf(&expected, "%s%s%s", context->before, value, context->after);
    cmark_node *block = context->find(document, value[0] == '\0', &why);
    bool passed = block && plain_text(block, &got, &why) &&
                  strcmp(buffer_text(&got), buffer_text(&expected)) == 0;
    if (!passed && (*shown)++ < FAILURES_SHOWN) {
        printf("  %s: %s\n", context->name, why ? why : "the text differs");
        print_visible("value   ", value);
        print_visible("markdown", markdown);
        print_visible("got     ", buffer_text(&got));
    }
    buffer_free(&expected);
    buffer_free(&got);
    cmark_node_free(document);
    free(markdown);
    return passed;
}

static size_t check_all_contexts(const char *value, size_t *shown)
{
    size_t failures = 0;
    for (size_t index = 0; index < sizeof contexts / sizeof contexts[0]; index++)
        failures += !round_trips(&contexts[index], value, shown);
    return failures;
}

static void hostile_values_round_trip(void **state)
{
    (void)state;
    size_t failures = 0, shown = 0;
    for (size_t index = 0; index < sizeof hostile / sizeof hostile[0]; index++)
        failures += check_all_contexts(hostile[index], &shown);
    printf("hostile values: %zu values x %zu contexts, %zu failures\n",
           sizeof hostile / sizeof hostile[0], sizeof contexts / sizeof contexts[0], failures);
    assert_int_equal(failures, 0);
}

static void generated_values_round_trip(void **state)
{
    (void)state;
    unsigned long seed = 20240601;
    size_t failures = 0, shown = 0;
    size_t atom_count = sizeof atoms / sizeof atoms[0];
    for (size_t count = 0; count < GENERATED_COUNT; count++) {
        struct buffer value = {0};
        size_t pieces = 1 + next_random(&seed) % 6;
        for (size_t piece = 0; piece < pieces; piece++)
            buffer_append_text(&value, atoms[next_random(&seed) % atom_count]);
        failures += check_all_contexts(buffer_text(&value), &shown);
        buffer_free(&value);
    }
    printf("generated values: %d values x %zu contexts, %zu failures\n", GENERATED_COUNT,
           sizeof contexts / sizeof contexts[0], failures);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hostile_values_round_trip),
        cmocka_unit_test(generated_values_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
