/* The YAML test suite (../shared/conformance/yaml) fed to golive's loader.
 *
 * Every case marked as an error must be refused. Valid cases may be refused
 * too when they use what golive deliberately does not accept (several
 * documents, tags, complex keys); they are counted, not failed. Either way
 * no case may crash or leak, which the sanitizer build checks.
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
    size_t failures;
};

/* Replaces the suite's visible markers with the characters they stand for. */
static char *decode_markers(const char *text)
{
    struct buffer out = { 0 };
    for (const char *at = text; *at;) {
        if (strncmp(at, "\xE2\x90\xA3", 3) == 0) {          /* ␣ space */
            buffer_append_char(&out, ' ');
            at += 3;
        } else if (strncmp(at, "\xE2\x80\x94", 3) == 0) {   /* — before » */
            at += 3;
        } else if (strncmp(at, "\xC2\xBB", 2) == 0) {       /* » tab */
            buffer_append_char(&out, '\t');
            at += 2;
        } else if (strncmp(at, "\xE2\x86\x90", 3) == 0) {   /* ← carriage return */
            buffer_append_char(&out, '\r');
            at += 3;
        } else if (strncmp(at, "\xE2\x87\x94", 3) == 0) {   /* ⇔ byte order mark */
            buffer_append_text(&out, "\xEF\xBB\xBF");
            at += 3;
        } else if (strncmp(at, "\xE2\x86\xB5", 3) == 0) {   /* ↵ line end shown */
            at += 3;
        } else if (strncmp(at, "\xE2\x88\x8E\n", 4) == 0 && at[4] == '\0') { /* ∎ no final newline */
            at += 4;
        } else {
            buffer_append_char(&out, *at++);
        }
    }
    return buffer_release(&out);
}

static void run_case(const char *label, const char *yaml, bool must_fail, struct tally *tally)
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
    const char *yaml = NULL;
    bool skip_file = false;
    for (size_t index = 0; index < node_count(root); index++) {
        const struct node *record = node_sequence_item(root, index);
        const struct node *text = node_mapping_find(record, "yaml");
        const struct node *fail = node_mapping_find(record, "fail");
        const struct node *skip = node_mapping_find(record, "skip");
        if (text)
            yaml = node_scalar_text(text);
        /* "skip: true" upstream marks a whole file left out of its data. */
        skip_file = skip_file || (skip && node_scalar_is_true(skip));
        if (!yaml || skip_file)
            continue;
        char label[4200];
        snprintf(label, sizeof label, "%.*s#%zu", (int)(strlen(name) - 5), name, index);
        run_case(label, yaml, fail && node_scalar_is_true(fail), tally);
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
    struct tally tally = { 0 };
    for (size_t index = 0; index < count; index++)
        run_file(directory, names[index], &tally);
    suite_free_names(names, count);
    printf("YAML test suite: %zu cases from %zu files; %zu/%zu error cases refused; "
           "%zu valid cases accepted, %zu refused by golive's stricter rules\n",
           tally.cases, count, tally.error_refused, tally.error_cases, tally.valid_accepted,
           tally.valid_refused);
    return tally.failures ? 1 : 0;
}
