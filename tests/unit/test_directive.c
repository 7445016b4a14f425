/* Print directives: the syntax, escapes inside values, and the warning
 * each mistake gets (with its line and column). */
#include "test_support.h"

#include "layout_directive.h"
#include "tmpl_escape.h"

#include <stdlib.h>
#include <string.h>

static const struct source_position at = {"t.md", 3, 1};

static void parses_a_signature_with_escapes(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct directive directive;
    const char *text = "<!-- golive:signature role=\"Technical lead\"\n"
                       "     name=\"Ana \\\"Ani\\\" M\\u00fcller \\\\ \\*ACME\\*\"\n"
                       "     decision=\"approved --\\> ok\" -->\n";
    assert_true(directive_is_candidate(text));
    assert_true(directive_parse(text, at, &directive, sink));
    assert_int_equal(directive.kind, DIRECTIVE_SIGNATURE);
    assert_string_equal(directive.values[KEY_ROLE], "Technical lead");
    assert_string_equal(directive.values[KEY_NAME], "Ana \"Ani\" M\\u00fcller \\ *ACME*");
    assert_string_equal(directive.values[KEY_DECISION], "approved --> ok");
    assert_null(directive.values[KEY_DATE]);
    assert_int_equal(diag_count(sink), 0);
    directive_free(&directive);
    diag_sink_free(sink);
}

/* A value a template writes into a directive reads back as written: the
 * escaper and the parser share one quoting rule (directive_quote.h). */
static void template_values_read_back_from_directives(void **state)
{
    (void)state;
    const char *name = "Ana \"Ani\" \\ M\u00fcller --> *ACME* <b>";
    struct buffer text = {0};
    buffer_append_text(&text, "<!-- golive:signature name=\"");
    tmpl_escape_append(TMPL_ESCAPE_MARKDOWN, name, strlen(name), &text, 0);
    buffer_append_text(&text, "\" -->\n");
    struct diag_sink *sink = diag_sink_new();
    struct directive directive;
    assert_true(directive_parse(buffer_text(&text), at, &directive, sink));
    assert_string_equal(directive.values[KEY_NAME], name);
    assert_int_equal(diag_count(sink), 0);
    directive_free(&directive);
    diag_sink_free(sink);
    buffer_free(&text);
}

static void parses_bare_directives(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct directive directive;
    assert_true(directive_parse("<!-- golive:pagebreak -->\n", at, &directive, sink));
    assert_int_equal(directive.kind, DIRECTIVE_PAGEBREAK);
    directive_free(&directive);
    assert_true(directive_parse("<!--golive:draft-->", at, &directive, sink));
    assert_int_equal(directive.kind, DIRECTIVE_DRAFT);
    directive_free(&directive);
    assert_false(directive_is_candidate("<!-- just a comment -->"));
    assert_false(directive_is_candidate("<div>golive:draft</div>"));
    diag_sink_free(sink);
}

static void expect_warning(const char *text, const char *expected)
{
    struct diag_sink *sink = diag_sink_new();
    struct directive directive;
    assert_false(directive_parse(text, at, &directive, sink));
    char *printed = diagnostics_text(sink);
    assert_string_equal(printed, expected);
    free(printed);
    diag_sink_free(sink);
}

static void mistakes_get_positioned_warnings(void **state)
{
    (void)state;
    expect_warning("<!-- golive:pagebrake -->",
                   "t.md:3:13: warning: unknown directive 'golive:pagebrake' (did you mean "
                   "'golive:pagebreak'?); golive knows pagebreak, signature, cover, draft, notes, "
                   "table, matrix, timeline, qr, keep, keep-end and toc\n");
    expect_warning("<!-- golive:signature roll=\"x\" -->",
                   "t.md:3:23: warning: 'golive:signature' has no key 'roll'; did you mean "
                   "'role'?\n");
    expect_warning("<!-- golive:signature role=\"x -->",
                   "t.md:3:28: warning: this value has no closing '\"'; write a quote inside a "
                   "value as \\\"\n");
    expect_warning("<!-- golive:signature\n  role=x -->",
                   "t.md:4:7: warning: expected =\"...\" after 'role'\n");
    expect_warning("<!-- golive:pagebreak --> trailing",
                   "t.md:3:27: warning: text after the end of 'golive:pagebreak'; put it on a "
                   "line of its own\n");
    expect_warning("<!-- golive:notes lines=\"3\"",
                   "t.md:3:28: warning: expected key=\"value\" or the closing '-->' in "
                   "'golive:notes'\n");
}

static void a_repeated_key_keeps_the_second(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct directive directive;
    assert_true(
        directive_parse("<!-- golive:notes label=\"A\" label=\"B\" -->", at, &directive, sink));
    assert_string_equal(directive.values[KEY_LABEL], "B");
    char *printed = diagnostics_text(sink);
    assert_string_equal(printed, "t.md:3:29: warning: 'label' is given twice in 'golive:notes'; "
                                 "the second is used\n");
    free(printed);
    directive_free(&directive);
    diag_sink_free(sink);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_a_signature_with_escapes),
        cmocka_unit_test(parses_bare_directives),
        cmocka_unit_test(template_values_read_back_from_directives),
        cmocka_unit_test(mistakes_get_positioned_warnings),
        cmocka_unit_test(a_repeated_key_keeps_the_second),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
