/* Writing and reading the build manifest. */
#include "manifest.h"

#include "alloc.h"
#include "buffer.h"

#include <stdlib.h>
#include <string.h>

static void add_hashed(struct manifest_entry **entries, size_t *count, size_t *capacity,
                       const char *path, const char sha256[65])
{
    *entries = xgrow(*entries, capacity, *count + 1, sizeof(struct manifest_entry));
    struct manifest_entry *entry = &(*entries)[(*count)++];
    entry->path = xstrdup(path);
    memcpy(entry->sha256, sha256, 65);
    entry->line = 0;
}

void manifest_add_input_hash(struct manifest *manifest, const char *path, const char sha256[65])
{
    add_hashed(&manifest->inputs, &manifest->input_count, &manifest->input_capacity, path, sha256);
}

void manifest_add_output_hash(struct manifest *manifest, const char *name, const char sha256[65])
{
    add_hashed(&manifest->outputs, &manifest->output_count, &manifest->output_capacity, name,
               sha256);
}

void manifest_format(const struct manifest *manifest, struct buffer *out)
{
    buffer_append_text(out,
                       "# golive manifest: the SHA-256 of every input and every document of one\n"
                       "# build. Check it with: golive verify FOLDER. 'project' is the project's\n"
                       "# folder from this one; input paths are relative to it, golive: ones to\n"
                       "# golive's data folder.\n");
    buffer_printf(out, "golive %s\n", manifest->version);
    buffer_printf(out, "fingerprint %s\n", manifest->fingerprint);
    if (manifest->project)
        buffer_printf(out, "project %s\n", manifest->project);
    for (size_t index = 0; index < manifest->input_count; index++)
        buffer_printf(out, "input %s  %s\n", manifest->inputs[index].sha256,
                      manifest->inputs[index].path);
    for (size_t index = 0; index < manifest->output_count; index++)
        buffer_printf(out, "output %s  %s\n", manifest->outputs[index].sha256,
                      manifest->outputs[index].path);
}

static bool is_hex_digest(const char *text)
{
    for (int index = 0; index < 64; index++)
        if (!strchr("0123456789abcdef", text[index]) || !text[index])
            return false;
    return true;
}

/* One "input HASH  PATH" or "output HASH  PATH" line. */
static bool parse_entry(struct manifest *out, const char *line, size_t length, unsigned number)
{
    bool input = length > 6 && strncmp(line, "input ", 6) == 0;
    size_t at = input ? 6 : 7;
    if (!input && !(length > 7 && strncmp(line, "output ", 7) == 0))
        return false;
    if (length < at + 67 || !is_hex_digest(line + at) || strncmp(line + at + 64, "  ", 2) != 0)
        return false;
    struct manifest_entry **entries = input ? &out->inputs : &out->outputs;
    size_t *count = input ? &out->input_count : &out->output_count;
    size_t *capacity = input ? &out->input_capacity : &out->output_capacity;
    char sha256[65], *path = xstrndup(line + at + 66, length - at - 66);
    memcpy(sha256, line + at, 64);
    sha256[64] = '\0';
    add_hashed(entries, count, capacity, path, sha256);
    (*entries)[*count - 1].line = number;
    free(path);
    return true;
}

static bool parse_line(struct manifest *out, const char *line, size_t length, unsigned number)
{
    if (length == 0 || line[0] == '#')
        return true;
    if (length > 7 && strncmp(line, "golive ", 7) == 0 && !out->version) {
        out->version = xstrndup(line + 7, length - 7);
        return true;
    }
    if (length == 12 + FINGERPRINT_LENGTH && strncmp(line, "fingerprint ", 12) == 0) {
        memcpy(out->fingerprint, line + 12, FINGERPRINT_LENGTH);
        return true;
    }
    if (length > 8 && strncmp(line, "project ", 8) == 0 && !out->project) {
        out->project = xstrndup(line + 8, length - 8);
        return true;
    }
    return parse_entry(out, line, length, number);
}

bool manifest_parse(const char *path, const char *text, size_t length, struct manifest *out,
                    struct diag_sink *sink)
{
    memset(out, 0, sizeof *out);
    bool ok = true;
    unsigned number = 1;
    for (size_t start = 0; start < length; number++) {
        const char *newline = memchr(text + start, '\n', length - start);
        size_t end = newline ? (size_t)(newline - text) : length;
        if (!parse_line(out, text + start, end - start, number)) {
            diag(sink, DIAG_MANIFEST_MALFORMED, (struct source_position){path, number, 1},
                 "this line is not part of a golive manifest");
            ok = false;
        }
        start = end + 1;
    }
    if (ok && !out->version) {
        diag(sink, DIAG_MANIFEST_MALFORMED, source_position_of_file(path),
             "this is not a golive manifest (no 'golive VERSION' line)");
        ok = false;
    }
    return ok;
}

void manifest_free(struct manifest *manifest)
{
    for (size_t index = 0; index < manifest->input_count; index++)
        free(manifest->inputs[index].path);
    for (size_t index = 0; index < manifest->output_count; index++)
        free(manifest->outputs[index].path);
    free(manifest->inputs);
    free(manifest->outputs);
    free(manifest->version);
    free(manifest->project);
    memset(manifest, 0, sizeof *manifest);
}

char *manifest_input_path(const struct manifest *manifest, const char *folder,
                          const char *data_folder, const struct manifest_entry *input)
{
    struct buffer path = {0};
    if (strncmp(input->path, "golive:", 7) == 0 && data_folder)
        buffer_printf(&path, "%s/%s", data_folder, input->path + 7);
    else if (manifest->project)
        buffer_printf(&path, "%s/%s/%s", folder, manifest->project, input->path);
    else
        buffer_printf(&path, "%s/%s", folder, input->path);
    return buffer_release(&path);
}
