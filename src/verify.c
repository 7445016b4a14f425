/* golive verify's checks: documents, extra files, inputs. */
#include "verify.h"

#include "alloc.h"
#include "buffer.h"
#include "build_folder.h"
#include "file_io.h"
#include "manifest.h"
#include "sha256.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static char *join(const char *folder, const char *name)
{
    struct buffer path = {0};
    buffer_printf(&path, "%s/%s", folder, name);
    return buffer_release(&path);
}

/* The SHA-256 of a file, or false when it cannot be read. */
static bool hash_file(const char *path, char hex[65])
{
    struct diag_sink *scratch = diag_sink_new();
    char *text;
    size_t length;
    bool ok = file_read(path, source_position_of_file(path), scratch, &text, &length);
    if (ok) {
        sha256_hex(text, length, hex);
        free(text);
    }
    diag_sink_free(scratch);
    return ok;
}

static void check_outputs(const char *folder, const char *manifest_path,
                          const struct manifest *manifest, struct diag_sink *sink)
{
    for (size_t index = 0; index < manifest->output_count; index++) {
        const struct manifest_entry *entry = &manifest->outputs[index];
        char *path = join(folder, entry->path);
        char hex[65];
        struct source_position cited = {manifest_path, entry->line, 1};
        if (!hash_file(path, hex))
            diag(sink, DIAG_VERIFY_MISSING, cited, "'%s' is missing", path);
        else if (strcmp(hex, entry->sha256) != 0)
            diag(sink, DIAG_VERIFY_CHANGED, cited,
                 "'%s' changed since the build: its SHA-256 is %s, the manifest says %s", path, hex,
                 entry->sha256);
        free(path);
    }
}

static bool listed(const struct manifest *manifest, const char *name)
{
    for (size_t index = 0; index < manifest->output_count; index++)
        if (strcmp(manifest->outputs[index].path, name) == 0)
            return true;
    return strcmp(name, MANIFEST_NAME) == 0;
}

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(char *const *)left, *(char *const *)right);
}

/* Extra files are reported in name order, so that the output is stable. */
static void check_extra(const char *folder, const struct manifest *manifest, struct diag_sink *sink)
{
    DIR *directory = opendir(folder);
    if (!directory)
        return;
    char **extra = NULL;
    size_t count = 0, capacity = 0;
    for (struct dirent *entry; (entry = readdir(directory)) != NULL;) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0 ||
            listed(manifest, entry->d_name) || file_is_staging_name(entry->d_name))
            continue;
        extra = xgrow(extra, &capacity, count + 1, sizeof(char *));
        extra[count++] = join(folder, entry->d_name);
    }
    closedir(directory);
    if (count > 1)
        qsort(extra, count, sizeof(char *), compare_names);
    for (size_t index = 0; index < count; index++) {
        diag(sink, DIAG_VERIFY_EXTRA, source_position_of_file(extra[index]),
             "this file is not part of the build");
        free(extra[index]);
    }
    free(extra);
}

/* Whether the project's files are where the manifest says: any one of them
 * is. An archive moved or copied without its project has only its
 * documents to check, and that is no failure. */
static bool project_found(const char *folder, const struct manifest *manifest)
{
    if (!manifest->project)
        return true; /* an old manifest: each input warns where it is missing */
    bool found = false;
    for (size_t index = 0; !found && index < manifest->input_count; index++) {
        const struct manifest_entry *entry = &manifest->inputs[index];
        if (strncmp(entry->path, "golive:", 7) == 0)
            continue;
        char *path = manifest_input_path(manifest, folder, NULL, entry);
        found = file_kind_of(path) != NULL;
        free(path);
    }
    return found;
}

/* golive's own templates are checked when the data folder is known. */
static bool input_checkable(const char *data_folder, bool project,
                            const struct manifest_entry *entry)
{
    return strncmp(entry->path, "golive:", 7) == 0 ? data_folder != NULL : project;
}

static void check_inputs(const char *folder, const char *data_folder, const char *manifest_path,
                         const struct manifest *manifest, struct diag_sink *sink)
{
    bool project = project_found(folder, manifest);
    for (size_t index = 0; index < manifest->input_count; index++) {
        const struct manifest_entry *entry = &manifest->inputs[index];
        if (!input_checkable(data_folder, project, entry))
            continue;
        char *path = manifest_input_path(manifest, folder, data_folder, entry);
        char hex[65];
        struct source_position cited = {manifest_path, entry->line, 1};
        if (!hash_file(path, hex))
            diag(sink, DIAG_VERIFY_INPUT_MISSING, cited, "input '%s' is not there to check", path);
        else if (strcmp(hex, entry->sha256) != 0)
            diag(sink, DIAG_VERIFY_INPUT_CHANGED, cited,
                 "input '%s' changed since the build: the documents no longer show it", path);
        free(path);
    }
}

/* What an interrupted build left (file_is_staging_name) and
 * build_folder_recover could not remove: said as such, whatever the
 * manifest. */
static void check_leftovers(const char *folder, struct diag_sink *sink)
{
    DIR *directory = opendir(folder);
    if (!directory)
        return;
    char **leftovers = NULL;
    size_t count = 0, capacity = 0;
    for (struct dirent *entry; (entry = readdir(directory)) != NULL;) {
        if (!file_is_staging_name(entry->d_name))
            continue;
        leftovers = xgrow(leftovers, &capacity, count + 1, sizeof(char *));
        leftovers[count++] = join(folder, entry->d_name);
    }
    closedir(directory);
    if (count > 1)
        qsort(leftovers, count, sizeof(char *), compare_names);
    for (size_t index = 0; index < count; index++) {
        diag(sink, DIAG_VERIFY_LEFTOVER, source_position_of_file(leftovers[index]),
             "an interrupted golive build left this file, and golive could not remove it");
        free(leftovers[index]);
    }
    free(leftovers);
}

void verify_folder(const char *folder, struct diag_sink *sink)
{
    verify_folder_with_data(folder, NULL, sink);
}

void verify_folder_with_data(const char *folder, const char *data_folder, struct diag_sink *sink)
{
    build_folder_recover(folder, sink);
    check_leftovers(folder, sink);
    char *manifest_path = join(folder, MANIFEST_NAME);
    char *text;
    size_t length;
    struct manifest manifest;
    if (file_read(manifest_path, source_position_of_file(manifest_path), sink, &text, &length)) {
        if (manifest_parse(manifest_path, text, length, &manifest, sink)) {
            check_outputs(folder, manifest_path, &manifest, sink);
            check_extra(folder, &manifest, sink);
            check_inputs(folder, data_folder, manifest_path, &manifest, sink);
        }
        manifest_free(&manifest);
        free(text);
    }
    free(manifest_path);
}
