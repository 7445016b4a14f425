/* Reading inputs safely and writing outputs atomically. */
#include "file_io.h"

#include "alloc.h"
#include "buffer.h"
#include "file_journal.h"
#include "golive_limits.h"
#include "path.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *file_type_name(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a pipe (FIFO)";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

/* golive mark and sign append to a run under an exclusive lock; a reader
 * takes a shared one, so that it never sees a record half written. Where
 * the file system has no locks the file is read as it is. */
static void wait_for_writers(int descriptor)
{
    struct flock lock = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    while (fcntl(descriptor, F_SETLKW, &lock) != 0 && errno == EINTR)
        continue;
}

/* Stops just past limit, so that a file growing while we read is still
 * caught by the size check. */
bool file_read_descriptor(int descriptor, struct buffer *out, size_t limit)
{
    char chunk[65536];
    for (;;) {
        ssize_t got = read(descriptor, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return false;
        if (got == 0)
            return true;
        buffer_append(out, chunk, (size_t)got);
        if (out->length > limit)
            return true;
    }
}

bool file_read(const char *path, struct source_position cited_at, struct diag_sink *sink,
               char **contents, size_t *length)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; we refuse it
     * right after fstat, before reading. */
    int descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0) {
        diag(sink, DIAG_FILE_OPEN, cited_at, "cannot open '%s': %s", path, strerror(errno));
        return false;
    }
    bool ok = false;
    struct buffer data = {0};
    struct stat status;
    if (fstat(descriptor, &status) != 0) {
        diag(sink, DIAG_FILE_OPEN, cited_at, "cannot inspect '%s': %s", path, strerror(errno));
        goto cleanup;
    }
    if (!S_ISREG(status.st_mode)) {
        if (cited_at.line == 0 && cited_at.file && strcmp(cited_at.file, path) == 0)
            diag(sink, DIAG_FILE_NOT_REGULAR, cited_at,
                 "this is %s; golive reads only regular files", file_type_name(status.st_mode));
        else
            diag(sink, DIAG_FILE_NOT_REGULAR, cited_at,
                 "'%s' is %s; golive reads only regular files", path,
                 file_type_name(status.st_mode));
        goto cleanup;
    }
    if ((unsigned long long)status.st_size > LIMIT_FILE_SIZE) {
        diag(sink, DIAG_FILE_TOO_LARGE, cited_at, "'%s' is %lld bytes; the limit is %u bytes", path,
             (long long)status.st_size, LIMIT_FILE_SIZE);
        goto cleanup;
    }
    wait_for_writers(descriptor);
    if (!file_read_descriptor(descriptor, &data, LIMIT_FILE_SIZE)) {
        diag(sink, DIAG_FILE_READ, cited_at, "cannot read '%s': %s", path, strerror(errno));
        goto cleanup;
    }
    if (data.length > LIMIT_FILE_SIZE) {
        diag(sink, DIAG_FILE_TOO_LARGE, cited_at,
             "'%s' grew past the limit of %u bytes while being read", path, LIMIT_FILE_SIZE);
        goto cleanup;
    }
    *length = data.length;
    *contents = buffer_release(&data);
    ok = true;
cleanup:
    buffer_free(&data);
    close(descriptor);
    return ok;
}

static bool write_all(int descriptor, const void *data, size_t length)
{
    const char *bytes = data;
    while (length) {
        ssize_t written = write(descriptor, bytes, length);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        bytes += written;
        length -= (size_t)written;
    }
    return true;
}

/* The mode a new file would get from open(..., 0666): honour the umask. */
static mode_t default_file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* A new empty file with a staging name in the folder of path, open in
 * *descriptor. Returns its name (caller frees), or NULL with errno set. */
static char *create_temporary(const char *path, int *descriptor)
{
    char *folder = path_folder_of(path);
    struct buffer name = {0};
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    buffer_printf(&name, "%s/.%s.golive-XXXXXX", folder, base);
    free(folder);
    char *temporary = buffer_release(&name);
    *descriptor = mkstemp(temporary);
    if (*descriptor < 0) {
        free(temporary);
        return NULL;
    }
    return temporary;
}

/* Writes data to a new temporary file in the folder of path and flushes it.
 * Returns the temporary's name (caller frees), or NULL with errno set. */
static char *write_temporary(const char *path, const void *data, size_t length)
{
    int descriptor;
    char *temporary = create_temporary(path, &descriptor);
    if (!temporary)
        return NULL;
    bool ok = fchmod(descriptor, default_file_mode()) == 0 && write_all(descriptor, data, length) &&
              fsync(descriptor) == 0;
    int saved = errno;
    if (close(descriptor) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        unlink(temporary);
        free(temporary);
        errno = saved;
        return NULL;
    }
    return temporary;
}

/* After a rename, flush the folder so the new name itself survives a crash. */
static void sync_folder_of(const char *path)
{
    char *folder = path_folder_of(path);
    int descriptor = open(folder, O_RDONLY | O_CLOEXEC);
    if (descriptor >= 0) {
        fsync(descriptor);
        close(descriptor);
    }
    free(folder);
}

static bool replace_atomically(const char *path, const void *data, size_t length,
                               struct diag_sink *sink)
{
    struct file_batch *batch = file_batch_new();
    bool ok = file_batch_stage(batch, path, data, length, sink) && file_batch_commit(batch, sink);
    file_batch_free(batch);
    return ok;
}

/* A device or a pipe is written where it is: replacing it with a regular
 * file would destroy it (as root, `-o /dev/null` would replace the system's
 * /dev/null). No O_CREAT: it exists; no O_TRUNC: devices ignore it. */
static bool write_in_place(const char *path, const void *data, size_t length,
                           struct diag_sink *sink)
{
    int descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    bool ok = descriptor >= 0 && write_all(descriptor, data, length);
    int saved = errno;
    if (descriptor >= 0 && close(descriptor) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok)
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(path), "cannot write to '%s': %s", path,
             strerror(saved));
    return ok;
}

static bool refuse_target(const char *path, const char *what, struct diag_sink *sink)
{
    diag(sink, DIAG_OUTPUT_TARGET, source_position_of_file(path),
         "'%s' is %s; golive writes only regular files, devices and pipes", path, what);
    return false;
}

/* A symbolic link stays a link: what it points to is written, by the rules
 * for that target. A link to nothing is refused rather than guessed at. */
static bool write_through_link(const char *path, const void *data, size_t length,
                               struct diag_sink *sink)
{
    char *target = realpath(path, NULL);
    if (!target)
        return refuse_target(path, "a symbolic link to a missing file", sink);
    struct stat status;
    bool ok;
    if (lstat(target, &status) != 0)
        ok = refuse_target(path, "a symbolic link to a missing file", sink);
    else if (S_ISREG(status.st_mode))
        ok = replace_atomically(target, data, length, sink);
    else if (S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode) || S_ISFIFO(status.st_mode))
        ok = write_in_place(target, data, length, sink);
    else
        ok = refuse_target(path,
                           S_ISDIR(status.st_mode) ? "a symbolic link to a folder"
                                                   : "a symbolic link to a socket",
                           sink);
    free(target);
    return ok;
}

bool file_write_atomic(const char *path, const void *data, size_t length, struct diag_sink *sink)
{
    struct stat status;
    if (lstat(path, &status) != 0)
        return replace_atomically(path, data, length, sink);
    if (S_ISREG(status.st_mode))
        return replace_atomically(path, data, length, sink);
    if (S_ISLNK(status.st_mode))
        return write_through_link(path, data, length, sink);
    if (S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode) || S_ISFIFO(status.st_mode))
        return write_in_place(path, data, length, sink);
    return refuse_target(path, file_type_name(status.st_mode), sink);
}

bool file_write_output(const char *path, const void *data, size_t length, struct diag_sink *sink)
{
    if (strcmp(path, "-") != 0)
        return file_write_atomic(path, data, length, sink);
    if (fwrite(data, 1, length, stdout) != length || fflush(stdout) != 0) {
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(NULL),
             "cannot write to standard output: %s", strerror(errno));
        return false;
    }
    return true;
}

struct staged_file {
    char *target;
    char *temporary; /* NULL once renamed into place */
    char *previous;  /* a hard link to the target as it was, while committing */
    bool placed;     /* renamed into place (and not yet rolled back) */
};

struct file_batch {
    struct staged_file *files;
    size_t count, capacity;
    char *journal_folder; /* where the commit keeps its journal, or NULL */
};

struct file_batch *file_batch_new(void)
{
    return xcalloc(1, sizeof(struct file_batch));
}

void file_batch_journal(struct file_batch *batch, const char *folder)
{
    free(batch->journal_folder);
    batch->journal_folder = xstrdup(folder);
}

bool file_batch_stage(struct file_batch *batch, const char *path, const void *data, size_t length,
                      struct diag_sink *sink)
{
    char *temporary = write_temporary(path, data, length);
    if (!temporary) {
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(path), "cannot write '%s': %s", path,
             strerror(errno));
        return false;
    }
    batch->files =
        xgrow(batch->files, &batch->capacity, batch->count + 1, sizeof(struct staged_file));
    batch->files[batch->count] = (struct staged_file){xstrdup(path), temporary, NULL, false};
    batch->count++;
    return true;
}

/* A second name for the target as it is, beside it, so that a commit that
 * fails part-way can put it back. NULL when the target does not exist, or
 * when the file system has no hard links (then that one file cannot be put
 * back). The name has the staging pattern, so a build killed here leaves
 * only files that the next build and golive verify recognise. */
static char *keep_previous(const char *target)
{
    struct stat status;
    if (lstat(target, &status) != 0 || !S_ISREG(status.st_mode))
        return NULL;
    for (int attempt = 0; attempt < 16; attempt++) {
        int descriptor;
        char *name = create_temporary(target, &descriptor); /* a name, never flushed */
        if (!name)
            return NULL;
        close(descriptor);
        unlink(name);
        if (link(target, name) == 0)
            return name;
        free(name);
        if (errno != EEXIST)
            return NULL;
    }
    return NULL;
}

/* Puts every file already renamed back as it was: the kept previous
 * version, or no file where there was none. */
static void roll_back(struct file_batch *batch)
{
    for (size_t index = batch->count; index-- > 0;) {
        struct staged_file *file = &batch->files[index];
        if (!file->placed)
            continue;
        if (file->previous) {
            /* Should this fail, the previous version stays under its
             * staging name, where golive verify points at it. */
            (void)rename(file->previous, file->target);
            free(file->previous);
            file->previous = NULL;
        } else {
            unlink(file->target);
        }
        file->placed = false;
        sync_folder_of(file->target);
    }
}

/* The journal that lets the next command undo this commit should it be
 * killed before the end (file_journal.h). */
static bool write_journal(const struct file_batch *batch, struct diag_sink *sink)
{
    if (!batch->journal_folder)
        return true;
    struct file_journal_entry *entries = xcalloc(batch->count, sizeof *entries);
    for (size_t index = 0; index < batch->count; index++)
        entries[index] =
            (struct file_journal_entry){batch->files[index].target, batch->files[index].temporary,
                                        batch->files[index].previous};
    bool ok = file_journal_write(batch->journal_folder, entries, batch->count, sink);
    free(entries);
    return ok;
}

static void remove_journal(const struct file_batch *batch)
{
    if (batch->journal_folder)
        file_journal_remove(batch->journal_folder);
}

/* Whether an earlier file of the batch is in the same folder as file
 * index, which one flush of the folder serves (a build's documents share
 * theirs). */
static bool folder_seen_before(const struct file_batch *batch, size_t index)
{
    char *folder = path_folder_of(batch->files[index].target);
    bool seen = false;
    for (size_t earlier = 0; earlier < index && !seen; earlier++) {
        char *other = path_folder_of(batch->files[earlier].target);
        seen = strcmp(folder, other) == 0;
        free(other);
    }
    free(folder);
    return seen;
}

bool file_batch_commit(struct file_batch *batch, struct diag_sink *sink)
{
    for (size_t index = 0; index < batch->count; index++)
        batch->files[index].previous = keep_previous(batch->files[index].target);
    if (!write_journal(batch, sink))
        return false;
    for (size_t index = 0; index < batch->count; index++) {
        struct staged_file *file = &batch->files[index];
        if (rename(file->temporary, file->target) != 0) {
            diag(sink, DIAG_FILE_WRITE, source_position_of_file(file->target),
                 "cannot move the new '%s' into place: %s; every file is as it was", file->target,
                 strerror(errno));
            roll_back(batch);
            remove_journal(batch);
            return false;
        }
        free(file->temporary);
        file->temporary = NULL;
        file->placed = true;
    }
    for (size_t index = 0; index < batch->count; index++)
        if (!folder_seen_before(batch, index))
            sync_folder_of(batch->files[index].target);
    remove_journal(batch);
    return true;
}

void file_batch_free(struct file_batch *batch)
{
    if (!batch)
        return;
    for (size_t index = 0; index < batch->count; index++) {
        struct staged_file *file = &batch->files[index];
        if (file->temporary)
            unlink(file->temporary);
        if (file->previous)
            unlink(file->previous);
        free(file->temporary);
        free(file->previous);
        free(file->target);
    }
    free(batch->files);
    free(batch->journal_folder);
    free(batch);
}

const char *file_kind_of(const char *path)
{
    struct stat status;
    if (stat(path, &status) != 0)
        return NULL;
    return S_ISREG(status.st_mode) ? "a regular file" : file_type_name(status.st_mode);
}

bool file_is_staging_name(const char *name)
{
    if (strcmp(name, FILE_JOURNAL_NAME) == 0)
        return true;
    static const char marker[] = ".golive-";
    size_t length = strlen(name), marker_length = sizeof marker - 1;
    if (name[0] != '.' || length < 2 + marker_length + 6)
        return false;
    const char *tail = name + length - 6;
    if (strncmp(tail - marker_length, marker, marker_length) != 0)
        return false;
    for (int index = 0; index < 6; index++)
        if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", tail[index]))
            return false;
    return true;
}

bool file_exists_regular(const char *path)
{
    struct stat status;
    return stat(path, &status) == 0 && S_ISREG(status.st_mode);
}
