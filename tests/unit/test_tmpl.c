/* Unit tests for the template engine: what the spec leaves to us (values,
 * truthiness, indentation of nested partials), each template diagnostic
 * with its position, and each limit. The spec itself is run by
 * mustache_suite; the Markdown round trip by test_tmpl_escape. */
#include "test_support.h"

#include "golive_limits.h"
#include "node.h"
#include "tmpl.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Renders template_text (called t.md; partials from the mapping in
 * partials_yaml, may be NULL) over data_yaml with escape. Returns the output,
 * or the diagnostics when loading or rendering fails. Caller frees. */
static char *render_with(const char *template_text, const char *data_yaml,
                         const char *partials_yaml, enum tmpl_escape escape)
{
    struct loaded data = load(data_yaml ? data_yaml : "{}");
    assert_non_null(data.document);
    struct loaded partials = load(partials_yaml ? partials_yaml : "{}");
    assert_non_null(partials.document);
    struct diag_sink *sink = diag_sink_new();
    struct tmpl *loaded =
        tmpl_load_text("t.md", template_text, strlen(template_text),
                       yaml_document_root(partials.document), TMPL_MISSING_PARTIAL_ERROR, sink);
    struct buffer out = {0};
    char *result;
    if (loaded && tmpl_render(loaded, yaml_document_root(data.document), escape, &out, sink))
        result = buffer_release(&out);
    else
        result = diagnostics_text(sink);
    buffer_free(&out);
    tmpl_free(loaded);
    diag_sink_free(sink);
    loaded_free(&data);
    loaded_free(&partials);
    return result;
}

static void expect_render(const char *template_text, const char *data_yaml, const char *expected)
{
    char *got = render_with(template_text, data_yaml, NULL, TMPL_ESCAPE_MARKDOWN);
    assert_string_equal(got, expected);
    free(got);
}

static void expect_render_partials(const char *template_text, const char *data_yaml,
                                   const char *partials_yaml, const char *expected)
{
    char *got = render_with(template_text, data_yaml, partials_yaml, TMPL_ESCAPE_NONE);
    assert_string_equal(got, expected);
    free(got);
}

static void formats_scalars(void **state)
{
    (void)state;
    expect_render("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}}",
                  "{a: 1.210, b: 1.5e3, c: 0.1, d: 1e-7, e: -0.0, f: 12345678901234567890.0}",
                  "1.21 1500 0.1 1e-07 -0 12345678901234567000");
    expect_render("{{a}} {{b}} {{c}} {{d}} {{e}}",
                  "{a: 0.000123, b: -2.5e-3, c: 1e21, d: 3.0, e: 0.0}",
                  "0.000123 \\-0.0025 1e+21 3 0");
    expect_render("{{a}} {{b}} {{c}} {{d}}", "{a: .inf, b: -.Inf, c: .nan, d: 2.50}",
                  ".inf -.Inf .nan 2.5");
    expect_render("{{a}} {{b}} {{c}} {{d}}", "{a: 0x1F, b: 0o17, c: +12, d: -3}",
                  "0x1F 0o17 +12 -3");
    expect_render("[{{a}}|{{b}}|{{c}}|{{d}}]", "{a: True, b: false, c: ~, d: null}",
                  "[true|false||]");
}

static void decides_truthiness(void **state)
{
    (void)state;
    expect_render("{{#zero}}0 is truthy{{/zero}} {{#empty}}no{{/empty}}{{^empty}}\"\" is "
                  "falsey{{/empty}} {{#map}}{} is truthy{{/map}} {{^list}}[] is falsey{{/list}}",
                  "{zero: 0, empty: '', map: {}, list: []}",
                  "0 is truthy \"\" is falsey {} is truthy [] is falsey");
    expect_render("{{#flag}}{{.}}{{/flag}}|{{#text}}{{.}}{{/text}}", "{flag: true, text: hi}",
                  "true|hi");
}

static void walks_lists_and_dotted_names(void **state)
{
    (void)state;
    expect_render("{{#items}}{{id}}:{{owner.name}}{{#last}}.{{/last}}{{^last}}, {{/last}}"
                  "{{/items}}",
                  "items: [{id: 1, owner: {name: ops}}, {id: 2, owner: {name: dba}, last: true}]",
                  "1:ops, 2:dba.");
    expect_render("{{#a}}{{b.c}}{{/a}}", "{a: {b: {}}, b: {c: outer}}", "");
}

static void indents_nested_standalone_partials(void **state)
{
    (void)state;
    expect_render_partials("List:\n  {{> outer}}\nEnd\n", "{}",
                           "{outer: \"- a\\n  {{> inner}}\\n- b\\n\", inner: \"* x\\n* y\\n\"}",
                           "List:\n  - a\n    * x\n    * y\n  - b\nEnd\n");
    /* A partial that is not alone on its line is not indented. */
    expect_render_partials("  x {{> inner}}\n", "{}", "{inner: \"a\\nb\\n\"}", "  x a\nb\n\n");
    /* A closing tag at a line start inside an indented partial keeps the
     * indentation of its line, once per item. */
    expect_render_partials(" {{> p}}\n", "{l: [1, 2]}", "{p: \"{{#l}}<{{.}}\\n{{/l}}>\\n\"}",
                           " <1\n <2\n >\n");
}

static void escapes_by_mode(void **state)
{
    (void)state;
    const char *data = "{x: \"<a href='y'>&amp; *b*</a>\"}";
    char *html = render_with("{{x}}|{{{x}}}|{{&x}}", data, NULL, TMPL_ESCAPE_HTML);
    assert_string_equal(html, "&lt;a href=&#39;y&#39;&gt;&amp;amp; *b*&lt;/a&gt;|"
                              "<a href='y'>&amp; *b*</a>|<a href='y'>&amp; *b*</a>");
    free(html);
    char *none = render_with("{{x}}", data, NULL, TMPL_ESCAPE_NONE);
    assert_string_equal(none, "<a href='y'>&amp; *b*</a>");
    free(none);
    expect_render("{{x}}", data, "\\<a href='y'>\\&amp; \\*b\\*\\</a>");
    enum tmpl_escape escape;
    assert_true(tmpl_escape_from_name("html", &escape));
    assert_int_equal(escape, TMPL_ESCAPE_HTML);
    assert_false(tmpl_escape_from_name("HTML", &escape));
    assert_string_equal(tmpl_escape_name(TMPL_ESCAPE_NONE), "none");
}

static void escapes_markdown_by_line_context(void **state)
{
    (void)state;
    const char *data = "{x: \"a\\nb\", y: \"- c\", z: \"x\\\\\"}";
    expect_render("{{x}}\n", data, "a\\\nb\n");
    expect_render("| {{x}} | {{z}} |\n", data, "| a&#10;b | x&#92; |\n");
    expect_render("## {{x}}\n", data, "## a&#10;b\n");
    expect_render("{{y}}\n> {{y}}\nSee {{y}}\n", data, "\\- c\n> \\- c\nSee - c\n");
}

static void reports_syntax_errors_with_positions(void **state)
{
    (void)state;
    expect_render("a\n  {{#s}}\n", NULL, "t.md:2:3: error: the section 's' is never closed\n");
    expect_render("{{#a}}{{/b}}", NULL,
                  "t.md:1:7: error: this tag closes 'b', but the innermost open section is 'a'\n"
                  "t.md:1:1: note: 'a' was opened here\n");
    expect_render("x{{/a}}", NULL,
                  "t.md:1:2: error: this tag closes 'a', but no section is open\n");
    expect_render("é {{x", NULL, "t.md:1:3: error: this tag is never closed: no '}}' follows it\n");
    expect_render("{{{x}}", NULL,
                  "t.md:1:1: error: this tag is never closed: no '}}}' follows it\n");
    expect_render("{{ }}{{#}}{{/}}", NULL,
                  "t.md:1:1: error: this tag names nothing\n"
                  "t.md:1:6: error: this tag names nothing\n"
                  "t.md:1:11: error: this closing tag names nothing\n");
    expect_render("{{a b}} {{.a}} {{a..b}}", NULL,
                  "t.md:1:1: error: 'a b' is not a name: names hold no spaces\n"
                  "t.md:1:9: error: '.a' has an empty part between its dots\n"
                  "t.md:1:16: error: 'a..b' has an empty part between its dots\n");
}

static void reports_delimiter_errors(void **state)
{
    (void)state;
    expect_render("{{=<% %>}}", NULL,
                  "t.md:1:1: error: this set-delimiter tag does not end with '=' before its "
                  "closing delimiter\n");
    expect_render("{{=<% %> x=}}", NULL,
                  "t.md:1:1: error: this set-delimiter tag gives more than two delimiters; it "
                  "needs two, as in {{=<% %>=}}\n");
    expect_render("{{==}}", NULL,
                  "t.md:1:1: error: this set-delimiter tag gives no delimiters; it needs two, "
                  "as in {{=<% %>=}}\n");
    expect_render("{{=<= =>=}}", NULL, "t.md:1:1: error: the delimiter '<=' holds '='\n");
    expect_render("{{=<<<<<<<<<<<<<<<<< >>=}}", NULL,
                  "t.md:1:1: error: the delimiter '<<<<<<<<<<<<<<<<<' is 17 bytes long; the "
                  "limit is 16\n");
    expect_render("{{=<% %>=}}<%x%> {{x}}", "{x: 1}", "1 {{x}}");
}

static void reports_partial_errors(void **state)
{
    (void)state;
    char *got = render_with("{{> nope}}\n{{> a\\b}}\n", NULL, "{note: x}", TMPL_ESCAPE_NONE);
    assert_string_equal(got,
                        "t.md:1:1: error: no partial 'nope'\n"
                        "t.md:2:1: error: the partial 'a\\b' names a folder; partials are read "
                        "only from the template's own folder\n");
    free(got);
    /* The spec's rule, for the conformance suite: a missing partial is empty. */
    struct diag_sink *sink = diag_sink_new();
    struct tmpl *loaded =
        tmpl_load_text("t.md", "[{{> nope}}]", 12, NULL, TMPL_MISSING_PARTIAL_EMPTY, sink);
    struct buffer out = {0};
    assert_true(tmpl_render(loaded, NULL, TMPL_ESCAPE_HTML, &out, sink));
    assert_string_equal(buffer_text(&out), "[]");
    buffer_free(&out);
    tmpl_free(loaded);
    diag_sink_free(sink);
}

static void refuses_bad_text(void **state)
{
    (void)state;
    expect_render("ok\n\x01", NULL,
                  "t.md:2:1: error: control character U+0001 is not allowed in the text\n");
    expect_render("\xFF", NULL,
                  "t.md:1:1: error: invalid UTF-8 byte 0xFF; the file must be saved as UTF-8\n");
}

static void reports_values_it_cannot_write(void **state)
{
    (void)state;
    expect_render("a\n {{m}}", "{m: {k: v}}",
                  "t.md:2:2: error: 'm' is a mapping, which has no text to write; go through it "
                  "with a section\n");
}

static void bounds_partial_depth(void **state)
{
    (void)state;
    /* A partial may walk nested data by including itself ... */
    expect_render_partials("{{> node}}", "{v: 1, kids: [{v: 2, kids: [{v: 3, kids: []}]}]}",
                           "{node: \"{{v}}({{#kids}}{{> node}}{{/kids}})\"}", "1(2(3()))");
    /* ... but not without end. */
    char *got = render_with("{{> loop}}", NULL, "{loop: \"x{{> loop}}\"}", TMPL_ESCAPE_NONE);
    assert_string_equal(got, "loop:1:2: error: partials nest more than 64 deep here; does "
                             "'loop' include itself with no section to end it?\n");
    free(got);
}

static void bounds_output_size(void **state)
{
    (void)state;
    /* 8 levels of 10 items over a 256-byte value write 25 GB unless stopped. */
    struct buffer data = {0};
    buffer_append_text(&data, "{l: [0,1,2,3,4,5,6,7,8,9], v: '");
    for (int index = 0; index < 256; index++)
        buffer_append_char(&data, 'x');
    buffer_append_text(&data, "'}");
    struct buffer out = {0};
    buffer_append_text(&out, "kept");
    struct loaded loaded_data = load(buffer_text(&data));
    struct diag_sink *sink = diag_sink_new();
    const char *text = "{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{v}}"
                       "{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}";
    struct tmpl *loaded =
        tmpl_load_text("t.md", text, strlen(text), NULL, TMPL_MISSING_PARTIAL_ERROR, sink);
    assert_false(tmpl_render(loaded, yaml_document_root(loaded_data.document), TMPL_ESCAPE_MARKDOWN,
                             &out, sink));
    assert_string_equal(buffer_text(&out), "kept"); /* what was there stays; nothing added */
    char *printed = diagnostics_text(sink);
    assert_string_equal(printed, "t.md:1:49: error: the output grows past 16777216 bytes here\n");
    free(printed);
    tmpl_free(loaded);
    diag_sink_free(sink);
    loaded_free(&loaded_data);
    buffer_free(&data);
    buffer_free(&out);
}

static void bounds_work(void **state)
{
    (void)state;
    /* Nested empty sections write nothing but would run 10^10 passes. */
    char *got = render_with("{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}"
                            "{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}",
                            "{l: [0,1,2,3,4,5,6,7,8,9]}", NULL, TMPL_ESCAPE_NONE);
    assert_non_null(strstr(got, "error: rendering takes more than 10000000 steps here"));
    free(got);
}

/* text with every run of blanks and line ends made one space, so that the
 * manual may wrap its lines. Caller frees. */
static char *squeeze(const char *text)
{
    struct buffer out = {0};
    for (const char *at = text; *at; at++) {
        if (isspace((unsigned char)*at)) {
            if (out.length && out.data[out.length - 1] != ' ')
                buffer_append_char(&out, ' ');
        } else {
            buffer_append_char(&out, *at);
        }
    }
    return buffer_release(&out);
}

static void manual_lists_every_diagnostic(void **state)
{
    (void)state;
    FILE *file = fopen(GOLIVE_DOCS_DIR "/golive-render.txt", "r");
    assert_non_null(file);
    struct buffer text = {0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, file)) > 0)
        buffer_append(&text, chunk, got);
    fclose(file);
    char *manual = squeeze(buffer_text(&text));
    for (int code = DIAG_TEMPLATE_UNCLOSED_TAG; code <= DIAG_RENDER_DATA_NOT_MAPPING; code++) {
        char *fix = squeeze(diag_code_fix((enum diag_code)code));
        if (!strstr(manual, diag_code_name((enum diag_code)code)) || !strstr(manual, fix))
            fail_msg("docs/golive-render.txt lacks %s or its fix \"%s\"",
                     diag_code_name((enum diag_code)code), fix);
        free(fix);
    }
    free(manual);
    buffer_free(&text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formats_scalars),
        cmocka_unit_test(decides_truthiness),
        cmocka_unit_test(walks_lists_and_dotted_names),
        cmocka_unit_test(indents_nested_standalone_partials),
        cmocka_unit_test(escapes_by_mode),
        cmocka_unit_test(escapes_markdown_by_line_context),
        cmocka_unit_test(reports_syntax_errors_with_positions),
        cmocka_unit_test(reports_delimiter_errors),
        cmocka_unit_test(reports_partial_errors),
        cmocka_unit_test(refuses_bad_text),
        cmocka_unit_test(reports_values_it_cannot_write),
        cmocka_unit_test(bounds_partial_depth),
        cmocka_unit_test(bounds_output_size),
        cmocka_unit_test(bounds_work),
        cmocka_unit_test(manual_lists_every_diagnostic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
