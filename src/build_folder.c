/* Which folders golive build may write into. See build_folder.h. */
#include "build_folder.h"

#include "alloc.h"
#include "buffer.h"
#include "file_io.h"
#include "manifest.h"
#include "path.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct build_folder {
    char *path;
    char *first_created; /* the shallowest folder prepare made, or NULL */
};

static char *join(const char *folder, const char *name)
{
    struct buffer path = { 0 };
    buffer_printf(&path, "%s/%s", folder, name);
    return buffer_release(&path);
}

static bool among(const char *name, const char *const *names, size_t count)
{
    for (size_t index = 0; index < count; index++)
        if (strcmp(names[index], name) == 0)
            return true;
    return false;
}

static bool manifest_lists(const struct manifest *manifest, const char *name)
{
    for (size_t index = 0; manifest && index < manifest->output_count; index++)
        if (strcmp(manifest->outputs[index].path, name) == 0)
            return true;
    return false;
}

/* The previous build's manifest, when the folder has one. Returns false
 * when there is one that cannot be read: then the folder is not golive's
 * to overwrite. */
static bool read_previous(const char *folder, struct manifest *manifest, bool *found,
                          struct diag_sink *sink)
{
    char *path = join(folder, MANIFEST_NAME);
    struct stat status;
    *found = lstat(path, &status) == 0;
    bool ok = !*found;
    char *text = NULL;
    size_t length;
    if (*found && S_ISREG(status.st_mode)
        && file_read(path, source_position_of_file(path), sink, &text, &length)) {
        ok = manifest_parse(path, text, length, manifest, sink);
        if (!ok)
            manifest_free(manifest);
    }
    if (*found && !ok)
        diag(sink, DIAG_OUTPUT_FOLDER_FOREIGN, source_position_of_file(path),
             "this is not the MANIFEST of a golive build; golive build writes only into an "
             "empty folder or one holding a golive build");
    free(text);
    free(path);
    return ok;
}

/* Whether a build may leave entry as it is or replace it: see the rules in
 * build_folder.h. Reports the entry when not. */
struct folder_rules {
    const struct manifest *previous; /* NULL when the folder has no MANIFEST */
    bool interrupted;                /* it holds what an interrupted build left */
    const char *const *names;        /* what this build writes */
    size_t count;
};

static bool entry_allowed(const char *folder, const char *name, const struct folder_rules *rules,
                          struct diag_sink *sink)
{
    if (file_is_staging_name(name))
        return true;
    const struct manifest *previous = rules->previous;
    bool written = among(name, rules->names, rules->count);
    /* A first build killed while renaming left some documents and no
     * MANIFEST yet: those documents are its own. */
    bool listed = strcmp(name, MANIFEST_NAME) == 0 || manifest_lists(previous, name)
                  || (!previous && rules->interrupted && written);
    char *path = join(folder, name);
    struct stat status;
    bool ok = true;
    if (written && listed && lstat(path, &status) == 0 && !S_ISREG(status.st_mode)) {
        diag(sink, DIAG_OUTPUT_FOLDER_FOREIGN, source_position_of_file(path),
             "this is not a regular file; golive build replaces only the files of its previous "
             "build");
        ok = false;
    } else if (written && !listed) {
        diag(sink, DIAG_OUTPUT_FOLDER_FOREIGN, source_position_of_file(path),
             "golive build would overwrite this file, which no golive build wrote (%s)",
             previous ? "the folder's MANIFEST does not list it" : "the folder has no MANIFEST");
        ok = false;
    } else if (!previous && !listed) {
        diag(sink, DIAG_OUTPUT_FOLDER_FOREIGN, source_position_of_file(path),
             "this file is not part of a golive build; golive build writes only into an empty "
             "folder or one holding a golive build");
        ok = false;
    }
    free(path);
    return ok;
}

static bool entries_allowed(const char *folder, DIR *directory, struct folder_rules *rules,
                            struct diag_sink *sink)
{
    for (struct dirent *entry; (entry = readdir(directory)) != NULL;)
        rules->interrupted = rules->interrupted || file_is_staging_name(entry->d_name);
    rewinddir(directory);
    bool ok = true;
    for (struct dirent *entry; (entry = readdir(directory)) != NULL;) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        ok = entry_allowed(folder, entry->d_name, rules, sink) && ok;
    }
    return ok;
}

struct build_folder *build_folder_open(const char *folder, const char *const *names,
                                       size_t count, struct diag_sink *sink)
{
    DIR *directory = opendir(folder);
    if (!directory && errno != ENOENT) {
        diag(sink, DIAG_OUTPUT_FOLDER, source_position_of_file(folder),
             "cannot use '%s' as the output folder: %s", folder,
             errno == ENOTDIR ? "it is not a folder" : strerror(errno));
        return NULL;
    }
    bool ok = true;
    if (directory) {
        struct manifest previous = { 0 };
        bool found;
        struct folder_rules rules = { NULL, false, names, count };
        ok = read_previous(folder, &previous, &found, sink);
        rules.previous = found ? &previous : NULL;
        ok = ok && entries_allowed(folder, directory, &rules, sink);
        if (found)
            manifest_free(&previous);
        closedir(directory);
    }
    if (!ok)
        return NULL;
    struct build_folder *opened = xcalloc(1, sizeof *opened);
    opened->path = xstrdup(folder);
    return opened;
}

/* The shallowest folder of path that does not exist, or NULL. */
static char *first_missing(const char *path)
{
    char *missing = NULL;
    char *at = xstrdup(path);
    struct stat status;
    while (lstat(at, &status) != 0 && errno == ENOENT) {
        free(missing);
        missing = at;
        at = path_folder_of(missing);
        if (strcmp(at, missing) == 0)
            break;
    }
    free(at);
    return missing;
}

static void remove_leftovers(const char *folder)
{
    DIR *directory = opendir(folder);
    if (!directory)
        return;
    for (struct dirent *entry; (entry = readdir(directory)) != NULL;) {
        if (!file_is_staging_name(entry->d_name))
            continue;
        char *path = join(folder, entry->d_name);
        struct stat status;
        if (lstat(path, &status) == 0 && S_ISREG(status.st_mode))
            unlink(path);
        free(path);
    }
    closedir(directory);
}

bool build_folder_prepare(struct build_folder *folder, struct diag_sink *sink)
{
    folder->first_created = first_missing(folder->path);
    if (!path_make_folders(folder->path)) {
        diag(sink, DIAG_OUTPUT_FOLDER, source_position_of_file(folder->path),
             "cannot use '%s' as the output folder: %s", folder->path,
             errno == EEXIST ? "it is not a folder" : strerror(errno));
        return false;
    }
    remove_leftovers(folder->path);
    return true;
}

void build_folder_close(struct build_folder *folder, bool succeeded)
{
    if (!folder)
        return;
    if (!succeeded && folder->first_created) {
        char *at = xstrdup(folder->path);
        while (rmdir(at) == 0 && strcmp(at, folder->first_created) != 0) {
            char *parent = path_folder_of(at);
            free(at);
            at = parent;
        }
        free(at);
    }
    free(folder->first_created);
    free(folder->path);
    free(folder);
}
