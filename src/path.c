/* Resolving and confining paths named by inputs. */
#include "path.h"

#include "alloc.h"
#include "buffer.h"

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
    struct buffer joined = { 0 };
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
    return strncmp(resolved_path, resolved_root, length) == 0
           && (resolved_path[length] == '/' || resolved_path[length] == '\0');
}

bool path_same_file(const char *left, const char *right)
{
    struct stat left_status, right_status;
    return stat(left, &left_status) == 0 && stat(right, &right_status) == 0
           && left_status.st_dev == right_status.st_dev && left_status.st_ino == right_status.st_ino;
}

bool path_is_folder(const char *path)
{
    struct stat status;
    return stat(path, &status) == 0 && S_ISDIR(status.st_mode);
}
