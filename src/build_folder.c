/* Which folders golive build may write into. See build_folder.h. */
#include "build_folder.h"

#include "alloc.h"
#include "buffer.h"
#include "file_io.h"
#include "file_journal.h"
#include "manifest.h"
#include "path.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct build_folder {
    char *path;
    char *first_created; /* the shallowest folder prepare made, or NULL */
    int lock;            /* the folder, locked while golive writes into it; -1 before */
};

static char *join(const char *folder, const char *name)
{
    struct buffer path = {0};
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
    if (*found && S_ISREG(status.st_mode) &&
        file_read(path, source_position_of_file(path), sink, &text, &length)) {
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
    bool listed = strcmp(name, MANIFEST_NAME) == 0 || manifest_lists(previous, name);
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
    bool ok = true;
    for (struct dirent *entry; (entry = readdir(directory)) != NULL;) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        ok = entry_allowed(folder, entry->d_name, rules, sink) && ok;
    }
    return ok;
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

static bool folder_allowed(const char *folder, const char *const *names, size_t count,
                           struct diag_sink *sink)
{
    DIR *directory = opendir(folder);
    if (!directory && errno != ENOENT) {
        diag(sink, DIAG_OUTPUT_FOLDER, source_position_of_file(folder),
             "cannot use '%s' as the output folder: %s", folder,
             errno == ENOTDIR ? "it is not a folder" : strerror(errno));
        return false;
    }
    bool ok = true;
    if (directory) {
        struct manifest previous = {0};
        bool found;
        struct folder_rules rules = {NULL, names, count};
        ok = read_previous(folder, &previous, &found, sink);
        rules.previous = found ? &previous : NULL;
        ok = ok && entries_allowed(folder, directory, &rules, sink);
        if (found)
            manifest_free(&previous);
        closedir(directory);
    }
    return ok;
}

/* One golive command at a time writes into a folder (or undoes what was
 * interrupted there): two builds into one folder would mix. Returns the
 * locked folder's descriptor, or -1 with *busy set when another command
 * holds it. Where the file system has no locks the folder is used as it
 * is. */
static int lock_folder(const char *folder, bool *busy)
{
    *busy = false;
    int descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
        *busy = true;
        close(descriptor);
        descriptor = -1;
    }
    return descriptor;
}

static bool take_lock(struct build_folder *folder, struct diag_sink *sink)
{
    bool busy;
    folder->lock = lock_folder(folder->path, &busy);
    if (busy)
        diag(sink, DIAG_OUTPUT_FOLDER, source_position_of_file(folder->path),
             "cannot use '%s' as the output folder: another golive command is writing into it",
             folder->path);
    return !busy;
}

/* Undoes a commit that was interrupted (its journal) and removes what an
 * interrupted build left; the caller holds the folder's lock. */
static bool recover_locked(const char *folder, struct diag_sink *sink)
{
    bool rolled_back;
    bool ok = file_journal_roll_back(folder, &rolled_back, sink);
    if (rolled_back) {
        char *journal = join(folder, FILE_JOURNAL_NAME);
        diag(sink, DIAG_BUILD_ROLLED_BACK, source_position_of_file(journal),
             "a golive build into this folder was interrupted; every file it had replaced "
             "is back as it was");
        free(journal);
    }
    if (ok)
        remove_leftovers(folder);
    return ok;
}

bool build_folder_recover(const char *folder, struct diag_sink *sink)
{
    if (!path_is_folder(folder))
        return true;
    bool busy;
    int lock = lock_folder(folder, &busy);
    bool ok = busy || recover_locked(folder, sink);
    if (lock >= 0)
        close(lock);
    return ok;
}

struct build_folder *build_folder_open(const char *folder, const char *const *names, size_t count,
                                       struct diag_sink *sink)
{
    struct build_folder *opened = xcalloc(1, sizeof *opened);
    opened->path = xstrdup(folder);
    opened->lock = -1;
    bool ok = !path_is_folder(folder) || (take_lock(opened, sink) && recover_locked(folder, sink));
    if (!ok || !folder_allowed(folder, names, count, sink)) {
        build_folder_close(opened, false);
        return NULL;
    }
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

bool build_folder_prepare(struct build_folder *folder, struct diag_sink *sink)
{
    folder->first_created = first_missing(folder->path);
    if (!path_make_folders(folder->path)) {
        diag(sink, DIAG_OUTPUT_FOLDER, source_position_of_file(folder->path),
             "cannot use '%s' as the output folder: %s", folder->path,
             errno == EEXIST ? "it is not a folder" : strerror(errno));
        return false;
    }
    return folder->lock >= 0 || take_lock(folder, sink);
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
    if (folder->lock >= 0)
        close(folder->lock);
    free(folder->first_created);
    free(folder->path);
    free(folder);
}
