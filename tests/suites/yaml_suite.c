/* The YAML test suite (../shared/conformance/yaml) fed to golive's loader.
 *
 * Every case marked as an error must be refused. Valid cases may be refused
 * too when they use what golive deliberately does not accept (several
 * documents, tags, complex keys); they are counted, not failed. Each valid
 * case golive accepts must load into the tree the suite expects: its event
 * stream ("tree"), with styles, anchors and tags left out (golive's nodes do
 * not keep them), must be the one the loaded nodes give. Cases with aliases
 * are counted apart: the loader expands them into copies, which the events
 * do not show. Either way no case may crash or leak, which the sanitizer
 * build checks.
 *
 * Usage: yaml_suite SUITE_DIR. Exits 77 (CTest's skip) when SUITE_DIR is
 * absent, unless CI=true, when that is a failure. */
#include "alloc.h"
#include "buffer.h"
#include "diag.h"
#include "node.h"
#include "suite_common.h"
#include "yaml_load.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tally {
    size_t cases, error_cases, error_refused, valid_accepted, valid_refused;
    size_t compared, with_aliases, known;
    size_t failures;
};

static char *decode_markers(const char *text);

/* Valid cases whose tree libyaml 0.2.5, golive's parser, loads otherwise than
 * YAML 1.2 says. Each is still counted and printed; one that starts to
 * match fails the suite, so that this list stays true. */
static const struct {
    const char *label, *why;
} known_differences[] = {
    {"652Z#0", "libyaml reads the flow key '?foo' as the key 'foo' (an explicit-key mark)"},
    {"HM87#1", "libyaml reads '[?x]' as a mapping with the explicit key 'x'"},
    {"Y2GN#0", "libyaml ends the anchor '&an:chor' at the colon, so the value is ':chor value'"},
    {"JEF9#2", "libyaml drops the last line break of a kept block scalar whose last line holds "
               "only spaces and has no line end"},
    {"L24T#1", "the same: a last line of spaces without a line end loses its line break"},
};

static const char *known_difference(const char *label)
{
    for (size_t index = 0; index < sizeof known_differences / sizeof *known_differences; index++)
        if (strcmp(known_differences[index].label, label) == 0)
            return known_differences[index].why;
    return NULL;
}

/* A scalar as the suite's events write it: backslash, tab, line feed,
 * carriage return and backspace escaped. */
static void put_escaped(const char *text, size_t length, struct buffer *out)
{
    for (size_t index = 0; index < length; index++) {
        const char *escape = NULL;
        switch (text[index]) {
        case '\\': escape = "\\\\"; break;
        case '\t': escape = "\\t"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\b': escape = "\\b"; break;
        default: break;
        }
        if (escape)
            buffer_append_text(out, escape);
        else
            buffer_append_char(out, text[index]);
    }
}

/* The events of a loaded tree, one a line: +SEQ, -SEQ, +MAP, -MAP and
 * "=VAL text". Depth is bounded by the loader's limit. */
static void tree_events(const struct node *node, struct buffer *out)
{
    switch (node_kind(node)) {
    case NODE_SCALAR:
        buffer_append_text(out, "=VAL ");
        put_escaped(node_scalar_text(node), node_scalar_length(node), out);
        buffer_append_char(out, '\n');
        break;
    case NODE_SEQUENCE:
        buffer_append_text(out, "+SEQ\n");
        for (size_t index = 0; index < node_count(node); index++)
            tree_events(node_sequence_item(node, index), out);
        buffer_append_text(out, "-SEQ\n");
        break;
    case NODE_MAPPING:
        buffer_append_text(out, "+MAP\n");
        for (size_t index = 0; index < node_count(node); index++) {
            tree_events(node_mapping_key(node, index), out);
            tree_events(node_mapping_value(node, index), out);
        }
        buffer_append_text(out, "-MAP\n");
        break;
    }
}

/* The suite's events in the same form: stream and document lines dropped,
 * anchors, tags, flow marks and the scalar's style character left out. */
static void expected_events(const char *tree, struct buffer *out)
{
    for (const char *line = tree; *line;) {
        size_t length = strcspn(line, "\n");
        const char *at = line + strspn(line, " ");
        const char *end = line + length;
        if (strncmp(at, "+SEQ", 4) == 0 || strncmp(at, "-SEQ", 4) == 0 ||
            strncmp(at, "+MAP", 4) == 0 || strncmp(at, "-MAP", 4) == 0) {
            buffer_append(out, at, 4);
            buffer_append_char(out, '\n');
        } else if (strncmp(at, "=VAL ", 5) == 0) {
            at += 5;
            while (at < end && (*at == '&' || *at == '<')) {
                const char *space = memchr(at, ' ', (size_t)(end - at));
                at = space ? space + 1 : end;
            }
            buffer_append_text(out, "=VAL ");
            if (at < end)
                buffer_append(out, at + 1, (size_t)(end - at - 1));
            buffer_append_char(out, '\n');
        }
        line = *end ? end + 1 : end;
    }
}

/* Whether the loaded tree is the one the suite's events describe. */
static void compare_tree(const char *label, const struct node *root, const char *tree,
                         struct tally *tally)
{
    if (strstr(tree, "=ALI")) {
        tally->with_aliases++;
        return;
    }
    struct buffer actual = {0}, expected = {0};
    if (root)
        tree_events(root, &actual);
    char *decoded = decode_markers(tree);
    expected_events(decoded, &expected);
    free(decoded);
    tally->compared++;
    bool same = strcmp(buffer_text(&actual), buffer_text(&expected)) == 0;
    const char *known = known_difference(label);
    if (known && same) {
        tally->failures++;
        printf("FAIL %s: now loads as the suite says; take it off the known differences\n", label);
    } else if (known) {
        tally->known++;
        printf("known difference %s: %s\n", label, known);
    } else if (!same) {
        tally->failures++;
        printf("FAIL %s: the loaded tree differs from the suite's\n--- expected\n%s--- loaded\n%s",
               label, buffer_text(&expected), buffer_text(&actual));
    }
    buffer_free(&actual);
    buffer_free(&expected);
}

/* Replaces the suite's visible markers with the characters they stand for. */
static char *decode_markers(const char *text)
{
    struct buffer out = {0};
    for (const char *at = text; *at;) {
        if (strncmp(at, "\xE2\x90\xA3", 3) == 0) { /* ␣ space */
            buffer_append_char(&out, ' ');
            at += 3;
        } else if (strncmp(at, "\xE2\x80\x94", 3) == 0) { /* — before » */
            at += 3;
        } else if (strncmp(at, "\xC2\xBB", 2) == 0) { /* » tab */
            buffer_append_char(&out, '\t');
            at += 2;
        } else if (strncmp(at, "\xE2\x86\x90", 3) == 0) { /* ← carriage return */
            buffer_append_char(&out, '\r');
            at += 3;
        } else if (strncmp(at, "\xE2\x87\x94", 3) == 0) { /* ⇔ byte order mark */
            buffer_append_text(&out, "\xEF\xBB\xBF");
            at += 3;
        } else if (strncmp(at, "\xE2\x86\xB5", 3) == 0) { /* ↵ line end shown */
            at += 3;
        } else if (strncmp(at, "\xE2\x88\x8E\n", 4) == 0 &&
                   at[4] == '\0') { /* ∎ no final newline */
            at += 4;
        } else {
            buffer_append_char(&out, *at++);
        }
    }
    return buffer_release(&out);
}

static void run_case(const char *label, const char *yaml, const char *tree, bool must_fail,
                     struct tally *tally)
{
    char *input = decode_markers(yaml);
    struct diag_sink *sink = diag_sink_new();
    struct yaml_document *document = yaml_load_text(label, input, strlen(input), sink);
    tally->cases++;
    if (must_fail) {
        tally->error_cases++;
        if (document) {
            tally->failures++;
            printf("FAIL %s: an invalid YAML input was accepted\n", label);
        } else {
            tally->error_refused++;
        }
    } else if (document) {
        tally->valid_accepted++;
        if (tree)
            compare_tree(label, yaml_document_root(document), tree, tally);
    } else {
        tally->valid_refused++;
        if (getenv("YAML_SUITE_VERBOSE"))
            diag_print(sink, stdout);
    }
    yaml_document_free(document);
    diag_sink_free(sink);
    free(input);
}

static void run_file(const char *directory, const char *name, struct tally *tally)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", directory, name);
    struct diag_sink *sink = diag_sink_new();
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), sink);
    if (!document) {
        printf("FAIL %s: the suite file itself does not load:\n", name);
        diag_print(sink, stdout);
        tally->failures++;
        diag_sink_free(sink);
        return;
    }
    const struct node *root = yaml_document_root(document);
    const char *yaml = NULL, *tree = NULL;
    bool skip_file = false;
    for (size_t index = 0; index < node_count(root); index++) {
        const struct node *record = node_sequence_item(root, index);
        const struct node *text = node_mapping_find(record, "yaml");
        const struct node *fail = node_mapping_find(record, "fail");
        const struct node *skip = node_mapping_find(record, "skip");
        const struct node *events = node_mapping_find(record, "tree");
        if (text)
            yaml = node_scalar_text(text);
        /* A later record of a file repeats only what changes. */
        if (events)
            tree = node_scalar_text(events);
        /* "skip: true" upstream marks a whole file left out of its data. */
        skip_file = skip_file || (skip && node_scalar_is_true(skip));
        if (!yaml || skip_file)
            continue;
        char label[4200];
        snprintf(label, sizeof label, "%.*s#%zu", (int)(strlen(name) - 5), name, index);
        run_case(label, yaml, tree, fail && node_scalar_is_true(fail), tally);
    }
    yaml_document_free(document);
    diag_sink_free(sink);
}

int main(int argc, char **argv)
{
    const char *directory = argc > 1 ? argv[1] : "";
    char **names = NULL;
    size_t count = 0;
    int status = suite_list_files(directory, ".yaml", "YAML test suite", &names, &count);
    if (status >= 0)
        return status;
    struct tally tally = {0};
    for (size_t index = 0; index < count; index++)
        run_file(directory, names[index], &tally);
    suite_free_names(names, count);
    printf("YAML test suite: %zu cases from %zu files; %zu/%zu error cases refused; "
           "%zu valid cases accepted, %zu refused by golive's stricter rules; "
           "%zu loaded trees compared with the suite's events, %zu of them known differences "
           "(%zu with aliases not compared)\n",
           tally.cases, count, tally.error_refused, tally.error_cases, tally.valid_accepted,
           tally.valid_refused, tally.compared, tally.known, tally.with_aliases);
    return tally.failures ? 1 : 0;
}
