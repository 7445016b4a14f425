/* Resolving and confining paths named by inputs. */
#include "path.h"

#include "alloc.h"
#include "buffer.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *path_folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

char *path_join_relative(const char *base_file, const char *target)
{
    if (target[0] == '/')
        return xstrdup(target);
    const char *slash = strrchr(base_file, '/');
    if (!slash)
        return xstrdup(target);
    struct buffer joined = {0};
    buffer_append(&joined, base_file, (size_t)(slash - base_file) + 1);
    buffer_append_text(&joined, target);
    return buffer_release(&joined);
}

bool path_is_inside(const char *path, const char *root)
{
    char resolved_path[PATH_MAX], resolved_root[PATH_MAX];
    if (!realpath(path, resolved_path) || !realpath(root, resolved_root))
        return false;
    size_t length = strlen(resolved_root);
    if (strcmp(resolved_root, "/") == 0)
        return true;
    return strncmp(resolved_path, resolved_root, length) == 0 &&
           (resolved_path[length] == '/' || resolved_path[length] == '\0');
}

bool path_same_file(const char *left, const char *right)
{
    struct stat left_status, right_status;
    return stat(left, &left_status) == 0 && stat(right, &right_status) == 0 &&
           left_status.st_dev == right_status.st_dev && left_status.st_ino == right_status.st_ino;
}

bool path_is_folder(const char *path)
{
    struct stat status;
    return stat(path, &status) == 0 && S_ISDIR(status.st_mode);
}

char *path_relative(const char *folder, const char *target)
{
    char from[PATH_MAX], to[PATH_MAX];
    if (!realpath(folder, from) || !realpath(target, to))
        return NULL;
    /* The longest common prefix that ends at a folder boundary. */
    size_t common = 0, at = 0;
    while (from[at] && from[at] == to[at]) {
        at++;
        if ((from[at] == '/' || from[at] == '\0') && (to[at] == '/' || to[at] == '\0'))
            common = at;
    }
    struct buffer relative = {0};
    bool from_root = strcmp(from, "/") == 0;
    for (const char *rest = from + common; *rest && !from_root; rest++)
        if (*rest == '/')
            buffer_append_text(&relative, "../");
    if (from_root)
        common = 0;
    const char *tail = to + common;
    buffer_append_text(&relative, *tail == '/' ? tail + 1 : tail);
    return buffer_release(&relative);
}

bool path_make_folders(const char *path)
{
    char *copy = xstrdup(path);
    bool ok = true;
    for (char *at = copy + 1; ok; at++) {
        bool end = *at == '\0';
        if (*at != '/' && !end)
            continue;
        *at = '\0';
        ok = mkdir(copy, 0777) == 0 || errno == EEXIST;
        if (end)
            break;
        *at = '/';
    }
    free(copy);
    if (ok && !path_is_folder(path)) {
        errno = EEXIST;
        return false;
    }
    return ok;
}
