/* The commit journal of a set of files written together. See
 * file_journal.h. */
#include "file_journal.h"

#include "alloc.h"
#include "buffer.h"
#include "file_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char journal_header[] =
    "# golive commit journal: a build was interrupted while it replaced these files.\n"
    "# golive build or golive verify on this folder puts them back as they were.\n";

static char *join(const char *folder, const char *name)
{
    struct buffer path = {0};
    buffer_printf(&path, "%s/%s", folder, name);
    return buffer_release(&path);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* A name the journal can hold and roll back: one file of its folder. */
static bool journal_name_valid(const char *name)
{
    return name[0] != '\0' && strcmp(name, ".") != 0 && strcmp(name, "..") != 0 &&
           strpbrk(name, "/\t\n\r") == NULL;
}

static void sync_folder(const char *folder)
{
    int descriptor = open(folder, O_RDONLY | O_CLOEXEC);
    if (descriptor >= 0) {
        fsync(descriptor);
        close(descriptor);
    }
}

bool file_journal_write(const char *folder, const struct file_journal_entry *entries, size_t count,
                        struct diag_sink *sink)
{
    struct buffer text = {0};
    buffer_append(&text, journal_header, sizeof journal_header - 1);
    bool ok = true;
    for (size_t index = 0; index < count; index++) {
        const char *target = base_name(entries[index].target);
        const char *staged = base_name(entries[index].staged);
        const char *kept = entries[index].kept ? base_name(entries[index].kept) : NULL;
        ok = ok && journal_name_valid(target);
        if (kept)
            buffer_printf(&text, "replace\t%s\t%s\t%s\n", target, staged, kept);
        else
            buffer_printf(&text, "create\t%s\t%s\n", target, staged);
    }
    char *path = join(folder, FILE_JOURNAL_NAME);
    if (!ok)
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(path),
             "cannot write '%s': an output's name holds a tab or a line break", path);
    ok = ok && file_write_atomic(path, buffer_text(&text), text.length, sink);
    free(path);
    buffer_free(&text);
    return ok;
}

void file_journal_remove(const char *folder)
{
    char *path = join(folder, FILE_JOURNAL_NAME);
    sync_folder(folder);
    unlink(path);
    sync_folder(folder);
    free(path);
}

/* One line of a journal, split in place. */
struct journal_line {
    char *fields[4];
    size_t count;
};

static bool split_line(char *line, struct journal_line *out)
{
    out->count = 0;
    for (char *field = line; field && out->count < 4;) {
        char *tab = strchr(field, '\t');
        if (tab)
            *tab = '\0';
        out->fields[out->count++] = field;
        field = tab ? tab + 1 : NULL;
        if (field && out->count == 4)
            return false;
    }
    bool replace = strcmp(out->fields[0], "replace") == 0 && out->count == 4;
    bool create = strcmp(out->fields[0], "create") == 0 && out->count == 3;
    if (!replace && !create)
        return false;
    for (size_t index = 1; index < out->count; index++)
        if (!journal_name_valid(out->fields[index]) ||
            (index > 1 && !file_is_staging_name(out->fields[index])))
            return false;
    return true;
}

static bool exists(const char *path)
{
    struct stat status;
    return lstat(path, &status) == 0;
}

/* Puts one target back. A kept version is renamed over the target (when
 * both are still one file, rename does nothing and the second name is
 * removed below); a target that did not exist is removed once its staged
 * file is gone, that is, once it was renamed into place. */
static bool undo_one(const char *folder, const struct journal_line *line)
{
    char *target = join(folder, line->fields[1]);
    char *staged = join(folder, line->fields[2]);
    bool ok = true;
    if (line->count == 4) {
        char *kept = join(folder, line->fields[3]);
        if (exists(kept))
            ok = rename(kept, target) == 0;
        if (ok && unlink(kept) != 0 && errno != ENOENT)
            ok = false;
        free(kept);
    } else if (!exists(staged)) {
        ok = unlink(target) == 0 || errno == ENOENT;
    }
    if (ok && unlink(staged) != 0 && errno != ENOENT)
        ok = false;
    free(target);
    free(staged);
    return ok;
}

/* Undoes the lines of text from the last to the first. Returns the
 * 1-based number of the line that failed, or 0. */
static size_t undo_all(const char *folder, char *text, bool *malformed, int *error)
{
    struct journal_line *lines = NULL;
    size_t count = 0, failed = 0, number = 0, capacity = 0, numbers_capacity = 0;
    size_t *numbers = NULL;
    *malformed = false;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        number++;
        if (line[0] == '#')
            continue;
        lines = xgrow(lines, &capacity, count + 1, sizeof *lines);
        numbers = xgrow(numbers, &numbers_capacity, count + 1, sizeof *numbers);
        numbers[count] = number;
        if (!split_line(line, &lines[count++])) {
            *malformed = true;
            failed = number;
            break;
        }
    }
    for (size_t index = count; !*malformed && index-- > 0;)
        if (!undo_one(folder, &lines[index]) && !failed) {
            failed = numbers[index];
            *error = errno;
        }
    free(lines);
    free(numbers);
    return failed;
}

bool file_journal_roll_back(const char *folder, bool *rolled_back, struct diag_sink *sink)
{
    *rolled_back = false;
    char *path = join(folder, FILE_JOURNAL_NAME);
    bool ok = true;
    if (exists(path)) {
        char *text = NULL;
        size_t length;
        ok = file_read(path, source_position_of_file(path), sink, &text, &length);
        bool malformed = false;
        int error = 0;
        size_t failed = ok ? undo_all(folder, text, &malformed, &error) : 0;
        struct source_position at = {path, (unsigned)failed, 1};
        if (malformed)
            diag(sink, DIAG_JOURNAL_MALFORMED, at,
                 "this is not a commit journal golive can undo; the folder may mix two builds");
        else if (failed)
            diag(sink, DIAG_JOURNAL_MALFORMED, at,
                 "cannot put back the file of this line: %s; the folder may mix two builds",
                 strerror(error));
        ok = ok && !failed;
        if (ok) {
            file_journal_remove(folder);
            *rolled_back = true;
        }
        free(text);
    }
    free(path);
    return ok;
}
