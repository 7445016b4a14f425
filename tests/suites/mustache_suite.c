/* The official Mustache spec (../shared/conformance/mustache) run through
 * golive's template engine with HTML escaping, as the spec expects.
 *
 * Every test of the required files (comments, delimiters, interpolation,
 * inverted, partials, sections) must pass. The optional files (named with
 * a leading '~': dynamic names, inheritance) are run and counted only;
 * golive does not implement them. A missing partial renders as nothing
 * here, as the spec says; golive itself reports it as an error.
 *
 * Usage: mustache_suite SPEC_DIR. Exits 77 (CTest's skip) when SPEC_DIR is
 * absent, unless CI=true, when that is a failure. Set MUSTACHE_VERBOSE=1 to
 * see the optional tests' failures too. */
#include "alloc.h"
#include "buffer.h"
#include "diag.h"
#include "file_io.h"
#include "node.h"
#include "suite_common.h"
#include "tmpl.h"
#include "yaml_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* golive's loader refuses a carriage return in a value (it is a control
 * character), but five spec tests hold "\r\n" in double-quoted strings. The
 * suite text is read with each "\r" escape turned into U+E00D, a private
 * use character, which is turned back into a carriage return after loading. */
#define CR_STAND_IN "\xEE\x80\x8D"

struct tally {
    size_t passed, failed;
};

static char *replace_all(const char *text, const char *from, const char *to)
{
    struct buffer out = {0};
    size_t from_length = strlen(from);
    for (const char *at = text; *at;) {
        if (strncmp(at, from, from_length) == 0) {
            buffer_append_text(&out, to);
            at += from_length;
        } else {
            buffer_append_char(&out, *at++);
        }
    }
    return buffer_release(&out);
}

static char *text_of(const struct node *value)
{
    return replace_all(value ? node_scalar_text(value) : "", CR_STAND_IN, "\r");
}

/* The test's partials as a mapping of name to text, carriage returns back. */
static struct node *partials_of(const struct node *test)
{
    const struct node *given = node_mapping_find(test, "partials");
    if (!given)
        return NULL;
    struct node *partials = node_new_mapping();
    for (size_t index = 0; index < node_count(given); index++) {
        char *text = text_of(node_mapping_value(given, index));
        node_mapping_append(partials,
                            node_new_string(node_scalar_text(node_mapping_key(given, index))),
                            node_new_string(text));
        free(text);
    }
    return partials;
}

/* Writes text with line ends and control characters visible. */
static void print_visible(const char *label, const char *text)
{
    printf("  %s: \"", label);
    for (const char *at = text; *at; at++) {
        if (*at == '\n')
            printf("\\n");
        else if (*at == '\r')
            printf("\\r");
        else if (*at == '\t')
            printf("\\t");
        else
            putchar(*at);
    }
    printf("\"\n");
}

static bool run_test(const char *file, const struct node *test, bool verbose)
{
    char *template_text = text_of(node_mapping_find(test, "template"));
    char *expected = text_of(node_mapping_find(test, "expected"));
    struct node *partials = partials_of(test);
    struct diag_sink *sink = diag_sink_new();
    struct buffer out = {0};
    struct tmpl *loaded = tmpl_load_text("template", template_text, strlen(template_text), partials,
                                         TMPL_MISSING_PARTIAL_EMPTY, sink);
    bool passed =
        loaded &&
        tmpl_render(loaded, node_mapping_find(test, "data"), TMPL_ESCAPE_HTML, &out, sink) &&
        strcmp(buffer_text(&out), expected) == 0;
    if (!passed && verbose) {
        printf("FAIL %s: %s\n", file, node_scalar_text(node_mapping_find(test, "name")));
        print_visible("template", template_text);
        print_visible("expected", expected);
        print_visible("got     ", buffer_text(&out));
        diag_print(sink, stdout);
    }
    tmpl_free(loaded);
    buffer_free(&out);
    diag_sink_free(sink);
    node_free(partials);
    free(template_text);
    free(expected);
    return passed;
}

/* Runs every test of one spec file. Returns false when the file itself
 * cannot be read. */
static bool run_file(const char *directory, const char *name, bool verbose, struct tally *tally)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", directory, name);
    struct diag_sink *sink = diag_sink_new();
    char *raw = NULL, *patched = NULL;
    size_t length = 0;
    struct yaml_document *document = NULL;
    if (file_read(path, source_position_of_file(path), sink, &raw, &length)) {
        patched = replace_all(raw, "\\r", "\\uE00D");
        document = yaml_load_text(path, patched, strlen(patched), sink);
    }
    const struct node *tests =
        document ? node_mapping_find(yaml_document_root(document), "tests") : NULL;
    if (!tests) {
        printf("FAIL %s: the spec file does not load\n", name);
        diag_print(sink, stdout);
    }
    struct tally file_tally = {0};
    for (size_t index = 0; tests && index < node_count(tests); index++) {
        if (run_test(name, node_sequence_item(tests, index), verbose))
            file_tally.passed++;
        else
            file_tally.failed++;
    }
    printf("  %-22s %zu/%zu\n", name, file_tally.passed, file_tally.passed + file_tally.failed);
    tally->passed += file_tally.passed;
    tally->failed += file_tally.failed;
    yaml_document_free(document);
    diag_sink_free(sink);
    free(raw);
    free(patched);
    return tests != NULL;
}

int main(int argc, char **argv)
{
    const char *directory = argc > 1 ? argv[1] : "";
    char **names = NULL;
    size_t count = 0;
    int status = suite_list_files(directory, ".yml", "Mustache spec", &names, &count);
    if (status >= 0)
        return status;
    const char *verbose_setting = getenv("MUSTACHE_VERBOSE");
    bool verbose_optional = verbose_setting && strcmp(verbose_setting, "1") == 0;
    struct tally required = {0}, optional = {0};
    bool all_loaded = true;
    printf("Mustache spec, required:\n");
    for (size_t index = 0; index < count; index++)
        if (names[index][0] != '~')
            all_loaded &= run_file(directory, names[index], true, &required);
    printf("Mustache spec, optional (not implemented by golive; counted only):\n");
    for (size_t index = 0; index < count; index++)
        if (names[index][0] == '~')
            run_file(directory, names[index], verbose_optional, &optional);
    suite_free_names(names, count);
    printf("optional: %zu of %zu pass\n", optional.passed, optional.passed + optional.failed);
    printf("required: %zu passed, %zu failed\n", required.passed, required.failed);
    return all_loaded && required.failed == 0 && required.passed > 0 ? 0 : 1;
}
