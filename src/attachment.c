/* Attachments: hashing evidence files and checking them (attachment.h). */
#include "attachment.h"

#include "alloc.h"
#include "model_read.h"
#include "file_io.h"
#include "path.h"
#include "sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool attachment_hash_file(const char *path, char hex[65])
{
    int descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat status;
    if (descriptor < 0)
        return false;
    if (fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode)) {
        close(descriptor);
        errno = EINVAL;
        return false;
    }
    struct sha256 hash;
    sha256_init(&hash);
    unsigned char chunk[65536];
    ssize_t got;
    while ((got = read(descriptor, chunk, sizeof chunk)) != 0) {
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            close(descriptor);
            return false;
        }
        sha256_update(&hash, chunk, (size_t)got);
    }
    close(descriptor);
    sha256_final(&hash, hex);
    return true;
}

bool attachment_prepare(const char *run_path, const char *root, const char *const *paths,
                        size_t count, char ***relative, char ***hashes, struct diag_sink *sink)
{
    *relative = xcalloc(count + 1, sizeof(char *));
    *hashes = xcalloc(count + 1, sizeof(char *));
    char *folder = path_folder_of(run_path);
    bool ok = true;
    for (size_t index = 0; ok && index < count; index++) {
        char hex[65];
        const char *path = paths[index];
        ok = file_exists_regular(path) && path_is_inside(path, root) &&
             attachment_hash_file(path, hex);
        if (ok) {
            (*relative)[index] = path_relative(folder, path);
            (*hashes)[index] = xstrdup(hex);
        } else {
            diag(sink, DIAG_ATTACHMENT_UNREADABLE, (struct source_position){0}, "--attach '%s': %s",
                 path,
                 !file_exists_regular(path)    ? "there is no such regular file"
                 : !path_is_inside(path, root) ? "it lies outside the project's folder"
                                               : "it cannot be read");
        }
    }
    free(folder);
    return ok;
}

void attachment_prepared_free(char **relative, char **hashes, size_t count)
{
    for (size_t index = 0; index < count; index++) {
        free(relative ? relative[index] : NULL);
        free(hashes ? hashes[index] : NULL);
    }
    free(relative);
    free(hashes);
}

size_t attachment_read_list(struct arena *arena, const struct node *mapping,
                            struct attachment **out)
{
    const struct node *list = read_list(mapping, "attachments");
    size_t count = list ? node_count(list) : 0, kept = 0;
    *out = arena_calloc(arena, count + 1, sizeof(struct attachment));
    for (size_t index = 0; index < count; index++) {
        const struct node *entry = node_sequence_item(list, index);
        const char *path = node_kind(entry) == NODE_MAPPING ? read_view(entry, "path") : NULL;
        const char *sha256 = path && path[0] ? read_view(entry, "sha256") : NULL;
        if (sha256 && strlen(sha256) == 64) {
            struct attachment *attachment = &(*out)[kept++];
            attachment->path = arena_strdup(arena, path);
            memcpy(attachment->sha256, sha256, 65);
            attachment->position = read_position(entry, "path");
        }
    }
    return kept;
}

static void check_one(struct attachment *attachment, const char *named_from, const char *root,
                      struct diag_sink *sink)
{
    char *path = path_join_relative(named_from, attachment->path);
    char hex[65];
    if (attachment->path[0] == '/' || (file_exists_regular(path) && !path_is_inside(path, root))) {
        diag(sink, DIAG_PATH_OUTSIDE, attachment->position,
             "the attachment '%s' lies outside the project's folder", attachment->path);
        attachment->state = ATTACHMENT_MISSING;
    } else if (!attachment_hash_file(path, hex)) {
        attachment->state = ATTACHMENT_MISSING;
    } else {
        attachment->state =
            strcmp(hex, attachment->sha256) == 0 ? ATTACHMENT_INTACT : ATTACHMENT_CHANGED;
    }
    free(path);
}

void attachment_check_run(struct run *run, const char *root, struct diag_sink *sink)
{
    for (size_t index = 0; index < run->result_count; index++) {
        struct result_record *record = &run->results[index];
        for (size_t at = 0; at < record->attachment_count; at++)
            check_one(&record->attachments[at], run->path, root, sink);
    }
}

void attachment_check_list(struct attachment *attachments, size_t count, const char *named_from,
                           const char *root, struct diag_sink *sink)
{
    for (size_t index = 0; index < count; index++)
        check_one(&attachments[index], named_from, root, sink);
}

static void report_list(const struct attachment *attachments, size_t count, bool as_errors,
                        struct diag_sink *sink)
{
    for (size_t at = 0; at < count; at++) {
        const struct attachment *attachment = &attachments[at];
        if (attachment->state == ATTACHMENT_INTACT)
            continue;
        diag(sink, as_errors ? DIAG_VERIFY_ATTACHMENT : DIAG_ATTACHMENT_CHANGED,
             attachment->position, "the attachment '%s' %s since it was recorded", attachment->path,
             attachment->state == ATTACHMENT_MISSING ? "is gone" : "changed");
    }
}

void attachment_report(const struct model *model, bool as_errors, struct diag_sink *sink)
{
    for (size_t index = 0; index < model->run_count; index++) {
        const struct run *run = model->runs[index];
        for (size_t record = 0; record < run->result_count; record++)
            report_list(run->results[record].attachments, run->results[record].attachment_count,
                        as_errors, sink);
    }
    for (size_t index = 0; index < model->checklist_count; index++) {
        const struct checklist *checklist = model->checklists[index];
        for (size_t at = 0; at < checklist->success_criterion_count; at++)
            report_list(checklist->success_criteria[at].attachments,
                        checklist->success_criteria[at].attachment_count, as_errors, sink);
    }
}
