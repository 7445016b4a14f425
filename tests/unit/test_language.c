/* The shipped catalogs compiled into golive (language_compiled.h): the
 * same trees as parsing the files gives, and used only for files with
 * exactly the bytes they were compiled from. */
#include "test_support.h"

#include "file_io.h"
#include "language.h"
#include "language_catalog.h"
#include "language_compiled.h"
#include "node.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SHIPPED GOLIVE_DATADIR "/templates/lang"

static void assert_same_scalar(const struct node *parsed, const struct node *compiled)
{
    assert_int_equal(node_kind(compiled), NODE_SCALAR);
    assert_int_equal(node_scalar_type(compiled), node_scalar_type(parsed));
    assert_int_equal(node_scalar_length(compiled), node_scalar_length(parsed));
    assert_memory_equal(node_scalar_text(compiled), node_scalar_text(parsed),
                        node_scalar_length(parsed) + 1);
    assert_int_equal(node_position(compiled).line, node_position(parsed).line);
    assert_int_equal(node_position(compiled).column, node_position(parsed).column);
    assert_string_equal(node_position(compiled).file, node_position(parsed).file);
}

/* Every key and text, in order, with its type and position. */
static void assert_same_tree(const struct node *parsed, const struct node *compiled)
{
    assert_int_equal(node_kind(compiled), NODE_MAPPING);
    assert_int_equal(node_count(compiled), node_count(parsed));
    assert_int_equal(node_position(compiled).line, node_position(parsed).line);
    assert_int_equal(node_position(compiled).column, node_position(parsed).column);
    for (size_t index = 0; index < node_count(parsed); index++) {
        assert_same_scalar(node_mapping_key(parsed, index), node_mapping_key(compiled, index));
        assert_same_scalar(node_mapping_value(parsed, index), node_mapping_value(compiled, index));
    }
}

struct parsed {
    char *bytes;
    size_t length;
    struct yaml_document *document;
    struct node *root;
};

static struct parsed parse_file(const char *path)
{
    struct parsed parsed = {0};
    struct diag_sink *sink = diag_sink_new();
    assert_true(
        file_read(path, source_position_of_file(path), sink, &parsed.bytes, &parsed.length));
    parsed.root = language_catalog_parse(path, parsed.bytes, parsed.length, &parsed.document, sink);
    assert_non_null(parsed.root);
    diag_sink_free(sink);
    return parsed;
}

static void parsed_free(struct parsed *parsed)
{
    node_free(parsed->root);
    yaml_document_free(parsed->document);
    free(parsed->bytes);
}

static void compare_with_compiled(const char *path, const struct node *reference)
{
    struct parsed parsed = parse_file(path);
    const struct language_compiled_catalog *catalog =
        language_compiled_find(parsed.bytes, parsed.length);
    assert_non_null(catalog);
    struct node *compiled = language_compiled_tree(catalog, path);
    assert_same_tree(parsed.root, compiled);
    struct diag_sink *sink = diag_sink_new();
    assert_int_equal(catalog->keys_as_reference,
                     language_catalog_check_keys(reference, parsed.root, sink));
    diag_sink_free(sink);
    node_free(compiled);
    parsed_free(&parsed);
}

static void compiled_catalogs_equal_the_shipped_files_parsed(void **state)
{
    (void)state;
    struct parsed reference = parse_file(SHIPPED "/en.yaml");
    assert_true(
        language_compiled_is_reference(language_compiled_find(reference.bytes, reference.length)));
    DIR *folder = opendir(SHIPPED);
    assert_non_null(folder);
    size_t files = 0;
    for (struct dirent *entry; (entry = readdir(folder));) {
        size_t length = strlen(entry->d_name);
        if (length < 6 || strcmp(entry->d_name + length - 5, ".yaml") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", SHIPPED, entry->d_name);
        compare_with_compiled(path, reference.root);
        files++;
    }
    closedir(folder);
    assert_int_equal(files, language_compiled_catalog_count);
    assert_true(files >= 3);
    parsed_free(&reference);
}

/* A copy of the shipped catalogs in the scratch folder, en.yaml's line
 * `from` replaced by `to` (or left alone when from is NULL). */
static const char *edited_catalogs(const char *name, const char *from, const char *to)
{
    static char folder[256];
    snprintf(folder, sizeof folder, "%s", scratch_path(name));
    assert_int_equal(mkdir(folder, 0755), 0);
    static const char *const codes[] = {"en", "de", "fr"};
    for (size_t index = 0; index < 3; index++) {
        char source[512], target[512];
        snprintf(source, sizeof source, "%s/%s.yaml", SHIPPED, codes[index]);
        char *text = read_file_text(source);
        struct buffer edited = {0};
        const char *at = from ? strstr(text, from) : NULL;
        if (from)
            assert_non_null(at);
        if (at) {
            buffer_append(&edited, text, (size_t)(at - text));
            buffer_append_text(&edited, to);
            buffer_append_text(&edited, at + strlen(from));
        } else {
            buffer_append_text(&edited, text);
        }
        snprintf(target, sizeof target, "%s/%s.yaml", name, codes[index]);
        scratch_write(target, buffer_text(&edited));
        buffer_free(&edited);
        free(text);
        from = NULL; /* only en.yaml is edited */
    }
    return folder;
}

static bool load_language(struct language *language, const char *folder, const char *code,
                          struct diag_sink *sink)
{
    struct language_request request = {
        .code = code, .code_position = source_position_of_file(NULL), .shipped_folder = folder};
    return language_load(language, &request, sink);
}

/* The diagnostics of loading code from folder, which must fail. */
static char *refusal(const char *folder, const char *code)
{
    struct diag_sink *sink = diag_sink_new();
    struct language language;
    assert_false(load_language(&language, folder, code, sink));
    char *text = diagnostics_text(sink);
    diag_sink_free(sink);
    return text;
}

static void an_edited_shipped_catalog_is_read_not_the_compiled_one(void **state)
{
    (void)state;
    const char *folder = edited_catalogs("edited", "pdf_draft: DRAFT\n", "pdf_draft: NOT FINAL\n");
    struct diag_sink *sink = diag_sink_new();
    struct language language;
    assert_true(load_language(&language, folder, "en", sink));
    assert_string_equal(language_word(&language, "pdf_draft"), "NOT FINAL");
    language_free(&language);
    /* the compiled German catalog, checked against the edited English one */
    assert_true(load_language(&language, folder, "de", sink));
    assert_string_equal(language_word(&language, "pdf_draft"), "ENTWURF");
    language_free(&language);
    assert_int_equal(diag_count(sink), 0);
    diag_sink_free(sink);
}

static void an_edited_catalog_keeps_its_diagnostics(void **state)
{
    (void)state;
    const char *folder = edited_catalogs("broken", "pdf_draft: DRAFT\n", "pdf_draft:\n");
    char *text = refusal(folder, "de");
    char expected[512];
    snprintf(expected, sizeof expected,
             "%s/en.yaml:14:11: error: 'pdf_draft' must be text in the catalog\n", folder);
    assert_non_null(strstr(text, expected));
    free(text);
}

/* A shipped German catalog whose keys differ from an edited English one's
 * is checked as ever: the compiled catalog's own check does not hold. */
static void an_edited_reference_is_checked_against_the_compiled_catalogs(void **state)
{
    (void)state;
    const char *folder = edited_catalogs("renamed", "pdf_draft: DRAFT\n", "pdf_draught: DRAFT\n");
    char *text = refusal(folder, "de");
    char missing[512], unknown[512];
    snprintf(missing, sizeof missing, "%s/de.yaml:4:1: error: the catalog has no 'pdf_draught'",
             folder);
    snprintf(unknown, sizeof unknown, "'pdf_draft' is not a key of the catalog");
    assert_non_null(strstr(text, missing));
    assert_non_null(strstr(text, unknown));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compiled_catalogs_equal_the_shipped_files_parsed),
        cmocka_unit_test(an_edited_shipped_catalog_is_read_not_the_compiled_one),
        cmocka_unit_test(an_edited_catalog_keeps_its_diagnostics),
        cmocka_unit_test(an_edited_reference_is_checked_against_the_compiled_catalogs),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
