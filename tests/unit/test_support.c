/* Helpers shared by the unit tests. */
#include "test_support.h"

#include "file_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct loaded load(const char *text)
{
    struct loaded loaded;
    loaded.sink = diag_sink_new();
    loaded.document = yaml_load_text("t.yaml", text, strlen(text), loaded.sink);
    return loaded;
}

void loaded_free(struct loaded *loaded)
{
    yaml_document_free(loaded->document);
    diag_sink_free(loaded->sink);
}

char *diagnostics_text(const struct diag_sink *sink)
{
    char *text = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    diag_print(sink, stream);
    fclose(stream);
    return text;
}

void expect_refusal_length(const char *text, size_t length, const char *expected)
{
    struct diag_sink *sink = diag_sink_new();
    struct yaml_document *document = yaml_load_text("t.yaml", text, length, sink);
    char *printed = diagnostics_text(sink);
    if (document)
        fail_msg("accepted: %s", text);
    assert_string_equal(printed, expected);
    free(printed);
    yaml_document_free(document);
    diag_sink_free(sink);
}

void expect_refusal(const char *text, const char *expected)
{
    expect_refusal_length(text, strlen(text), expected);
}

char scratch_folder[] = "/tmp/golive-test-XXXXXX";

int scratch_setup(void **state)
{
    (void)state;
    return mkdtemp(scratch_folder) ? 0 : -1;
}

int scratch_teardown(void **state)
{
    (void)state;
    char command[128];
    snprintf(command, sizeof command, "rm -rf '%s'", scratch_folder);
    return system(command);
}

const char *scratch_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", scratch_folder, name);
    return path;
}

void scratch_write(const char *name, const char *text)
{
    FILE *file = fopen(scratch_path(name), "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

char *read_file_text(const char *path)
{
    struct diag_sink *sink = diag_sink_new();
    char *text = NULL;
    size_t length;
    assert_true(file_read(path, source_position_of_file(path), sink, &text, &length));
    diag_sink_free(sink);
    return text;
}
